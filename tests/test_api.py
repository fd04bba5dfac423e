"""The read-only JSON API returns the shapes docs/api.md documents, published data only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutes.models import Clause
from minutes.views import api as api_views
from tests import factories as f
from tests.browse_data import Archive, build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive() -> Archive:
    return build_archive()


def get(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_index_names_every_resource(client):
    data = get(client, "/api/v1/")
    assert data == {
        name: f"http://testserver/api/v1/{name}/"
        for name in ("meetings", "items", "cases", "people", "parties")
    }


def test_meeting_list_is_published_latest_first_and_paged(client, archive, monkeypatch):
    monkeypatch.setattr(api_views, "PAGE_SIZE", 2)
    first = get(client, "/api/v1/meetings/")
    assert first["count"] == 3, "the unpublished meeting is not counted"
    assert [m["date"] for m in first["results"]] == ["2024-05-14", "2024-04-10"]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/meetings/?page=2"
    second = get(client, first["next"])
    assert [m["date"] for m in second["results"]] == ["2024-03-05"]
    assert second["next"] is None and second["previous"].endswith("?page=1")
    meeting = second["results"][0]
    assert meeting == {
        "id": archive.first.pk,
        "date": "2024-03-05",
        "start_time": "09:15",
        "end_time": "12:00",
        "place": "Sammanträdesrummet",
        "protocol_dnr": "24HSU4",
        "committee": {
            "name": "Hälso- och sjukvårdsutskottet",
            "slug": "hsu",
            "body": {"name": "Region Testvik", "slug": "region-testvik"},
        },
        "url": "http://testserver/region-testvik/hsu/2024-03-05/",
        "api_url": f"http://testserver/api/v1/meetings/{archive.first.pk}/",
    }


def test_meeting_list_filters_and_refuses_malformed_values(client, archive):
    data = get(client, f"/api/v1/meetings/?organ={archive.utskott.pk}&fran=2024-04-01")
    assert [m["date"] for m in data["results"]] == ["2024-05-14"]
    data = get(client, "/api/v1/meetings/?huvudman=region-testvik&till=2024-04-10")
    assert [m["date"] for m in data["results"]] == ["2024-04-10", "2024-03-05"]
    assert "fran" in get(client, "/api/v1/meetings/?fran=igår", 400)["error"]
    assert "organ" in get(client, "/api/v1/meetings/?organ=x", 400)["error"]
    assert "page" in get(client, "/api/v1/meetings/?page=abc", 400)["error"]
    get(client, "/api/v1/meetings/?page=99", 404)
    assert get(client, "/api/v1/meetings/?huvudman=%00", 400)["error"]


def test_meeting_detail_has_attendance_and_items(client, archive):
    data = get(client, f"/api/v1/meetings/{archive.first.pk}/")
    assert data["secretary"] == "Maria Öhman" and data["adjusters"] == ["Roger Byström"]
    substitute = next(a for a in data["attendees"] if a["role"] == "tjänstgörande ersättare")
    assert substitute["person"]["name"] == "Camilla Nilsson"
    assert substitute["party"] == "S" and substitute["substitute_for"] == "Katarina Nylén"
    assert [i["number"] for i in data["items"]] == [12]
    clauses = data["items"][0]["decisions"][0]["clauses"]
    assert [c["text"] for c in clauses] == [
        "godkänna avtalet",
        "uppdra åt direktören att teckna det",
    ]
    assert "meeting" not in data["items"][0]
    get(client, f"/api/v1/meetings/{archive.hidden.pk}/", 404)
    get(client, "/api/v1/meetings/999999999/", 404)
    # An id too long for the database does not match the address at all.
    assert client.get("/api/v1/meetings/99999999999999999999/").status_code == 404


def test_item_list_uses_the_site_filters(client, archive):
    data = get(client, "/api/v1/items/")
    numbers = [i["number"] for i in data["results"]]
    assert 60 not in numbers, "the unpublished meeting's item is hidden"
    assert numbers == [21, 20, 40, 12]
    assert [i["number"] for i in get(client, "/api/v1/items/?parti=S")["results"]] == [12]
    assert [i["number"] for i in get(client, "/api/v1/items/?typ=foreslar")["results"]] == [
        40,
        12,
    ]
    assert [i["number"] for i in get(client, "/api/v1/items/?dnr=24 RS 100")["results"]] == [
        20,
        40,
        12,
    ]
    assert "fran" in get(client, "/api/v1/items/?fran=2024-13-01", 400)["error"]
    item = data["results"][-1]
    assert item["meeting"]["date"] == "2024-03-05"
    assert item["dnr"] == ["24RS100"] and item["title"] == "Fördjupad samverkan"
    assert item["url"] == "http://testserver/region-testvik/hsu/2024-03-05/12/"


def test_item_detail_has_everything(client, archive):
    data = get(client, f"/api/v1/items/{archive.item.pk}/")
    page = "http://testserver/region-testvik/hsu/2024-03-05/12/"
    clauses = Clause.objects.filter(decision__item=archive.item).order_by("position")
    assert data["decisions"] == [
        {
            "decided_by": "Hälso- och sjukvårdsutskottet",
            "kind": "föreslår",
            "proposed_to": ["Regionstyrelsen", "Regionfullmäktige"],
            "immediately_adjusted": False,
            "clauses": [
                {"id": clause.pk, "number": n, "text": text, "url": f"{page}#att-{n}"}
                for n, (clause, text) in enumerate(
                    zip(
                        clauses,
                        ["godkänna avtalet", "uppdra åt direktören att teckna det"],
                        strict=True,
                    ),
                    start=1,
                )
            ],
        }
    ]
    assert data["reservations"][0]["person"]["name"] == "Per Persson"
    assert data["reservations"][0]["party"] == "S"
    assert data["reservations"][0]["reason"] == "till förmån för eget yrkande"
    assert data["yrkanden"][0]["won"] is False
    assert data["yrkanden"][0]["persons"][0]["party"] == "S"
    assert data["votes"][0]["yes"] == 5 and data["votes"][0]["chair_decided"] is True
    (cast,) = data["votes"][0]["roll"]
    assert (cast["name"], cast["party"], cast["vote"]) == ("Per Persson", "S", "nej")
    assert cast["id"] == archive.reserver.pk
    assert cast["url"] == "http://testserver/region-testvik/person/per-persson/"
    assert data["notes"] == [{"kind": "jäv", "text": "anmäler jäv", "persons": ["Lena Asplund"]}]
    assert data["sections"][0]["heading"] == "Ärendebeskrivning"
    assert data["cases"][0]["key"] == "rs2024100"
    assert data["responsible"] == ["Åsa Bellander"] and data["handlers"] == ["Susanne Sahlin"]
    get(client, f"/api/v1/items/{archive.hidden_item.pk}/", 404)


def test_cases_list_prefix_and_detail_in_time_order(client, archive):
    f.CaseFactory(body=archive.body, dnr="23KS5")  # no items: not listed
    data = get(client, "/api/v1/cases/")
    assert [c["key"] for c in data["results"]] == ["rs2024100"]
    assert get(client, "/api/v1/cases/?prefix=24 RS")["count"] == 1
    assert get(client, "/api/v1/cases/?prefix=25")["count"] == 0
    case = get(client, "/api/v1/cases/region-testvik/24RS100/")
    assert case["dnr"] == "24RS100"
    assert [i["meeting"]["date"] for i in case["items"]] == [
        "2024-03-05",
        "2024-04-10",
        "2024-05-14",
    ]
    get(client, "/api/v1/cases/region-testvik/ks20235/", 404)


def test_people_and_parties(client, archive):
    hidden = f.PersonFactory(body=archive.body, name="Dold Person", slug="dold")
    f.AttendanceFactory(meeting=archive.hidden, person=hidden)
    people = get(client, "/api/v1/people/?huvudman=region-testvik")
    names = [p["name"] for p in people["results"]]
    assert "Dold Person" not in names
    assert names == sorted(names) and "Per Persson" in names
    person = get(client, f"/api/v1/people/{archive.reserver.pk}/")
    assert person["counts"] == {"meetings": 1, "yrkanden": 1, "reservations": 1, "votes": 1}
    assert person["votes_url"] == f"http://testserver/api/v1/people/{archive.reserver.pk}/votes/"
    assert person["body"] == {"name": "Region Testvik", "slug": "region-testvik"}
    get(client, f"/api/v1/people/{hidden.pk}/", 404)

    parties = get(client, "/api/v1/parties/")
    assert [p["abbreviation"] for p in parties["results"]] == ["S"]
    older = f.MeetingFactory(committee=archive.styrelse, date=dt.date(2022, 2, 1))
    f.ReservationFactory(item=f.ItemFactory(meeting=older, number=1), party=archive.s)
    party = get(client, "/api/v1/parties/s/")
    assert party["name"] == "Socialdemokraterna"
    assert party["reservations_per_year"] == [
        {"year": 2022, "reservations": 1},
        {"year": 2023, "reservations": 0},
        {"year": 2024, "reservations": 1},
    ]
    assert {
        "committee": "Hälso- och sjukvårdsutskottet",
        "body": "Region Testvik",
        "reservations": 1,
        "yrkanden": 1,
    } in party["committees"]
    get(client, "/api/v1/parties/XYZ/", 404)


def test_api_is_read_only(client):
    assert client.post("/api/v1/meetings/").status_code == 405


def test_item_list_queries_do_not_grow(client, django_assert_max_num_queries):
    archive = build_archive()
    for n in range(40):
        item = f.ItemFactory(meeting=archive.third, number=100 + n)
        f.ClauseFactory(decision=f.DecisionFactory(item=item))
    with django_assert_max_num_queries(5):
        assert len(get(client, "/api/v1/items/")["results"]) == 44
    with django_assert_max_num_queries(14):
        get(client, f"/api/v1/items/{archive.item.pk}/")


def test_a_lists_count_is_cached_until_a_meeting_is_published(client, archive):
    url = "/api/v1/people/"
    with CaptureQueriesContext(connection) as first:
        counted = get(client, url)["count"]
    with CaptureQueriesContext(connection) as second:
        assert get(client, url)["count"] == counted
    assert any("COUNT(" in query["sql"] for query in first.captured_queries)
    assert not any("COUNT(" in query["sql"] for query in second.captured_queries)
    newcomer = f.PersonFactory(body=archive.body, name="Nina Nykomling")
    meeting = f.MeetingFactory(committee=archive.utskott, is_published=True)
    f.ReservationFactory(item=f.ItemFactory(meeting=meeting), person=newcomer)
    assert get(client, url)["count"] == counted + 1, "a newly published meeting counts at once"
