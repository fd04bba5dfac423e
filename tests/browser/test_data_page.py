"""In a browser: the /data/ page, reached from the footer, lists the newest export's files
with their sizes and row counts and the licence; a file downloads; axe-core finds no
serious or critical problem."""

from __future__ import annotations

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from playwright.sync_api import Page, expect

from minutes.services.data_export import data_export
from tests.browse_data import build_archive

from .test_journalist import check_and_capture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_data_page_lists_the_files_with_sizes_and_row_counts(
    browser_page: Page, live_server, screenshot_dir, settings, tmp_path
):
    build_archive()
    settings.DATA_EXPORT_ROOT = tmp_path
    result = data_export(root=tmp_path)
    page = browser_page

    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Hela arkivet som data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hela arkivet som data")
    expect(page.get_by_role("region", name="Licens")).to_contain_text("CC0 1.0")

    table = page.get_by_role("table", name="Tabellerna i exporten")
    expect(table.get_by_role("row")).to_have_count(len(result.tables) + 1)
    items = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name="items"))
    with translation.override("sv"):
        csv_size = filesizeformat(
            next(f.bytes for t in result.tables if t.name == "items" for f in t.files)
        )
    expect(items.get_by_role("cell").first).to_have_text("4")
    expect(items).to_contain_text(f"items.csv.gz ({csv_size})")
    expect(items.get_by_role("link", name="items.jsonl.gz")).to_be_visible()
    check_and_capture(page, "data", screenshot_dir)

    href = items.get_by_role("link", name="items.csv.gz").get_attribute("href")
    download = page.request.get(live_server.url + href)
    assert download.ok and download.headers["content-type"] == "application/gzip"

    page.get_by_role("link", name="README.md").click()
    expect(page.locator("body")).to_contain_text("### clauses")
