"""Names from unpublished meetings stay off the public pages: a person and a committee that
only an unpublished protocol names are on no list, page, filter or facet."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from minutes import models
from minutes.services.search_index import update_search_vectors
from tests import factories as f

pytestmark = pytest.mark.django_db

HIDDEN_COMMITTEE = "Hemliga nämnden"
HIDDEN_PERSON = "Gömda Persson"
HIDDEN_PARTY = "Dolda partiet"


@pytest.fixture
def archive():
    """One body: a published meeting of the public committee, and an unpublished one of a
    committee with no other meeting, naming a person and a party nowhere else named."""
    cache.clear()
    body = f.BodyFactory(name="Region Synlig", slug="region-synlig")
    public = f.CommitteeFactory(body=body, name="Öppna nämnden", slug="oppna-namnden")
    hidden = f.CommitteeFactory(body=body, name=HIDDEN_COMMITTEE, slug="hemliga-namnden")
    shown = f.MeetingFactory(committee=public)
    unpublished = f.MeetingFactory(committee=hidden, is_published=False)
    visible_person = f.PersonFactory(body=body, name="Synliga Svensson")
    person = f.PersonFactory(body=body, name=HIDDEN_PERSON)
    party = f.PartyFactory(abbreviation="DP", name=HIDDEN_PARTY)
    f.AttendanceFactory(meeting=shown, person=visible_person, party=f.PartyFactory())
    f.AttendanceFactory(meeting=unpublished, person=person, party=party)
    f.ItemFactory(meeting=shown, title="Budget för vägunderhåll")
    hidden_item = f.ItemFactory(meeting=unpublished, title="Budget för vägunderhåll")
    f.ReservationFactory(item=hidden_item, person=person, party=party)
    update_search_vectors()
    return {"hidden": hidden, "person": person, "party": party, "body": body}


def text(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_the_unpublished_person_is_on_no_people_list_and_has_no_page(client, archive):
    people = client.get("/api/v1/people/").json()
    names = [row["name"] for row in people["results"]]
    assert names == ["Synliga Svensson"]
    person = archive["person"]
    text(client, f"/region-synlig/person/{person.slug}/", 404)
    assert client.get(f"/api/v1/people/{person.pk}/").status_code == 404


def test_the_unpublished_committee_is_on_no_list_and_has_no_page(client, archive):
    for url in ("/", "/region-synlig/", "/sitemap-organ.xml"):
        page = text(client, url)
        assert "Öppna nämnden" in page or "oppna-namnden" in page, url
        assert HIDDEN_COMMITTEE not in page and "hemliga-namnden" not in page, url
    text(client, "/region-synlig/hemliga-namnden/", 404)


def test_the_start_page_counts_only_committees_with_published_meetings(client, archive):
    from minutes.selectors.counts import archive_counts

    assert archive_counts()["committees"] == 1
    assert archive_counts()["bodies"] == 1


def test_search_facets_and_filters_never_name_them(client, archive):
    page = text(client, "/sok/?q=budget")
    assert "Öppna nämnden" in page
    assert HIDDEN_COMMITTEE not in page
    assert HIDDEN_PARTY not in page
    # An id in the URL does not reveal a name either: the filter is ignored as unknown.
    for param in (
        f"organ={archive['hidden'].pk}",
        f"person={archive['person'].pk}",
        "reserverat=DP",
    ):
        page = text(client, f"/sok/?q=budget&{param}")
        assert HIDDEN_COMMITTEE not in page and HIDDEN_PERSON not in page, param
        assert HIDDEN_PARTY not in page, param
        assert "har ignorerats" in page, param


def test_a_party_named_only_in_unpublished_meetings_has_no_page(client, archive):
    text(client, "/parti/DP/", 404)
    assert "DP" not in [
        row["abbreviation"] for row in client.get("/api/v1/parties/").json()["results"]
    ]
    assert client.get("/api/v1/parties/DP/").status_code == 404


def test_publishing_the_meeting_makes_them_public(client, archive):
    models.Meeting.objects.filter(committee=archive["hidden"]).update(is_published=True)
    cache.clear()
    assert HIDDEN_COMMITTEE in text(client, "/region-synlig/")
    assert HIDDEN_COMMITTEE in text(client, "/")
    text(client, f"/region-synlig/person/{archive['person'].slug}/")
    text(client, "/region-synlig/hemliga-namnden/")
