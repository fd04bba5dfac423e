"""The search page /sok/: ranking, Swedish stemming, query syntax, dnr lookup, escaping."""

from __future__ import annotations

import pytest

from minutes import models
from minutes.search.dnr import looks_like_dnr
from minutes.search.results import PAGE_SIZE
from minutes.services.search_index import update_search_vectors
from tests import factories

pytestmark = pytest.mark.django_db


def make_item(meeting, title, *, clauses=(), text="", **fields) -> models.Item:
    """An item with one decision holding `clauses`, indexed for search."""
    item = factories.ItemFactory(meeting=meeting, title=title, text=text, **fields)
    if clauses:
        decision = factories.DecisionFactory(item=item)
        for position, clause in enumerate(clauses):
            factories.ClauseFactory(decision=decision, position=position, text=clause)
    return item


def index() -> None:
    update_search_vectors()


def hit_ids(response) -> list[int]:
    return [item.pk for item in response.context["page"].object_list]


@pytest.fixture
def meeting():
    return factories.MeetingFactory()


def test_title_and_clauses_rank_above_a_passing_mention_in_a_section(client, meeting):
    passing = make_item(
        meeting,
        "Budget för 2025",
        clauses=["fastställa budgeten"],
        text="I bakgrunden nämns att en ny vårdcentral kan behövas i Timrå.",
    )
    strong = make_item(
        meeting,
        "Ny vårdcentral i Timrå",
        clauses=["bygga en vårdcentral i Timrå", "finansiera vårdcentralen inom ramen"],
    )
    index()
    response = client.get("/sok/", {"q": "vårdcentral Timrå"})
    assert response.status_code == 200
    assert hit_ids(response) == [strong.pk, passing.pk]


def test_swedish_stemming_finds_plural_for_singular(client, meeting):
    plural = make_item(meeting, "Regionplan", text="Två reservationer lämnades mot beslutet.")
    make_item(meeting, "Tandvård", text="Inget särskilt.")
    index()
    response = client.get("/sok/", {"q": "reservation"})
    assert hit_ids(response) == [plural.pk]


def test_phrase_and_negation(client, meeting):
    phrase = make_item(meeting, "Ny vårdcentral byggs", clauses=["godkänna bygget"])
    apart = make_item(meeting, "Vårdcentral, en ny plan", clauses=["godkänna planen"])
    budget = make_item(meeting, "Vårdcentral och budget", clauses=["anta budgeten"])
    index()
    assert hit_ids(client.get("/sok/", {"q": '"ny vårdcentral"'})) == [phrase.pk]
    negated = hit_ids(client.get("/sok/", {"q": "vårdcentral -budget"}))
    assert sorted(negated) == sorted([phrase.pk, apart.pk])
    either = hit_ids(client.get("/sok/", {"q": "bygget OR budgeten"}))
    assert sorted(either) == sorted([phrase.pk, budget.pk])


