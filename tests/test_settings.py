"""Settings come from the environment, safe by default, and agree with the compose file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({k: getattr(settings, k, None) for k in "
    "['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', "
    "'SECURE_CONTENT_TYPE_NOSNIFF', 'ALLOWED_HOSTS', 'SECURE_PROXY_SSL_HEADER']}))"
)

# What a probe sets itself, never inherits from the environment the tests run in.
SETTINGS_FROM_ENVIRONMENT = {
    "DEBUG",
    "SECRET_KEY",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "SITE_SCHEME",
    "SECURE_COOKIES",
    "TRUST_X_FORWARDED_PROTO",
}


def load_settings(probe: str = PROBE, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_FROM_ENVIRONMENT}
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
    assert values["SECURE_PROXY_SSL_HEADER"] is None, "no client may say it came over https"


def test_plain_http_try_out_drops_secure_cookies_so_clerks_can_sign_in():
    result = load_settings(SITE_SCHEME="http")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False


def test_an_unknown_site_scheme_is_refused():
    result = load_settings(SITE_SCHEME="htps")
    assert result.returncode != 0
    assert "SITE_SCHEME must be https or http" in result.stderr


def test_x_forwarded_proto_is_believed_only_when_a_proxy_is_said_to_set_it():
    result = load_settings(TRUST_X_FORWARDED_PROTO="1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["SECURE_PROXY_SSL_HEADER"] == [
        "HTTP_X_FORWARDED_PROTO",
        "https",
    ]


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
    gunicorn_source = (ROOT / "deploy" / "gunicorn.conf.py").read_text()
    dockerfile = (ROOT / "Dockerfile").read_text()
    for name in app_env:
        read = f'"{name}"' in settings_source or f'"{name}"' in gunicorn_source
        assert read, f"{name} is set by compose but never read"
    assert app_env["DEBUG"] == "0"
    db_env = services["db"]["environment"]
    url = app_env["DATABASE_URL"]
    assert f"{db_env['POSTGRES_USER']}:" in url and url.endswith(
        f"@db:5432/{db_env['POSTGRES_DB']}"
    )
    assert services["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "/healthz/" in " ".join(services["app"]["healthcheck"]["test"])
    assert "gunicorn archive.wsgi:application -c deploy/gunicorn.conf.py" in dockerfile
    assert "migrate --noinput" in dockerfile


def test_only_the_proxy_faces_the_network_and_only_it_is_believed():
    services = compose()["services"]
    app, proxy = services["app"], services["proxy"]
    assert "ports" not in app, "gunicorn's sync workers must not face slow clients"
    assert proxy["image"].startswith("nginx:")
    assert {port.split(":")[-1] for port in proxy["ports"]} == {"80", "443"}
    assert app["environment"]["TRUST_X_FORWARDED_PROTO"] == "1"
    assert app["environment"]["FORWARDED_ALLOW_IPS"] == proxy["networks"]["default"]["ipv4_address"]
    assert proxy["depends_on"]["app"]["condition"] == "service_healthy"


def test_one_site_scheme_sets_both_the_proxy_and_the_cookies():
    services = compose()["services"]
    scheme = services["app"]["environment"]["SITE_SCHEME"]
    assert scheme == "${SITE_SCHEME:-https}", "a safe default: TLS and Secure cookies"
    mounts = {volume.split(":")[-2]: volume for volume in services["proxy"]["volumes"]}
    template = mounts["/etc/nginx/templates/default.conf.template"]
    assert template.startswith(f"./deploy/nginx/{scheme}.conf.template:")
    proxy_env = services["proxy"]["environment"]
    for mode in ("http", "https"):
        text = (ROOT / "deploy" / "nginx" / f"{mode}.conf.template").read_text()
        assert set(re.findall(r"\$\{(\w+)\}", text)) <= set(proxy_env), mode
        assert "include archive/archive.conf;" in text


def test_the_proxy_keeps_the_app_s_body_limits():
    from django.conf import settings
    from django.urls import reverse

    from archive.request_limits import UPLOAD_FORM_MARGIN, UPLOAD_URL_NAMES

    proxy_conf = (ROOT / "deploy" / "nginx" / "archive.conf").read_text()
    everywhere = re.search(r"^client_max_body_size (\d+)m;", proxy_conf, re.MULTILINE)
    assert int(everywhere.group(1)) * 1024 * 1024 == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    pages = re.findall(r"location (\S+) \{\s*client_max_body_size (\d+)m;", proxy_conf)
    assert {path for path, _ in pages} == {reverse(name) for name in UPLOAD_URL_NAMES}
    for _, megabytes in pages:
        assert int(megabytes) * 1024 * 1024 == settings.MAX_UPLOAD_BYTES + UPLOAD_FORM_MARGIN
    page = (ROOT / "deploy" / "nginx" / "errors" / "413.html").read_text()
    assert f"högst {settings.MAX_UPLOAD_BYTES // 100_000 / 10} MB" in page


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_docker_compose_accepts_the_file(scheme):
    command = (
        ["docker", "compose"]
        if subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
        else [shutil.which("docker-compose") or "docker-compose"]
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50, "POSTGRES_PASSWORD": "secret"}
    env["SITE_SCHEME"] = scheme
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
