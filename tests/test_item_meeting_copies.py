"""Items carry their meeting's date, publication and committee (the triggers of migrations
0004 and 0008): whatever writes an item or changes a meeting, search and lists see the
meeting as it is."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from minutes.models import Item, Meeting
from minutes.search.query import item_search
from minutes.selectors.counts import archive_counts
from minutes.services.search_index import update_search_vectors

from .factories import CommitteeFactory, DecisionFactory, ItemFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def _copies(item: Item) -> tuple[dt.date, bool]:
    return Item.objects.values_list("meeting_date", "is_published").get(pk=item.pk)


def test_an_item_saved_through_the_orm_gets_its_meetings_date_and_publication():
    meeting = MeetingFactory(date=dt.date(2024, 3, 5), is_published=False)
    item = ItemFactory(meeting=meeting)
    assert _copies(item) == (dt.date(2024, 3, 5), False)


def test_publishing_and_moving_a_meeting_reaches_its_items():
    meeting = MeetingFactory(date=dt.date(2024, 3, 5), is_published=False)
    items = [ItemFactory(meeting=meeting, number=n, title="Detaljplan för hamnen") for n in (1, 2)]
    update_search_vectors()
    assert not item_search(query="hamnen", filters={}).matches.exists()

    meeting.is_published = True
    meeting.date = dt.date(2024, 4, 9)
    meeting.save()

    assert {_copies(item) for item in items} == {(dt.date(2024, 4, 9), True)}
    assert item_search(query="hamnen", filters={"ar": "2024"}).matches.count() == 2
    Meeting.objects.filter(pk=meeting.pk).update(is_published=False)
    assert not item_search(query="hamnen", filters={}).matches.exists()


def test_an_item_moved_to_another_meeting_takes_that_meetings_date():
    first = MeetingFactory(date=dt.date(2023, 1, 10))
    second = MeetingFactory(date=dt.date(2025, 6, 2), is_published=False)
    item = ItemFactory(meeting=first)
    item.meeting = second
    item.save()
    assert _copies(item) == (dt.date(2025, 6, 2), False)


def test_a_row_written_with_copy_gets_the_copies_too():
    meeting = MeetingFactory(date=dt.date(2022, 11, 30))
    with connection.cursor() as cursor:
        columns = "meeting_id, number, title, dnr, responsible, handlers, tags, withdrawn, tabled"
        with cursor.copy(f"COPY minutes_item ({columns}, sections, text) FROM STDIN") as copy:
            copy.write_row((meeting.pk, 7, "Budget", [], [], [], [], False, False, "[]", ""))
    copied = Item.objects.get(meeting=meeting, number=7)
    assert (copied.meeting_date, copied.committee_id) == (meeting.date, meeting.committee_id)


def test_a_meeting_moved_to_another_committee_moves_its_items_in_the_filters():
    meeting = MeetingFactory()
    item = ItemFactory(meeting=meeting, title="Detaljplan för hamnen")
    other = CommitteeFactory()
    update_search_vectors()
    assert Item.objects.get(pk=item.pk).committee_id == meeting.committee_id

    meeting.committee = other
    meeting.save()

    by_organ = item_search(query="hamnen", filters={"organ": str(other.pk)})
    assert list(by_organ.matches.values_list("pk", flat=True)) == [item.pk]
    by_body = item_search(query="", filters={"huvudman": other.body.slug})
    assert by_body.first_ids == [item.pk]


def test_the_start_page_counts_only_published_decisions():
    shown = MeetingFactory(is_published=True)
    hidden = MeetingFactory(is_published=False)
    for meeting in (shown, hidden):
        DecisionFactory(item=ItemFactory(meeting=meeting))
    assert archive_counts()["decisions"] == 1
    hidden.is_published = True
    hidden.save()
    assert archive_counts()["decisions"] == 2