@pytest.mark.parametrize(
    ("printed", "typed"),
    [
        ("21RS7612", "21RS7612"),
        ("21RS7612", "21 RS 7612"),
        ("21RS7612", "  21rs7612 "),
        ("HSN 571-2024", "HSN 571-2024"),
        ("HSN 571-2024", "hsn571-2024"),
        ("HSN 571-2024", "Dnr HSN 571-2024"),
        ("RJL 2016/1288", "rjl 2016/1288"),
    ],
)
def test_each_dnr_spelling_goes_to_its_case(client, meeting, printed, typed):
    case = factories.CaseFactory(body=meeting.committee.body, dnr=printed)
    make_item(meeting, "Ärende med diarienummer").cases.add(case)
    response = client.get("/sok/", {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == case.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_unknown_dnr_and_unpublished_case_are_searched_as_text(client, meeting):
    hidden = factories.MeetingFactory(committee=meeting.committee, is_published=False)
    case = factories.CaseFactory(body=meeting.committee.body, dnr="24RS100")
    make_item(hidden, "Opublicerat").cases.add(case)
    for query in ("24RS100", "24RS999"):
        response = client.get("/sok/", {"q": query})
        assert response.status_code == 200
        assert response.context["cases"] == []


def test_a_dnr_prefix_lists_matching_cases_above_the_results(client, meeting):
    item = make_item(meeting, "Ärende")
    wanted = [
        factories.CaseFactory(body=meeting.committee.body, dnr=dnr)
        for dnr in ("21RS7612", "21RS7634")
    ]
    other = factories.CaseFactory(body=meeting.committee.body, dnr="21RS8001")
    item.cases.add(*wanted, other)
    response = client.get("/sok/", {"q": "21RS76"})
    assert response.status_code == 200
    assert [case.dnr for case in response.context["cases"]] == ["21RS7612", "21RS7634"]
    html = response.content.decode()
    assert wanted[0].get_absolute_url() in html
    assert "21RS8001" not in html


def test_a_long_prefix_list_goes_in_key_order(client, meeting):
    item = make_item(meeting, "Ärende")
    body = meeting.committee.body
    serials = [*range(1299, 1199, -1), 12]  # stored backwards
    cases = [factories.CaseFactory(body=body, dnr=f"KS 2024/{n}") for n in serials]
    item.cases.add(*cases)
    shown = [case.dnr for case in client.get("/sok/", {"q": "KS 2024/1"}).context["cases"]]
    assert shown == ["KS 2024/12", *(f"KS 2024/{n}" for n in range(1200, 1219))]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("21RS7612", True),
        ("21 RS 7612", True),
        ("HSN 571-2024", True),
        ("hsn571-2024", True),
        ("21RS76", True),
        ("RJL 2016/1288", True),
        ("KS KF/2025:6", True),
        ("Dnr 21RS7612", True),
        ("vård", False),  # a word without digits
        ("S", False),
        ("2024", False),  # a year
        ("ab1", False),  # too short to mean anything
        ("budget 2024", False),  # a word and a number
        ("sjukvård 12", False),
        ("hälso- och sjukvårdsnämnden", False),
        ('"21RS7612"', False),  # a quoted phrase is text search syntax
        ("regionfullmäktige 2024-05-01", False),  # a long word is no organ prefix
    ],
)
def test_what_looks_like_a_dnr(query, expected):
    assert looks_like_dnr(query) is expected


def test_empty_search_shows_guidance_and_no_results(client, meeting):
    make_item(meeting, "Något")
    index()
    response = client.get("/sok/", {"q": "  "})
    assert response.status_code == 200
    assert "page" not in response.context
    html = response.content.decode()
    assert "Så söker du" in html
    assert '<label for="sok-q">' in html


def test_hit_shows_title_link_meeting_and_clauses(client, meeting):
    item = make_item(meeting, "Ny ambulansstation", clauses=["inrätta en ambulansstation"])
    index()
    response = client.get("/sok/", {"q": "ambulansstation"})
    html = response.content.decode()
    assert f'href="{item.get_absolute_url()}"' in html
    assert meeting.committee.name in html
    assert meeting.committee.body.name in html
    assert f'datetime="{meeting.date.isoformat()}"' in html
    assert "inrätta en <mark>ambulansstation</mark>" in html
    assert "<title>" in html and "ambulansstation" in html.split("</title>")[0]


def test_protocol_text_is_escaped_in_results_and_snippet(client, meeting):
    attack = '<script>alert("x")</script>'
    make_item(
        meeting,
        f"Vårdplan {attack}",
        clauses=[f'anta vårdplanen {attack} och "citatet" & mer'],
        text=f'Bakgrund: vårdplanen är "viktig" {attack} & <b onmouseover="x">fet</b>.',
    )
    factories.ReservationFactory(
        item=models.Item.objects.get(title__startswith="Vårdplan"),
        reason=f'mot vårdplanen {attack} "skarpt"',
    )
    index()
    response = client.get("/sok/", {"q": "vårdplan"})
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<b onmouseover" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<mark>Vårdplan</mark>" in html, "the title match is highlighted"
    snippet = html.split('class="snippet"')[1].split("</p>")[0]
    assert "<mark>vårdplanen</mark>" in snippet
    assert "&quot;" in snippet, "quotes in the snippet are escaped"
    assert "<script" not in snippet and 'onmouseover="' not in snippet


SECTION_TEXT = "Planen bygger på budgeten och målen i regionplanen."


def make_item_with_head_lines(meeting, handler: str) -> None:
    """A § whose text opens with head lines (dnr, handläggare) above its one section."""
    make_item(
        meeting,
        "Verksamhetsplan 2026",
        text=f"Dnr MBN 2025/1523\nHandläggare: {handler}\nÄrendebeskrivning\n{SECTION_TEXT}",
        sections=[{"heading": "Ärendebeskrivning", "text": SECTION_TEXT}],
    )


