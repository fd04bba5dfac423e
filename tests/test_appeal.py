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
    item = f.ItemFactory(meeting=meeting, number=46)
    assert meeting.appeal_deadline is None
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert '<dt>Justerat</dt><dd><time datetime="2025-06-19">19 juni 2025</time>' in html
    assert "Protokollet anger inte när justeringen anslogs." in html
    assert "Kan inte räknas ut: protokollet anger inte när justeringen anslogs." in html
    assert "Överklaga senast" not in client.get(item.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_meeting_page_gives_every_legal_date_with_its_meaning(client):
    meeting = f.MeetingFactory(
        date=dt.date(2025, 6, 16),
        adjusted_on=dt.date(2025, 6, 19),
        notice_posted_on=dt.date(2025, 6, 20),
        notice_removed_on=dt.date(2025, 7, 12),
    )
    html = client.get(meeting.get_absolute_url()).content.decode()
    section = html[
        html.index('id="laga-kraft"') : html.index("</section>", html.index("laga-kraft"))
    ]
    assert '<dt>Justerat</dt><dd><time datetime="2025-06-19">19 juni 2025</time>' in section
    assert (
        '<dt>Anslaget</dt><dd><time datetime="2025-06-20">20 juni 2025</time>–'
        '<time datetime="2025-07-12">12 juli 2025</time>' in section
    )
    assert '<dt>Överklaga senast</dt><dd><time datetime="2025-07-11">11 juli 2025</time>' in section
    assert "laglighetsprövning inom tre veckor" in section
    assert "anger inte" not in section


@pytest.mark.django_db
def test_a_protocol_without_dates_says_so_plainly(client):
    meeting = f.MeetingFactory(date=dt.date(2025, 6, 16))
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Protokollet anger inte när det justerades." in html
    assert "Protokollet anger inte när justeringen anslogs." in html
    assert "Kan inte räknas ut" in html
