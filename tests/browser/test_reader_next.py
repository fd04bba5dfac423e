"""In a browser: a phone reader reaches the filters in one tap; an att-sats permalink
lands on its clause; the person page's charts, the meeting's legal dates and the
accessibility statement pass axe-core; a clerk signs in from the footer and out from the
page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browse_data import build_archive

from .conftest import DESKTOP, PHONE
from .test_journalist import check_and_capture, serious_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "läsare-lösen-93"


def test_a_phone_reader_reaches_the_filters_in_one_tap(browser_page: Page, live_server):
    build_archive()
    page = browser_page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/sok/?q=samverkan")
    link = page.get_by_role("link", name="Filtrera träffarna")
    expect(link).to_be_in_viewport()
    link.click()
    expect(page.get_by_role("heading", name="Avgränsa")).to_be_in_viewport()
    assert page.url.endswith("#avgransa")
    assert serious_violations(page) == []
    # Beside the results on a wide screen, the filters need no link.
    page.set_viewport_size(DESKTOP)
    expect(link).to_be_hidden()


def test_an_att_sats_permalink_lands_on_its_clause(browser_page: Page, live_server, screenshot_dir):
    archive = build_archive()
    page = browser_page
    page.goto(live_server.url + archive.item.get_absolute_url() + "#att-2")
    target = page.locator(":target")
    expect(target).to_have_attribute("id", "att-2")
    expect(target).to_contain_text("uppdra åt direktören att teckna det")
    page.get_by_role("link", name="Länk till att-sats 1").click()
    assert page.url.endswith("#att-1")
    expect(page.locator(":target")).to_contain_text("godkänna avtalet")
    check_and_capture(page, "att-sats", screenshot_dir)


def test_person_meeting_and_accessibility_pages_pass_axe(
    browser_page: Page, live_server, screenshot_dir
):
    archive = build_archive()
    page = browser_page
    page.goto(live_server.url + archive.reserver.get_absolute_url())
    expect(page.get_by_role("img", name="Reservationer per år för Per Persson")).to_be_visible()
    check_and_capture(page, "person", screenshot_dir)
    page.goto(live_server.url + archive.first.get_absolute_url())
    dates = page.get_by_role("region", name="Justering och överklagande")
    expect(dates).to_contain_text("Protokollet anger inte när det justerades.")
    check_and_capture(page, "sammantrade-datum", screenshot_dir)
    page.get_by_role("link", name="Tillgänglighetsredogörelse").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tillgänglighetsredogörelse")
    check_and_capture(page, "tillganglighet", screenshot_dir)


def test_a_clerk_signs_in_from_the_footer_and_out_from_any_page(
    browser_page: Page, live_server, django_user_model
):
    archive = build_archive()
    # Signing in and out is the same for every account; the clerks' group (made by a
    # migration) is not restored for a transactional test that follows others in a full run.
    django_user_model.objects.create_user("lasare", password=PASSWORD, is_staff=True)
    page = browser_page
    page.goto(live_server.url + archive.item.get_absolute_url())
    page.get_by_role("contentinfo").get_by_role("link", name="Logga in").click()
    page.get_by_label("Användarnamn").fill("lasare")
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()

    page.goto(live_server.url + archive.item.get_absolute_url())
    logout = page.get_by_role("button", name="Logga ut")
    expect(logout).to_be_visible()
    assert serious_violations(page) == []
    logout.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sök i nämndernas beslut")
    expect(page.get_by_role("button", name="Logga ut")).to_have_count(0)
    expect(page.get_by_role("contentinfo").get_by_role("link", name="Logga in")).to_be_visible()
