"""Meeting and item pages are cached fragments: a hit costs the lookup only, and a new
reading or a clerk's correction shows at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from minutes.services.corrections import item_mark_corrected
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    meeting = f.MeetingFactory()
    item = f.ItemFactory(meeting=meeting, number=7, title="Ny vårdcentral")
    clause = f.ClauseFactory(decision=f.DecisionFactory(item=item), text="bygga vårdcentralen")
    assert clause.text
    return item


def test_a_cached_meeting_page_costs_only_its_lookup(client, item, django_assert_max_num_queries):
    url = item.meeting.get_absolute_url()
    first = client.get(url).content.decode()
    assert "Ny vårdcentral" in first
    with django_assert_max_num_queries(2):
        assert client.get(url).content.decode() == first


def test_a_new_reading_of_the_meeting_shows_at_once(client, item):
    url = item.meeting.get_absolute_url()
    assert "Ny vårdcentral" in client.get(url).content.decode()
    item.title = "Ny tandvårdsklinik"
    item.save()
    assert "Ny vårdcentral" in client.get(url).content.decode()  # within the cache time
    item.meeting.imported_at = timezone.now()  # what a re-import sets
    item.meeting.save()
    page = client.get(url).content.decode()
    assert "Ny tandvårdsklinik" in page and "Ny vårdcentral" not in page


def test_a_corrected_item_page_shows_the_correction_at_once(client, item):
    url = item.get_absolute_url()
    assert "bygga vårdcentralen" in client.get(url).content.decode()
    item.decisions.get().clauses.update(text="bygga tandvårdskliniken")
    item_mark_corrected(item_id=item.pk)
    page = client.get(url).content.decode()
    assert "bygga tandvårdskliniken" in page and "bygga vårdcentralen" not in page


def test_the_start_pages_committee_links_are_cached_and_a_rename_shows_at_once(
    client, item, django_assert_max_num_queries
):
    committee = item.meeting.committee
    first = client.get("/").content.decode()
    assert f'href="{committee.get_absolute_url()}">{committee.name}</a>' in first
    # Cached: the latest meetings and the digest of the links are read, not the committees.
    with django_assert_max_num_queries(2):
        assert client.get("/").content.decode() == first
    committee.name = "Tandvårdsnämnden"
    committee.slug = "tandvardsnamnden"
    committee.save()
    page = client.get("/").content.decode()
    assert f'href="{committee.get_absolute_url()}">Tandvårdsnämnden</a>' in page
    assert first.count("</li>") == page.count("</li>")


def test_a_partys_totals_are_cached_until_a_new_meeting_is_published(
    client, django_assert_max_num_queries
):
    party = f.PartyFactory(abbreviation="KD", name="Kristdemokraterna")
    first = f.MeetingFactory(is_published=True, date=dt.date(2024, 3, 5))
    f.ReservationFactory(item=f.ItemFactory(meeting=first), party=party)
    url = "/parti/KD/"
    assert client.get(url).context["reservations"].paginator.count == 1
    with django_assert_max_num_queries(6):  # the lists' pages; no totals counted
        client.get(url)
    later = f.MeetingFactory(is_published=True, date=dt.date(2025, 4, 8))
    f.ReservationFactory(item=f.ItemFactory(meeting=later), party=party)
    response = client.get(url)
    assert response.context["reservations"].paginator.count == 2
    assert response.context["per_year"] == [(2024, 1), (2025, 1)]
