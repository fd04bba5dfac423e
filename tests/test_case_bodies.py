"""A case is a matter of one body: two bodies that use the same diarienummer have two case
pages, and the number alone offers the choice (minutes.views.browse.case_choice)."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_number():
    """Kommun A and Kommun B each have a case KS 2018/2400 about different things, and
    Kommun C alone has KS 2019/17."""
    cases = {}
    for name, slug, title in (
        ("Kommun A", "kommun-a", "Ny förskola i Ekby"),
        ("Kommun B", "kommun-b", "Taxa för parkering"),
    ):
        body = factories.BodyFactory(name=name, slug=slug)
        case = factories.CaseFactory(body=body, dnr="KS 2018/2400")
        meeting = factories.MeetingFactory(committee=factories.CommitteeFactory(body=body))
        factories.ItemFactory(meeting=meeting, title=title).cases.add(case)
        cases[slug] = case
    only = factories.BodyFactory(name="Kommun C", slug="kommun-c")
    alone = factories.CaseFactory(body=only, dnr="KS 2019/17")
    meeting = factories.MeetingFactory(committee=factories.CommitteeFactory(body=only))
    factories.ItemFactory(meeting=meeting, title="Vägbelysning").cases.add(alone)
    cases["kommun-c"] = alone
    return cases


def test_each_body_has_its_own_case_page_with_only_its_items(client, shared_number):
    first = client.get(shared_number["kommun-a"].get_absolute_url()).content.decode()
    second = client.get(shared_number["kommun-b"].get_absolute_url()).content.decode()
    assert "Ny förskola i Ekby" in first and "Taxa för parkering" not in first
    assert "Taxa för parkering" in second and "Ny förskola i Ekby" not in second
    assert "1 paragraf" in first and "1 paragraf" in second


def test_the_number_alone_lists_the_bodies_that_use_it(client, shared_number):
    key = shared_number["kommun-a"].key
    response = client.get(f"/arende/{key}/")
    assert response.status_code == 200
    html = response.content.decode()
    for slug in ("kommun-a", "kommun-b"):
        assert f'href="{shared_number[slug].get_absolute_url()}"' in html
    assert "Kommun A" in html and "Kommun B" in html
    assert "Ny förskola i Ekby" not in html, "a choice, not a merged case"


def test_the_number_of_one_body_redirects_to_its_case(client, shared_number):
    response = client.get("/arende/KS%202019-17/", follow=True)
    assert response.redirect_chain[-1][0] == shared_number["kommun-c"].get_absolute_url()
    assert "Vägbelysning" in response.content.decode()


def test_unknown_body_or_number_is_not_found(client, shared_number):
    key = shared_number["kommun-a"].key
    assert client.get(f"/arende/kommun-c/{key}/").status_code == 404
    assert client.get("/arende/kommun-x/ks20182400/").status_code == 404
    assert client.get("/arende/ks99999999/").status_code == 404


def test_a_search_for_a_shared_number_offers_the_choice(client, shared_number):
    response = client.get("/sok/", {"q": "KS 2018/2400"})
    assert response.status_code == 302
    assert response["Location"] == f"/arende/{shared_number['kommun-a'].key}/"
    alone = client.get("/sok/", {"q": "KS 2019/17"})
    assert alone["Location"] == shared_number["kommun-c"].get_absolute_url()


def test_the_api_keeps_the_bodies_apart(client, shared_number):
    key = shared_number["kommun-a"].key
    case = client.get(f"/api/v1/cases/kommun-a/{key}/").json()
    assert [item["title"] for item in case["items"]] == ["Ny förskola i Ekby"]
    assert case["body"] == {"name": "Kommun A", "slug": "kommun-a"}
    choice = client.get(f"/api/v1/cases/{key}/").json()
    assert [c["body"]["slug"] for c in choice["cases"]] == ["kommun-a", "kommun-b"]
    assert choice["cases"][1]["api_url"].endswith(f"/api/v1/cases/kommun-b/{key}/")
    one = client.get("/api/v1/cases/KS%202019-17/")
    assert one.status_code == 302
    assert one["Location"] == f"/api/v1/cases/kommun-c/{shared_number['kommun-c'].key}/"
