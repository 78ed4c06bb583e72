"""`make run`: the Procfile's two processes, and e-mail links that follow HOST and PORT."""

import shutil
import subprocess
from pathlib import Path

from django.conf import settings


def test_make_run_points_email_links_at_its_own_host_and_port(tmp_path):
    # A make target beside the Makefile's own that runs Django in the environment `make run` exports.
    probe = tmp_path / "probe.mk"
    probe.write_text(
        "probe:\n"
        '\t@$(PY) manage.py shell -v 0 -c "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"\n'
        '\t@echo "$$RUN_ADDRESS"\n'
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [shutil.which("make"), "-s", "-f", "Makefile", "-f", str(probe), "probe", "HOST=127.0.0.1", "PORT=8123"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert result.stdout.split() == ["http://127.0.0.1:8123", "127.0.0.1:8123"]


def test_the_procfile_runs_the_web_server_and_the_worker_on_the_chosen_address():
    procfile = (Path(settings.BASE_DIR) / "Procfile").read_text()
    lines = dict(line.split(":", 1) for line in procfile.splitlines() if line and not line.startswith("#"))
    assert lines["web"].strip() == ".venv/bin/python manage.py runserver ${RUN_ADDRESS}"
    assert lines["worker"].strip() == ".venv/bin/python manage.py run_worker"


def test_make_run_shows_the_intranets_own_pages_and_debug_is_a_choice():
    """`make run` serves the pages as employees see them, error pages included; `DEBUG=1` brings Django's."""
    make = [shutil.which("make"), "-n", "-f", "Makefile", "run"]
    env = {"PATH": "/usr/bin:/bin"}
    dry = subprocess.run(make, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60, check=True)
    assert "DEBUG=0 .venv/bin/honcho start -f Procfile" in dry.stdout
    dry = subprocess.run([*make, "DEBUG=1"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60)
    assert "DEBUG=1 .venv/bin/honcho start -f Procfile" in dry.stdout

    def debug_in_dev_settings(value):
        code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
        env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "intranet.settings.dev"}
        if value is not None:
            env["DEBUG"] = value
        python = str(Path(settings.BASE_DIR) / ".venv" / "bin" / "python")
        run = subprocess.run([python, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True)
        return run.stdout.strip()

    assert [debug_in_dev_settings(value) for value in ("0", "1", None)] == ["False", "True", "True"]
