"""CSV and JSON exports and the Atom feed of a search: every matching row, streamed."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from minutes import models
from minutes.search import exports as search
from minutes.search.results import PAGE_SIZE
from minutes.services.search_index import update_search_vectors
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
MATCHING = PAGE_SIZE + 7  # more than one page


def make_item(meeting, title, clause="anta planen", **fields) -> models.Item:
    item = factories.ItemFactory(meeting=meeting, title=title, **fields)
    decision = factories.DecisionFactory(item=item, kind=models.Decision.Kind.PROPOSES)
    factories.ClauseFactory(decision=decision, position=0, text=clause)
    return item


@pytest.fixture
def archive():
    """MATCHING items about `vårdplan` over several meetings, two others, one unpublished."""
    committee = factories.CommitteeFactory(name="Hälsonämnden")
    other = factories.CommitteeFactory(body=committee.body, name="Regionstyrelsen")
    meetings = [factories.MeetingFactory(committee=committee) for _ in range(3)]
    matching = [
        make_item(meetings[n % 3], f"Vårdplan del {n}", clause=f"anta vårdplanen del {n}")
        for n in range(MATCHING - 1)
    ]
    elsewhere = make_item(factories.MeetingFactory(committee=other), "Vårdplan i styrelsen")
    matching.append(elsewhere)
    factories.ReservationFactory(
        item=matching[0], party=factories.PartyFactory(abbreviation="M", name="Moderaterna")
    )
    make_item(meetings[0], "Tandvård")
    make_item(meetings[1], "Ambulans")
    hidden = factories.MeetingFactory(committee=committee, is_published=False)
    make_item(hidden, "Vårdplan opublicerad")
    update_search_vectors()
    return {"committee": committee, "other": other, "matching": matching}


def read_csv(response) -> list[dict]:
    assert response.streaming, "exports are streamed"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff"), "a byte-order mark for spreadsheet programs"
    return list(csv.DictReader(io.StringIO(text[1:])))


def read_json(response) -> list[dict]:
    assert response.streaming
    return json.loads(b"".join(response.streaming_content))


def test_csv_holds_every_matching_row(client, archive):
    response = client.get("/sok/export.csv", {"q": "vårdplan"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == MATCHING
    assert {row["rubrik"] for row in rows} == {item.title for item in archive["matching"]}
    first = next(row for row in rows if row["rubrik"] == "Vårdplan del 0")
    assert first["organ"] == "Hälsonämnden"
    assert first["beslutstyp"] == "föreslår"
    assert first["att-satser"] == "anta vårdplanen del 0"
    assert first["reservationer"].endswith("(M)")
    assert first["adress"].startswith("http://testserver/")
    assert first["adress"].endswith(archive["matching"][0].get_absolute_url())


def test_json_holds_every_matching_row_and_respects_filters(client, archive):
    response = client.get("/sok/export.json", {"q": "vårdplan"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    records = read_json(response)
    assert len(records) == MATCHING
    assert "Vårdplan opublicerad" not in {record["title"] for record in records}
    record = next(r for r in records if r["title"] == "Vårdplan del 0")
    assert record["decisions"][0]["clauses"] == ["anta vårdplanen del 0"]
    assert record["reservations"][0]["party"] == "M"

    filtered = read_json(
        client.get("/sok/export.json", {"q": "vårdplan", "organ": archive["other"].pk})
    )
    assert [r["title"] for r in filtered] == ["Vårdplan i styrelsen"]
    only_filters = read_json(client.get("/sok/export.json", {"organ": archive["committee"].pk}))
    assert len(only_filters) == MATCHING - 1 + 2, "filters alone export their whole list"


def test_exports_read_in_a_bounded_number_of_queries(
    client, archive, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get(
            "/sok/export.json", {"q": "vårdplan", "organ": archive["committee"].pk}
        )
        records = read_json(response)
    assert len(records) == MATCHING - 1


def test_export_of_nothing_asks_for_a_query(client, archive):
    response = client.get("/sok/export.csv", {"q": " "})
    assert response.status_code == 400
    assert "Ange sökord eller filter" in response.content.decode()


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, archive):
    make_item(factories.MeetingFactory(), '=HYPERLINK("http://example.com","vårdplan")')
    update_search_vectors()
    rows = read_csv(client.get("/sok/export.csv", {"q": "hyperlink vårdplan"}))
    assert rows[0]["rubrik"].startswith("'=HYPERLINK")


def test_atom_feed_has_one_entry_per_result(client, archive):
    response = client.get("/sok/atom/", {"q": "vårdplan", "organ": archive["other"].pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "link"):
        assert root.find(f"{ATOM}{required}") is not None, required
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        f"§ {archive['matching'][-1].number} Vårdplan i styrelsen"
    ]
    entry = entries[0]
    assert (
        entry.find(f"{ATOM}link").get("href").endswith(archive["matching"][-1].get_absolute_url())
    )
    assert entry.findtext(f"{ATOM}updated")

    everything = ET.fromstring(client.get("/sok/atom/", {"q": "vårdplan"}).content)
    titles = [entry.findtext(f"{ATOM}title") for entry in everything.findall(f"{ATOM}entry")]
    assert len(titles) == MATCHING
    assert not any("opublicerad" in title for title in titles)


def test_atom_summary_escapes_protocol_text(client, archive):
    make_item(
        factories.MeetingFactory(),
        "Skriptplan",
        clause='anta skriptplanen <script>alert("x")</script>',
    )
    update_search_vectors()
    root = ET.fromstring(client.get("/sok/atom/", {"q": "skriptplan"}).content)
    summary = root.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    # Atom's html summary is HTML text: the script must arrive as escaped text, not a tag.
    assert "&lt;script&gt;" in summary.text
    assert "<script>" not in summary.text


def test_results_page_links_to_exports_and_feed(client, archive):
    response = client.get("/sok/", {"q": "vårdplan", "organ": archive["committee"].pk})
    html = response.content.decode()
    exports = response.context["exports"]
    for url in exports.values():
        assert "q=v%C3%A5rdplan" in url and f"organ={archive['committee'].pk}" in url
        assert f'href="{url.replace("&", "&amp;")}"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


@pytest.mark.parametrize("path", ["/sok/export.csv", "/sok/export.json"])
def test_an_export_stops_at_the_limit_and_says_so(client, archive, monkeypatch, path):
    read = read_csv if path.endswith(".csv") else read_json
    everything = client.get(path, {"q": "vårdplan"})
    assert everything["X-Export-Truncated"] == "false"
    best = read(everything)
    assert len(best) == MATCHING
    monkeypatch.setattr(search, "EXPORT_LIMIT", 2)
    response = client.get(path, {"q": "vårdplan"})
    assert response["X-Export-Limit"] == "2" and response["X-Export-Truncated"] == "true"
    assert read(response) == best[:2], "the first rows in result order"


def test_results_page_says_how_many_rows_an_export_holds(client, archive):
    html = client.get("/sok/", {"q": "vårdplan"}).content.decode()
    assert f"de första {search.EXPORT_LIMIT:,}".replace(",", "\xa0") in html
