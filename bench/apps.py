from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Development-only tooling: fill a benchmark database, time the pages, drive a load test.

    Installed by the development, test and benchmark settings, never by production settings, and
    imported by no other app (``make lint`` checks that), so nothing of it ships with the intranet.
    """

    name = "bench"
    verbose_name = "Benchmark"
