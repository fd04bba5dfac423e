"""Mail settings come from the environment: SMTP in production, files in var/mail on a
developer machine (what `make run` uses)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({k: str(getattr(settings, k)) for k in ['EMAIL_BACKEND', "
    "'EMAIL_FILE_PATH', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', 'EMAIL_USE_TLS', "
    "'EMAIL_TIMEOUT', 'DEFAULT_FROM_EMAIL', 'SITE_URL']}))"
)


def mail_settings(**env: str) -> dict:
    result = load_settings(PROBE, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_developer_machine_writes_mails_to_var_mail():
    values = mail_settings()
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert values["EMAIL_FILE_PATH"] == str(ROOT / "var" / "mail")
    assert values["SITE_URL"] == "http://127.0.0.1:8000"


def test_production_sends_by_smtp_as_the_environment_says():
    values = mail_settings(
        DATABASE_URL="postgres://u:p@db.invalid:5432/x",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="arkiv.example.se",
        EMAIL_HOST="smtp.example.se",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="arkivet",
        EMAIL_USE_TLS="1",
    )
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (values["EMAIL_HOST"], values["EMAIL_PORT"]) == ("smtp.example.se", "587")
    assert (values["EMAIL_HOST_USER"], values["EMAIL_USE_TLS"]) == ("arkivet", "True")
    assert int(values["EMAIL_TIMEOUT"]) > 0
    assert values["DEFAULT_FROM_EMAIL"] == "Protokollarkivet <noreply@arkiv.example.se>"
    assert values["SITE_URL"] == "https://arkiv.example.se"
