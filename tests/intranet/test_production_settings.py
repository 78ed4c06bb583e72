"""Production settings are checked in a subprocess, as the server would load them."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "intranet.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_prints_no_warning():
    key = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)") for _ in range(50))
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=key,
        ALLOWED_HOSTS="intranet.ikast-brande.dk",
        DATABASE_URL="sqlite:////tmp/check-deploy.sqlite3",
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_missing_secret_key_stops_start_up_with_a_clear_message():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY mangler" in result.stderr


def test_production_serves_static_files_with_compressed_manifest_storage():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])",
        SECRET_KEY="y" * 50,
    )
    assert result.stdout.strip().splitlines()[-1] == "whitenoise.storage.CompressedManifestStaticFilesStorage", (
        result.stderr
    )


def test_production_settings_leave_out_the_development_only_bench_app():
    key = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(50))
    result = run_manage("help", "--commands", SECRET_KEY=key)
    assert result.returncode == 0, result.stderr
    commands = result.stdout.split()
    assert "seed_demo" in commands
    assert not {"seed_bench", "run_bench", "run_loadtest"} & set(commands)
    bench = run_manage("help", "--commands", SECRET_KEY=key, DJANGO_SETTINGS_MODULE="intranet.settings.bench")
    assert {"seed_bench", "run_bench", "run_loadtest"} <= set(bench.stdout.split()), bench.stderr
