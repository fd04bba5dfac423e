"""A reader follows a search by e-mail: the confirmation arrives at a real SMTP server, its
link confirms, a matching protocol is published, `send_alerts` mails the match, and one
click unsubscribes, after which the address is nowhere in the database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from playwright.sync_api import Page, expect

from tests.smtp_sink import SmtpSink, link_in, smtp_server, subject, text_of

from .test_journalist import serious_violations

PROTOCOLS = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"
ADDRESS = "reporter@example.se"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def smtp(settings, live_server, tmp_path) -> Iterator[SmtpSink]:
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    with smtp_server(settings) as sink:
        yield sink


def rows_holding(text: str) -> dict[str, int]:
    """Every table's rows whose text holds `text` anywhere, counted by table."""
    found = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(
                f'SELECT count(*) FROM "{table}" AS t WHERE t::text ILIKE %s', [f"%{text}%"]
            )
            if count := cursor.fetchone()[0]:
                found[table] = count
    return found


def test_a_reader_follows_a_search_gets_the_new_match_and_unsubscribes(
    browser_page: Page, live_server, smtp: SmtpSink, screenshot_dir
):
    call_command("import_minutes", str(PROTOCOLS / "import_utskott_2024-03-05.txt"))
    page = browser_page
    page.goto(live_server.url + "/sok/?q=vårdcentral")
    expect(page.locator(".hits")).to_contain_text("Ny vårdcentral i Norrby")

    page.get_by_text("Bevaka sökningen med e-post").click()
    page.get_by_label("E-postadress").fill(ADDRESS)
    page.get_by_label("Direkt efter varje publicering").check()
    assert serious_violations(page) == []
    page.screenshot(path=screenshot_dir / "bevaka-formular.png", full_page=True)
    page.get_by_role("button", name="Bevaka sökningen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta i din e-post")

    [confirmation] = smtp.to(ADDRESS)
    assert subject(confirmation) == "Bekräfta bevakningen av ”vårdcentral”"
    page.goto(link_in(confirmation, "/bevaka/bekrafta/"))
    assert serious_violations(page) == []
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevakningen är bekräftad")
    assert ADDRESS not in page.content()

    call_command("import_minutes", str(PROTOCOLS / "import_styrelse_2024-04-10.txt"))
    call_command("send_alerts")
    news = smtp.to(ADDRESS)[-1]
    assert subject(news) == "Nya beslut: ”vårdcentral”"
    text = text_of(news)
    assert "§ 46 Ny vårdcentral i Norrby" in text
    assert "Regionstyrelsen, Region Norrvik, 10 april 2024" in text
    assert "§ 13" not in text  # published before the search was followed

    page.goto(link_in(news, "/region-norrvik/regionstyrelsen/2024-04-10/46/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("§ 46 Ny vårdcentral i Norrby")

    # The manage page shows the address masked, never whole.
    page.goto(link_in(news, "/bevaka/hantera/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Dina bevakningar")
    expect(page.locator("main")).to_contain_text("r•••@e•••.se")
    assert ADDRESS not in page.content()
    assert serious_violations(page) == []
    page.screenshot(path=screenshot_dir / "bevaka-hantera.png", full_page=True)

    unsubscribe = news["List-Unsubscribe"].strip().strip("<>")
    page.goto(unsubscribe)
    page.get_by_role("button", name="Sluta bevaka").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevakningen är avslutad")
    expect(page.locator("main")).to_contain_text("raderad ur arkivet")
    assert rows_holding(ADDRESS) == {}
