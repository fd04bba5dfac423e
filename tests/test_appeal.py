"""The last day to appeal a decision: three weeks from the anslag (Kommunallagen 13:6)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests import factories as f


@pytest.mark.django_db
def test_meeting_and_item_pages_show_the_last_day_to_appeal(client):
    meeting = f.MeetingFactory(date=dt.date(2025, 6, 16), notice_posted_on=dt.date(2025, 6, 20))
    item = f.ItemFactory(meeting=meeting, number=46)
    assert meeting.appeal_deadline == dt.date(2025, 7, 11)
    for url in (meeting.get_absolute_url(), item.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Överklaga senast" in html, url
        assert '<time datetime="2025-07-11">11 juli 2025</time>' in html, url


@pytest.mark.django_db
def test_no_deadline_is_guessed_without_an_anslag_date(client):
    meeting = f.MeetingFactory(date=dt.date(2025, 6, 16), adjusted_on=dt.date(2025, 6, 19))
    assert meeting.appeal_deadline is None
    assert "Överklaga senast" not in client.get(meeting.get_absolute_url()).content.decode()
