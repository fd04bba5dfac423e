"""A journalist searches, filters by party, opens an item, follows its case and exports CSV;
axe-core finds no serious or critical accessibility problem on the pages on the way, and
screenshots at phone and desktop width are saved for people to look at."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect

from tests.browse_data import build_archive

from .conftest import DESKTOP, PHONE

# axe-core is installed outside the repository: `npm install --prefix var axe-core`.
AXE = Path(__file__).resolve().parents[2] / "var" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def serious_violations(page: Page) -> list[dict]:
    """Run axe-core in the page; the serious and critical violations, with where they are."""
    assert AXE.is_file(), f"axe-core missing: run `npm install --prefix var axe-core` ({AXE})"
    # Evaluated through the DevTools protocol, not added as an inline <script>, which the
    # site's Content-Security-Policy rightly refuses.
    page.evaluate(AXE.read_text())
    violations = page.evaluate(
        """async () => (await axe.run(document)).violations.map(v => ({
             id: v.id, impact: v.impact, help: v.help,
             nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"""
    )
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def check_and_capture(page: Page, name: str, screenshot_dir: Path) -> None:
    """Assert the page passes axe, then screenshot it at phone and desktop width."""
    assert serious_violations(page) == [], name
    for label, size in (("telefon", PHONE), ("dator", DESKTOP)):
        page.set_viewport_size(size)
        page.screenshot(path=screenshot_dir / f"journalist-{name}-{label}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def test_journalist_searches_filters_reads_follows_the_case_and_exports(
    browser_page: Page, live_server, screenshot_dir
):
    archive = build_archive()
    page = browser_page

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sök i nämndernas beslut")
    check_and_capture(page, "start", screenshot_dir)

    page.get_by_label("Sökord eller diarienummer").fill("samverkan")
    page.get_by_role("button", name="Sök").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("samverkan")
    hits = page.locator(".hits")
    expect(hits).to_contain_text("Fördjupad samverkan")
    expect(hits).to_contain_text("Samverkan, styrelsen")
    check_and_capture(page, "resultat", screenshot_dir)

    # Filter by party: only the item Socialdemokraterna reserved themselves on remains.
    facet = page.get_by_role("region", name="Reservationer per parti")
    facet.get_by_role("link", name="Socialdemokraterna").click()
    expect(page).to_have_url(re.compile(r"reserverat=S|parti=S"))
    expect(hits).to_contain_text("Fördjupad samverkan")
    expect(hits).not_to_contain_text("Samverkan, styrelsen")
    results_url = page.url

    page.get_by_role("link", name="§ 12 Fördjupad samverkan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("§ 12 Fördjupad samverkan")
    expect(page.get_by_role("region", name="Reservationer")).to_contain_text("Per Persson (S)")
    check_and_capture(page, "paragraf", screenshot_dir)

    # Follow the case: every item about 24RS100, in time order.
    page.get_by_role("link", name="24RS100").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ärende 24RS100")
    dates = page.locator(".case-items time").all_inner_texts()
    assert dates == ["5 mars 2024", "10 april 2024", "14 maj 2024"]

    # The meeting the item was decided in, with attendance by role.
    page.goto(live_server.url + archive.first.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hälso- och sjukvårdsutskottet")
    expect(page.get_by_role("region", name="Närvarande")).to_contain_text("för Katarina Nylén")
    check_and_capture(page, "sammantrade", screenshot_dir)

    # Export the filtered results as CSV: every matching row, not a page of them.
    page.goto(results_url)
    href = page.get_by_role("link", name="CSV", exact=True).get_attribute("href")
    response = page.request.get(urljoin(page.url, href))
    assert response.ok
    assert response.headers["content-type"].startswith("text/csv")
    csv_text = response.text()
    assert "Fördjupad samverkan" in csv_text
    assert "Samverkan, styrelsen" not in csv_text
