"""Settings come from the environment, safe by default, and agree with the compose file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({k: getattr(settings, k, None) for k in "
    "['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', "
    "'SECURE_CONTENT_TYPE_NOSNIFF', 'ALLOWED_HOSTS']}))"
)


def load_settings(probe: str = PROBE, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="archive.settings")
    return subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_debug_is_off_without_environment_and_cookies_are_secure():
    result = load_settings()
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] > 0
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(DATABASE_URL="postgres://u:p@db.invalid:5432/x")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_takes_everything_from_the_environment():
    result = load_settings(
        DATABASE_URL="postgres://u:p@db.invalid:5432/x",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="arkiv.example.se, www.arkiv.example.se",
        DEBUG="0",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["ALLOWED_HOSTS"] == ["arkiv.example.se", "www.arkiv.example.se"]
    assert values["DEBUG"] is False


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_file_and_settings_agree():
    services = compose()["services"]
    assert services["db"]["image"].startswith("postgres:17")
    app_env = services["app"]["environment"]
    settings_source = (ROOT / "archive" / "settings.py").read_text()
    dockerfile = (ROOT / "Dockerfile").read_text()
    for name in app_env:
        read_by_settings = f'"{name}"' in settings_source
        read_by_container = "${" + name in dockerfile  # gunicorn's worker count
        assert read_by_settings or read_by_container, f"{name} is set by compose but never read"
    assert app_env["DEBUG"] == "0"
    db_env = services["db"]["environment"]
    url = app_env["DATABASE_URL"]
    assert f"{db_env['POSTGRES_USER']}:" in url and url.endswith(
        f"@db:5432/{db_env['POSTGRES_DB']}"
    )
    assert services["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "/healthz/" in " ".join(services["app"]["healthcheck"]["test"])
    assert "gunicorn archive.wsgi:application" in dockerfile
    assert "migrate --noinput" in dockerfile


def test_docker_compose_accepts_the_file():
    command = (
        ["docker", "compose"]
        if subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
        else [shutil.which("docker-compose") or "docker-compose"]
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50, "POSTGRES_PASSWORD": "secret"}
    result = subprocess.run(
        [*command, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_wsgi_app_keeps_its_start_up_objects_out_of_full_collections():
    """gunicorn's workers load archive.wsgi: what it loads is frozen, so no request pays
    for a full garbage-collector pass over Django's own objects."""
    probe = "import gc, archive.wsgi; print(gc.get_freeze_count())"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={
            **os.environ,
            "DATABASE_URL": "postgres://u:p@db.invalid:5432/x",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "archive.example",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 10_000
