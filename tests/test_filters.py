"""Filters on the search page and on any item list: each narrows as it says, facets agree."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from minutes import models
from minutes.search.facets import search_facets
from minutes.search.filters import ItemFilter
from minutes.search.query import item_search
from minutes.services.corrections import item_mark_corrected
from minutes.services.search_index import update_search_vectors
from tests import factories

pytestmark = pytest.mark.django_db

Kind = models.Decision.Kind


def make_item(meeting, title, kind, **fields) -> models.Item:
    item = factories.ItemFactory(meeting=meeting, title=title, **fields)
    decision = factories.DecisionFactory(item=item, kind=kind)
    factories.ClauseFactory(decision=decision, position=0, text=f"besluta om {title.lower()}")
    return item


@pytest.fixture
def world():
    """Two bodies, three committees, four published items and one unpublished."""
    alfa = factories.BodyFactory(name="Region Alfa")
    beta = factories.BodyFactory(name="Region Beta")
    health = factories.CommitteeFactory(body=alfa, name="Hälsonämnden")
    board = factories.CommitteeFactory(body=alfa, name="Regionstyrelsen")
    beta_board = factories.CommitteeFactory(body=beta, name="Betastyrelsen")
    sd = factories.PartyFactory(abbreviation="SD", name="Sverigedemokraterna")
    v = factories.PartyFactory(abbreviation="V", name="Vänsterpartiet")

    def meeting(committee, date, published=True):
        return factories.MeetingFactory(committee=committee, date=date, is_published=published)

    old = make_item(meeting(health, dt.date(2023, 3, 1)), "Vårdplan för äldre", Kind.DECIDES)
    child = make_item(meeting(health, dt.date(2024, 5, 14)), "Vårdplan för barn", Kind.PROPOSES)
    budget = make_item(
        meeting(board, dt.date(2024, 6, 1)), "Budget och vårdplan", Kind.NO_PROPOSAL, withdrawn=True
    )
    teeth = make_item(meeting(beta_board, dt.date(2024, 9, 10)), "Tandvård", Kind.INFORMATION)
    hidden = make_item(
        meeting(health, dt.date(2024, 10, 1), published=False), "Vårdplan hemlig", Kind.DECIDES
    )

    reserver = factories.ReservationFactory(item=old, party=sd).person
    mover = factories.YrkandePersonFactory(yrkande__item=child, party=v).person
    factories.ReservationFactory(item=teeth, party=v)
    factories.ReservationFactory(item=hidden, party=sd, person=reserver)
    noted = factories.PersonFactory(body=alfa, name="Nora Noterad")
    note = models.Note.objects.create(item=budget, kind=models.Note.Kind.ENTRY, text="Anteckning")
    note.persons.add(noted)
    update_search_vectors()
    return SimpleNamespace(**locals())


def hits(client, params) -> set[str]:
    response = client.get("/sok/", params)
    assert response.status_code == 200
    return {item.title for item in response.context["page"].object_list}


def filter_cases(w):
    """(parameters, titles expected) for every filter."""
    return [
        (
            {"huvudman": w.alfa.slug},
            {"Vårdplan för äldre", "Vårdplan för barn", "Budget och vårdplan"},
        ),
        ({"organ": w.health.pk}, {"Vårdplan för äldre", "Vårdplan för barn"}),
        ({"fran": "2024-01-01"}, {"Vårdplan för barn", "Budget och vårdplan", "Tandvård"}),
        ({"till": "2023-12-31"}, {"Vårdplan för äldre"}),
        (
            {"fran": "2024-05-14", "till": "2024-06-01"},
            {"Vårdplan för barn", "Budget och vårdplan"},
        ),
        ({"ar": 2023}, {"Vårdplan för äldre"}),
        ({"parti": "SD"}, {"Vårdplan för äldre"}),
        ({"parti": "V"}, {"Vårdplan för barn", "Tandvård"}),  # a yrkande or a reservation
        ({"reserverat": "V"}, {"Tandvård"}),  # a reservation only
        ({"person": w.reserver.pk}, {"Vårdplan för äldre"}),
        ({"person": w.mover.pk}, {"Vårdplan för barn"}),
        ({"person": w.noted.pk}, {"Budget och vårdplan"}),
        ({"typ": "beslutar"}, {"Vårdplan för äldre"}),
        ({"typ": "foreslar"}, {"Vårdplan för barn"}),
        ({"typ": "utan-forslag"}, {"Budget och vårdplan"}),
        ({"typ": "information"}, {"Tandvård"}),
        ({"reservation": "ja"}, {"Vårdplan för äldre", "Tandvård"}),
        ({"reservation": "nej"}, {"Vårdplan för barn", "Budget och vårdplan"}),
        ({"utgar": "ja"}, {"Budget och vårdplan"}),
        ({"utgar": "nej"}, {"Vårdplan för äldre", "Vårdplan för barn", "Tandvård"}),
        ({"parti": "V", "fran": "2024-06-01"}, {"Tandvård"}),
    ]


def test_each_filter_narrows_as_it_says(client, world):
    for params, expected in filter_cases(world):
        assert hits(client, params) == expected, params


def test_filters_combine_with_the_query(client, world):
    vard = {"Vårdplan för äldre", "Vårdplan för barn", "Budget och vårdplan"}
    assert hits(client, {"q": "vårdplan"}) == vard
    for params, expected in filter_cases(world):
        assert hits(client, {"q": "vårdplan", **params}) == expected & vard, params


def test_item_filter_works_on_any_item_queryset(world):
    """The browse lists reuse ItemFilter on their own querysets (publishing is theirs)."""
    items = models.Item.objects.filter(meeting__committee=world.health)
    filtered = ItemFilter({"parti": "SD", "fran": "", "typ": "banana"}, queryset=items)
    assert set(filtered.qs) == {world.old, world.hidden}
    assert filtered.invalid_filters == ["Typ av beslut"]
    assert set(filtered.active_values) == {"parti"}


def test_facet_counts_match_the_filtered_set(client, world):
    for params in ({"q": "vårdplan"}, {"fran": "2024-01-01"}, {"q": "vårdplan", "parti": "SD"}):
        response = client.get("/sok/", params)
        total = response.context["page"].paginator.count
        facets = dict(response.context["facets"])
        assert sum(link.count for link in facets["År"]) == total
        assert sum(link.count for link in facets["Huvudman"]) == total
        for _title, links in facets.items():
            for link in links:
                followed = client.get("/sok/" + link.url)
                page = followed.context["page"]
                if link.active:  # the link removes the filter: at least as many results
                    assert page.paginator.count >= total
                else:
                    assert page.paginator.count == link.count, (params, link)


def test_facets_count_only_the_filtered_set(client, world):
    response = client.get("/sok/", {"q": "vårdplan", "huvudman": world.alfa.slug})
    facets = dict(response.context["facets"])
    committees = {link.label: link.count for link in facets["Organ"]}
    assert committees == {"Hälsonämnden (Region Alfa)": 2, "Regionstyrelsen (Region Alfa)": 1}
    assert {link.label: link.count for link in facets["Reservationer per parti"]} == {
        "Sverigedemokraterna": 1
    }
    kinds = {link.label: link.count for link in facets["Typ av beslut"]}
    assert kinds == {"beslutar": 1, "föreslår": 1, "överlämnar utan eget förslag": 1}
    body = facets["Huvudman"][0]
    assert body.active and "huvudman" not in body.url, "an active value's link removes it"


def test_facets_list_the_most_hits_first_up_to_the_limit(world):
    facets = search_facets(item_search(query="", filters={"fran": "2000-01-01"}), limit=1)
    shown = {
        name: [(value.label, value.count) for value in getattr(facets, name)]
        for name in ("body", "committee", "year", "party")
    }
    assert shown == {
        "body": [("Region Alfa", 3)],
        "committee": [("Hälsonämnden (Region Alfa)", 2)],
        "year": [("2024", 3), ("2023", 1)],  # every year, newest first
        "party": [("Sverigedemokraterna", 1)],  # tied with V: by abbreviation
    }
    assert len(facets.kind) == 4, "every decision kind, whatever the limit"


def test_active_filters_are_chips_with_a_remove_link(client, world):
    response = client.get("/sok/", {"q": "vårdplan", "organ": world.health.pk, "typ": "foreslar"})
    chips = {chip.name: chip for chip in response.context["chips"]}
    assert chips["Organ"].label == "Hälsonämnden (Region Alfa)"
    assert chips["Typ av beslut"].label == "föreslår"
    html = response.content.decode()
    assert "Ta bort filtret Organ: Hälsonämnden (Region Alfa)" in html
    without_kind = client.get("/sok/" + chips["Typ av beslut"].url)
    titles = {item.title for item in without_kind.context["page"].object_list}
    assert titles == {"Vårdplan för äldre", "Vårdplan för barn"}
    # The link-chosen filter survives a new query typed in the box.
    assert f'<input type="hidden" name="organ" value="{world.health.pk}">' in html


MALFORMED = [
    {"fran": "banana"},
    {"till": "2024-13-45"},
    {"organ": "abc"},
    {"organ": "-1"},
    {"organ": "99999999999999999999999"},
    {"huvudman": "finns-inte"},
    {"huvudman": "a\x00b"},
    {"parti": "\x00"},
    {"reserverat": "X" * 500},
    {"person": "1.5"},
    {"ar": "1e308"},
    {"ar": "99999"},
    {"typ": "kanske"},
    {"reservation": "kanske"},
    {"utgar": "2"},
    {"sida": "abc"},
    {"sida": "-3"},
    {"sida": "99999999999999999999"},
    {"q": "a\x00b"},
    {"q": "vård" * 200},
    {"q": '"""((-OR'},
    {"q": "vård", "fran": "banana", "organ": "abc"},
]


@pytest.mark.parametrize("params", MALFORMED)
def test_malformed_filters_never_fail(client, world, params):
    for url in ("/sok/", "/sok/export.csv", "/sok/export.json", "/sok/atom/"):
        response = client.get(url, params)
        assert response.status_code in (200, 400), (url, params)
        if response.streaming:
            b"".join(response.streaming_content)


def test_a_malformed_filter_is_ignored_with_a_message(client, world):
    response = client.get("/sok/", {"q": "vårdplan", "fran": "banana", "organ": "abc"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 3, "the bad filters are ignored"
    html = response.content.decode()
    assert "inte kunde läsas och har ignorerats" in html
    assert "Från och med datum" in html and "<strong>Organ</strong>" in html
    assert "banana" not in response.context["exports"]["csv"]


def test_a_correction_in_the_admin_moves_the_item_between_filters(world):
    """The filters read tags kept with the search vector: a clerk's correction of a
    decision's kind or a new reservation is seen by the next search."""

    def kinds(slug):
        return set(ItemFilter({"typ": slug}, queryset=models.Item.objects.all()).qs)

    assert world.teeth not in kinds("beslutar")
    models.Decision.objects.filter(item=world.teeth).update(kind=Kind.DECIDES)
    factories.ReservationFactory(item=world.budget, party=world.sd)
    item_mark_corrected(item_id=world.teeth.pk)
    item_mark_corrected(item_id=world.budget.pk)

    assert world.teeth in kinds("beslutar") and world.teeth not in kinds("information")
    reserved_by_sd = ItemFilter({"reserverat": "SD"}, queryset=models.Item.objects.all()).qs
    assert world.budget in set(reserved_by_sd)
