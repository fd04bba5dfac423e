"""Every response carries a strict Content-Security-Policy, and no page needs inline code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.django_db


def policy_of(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.parametrize("url", ["/", "/sok/?q=budget", "/parti/", "/konto/logga-in/", "/saknas/"])
def test_public_pages_carry_a_strict_policy(client, url):
    policy = policy_of(client.get(url))

    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in str(policy)


def test_the_admin_login_carries_the_policy(client):
    assert policy_of(client.get("/admin/login/"))["default-src"] == "'self'"


def test_no_template_or_stylesheet_relies_on_inline_script_or_style():
    """What the policy would refuse: inline <script>/<style>, style= and on…= attributes.
    Mails are no pages: a mail reader takes only inline styles (`templates/*/mail/`)."""
    inline = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=", re.IGNORECASE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if "mail" not in path.parent.parts and inline.search(path.read_text())
    ]
    assert offenders == []


def test_the_error_page_links_a_stylesheet_that_is_served(client):
    from django.template.loader import render_to_string

    href = re.search(r'<link rel="stylesheet" href="([^"]+)">', render_to_string("500.html"))

    assert href is not None
    response = client.get(href.group(1))
    assert response.status_code == 200
    assert b"font-family" in b"".join(response.streaming_content)
