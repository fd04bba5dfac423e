"""The public browse pages read as a citizen would check them, against real PostgreSQL."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from minutes import models, sitemaps
from minutes.charts import bar_chart
from minutes.services.search_index import update_search_vectors
from tests import factories as f
from tests.browse_data import Archive, build_archive

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script>\"'"


@pytest.fixture
def archive() -> Archive:
    return build_archive()


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def text_of(markup: str) -> str:
    """The visible text of a page, whitespace joined (for order and content checks)."""
    without_tags = re.sub(r"<[^>]+>", " ", markup)
    joined = " ".join(html.unescape(without_tags).split())
    # Tags around a party inside "(S)" or before a comma leave no gap in a browser either.
    return re.sub(r"\s+([),:])", r"\1", re.sub(r"\(\s+", "(", joined))


# --- Meeting ---------------------------------------------------------------------------------


def test_meeting_page_has_header_attendance_by_role_and_every_item(client, archive):
    url = archive.first.get_absolute_url()
    assert url == "/region-testvik/hsu/2024-03-05/"
    markup = page(client, url)
    text = text_of(markup)
    assert "<title>Hälso- och sjukvårdsutskottet 5 mars 2024 – Region Testvik" in markup
    assert re.search(r"<h1>Hälso- och sjukvårdsutskottet <time datetime=\"2024-03-05\">", markup)
    assert 'aria-label="Brödsmulor"' in markup
    for fact in ("09:15–12:00", "Sammanträdesrummet", "24HSU4", "Maria Öhman", "Roger Byström"):
        assert fact in text
    # Attendance grouped by role, in protocol order, the substitute serving "för" the member.
    assert text.index("Ordförande Lena Asplund (M)") < text.index("Ledamöter Per Persson (S)")
    assert "Tjänstgörande ersättare Camilla Nilsson (S), för Katarina Nylén" in text
    assert "Sekreterare Maria Öhman" in text
    # Every § with its decision chain and numbered clauses.
    assert "§ 12 Fördjupad samverkan" in text
    assert "Hälso- och sjukvårdsutskottet föreslår till Regionstyrelsen → Regionfullmäktige" in text
    assert re.search(r"<ol class=\"clauses\">\s*<li>godkänna avtalet</li>", markup)
    assert "Reservationer: Per Persson (S)" in text
    assert '<a href="/arende/region-testvik/rs2024100/">24RS100</a>' in markup
    assert f'href="{archive.item.get_absolute_url()}"' in markup


def test_meeting_page_links_previous_and_next_meeting_of_the_committee(client, archive):
    markup = page(client, archive.first.get_absolute_url())
    assert 'rel="prev"' not in markup, "the first meeting of the committee has no previous"
    assert f'rel="next" href="{archive.third.get_absolute_url()}"' in markup
    markup = page(client, archive.third.get_absolute_url())
    assert f'rel="prev" href="{archive.first.get_absolute_url()}"' in markup
    assert 'rel="next"' not in markup


def test_meeting_original_file_downloads_with_its_type_and_name(client, archive):
    meeting = archive.first
    meeting.source_filename = "protokoll 2024-03-05.pdf"
    meeting.source_file.save("p.pdf", ContentFile(b"%PDF-1.4 protokoll"), save=True)
    markup = page(client, meeting.get_absolute_url())
    assert "Ladda ned originalprotokollet" in markup
    response = client.get(f"{meeting.get_absolute_url()}protokoll/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "protokoll 2024-03-05.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 protokoll"
    # No file, no link and a 404.
    assert "Ladda ned originalprotokollet" not in page(client, archive.third.get_absolute_url())
    page(client, f"{archive.third.get_absolute_url()}protokoll/", 404)


def test_two_meetings_on_one_date_are_told_apart_by_start_time(client, archive):
    later = f.MeetingFactory(
        committee=archive.utskott, date=archive.first.date, start_time=dt.time(13, 0)
    )
    f.ItemFactory(meeting=later, number=13, title="Eftermiddagens ärende")
    base = archive.first.get_absolute_url()
    choices = page(client, base)
    assert "sammanträdde flera gånger" in choices
    assert f'href="{base}?tid=09:15"' in choices and f'href="{base}?tid=13:00"' in choices
    assert "Eftermiddagens ärende" in page(client, f"{base}?tid=13:00")
    assert "Fördjupad samverkan" in page(client, f"{base}?tid=9.15")
    page(client, f"{base}?tid=10:00", 404)
    # § numbers run through the year, so the items keep their plain addresses.
    assert "Eftermiddagens ärende" in page(client, f"{base}13/")
    # The committee page links each with its time.
    assert f"{base}?tid=13:00" in page(client, archive.utskott.get_absolute_url() + "?ar=2024")


# --- Item, case -----------------------------------------------------------------------------


def test_item_page_shows_everything_the_protocol_says(client, archive):
    url = archive.item.get_absolute_url()
    assert url == "/region-testvik/hsu/2024-03-05/12/"
    markup = page(client, url)
    text = text_of(markup)
    assert "<h1>§ 12 Fördjupad samverkan</h1>" in markup
    assert "<title>§ 12 Fördjupad samverkan – Hälso- och sjukvårdsutskottet 5 mars 2024" in markup
    assert '<a href="/arende/region-testvik/rs2024100/">24RS100</a>' in markup
    assert "Ärendeansvarig Åsa Bellander" in text and "Handläggare Susanne Sahlin" in text
    assert "föreslår till Regionstyrelsen → Regionfullmäktige" in text
    # Each att-sats has its own anchor, numbered through the §, and a visible link to it.
    assert re.search(
        r'<ol class="clauses" start="1">\s*<li id="att-1">godkänna avtalet '
        r'<a class="permalink" href="#att-1">.*?Länk till att-sats 1.*?</a></li>'
        r'<li id="att-2">uppdra åt direktören',
        markup,
    )
    assert "Yrkanden Per Persson (S) avslaget avslag på förslaget" in text
    assert "Ja: 5, nej: 4, avstår: 0 – ordförandens utslagsröst avgjorde" in text
    assert "Reservationer Per Persson (S) till förmån för eget yrkande" in text
    assert "jäv Lena Asplund anmäler jäv" in text
    assert "Ärendebeskrivning Sedan 2018 har" in text
    assert f'href="{archive.reserver.get_absolute_url()}"' in markup
    assert 'href="/parti/S/"' in markup


def test_item_shows_its_case_path_in_date_order_without_unpublished(client, archive):
    markup = page(client, archive.path_items[1].get_absolute_url())
    path = text_of(markup.split('id="arendets-vag"')[1])
    dates = ["5 mars 2024", "10 april 2024", "14 maj 2024"]
    positions = [path.index(d) for d in dates]
    assert positions == sorted(positions), "the case's items in time order"
    assert "denna paragraf" in path
    assert 'aria-current="step"' in markup
    assert "fullmäktige" not in path.lower().replace("regionfullmäktige", "")
    assert "3 juni 2024" not in path, "the unpublished meeting's item is not on the path"
    for other in (archive.path_items[0], archive.path_items[2]):
        assert f'href="{other.get_absolute_url()}"' in markup


def test_case_page_lists_every_published_item_in_date_order(client, archive):
    markup = page(client, "/arende/region-testvik/rs2024100/")
    text = text_of(markup)
    assert "<h1>Ärende 24RS100</h1>" in markup
    titles = ["§ 12 Fördjupad samverkan", "§ 40 Samverkan, styrelsen", "§ 20 Samverkan, uppf"]
    positions = [text.index(t) for t in titles]
    assert positions == sorted(positions)
    assert "Samverkan, fullmäktige" not in text
    assert "3 paragrafer" in text


def test_case_address_in_any_spelling_redirects_to_the_key(client, archive):
    response = client.get("/arende/region-testvik/24RS100/")
    assert response.status_code == 301
    assert response["Location"] == "/arende/region-testvik/rs2024100/"


def test_case_is_paginated(client, archive):
    for n in range(55):
        item = f.ItemFactory(meeting=archive.third, number=100 + n, title=f"Uppföljning {n}")
        item.cases.add(archive.case)
    first = page(client, "/arende/region-testvik/rs2024100/")
    assert "Sida 1 av 2" in first and 'rel="next"' in first
    second = page(client, "/arende/region-testvik/rs2024100/?sida=2")
    assert "Uppföljning 54" in second and "Uppföljning 54" not in first
    assert "Fördjupad samverkan" in page(client, "/arende/region-testvik/rs2024100/?sida=abc")


# --- Body, committee --------------------------------------------------------------------------


def test_committee_page_lists_meetings_by_year(client, archive):
    f.MeetingFactory(committee=archive.utskott, date=dt.date(2023, 11, 2))
    markup = page(client, archive.utskott.get_absolute_url())
    text = text_of(markup)
    assert "<h1>Hälso- och sjukvårdsutskottet</h1>" in markup
    assert "Sammanträden 2024" in text
    assert text.index("5 mars 2024") < text.index("14 maj 2024")
    assert "2 november 2023" not in text
    assert 'href="?ar=2023"' in markup and '"?ar=2024" aria-current="page"' in markup
    older = text_of(page(client, archive.utskott.get_absolute_url() + "?ar=2023"))
    assert "2 november 2023" in older and "5 mars 2024" not in older
    # A malformed year is ignored: the latest year is shown.
    assert "5 mars 2024" in text_of(page(client, archive.utskott.get_absolute_url() + "?ar=x"))


def test_body_page_lists_committees_and_meetings_of_the_year(client, archive):
    markup = page(client, archive.body.get_absolute_url())
    text = text_of(markup)
    assert "<h1>Region Testvik</h1>" in markup
    assert "Hälso- och sjukvårdsutskottet 2 sammanträden" in text
    # Its only meeting is unpublished: the public does not see the committee yet.
    assert "Regionfullmäktige" not in text
    assert "10 april 2024" in text and "3 juni 2024" not in text


def test_start_page_links_latest_meetings_and_committees(client, archive):
    markup = page(client, "/")
    assert f'href="{archive.third.get_absolute_url()}"' in markup
    assert f'href="{archive.utskott.get_absolute_url()}"' in markup
    assert 'role="search"' in markup and 'href="/parti/"' in markup
    assert "3 juni 2024" not in markup


# --- Person, party ---------------------------------------------------------------------------


def test_person_page_shows_meetings_with_role_and_party_yrkanden_and_reservations(client, archive):
    url = archive.substitute.get_absolute_url()
    assert url == "/region-testvik/person/camilla-nilsson/"
    text = text_of(page(client, url))
    assert "5 mars 2024 Hälso- och sjukvårdsutskottet tjänstgörande ersättare för Katarina" in text
    reserver = text_of(page(client, archive.reserver.get_absolute_url()))
    assert "Yrkanden (1)" in reserver and "avslag på förslaget" in reserver
    assert "Reservationer (1)" in reserver and "till förmån för eget yrkande" in reserver
    chair = text_of(page(client, archive.chair.get_absolute_url()))
    assert "Sammanträden (1)" in chair, "the unpublished meeting is not listed"


def test_person_named_only_in_unpublished_protocols_is_not_public(client, archive):
    hidden = f.PersonFactory(body=archive.body, name="Dold Person", slug="dold-person")
    f.AttendanceFactory(meeting=archive.hidden, person=hidden)
    page(client, hidden.get_absolute_url(), 404)


def test_person_reservations_are_paginated(client, archive):
    for n in range(30):
        item = f.ItemFactory(meeting=archive.third, number=200 + n, title=f"Motion {n}")
        f.ReservationFactory(item=item, person=archive.reserver, party=archive.s)
    first = page(client, archive.reserver.get_absolute_url())
    assert "Reservationer (31)" in text_of(first)
    assert "Sida 1 av 2" in first
    assert "?reservationer=2#reservationer" in first
    second = page(client, archive.reserver.get_absolute_url() + "?reservationer=2")
    oldest = "§ 12 Fördjupad samverkan"
    assert oldest in second.split('id="reservationer"')[1]
    assert oldest not in first.split('id="reservationer"')[1]


def test_party_page_has_chart_table_committees_and_lists(client, archive):
    older = f.MeetingFactory(committee=archive.styrelse, date=dt.date(2021, 2, 1))
    f.ReservationFactory(item=f.ItemFactory(meeting=older, number=3), party=archive.s)
    markup = page(client, "/parti/S/")
    text = text_of(markup)
    assert "<h1>Socialdemokraterna (S)</h1>" in markup
    svg = markup.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg and 'aria-label="Reservationer per år för S"' in svg
    assert "<title>Reservationer per år för S</title>" in svg
    assert svg.count("<rect") == 4, "one bar per year 2021–2024, empty years included"
    assert "," not in re.sub(r"aria-label=\"[^\"]*\"|<title>.*</title>", "", svg)
    assert "2021 1 2022 0 2023 0 2024 1" in text_of(markup.split('chart-data"')[1])
    assert "Hälso- och sjukvårdsutskottet Region Testvik 1 1" in text
    assert "Per Persson (S): avslag på förslaget" in text
    assert page(client, "/parti/m/", 301) == ""


def test_parties_index_lists_active_parties(client, archive):
    f.PartyFactory(abbreviation="KD", name="Kristdemokraterna")
    text = text_of(page(client, "/parti/"))
    assert "Socialdemokraterna (S)" in text
    assert "Kristdemokraterna" not in text, "a party without yrkanden or reservations"


def test_bar_chart_scales_bars_to_the_largest_value():
    chart = bar_chart([("2022", 2), ("2023", 4), ("2024", 0)], title="t")
    assert [bar.height for bar in chart.bars] == [86.0, 172.0, 0.0]
    assert chart.bars[0].x < chart.bars[1].x < chart.bars[2].x
    assert bar_chart([], title="t") is None


# --- Unpublished, missing, malformed -------------------------------------------------------


def test_unpublished_meeting_is_a_404_everywhere(client, archive):
    hidden = archive.hidden
    hidden.source_file.save("h.txt", ContentFile(b"hemligt"), save=True)
    page(client, hidden.get_absolute_url(), 404)
    page(client, f"{hidden.get_absolute_url()}protokoll/", 404)
    page(client, archive.hidden_item.get_absolute_url(), 404)
    # A committee with no published meeting has no page yet.
    page(client, archive.fullmaktige.get_absolute_url(), 404)
    only_hidden = f.CaseFactory(body=archive.body, dnr="24RS999")
    archive.hidden_item.cases.add(only_hidden)
    page(client, "/arende/region-testvik/rs2024999/", 404)
    page(client, "/arende/rs2024999/", 404)


@pytest.mark.parametrize(
    "url",
    [
        "/finns-inte/",
        "/region-testvik/finns-inte/",
        "/region-testvik/hsu/2024-03-06/",
        "/region-testvik/hsu/2024-02-30/",
        "/region-testvik/hsu/2024-3-5/",
        "/region-testvik/hsu/2024-03-05/99/",
        "/region-testvik/hsu/2024-03-05/99999999999999999999/",
        "/region-testvik/person/ingen/",
        "/arende/00000/",
        "/arende/%00/",
        "/parti/XYZ/",
        "/parti/%00/",
        "/sitemap-finns-inte.xml",
    ],
)
def test_missing_or_malformed_addresses_are_swedish_404_pages(client, archive, url):
    markup = page(client, url, 404)
    assert "<h1>Sidan finns inte</h1>" in markup
    assert '<html lang="sv">' in markup


def test_error_templates_are_swedish(client):
    from django.template.loader import render_to_string

    assert "Ett fel uppstod" in render_to_string("500.html")
    assert "{%" not in render_to_string("500.html")
    assert "Åtkomst nekad" in render_to_string("403.html")
    assert "Felaktig förfrågan" in render_to_string("400.html")


# --- Escaping -------------------------------------------------------------------------------


def test_protocol_text_with_script_and_quotes_is_escaped_on_every_page(client):
    archive = build_archive(text=XSS)
    committee = archive.utskott
    committee.name = "Utskottet" + XSS
    committee.save()
    urls = [
        "/",
        archive.body.get_absolute_url(),
        committee.get_absolute_url(),
        archive.first.get_absolute_url(),
        archive.item.get_absolute_url(),
        archive.path_items[1].get_absolute_url(),
        "/arende/region-testvik/rs2024100/",
        archive.chair.get_absolute_url(),
        archive.reserver.get_absolute_url(),
        archive.substitute.get_absolute_url(),
        "/parti/S/",
    ]
    for url in urls:
        markup = page(client, url)
        assert "<script>" not in markup, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup, url
    item_page = page(client, archive.item.get_absolute_url())
    # Title, clause, reservation reason, attendee name and section all come out as text.
    assert item_page.count("&lt;script&gt;") >= 7
    assert "&quot;&#x27;" in item_page
    meeting_page = page(client, archive.first.get_absolute_url())
    assert "Lena Asplund&lt;script&gt;" in meeting_page
    assert "Katarina Nylén&lt;script&gt;" in meeting_page


# --- Query counts ---------------------------------------------------------------------------


def grow(archive: Archive, count: int) -> None:
    """Give the first meeting `count` more items, each with a decision, clauses, a yrkande,
    a vote, a reservation, a note and a case, and more attendees."""
    for n in range(count):
        item = f.ItemFactory(meeting=archive.first, number=300 + n, title=f"Ärende {n}")
        decision = f.DecisionFactory(item=item)
        for position in range(3):
            f.ClauseFactory(decision=decision, position=position)
        f.YrkandePersonFactory(
            yrkande=f.YrkandeFactory(item=item), person=archive.reserver, party=archive.s
        )
        vote = f.VoteFactory(item=item)
        f.VoteCastFactory(vote=vote, person=archive.chair, party=archive.m)
        f.VoteCastFactory(vote=vote, person=archive.reserver, party=archive.s, choice="nej")
        f.ReservationFactory(item=item, person=archive.reserver, party=archive.s)
        f.NoteFactory(item=item).persons.add(archive.chair)
        item.cases.add(archive.case)
        person = f.PersonFactory(body=archive.body, name=f"Ledamot {n}", slug=f"ledamot-{n}")
        f.AttendanceFactory(meeting=archive.first, person=person, party=archive.s)
        # The reserver's own lists (person page) grow with the archive too.
        meeting = f.MeetingFactory(
            committee=archive.styrelse, date=dt.date(2022, 1, 1) + dt.timedelta(n)
        )
        f.AttendanceFactory(meeting=meeting, person=archive.reserver, party=archive.s)


@pytest.mark.parametrize("extra", [2, 30])
def test_page_queries_do_not_grow_with_the_archive(client, django_assert_max_num_queries, extra):
    archive = build_archive()
    grow(archive, extra)
    urls = {
        # +1 for the versions of the protocol (selectors.corrections.meeting_versions)
        "meeting": (archive.first.get_absolute_url(), 10),
        "item": (archive.item.get_absolute_url(), 13),
        "case": ("/arende/region-testvik/rs2024100/", 6),
        # the person, then a count and a page for each of four lists (meetings, yrkanden,
        # votes in printed rolls, reservations), and reservations and votes per year
        "person": (archive.reserver.get_absolute_url(), 11),
        "party": ("/parti/S/", 9),
        "committee": (archive.utskott.get_absolute_url(), 4),
        "body": (archive.body.get_absolute_url(), 4),
        "home": ("/", 7),
    }
    for name, (url, limit) in urls.items():
        with django_assert_max_num_queries(limit, info=name):
            assert client.get(url).status_code == 200, name


# --- Sitemap, robots -------------------------------------------------------------------------


def test_sitemap_lists_published_objects(client, archive):
    index = page(client, "/sitemap.xml")
    sections = re.findall(r"<loc>http://testserver(/sitemap-[a-z]+\.xml)</loc>", index)
    assert len(sections) == 6
    locations = set()
    for section in sections:
        locations |= set(re.findall(r"<loc>http://testserver([^<]+)</loc>", page(client, section)))
    expected = {
        archive.body.get_absolute_url(),
        archive.utskott.get_absolute_url(),
        archive.first.get_absolute_url(),
        archive.item.get_absolute_url(),
        "/arende/region-testvik/rs2024100/",
        "/parti/S/",
    }
    assert expected <= locations
    assert archive.hidden.get_absolute_url() not in locations
    assert archive.hidden_item.get_absolute_url() not in locations
    assert archive.fullmaktige.get_absolute_url() not in locations


def test_sitemap_pages_split_large_sections_and_date_the_newest_import(
    client, archive, monkeypatch
):
    monkeypatch.setattr(sitemaps.ItemSitemap, "limit", 1)
    index = page(client, "/sitemap.xml")
    item_pages = re.findall(r"<loc>http://testserver(/sitemap-paragrafer\.xml[^<]*)</loc>", index)
    published = models.Item.objects.filter(meeting__is_published=True).count()
    assert len(item_pages) == published > 1, "one page per item at a limit of one"
    locations = [
        re.findall(r"<loc>http://testserver([^<]+)</loc>", page(client, url.replace("&amp;", "&")))
        for url in item_pages
    ]
    assert all(len(found) == 1 for found in locations)
    assert archive.item.get_absolute_url() in {found[0] for found in locations}
    newest = models.Meeting.objects.filter(is_published=True).latest("imported_at").imported_at
    meetings_entry = index.split("/sitemap-sammantraden.xml</loc>")[1].split("</sitemap>")[0]
    assert f"<lastmod>{timezone.localtime(newest).isoformat()}</lastmod>" in meetings_entry


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_meeting_without_items_or_attendance_says_so(client, archive):
    meeting = f.MeetingFactory(committee=archive.styrelse, date=dt.date(2024, 9, 1))
    markup = page(client, meeting.get_absolute_url())
    assert "Protokollet har inga paragrafer." in markup
    assert "Närvaron är inte inläst." in markup


def test_other_areas_first_words_are_never_taken_for_a_body():
    from minutes.urls.browse import BodySlugConverter

    converter = BodySlugConverter()
    assert converter.to_python("region-testvik") == "region-testvik"
    for word in ("sok", "api", "protokollforare", "konto", "admin", "parti", "arende"):
        with pytest.raises(ValueError):
            converter.to_python(word)


def test_large_numbers_are_written_in_swedish_digit_groups(client):
    meeting = f.MeetingFactory(is_published=True)
    items = models.Item.objects.bulk_create(
        models.Item(meeting=meeting, number=n, title=f"Bygglov för fastighet {n}")
        for n in range(1, 1002)
    )
    models.Decision.objects.bulk_create(
        models.Decision(item=item, decided_by="Byggnämnden", kind=models.Decision.Kind.DECIDES)
        for item in items
    )
    update_search_vectors()
    counts = text_of(page(client, "/")).replace("\xa0", " ")
    assert "Beslut 1 001" in counts
    results = page(client, "/sok/?q=bygglov")
    assert "Fler än 1\xa0000 träffar" in results, "a non-breaking space groups the digits"
