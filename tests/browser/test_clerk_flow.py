"""A clerk signs in, uploads a PDF, reviews it, publishes it and finds it on the public side."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import Page, expect

from minutes import models
from minutes.roles import CLERK_GROUP
from tests.parsing.builders import build_pdf

from .conftest import DESKTOP, PHONE

PROTOCOL = Path(__file__).parents[1] / "fixtures" / "protocols" / "clerk_kulturnamnden.txt"
PASSWORD = "webbläsare-lösen-71"

# The live server shares the database through committed transactions; restoring the
# migration-made rows (the clerks' group) after the flush keeps later tests whole.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def clerk(django_user_model):
    user = django_user_model.objects.create_user("granskare", password=PASSWORD)
    # A transactional test before this one may have flushed the group its migration made;
    # the flush's post_migrate has made the permissions again.
    group, _ = Group.objects.get_or_create(name=CLERK_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="minutes"))
    user.groups.add(group)
    return user


def sign_in(page: Page, username: str) -> None:
    expect(page.get_by_role("heading", name="Logga in")).to_be_visible()
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def column_count(page: Page) -> int:
    """How many grid columns the first § lays out side by side."""
    columns = page.locator(".review-columns").first.evaluate(
        "el => getComputedStyle(el).gridTemplateColumns"
    )
    return len(columns.split())


def test_clerk_uploads_reviews_and_publishes_a_pdf(
    browser_page: Page, live_server, clerk, tmp_path, screenshot_dir
):
    page = browser_page
    pdf = build_pdf(PROTOCOL.read_text(encoding="utf-8"), tmp_path / "kulturnamnden.pdf")

    page.goto(f"{live_server.url}/protokollforare/ladda-upp/")
    sign_in(page, clerk.username)
    expect(page.get_by_role("heading", name="Ladda upp ett protokoll")).to_be_visible()
    page.get_by_label("Protokollfil").set_input_files(pdf)
    page.get_by_role("button", name="Ladda upp och läs in").click()

    expect(page.get_by_role("heading", name="Granska inläsningen")).to_be_visible()
    expect(page.get_by_role("heading", name="§ 51 Bidrag till studieförbund 2025")).to_be_visible()
    clause = page.locator("ol.clauses li", has_text="fördela bidraget efter antalet")
    expect(clause).to_have_text("fördela bidraget efter antalet genomförda studietimmar.")
    source = page.get_by_role("region", name="Text i protokollet, § 51")
    expect(source).to_contain_text("Olof Sandberg (M) yrkar avslag")
    expect(page.get_by_text("Inget beslut hittades i paragrafen.")).to_be_visible()
    assert not models.Meeting.objects.exists(), "nothing is public before publishing"

    # The stylesheet loaded: the reading and its text stand side by side on a wide screen
    # and stack on a phone.
    assert column_count(page) == 2
    page.screenshot(path=screenshot_dir / "clerk-review-desktop-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    assert column_count(page) == 1
    page.screenshot(path=screenshot_dir / "clerk-review-phone-390.png", full_page=True)
    page.set_viewport_size(DESKTOP)

    page.get_by_role("button", name="Publicera").click()
    expect(page.get_by_role("heading", name="Protokollet är publicerat")).to_be_visible()
    expect(page.get_by_text("lästes in som ett nytt sammanträde")).to_be_visible()
    meeting = models.Meeting.objects.get()
    assert meeting.is_published and meeting.committee.name == "Kulturnämnden"

    public_link = page.get_by_role("link", name="Visa sammanträdet i arkivet")
    if public_link.count():
        public_link.click()
        expect(page.get_by_text("Bidrag till studieförbund 2025").first).to_be_visible()

    page.goto(f"{live_server.url}/")
    latest = page.locator("section", has=page.get_by_role("heading", name="Senaste sammanträdena"))
    expect(latest.get_by_text("Kulturnämnden")).to_be_visible()


def test_anonymous_visit_to_upload_ends_on_sign_in(browser_page: Page, live_server):
    page = browser_page
    page.goto(f"{live_server.url}/protokollforare/ladda-upp/")
    expect(page).to_have_url(re.compile(r"/konto/logga-in/\?next=/protokollforare/ladda-upp/$"))
    expect(page.get_by_role("heading", name="Logga in")).to_be_visible()
    expect(page.get_by_label("Protokollfil")).to_have_count(0)
    assert not models.Upload.objects.exists()