def snippets(client, query: str) -> list[str]:
    html = client.get("/sok/", {"q": query}).content.decode()
    return [part.split("</p>")[0] for part in html.split('class="snippet">')[1:]]


def test_the_snippet_is_cut_from_the_sections_not_the_head_lines(client, meeting):
    make_item_with_head_lines(meeting, "Sofia Holm")
    make_item(meeting, "Budgetuppföljning", text="Diarienummer: KS 2025/7\nOm budgeten i mars.")
    index()
    found = snippets(client, "budget")
    assert "… Planen bygger på <mark>budgeten</mark> och målen i regionplanen …" in found
    assert not any("Handläggare" in snippet for snippet in found)
    # Without sections the whole § text is the source, as before.
    assert any("Om <mark>budgeten</mark> i mars" in snippet for snippet in found)


def test_a_match_only_in_the_head_lines_gets_its_snippet_from_the_whole_text(client, meeting):
    make_item_with_head_lines(meeting, "Sofia Holmqvist")
    index()
    found = snippets(client, "Holmqvist")
    assert len(found) == 1 and "Handläggare: Sofia <mark>Holmqvist</mark>" in found[0]
    # A match the sections show keeps the sections' snippet.
    assert not any("Handläggare" in snippet for snippet in snippets(client, "budget"))


def test_sentinel_characters_in_a_protocol_do_not_become_markup(client, meeting):
    make_item(meeting, "Vårdplan \ue000 med \ue001 tecken", text="om vårdplanen")
    index()
    html = client.get("/sok/", {"q": "vårdplan"}).content.decode()
    assert html.count("<mark>") == html.count("</mark>")
    assert "\ue000" not in html and "\ue001" not in html


def test_unpublished_meetings_never_appear(client, meeting):
    hidden = factories.MeetingFactory(committee=meeting.committee, is_published=False)
    shown = make_item(meeting, "Hemlig vårdplan publicerad")
    make_item(hidden, "Hemlig vårdplan opublicerad")
    index()
    response = client.get("/sok/", {"q": "hemlig vårdplan"})
    assert hit_ids(response) == [shown.pk]
    assert "opublicerad" not in response.content.decode()
    facets = dict(response.context["facets"])
    assert sum(link.count for link in facets["År"]) == 1


def test_pager_keeps_query_and_filters(client, meeting):
    for number in range(PAGE_SIZE + 3):
        make_item(meeting, f"Vårdplan {number}")
    index()
    params = {"q": "vårdplan", "organ": str(meeting.committee.pk)}
    response = client.get("/sok/", params)
    page = response.context["page"]
    assert page.paginator.count == PAGE_SIZE + 3
    assert len(page.object_list) == PAGE_SIZE
    next_link = response.content.decode().split('rel="next"')[0].rsplit('href="', 1)[1]
    assert "q=v%C3%A5rdplan" in next_link and f"organ={meeting.committee.pk}" in next_link
    second = client.get("/sok/" + next_link.split('"')[0].replace("&amp;", "&"))
    assert len(second.context["page"].object_list) == 3
    assert set(hit_ids(second)).isdisjoint(hit_ids(response))


@pytest.mark.parametrize("count", [3, 45])
def test_search_page_query_count_does_not_grow_with_results(
    client, django_assert_max_num_queries, count
):
    meeting = factories.MeetingFactory()
    party = factories.PartyFactory(abbreviation="SD", name="Sverigedemokraterna")
    for number in range(count):
        item = make_item(meeting, f"Vårdplan {number}", clauses=["anta vårdplanen", "notera"])
        factories.ReservationFactory(item=item, party=party)
    index()
    params = {
        "q": "vårdplan",
        "organ": meeting.committee.pk,
        "huvudman": meeting.committee.body.slug,
        "parti": "SD",
        "typ": "beslutar",
    }
    # The words' widened forms (one vocabulary lookup) and the planner's row estimates that
    # choose how the first hits are ordered are queries too, as many whatever the results.
    with django_assert_max_num_queries(17):
        response = client.get("/sok/", params)
    assert response.status_code == 200
    assert len(hit_ids(response)) == min(count, PAGE_SIZE)
