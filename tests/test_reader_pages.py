"""What a reader reaches for next: a permalink per att-sats, person charts over time and
search links, the kommun or region on each party row, sign-in and sign-out for clerks,
the filters one tap from the results, the accessibility statement on every page."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.contrib.auth.models import Group, User

from minutes import models
from tests import factories as f
from tests.browse_data import Archive, build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive() -> Archive:
    return build_archive()


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_every_att_sats_has_an_anchor_numbered_through_the_decisions(client, archive):
    later = f.DecisionFactory(
        item=archive.item, position=1, decided_by="Regionstyrelsen", kind="beslutar"
    )
    f.ClauseFactory(decision=later, position=0, text="anta riktlinjerna")
    markup = page(client, archive.item.get_absolute_url())
    anchors = re.findall(r'<li id="(att-\d+)">([^<]+?) <a class="permalink" href="#\1">', markup)
    assert anchors == [
        ("att-1", "godkänna avtalet"),
        ("att-2", "uppdra åt direktören att teckna det"),
        ("att-3", "anta riktlinjerna"),
    ]
    # The second decision's list goes on from 3, so the number shown is the anchor's.
    assert '<ol class="clauses" start="3">' in markup
    assert "Länk till att-sats 3" in markup

    data = client.get(f"/api/v1/items/{archive.item.pk}/").json()
    (clause,) = data["decisions"][1]["clauses"]
    stored = models.Clause.objects.get(text="anta riktlinjerna")
    assert clause == {
        "id": stored.pk,
        "number": 3,
        "text": "anta riktlinjerna",
        "url": f"http://testserver{archive.item.get_absolute_url()}#att-3",
    }


def test_the_meeting_page_lists_clauses_without_item_page_anchors(client, archive):
    markup = page(client, archive.first.get_absolute_url())
    assert "godkänna avtalet" in markup and 'id="att-1"' not in markup


def test_person_page_charts_reservations_and_votes_per_year(client, archive):
    person = archive.reserver
    earlier = f.MeetingFactory(committee=archive.utskott, date=dt.date(2022, 2, 1))
    old_item = f.ItemFactory(meeting=earlier, number=3, title="Äldre ärende")
    f.ReservationFactory(item=old_item, person=person, party=archive.s)
    f.ReservationFactory(
        item=f.ItemFactory(meeting=earlier, number=4), person=person, party=archive.s
    )
    markup = page(client, person.get_absolute_url())
    assert 'aria-label="Reservationer per år för Per Persson"' in markup
    assert 'aria-label="Röster i voteringar per år för Per Persson"' in markup
    rows = re.findall(r'<tr><th scope="row">(\d{4})</th>((?:<td>[^<]*</td>)+)</tr>', markup)
    table = {year: re.findall(r"<td>([^<]*)</td>", cells) for year, cells in rows}
    # Years, reservations, votes, ja, nej, avstår, frånvarande; 2023 is there, as zeros.
    assert table == {
        "2022": ["2", "0", "0", "0", "0", "0"],
        "2023": ["0", "0", "0", "0", "0", "0"],
        "2024": ["1", "1", "0", "1", "0", "0"],
    }


def test_person_page_links_a_search_of_their_decisions(client, archive):
    person = archive.reserver
    markup = page(client, person.get_absolute_url())
    link = f'href="/sok/?person={person.pk}"'
    assert link in markup
    results = page(client, f"/sok/?person={person.pk}")
    assert "Fördjupad samverkan" in results and "Övriga frågor" not in results


def test_person_without_reservations_or_votes_has_no_chart(client, archive):
    markup = page(client, archive.substitute.get_absolute_url())
    assert "bar-chart" not in markup and "över tid" not in markup


def test_party_rows_name_the_kommun_or_region_and_link_searches(client, archive):
    other = f.BodyFactory(name="Ekby kommun", slug="ekby")
    ks = f.CommitteeFactory(body=other, name="Kommunstyrelsen", slug="ks")
    item = f.ItemFactory(meeting=f.MeetingFactory(committee=ks, date=dt.date(2024, 9, 1)), number=7)
    f.ReservationFactory(
        item=item, person=f.PersonFactory(body=other, name="Eva Ek"), party=archive.s
    )
    text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page(client, "/parti/S/"))))
    assert "Kommunstyrelsen (Ekby kommun), 1 september 2024" in text
    assert "Hälso- och sjukvårdsutskottet (Region Testvik), 5 mars 2024" in text
    markup = page(client, "/parti/S/")
    assert 'href="/sok/?parti=S"' in markup and 'href="/sok/?reserverat=S"' in markup


def test_anonymous_readers_find_logga_in_in_the_footer(client, archive):
    for url in ("/", archive.item.get_absolute_url(), "/parti/"):
        markup = page(client, url)
        footer = markup[markup.index('<footer class="site-footer">') :]
        assert 'href="/konto/logga-in/">Logga in</a>' in footer, url
        assert "Logga ut" not in markup, url


@pytest.fixture
def clerk(client) -> User:
    user = User.objects.create_user("clerk", password="pw-clerk-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Protokollförare"))
    client.force_login(user)
    return user


def test_a_signed_in_clerk_sees_logga_ut_on_every_page_and_it_signs_out(client, archive, clerk):
    for url in ("/", archive.item.get_absolute_url(), "/protokollforare/", "/data/"):
        markup = page(client, url)
        assert re.search(
            r'<form method="post" action="/konto/logga-ut/" class="logout">'
            r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]+">'
            r'<button type="submit" class="link-button">Logga ut</button></form>',
            markup,
        ), url
        assert ">Logga in</a>" not in markup, url
    client.post("/konto/logga-ut/")
    assert ">Logga in</a>" in page(client, "/")


def test_the_results_start_with_a_link_to_the_filters(client, archive):
    markup = page(client, "/sok/?q=samverkan")
    results = markup.index('id="traffar"')
    link = markup.index('<a href="#avgransa">Filtrera träffarna</a>')
    assert results < link < markup.index('class="hits"')
    assert '<h2 id="avgransa">Avgränsa</h2>' in markup


def test_every_page_links_the_accessibility_statement(client, archive):
    for url in ("/", "/sok/?q=samverkan", archive.first.get_absolute_url(), "/data/"):
        assert 'href="/tillganglighet/">Tillgänglighetsredogörelse</a>' in page(client, url), url


def test_the_accessibility_statement_says_what_the_law_asks(client, settings):
    text = page(client, "/tillganglighet/")
    assert "<h1>Tillgänglighetsredogörelse för Protokollarkivet</h1>" in text
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in text
    for heading in ("Hur tillgänglig är webbplatsen?", "Innehåll som inte är tillgängligt"):
        assert heading in text
    assert 'href="https://www.digg.se/tdosanmalan"' in text
    assert "mailto:" not in text
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tillganglighet@example.se"
    assert 'href="mailto:tillganglighet@example.se"' in page(client, "/tillganglighet/")
