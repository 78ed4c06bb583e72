"""Result pages cached between a save and the worker's index update are not kept, in any web process."""

from django.core.cache import caches
from modelsearch.tasks import insert_or_update_object_task

from search.cache import generation


def test_an_index_update_by_the_worker_moves_the_generation_on_for_every_process(db):
    from wagtail.models import Page

    before = generation()
    root = Page.objects.first()
    insert_or_update_object_task.enqueue("wagtailcore", "page", root.pk)
    assert generation() != before
    # The worker and each web process have a memory cache of their own: the generation is not kept
    # there but in the shared cache (Redis, or the file cache of the host), which they all read.
    moved = generation()
    caches["default"].clear()
    assert generation() == moved != before
