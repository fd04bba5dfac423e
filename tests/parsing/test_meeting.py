"""Meeting fields: date, times, place, organ, body, dnr, justering and anslag."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minutes.parsing.document import parse_text
from minutes.parsing.meeting import (
    find_adjusted_on,
    find_adjusters,
    find_body,
    find_committee,
    find_meeting_date,
    find_notice_dates,
    find_place,
    find_protocol_dnr,
    find_secretary,
    find_times,
    parse_date,
)
from minutes.parsing.records import ParsedProtocol, ParseWarning
from tests.seeds import seed_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"
D = dt.date
T = dt.time

DATE_ROWS = [
    ("2021-11-11", D(2021, 11, 11)),  # ISO
    ("28 november 2024", D(2024, 11, 28)),  # Swedish month name
    ("Måndagen den 3 Februari 2025 kl 13", D(2025, 2, 3)),  # capitalised month in a phrase
    ("2021-02-30", None),  # not a date
    ("den 3 december", None),  # no year
]


@pytest.mark.parametrize(("text", "expected"), DATE_ROWS)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


MEETING_DATE_ROWS = [
    ("Tid: 2021-11-11 kl 09.15-12.00", D(2021, 11, 11)),  # letter layout
    ("Sammanträdesdatum 2023-12-11", D(2023, 12, 11)),  # anslag box
    (
        "Protokoll\nSammanträdesdatum\nBygg- och miljönämnden\n\n2024-11-28",
        D(2024, 11, 28),
    ),  # page header
    ("Datum 2021-11-11", D(2021, 11, 11)),  # letter header
    ("Plats och tid\tRådhuset 12 mars 2024 kl. 13:00", D(2024, 3, 12)),  # table header
    ("Datum 2024-01-01\nSammanträdesdatum 2024-01-09", D(2024, 1, 9)),  # the meeting label wins
    ("Beslutet fattades 2024-01-01.", None),  # an unlabelled date is not the meeting's
]


@pytest.mark.parametrize(("text", "expected"), MEETING_DATE_ROWS)
def test_find_meeting_date(text: str, expected: dt.date | None) -> None:
    assert find_meeting_date(text) == expected


TIME_ROWS = [
    ("Tid: 2021-11-11 kl 09.15-12.00", (T(9, 15), T(12, 0))),  # dots and hyphen
    ("Plats och tid\tÖstersund kl. 13:15-15:50", (T(13, 15), T(15, 50))),  # colons
    ("Tid: 2025-03-13 kl. 09:15", (T(9, 15), None)),  # start only
    ("Tid 2024-01-02 kl. 08.30–12.00", (T(8, 30), T(12, 0))),  # en dash
    ("Plats och tid Rådhuset 13.00–16.30", (T(13, 0), T(16, 30))),  # range without kl
    ("Tid: 2021-12-01", (None, None)),  # no time printed
]


@pytest.mark.parametrize(("text", "expected"), TIME_ROWS)
def test_find_times(text: str, expected: tuple[dt.time | None, dt.time | None]) -> None:
    assert find_times(text) == expected


PLACE_ROWS = [
    ("Plats: Digitalt möte i Teams", "Digitalt möte i Teams"),  # simple label
    ("Plats: Rum Eken\nsamt Teams\nNÄRVARANDE", "Rum Eken samt Teams"),  # wrapped place
    ("Plats och tid\tStorby, Rådhuset (Teams) kl. 13:15-15:50", "Storby, Rådhuset (Teams)"),
    ("Plats och tid  Rådhuset, 2024-03-12 kl 13.00", "Rådhuset"),  # date and time stripped
    ("Tid: 2024-01-02", None),  # no place
]


@pytest.mark.parametrize(("text", "expected"), PLACE_ROWS)
def test_find_place(text: str, expected: str | None) -> None:
    assert find_place(text) == expected


COMMITTEE_ROWS = [
    ("Organ Regionens samverkansråd", "Regionens samverkansråd", 0),  # anslag box label
    (
        "Sammanträdesdatum\nTekniska nämndens\narbetsutskott\n2024-01-02",
        "Tekniska nämndens arbetsutskott",
        0,
    ),
    ("SAMMANTRÄDESPROTOKOLL\nKulturnämnden        2024-02-02", "Kulturnämnden", 0),  # top column
    (
        "§ 1 X\nKulturutskottet beslutar\natt a.\n§ 2 Y\nKulturutskottet beslutar\natt b.",
        "Kulturutskottet",
        1,
    ),
    ("§ 1 X\nDå inga ärenden föreligger beslutar Fritidsnämnden", "Fritidsnämnden", 1),  # inverted
    ("§ 1 X\nText utan beslut.", None, 0),  # nothing to go on
]


@pytest.mark.parametrize(("text", "expected", "warned"), COMMITTEE_ROWS)
def test_find_committee(text: str, expected: str | None, warned: int) -> None:
    warnings: list[ParseWarning] = []
    assert find_committee(text, warnings) == expected
    assert len(warnings) == warned


BODY_ROWS = [
    ("Region Norrbotten\nProtokoll", None, "Region Norrbotten", 0),  # header line
    ("anslag på Region Gotlands anslagstavla. Region Gotland", None, "Region Gotland", 0),
    ("Storby kommun\nKommunstyrelsen", "Kommunstyrelsen", "Storby kommun", 0),  # header line
    (
        "Region Halland a. Region Halland b. Region Skåne c.",
        None,
        "Region Halland",
        1,
    ),  # most named
    ("Region Halland a. Region Skåne b.", None, None, 0),  # a tie is no answer
    ("Ekby kommun och Ekby kommun samt Region Dalarna", "Kommunfullmäktige", "Ekby kommun", 1),
]


@pytest.mark.parametrize(("text", "committee", "expected", "warned"), BODY_ROWS)
def test_find_body(text: str, committee: str | None, expected: str | None, warned: int) -> None:
    warnings: list[ParseWarning] = []
    assert find_body(text, committee, warnings) == expected
    assert len(warnings) == warned


def test_find_protocol_dnr() -> None:
    assert find_protocol_dnr("Datum Dnr\n2025-03-13 25HSN3\n\nSida\n14(34)", "") == "25HSN3"
    assert find_protocol_dnr("", "Kommunstyrelsen\nDnr KS 2024/12") == "KS 2024/12"
    assert find_protocol_dnr("§ 4 X\nDnr KS 2024/12", "") is None


ADJUSTER_ROWS = [
    ("Utses att justera\tMaja Holm (C)", [], ["Maja Holm"]),  # header label
    ("", [(1, "§ 1 Val av justerare\natt utse Eva Ek att jämte ordföranden justera.")], ["Eva Ek"]),
    ("", [(2, "§ 2 Justering\nOla Berg (C) justerar protokollet.")], ["Ola Berg"]),
    (
        "",
        [
            (
                3,
                "§ 3 Val av justerare\natt utse Eva Ek (S) att jämte ordföranden justera\n"
                "förutom § 9 Ola Berg (M) utses till justerare.",
            )
        ],
        ["Eva Ek", "Ola Berg"],
    ),
    ("", [(4, "§ 4 Budget\nEva Ek (S) justerar siffrorna.")], []),  # not a justering item
]


@pytest.mark.parametrize(("header", "items", "expected"), ADJUSTER_ROWS)
def test_find_adjusters(header: str, items: list[tuple[int, str]], expected: list[str]) -> None:
    assert find_adjusters(header, "", items, None) == expected


def test_adjusters_from_tail_skip_the_chair() -> None:
    tail = "Justeras\n.....\nEva Ek\nOrdförande\n.....\nOla Berg\nVid protokollet\nAnna Lind"
    assert find_adjusters("", tail, [], "Eva Ek") == ["Ola Berg"]


def test_find_secretary_from_signature_blocks() -> None:
    assert find_secretary("Justerat av\nSekreterare Anna Lind", []) == "Anna Lind"
    assert find_secretary("Vid protokollet\n\n.....\nAnna Lind", []) == "Anna Lind"


def test_adjusted_on_takes_the_year_from_the_meeting() -> None:
    warnings: list[ParseWarning] = []
    text = "Justeringen sker digitalt den 3 december."
    assert find_adjusted_on(text, D(2024, 11, 28), warnings) == D(2024, 12, 3)
    assert len(warnings) == 1
    assert find_adjusted_on("Justeringen sker den 8 januari.", D(2024, 12, 20), []) == D(2025, 1, 8)
    assert find_adjusted_on("Justeringens plats och tid  Rådhuset 2024-03-15", None, []) == D(
        2024, 3, 15
    )


NOTICE_ROWS = [
    (
        "Datum för anslags uppsättande 2023-12-13  Datum för anslags nedtagande 2024-01-04",
        (D(2023, 12, 13), D(2024, 1, 4)),
    ),
    ("Datum för anslags uppsättande Datum för anslags nedtagande", (None, None)),  # left blank
    ("Anslaget sätts upp 2024-03-18\nAnslaget tas ned 2024-04-09", (D(2024, 3, 18), D(2024, 4, 9))),
]


@pytest.mark.parametrize(("text", "expected"), NOTICE_ROWS)
def test_find_notice_dates(text: str, expected: tuple[dt.date | None, dt.date | None]) -> None:
    assert find_notice_dates(text) == expected


# (seed, body, committee, date, start, end, place, protocol dnr)
SEED_MEETINGS = [
    ("000", "Region Västernorrland", "Hälso- och sjukvårdsutskottet", D(2021, 11, 11),
     T(9, 15), T(12, 0), "Digitalt möte i Teams", "21HSN4"),
    ("001", "Region Västernorrland", "Finansutskottet", D(2021, 12, 1),
     None, None, "Sammanträdesrummet Furan samt Teams", None),
    ("002", "Region Västernorrland", "Hälso- och sjukvårdsutskottet", D(2025, 3, 13),
     T(9, 15), None, "Digitalt i Teams", "25HSN3"),
    ("003", "Region Västerbotten", "Hälso- och sjukvårdsnämndens arbetsutskott", D(2024, 11, 28),
     None, None, None, None),
    ("004", "Region Jämtland Härjedalen", "Regionens samverkansråd", D(2023, 12, 11),
     T(13, 15), T(15, 50), "Östersund, Regionens hus, Indalsälven, Hus 3 (Teams)", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("prefix", "body", "committee", "date", "start", "end", "place", "dnr"), SEED_MEETINGS
)
def test_seed_meeting_fields(
    prefix: str,
    body: str,
    committee: str,
    date: dt.date,
    start: dt.time | None,
    end: dt.time | None,
    place: str | None,
    dnr: str | None,
) -> None:
    parsed = parse_text(seed_text(prefix))
    assert (parsed.body, parsed.committee, parsed.date) == (body, committee, date)
    assert (parsed.start_time, parsed.end_time, parsed.place) == (start, end, place)
    assert parsed.protocol_dnr == dnr


# (seed, adjusters, chair, secretary, adjusted_on, notice posted, notice removed)
SEED_SIGNATURES = [
    ("000", ("Roger Byström",), "Lena Asplund", "Maria Öhman", None, None, None),
    ("001", ("Jonny Lundin",), "Glenn Nordlund", "Ann Christin Hamrén", None, None, None),
    (
        "002",
        ("Pia Lundin", "Kristina Nilsson"),
        "Viktoria Jansson",
        "Maria Öhman",
        None,
        None,
        None,
    ),
    ("003", ("Håkan Andersson",), None, None, D(2024, 12, 3), None, None),
    ("004", ("Lennart Raswill",), "Jonas Andersson", "Christian Åhrén", None, None, None),
]


@pytest.mark.parametrize(
    ("prefix", "adjusters", "chair", "secretary", "adjusted", "posted", "removed"), SEED_SIGNATURES
)
def test_seed_justering_and_anslag(
    prefix: str,
    adjusters: tuple[str, ...],
    chair: str | None,
    secretary: str | None,
    adjusted: dt.date | None,
    posted: dt.date | None,
    removed: dt.date | None,
) -> None:
    parsed = parse_text(seed_text(prefix))
    assert parsed.adjusters == adjusters
    assert (parsed.chair, parsed.secretary) == (chair, secretary)
    assert (parsed.adjusted_on, parsed.notice_posted_on, parsed.notice_removed_on) == (
        adjusted,
        posted,
        removed,
    )


@pytest.mark.parametrize(("prefix", "inferred"), [("000", 2), ("001", 2), ("003", 1), ("004", 0)])
def test_seed_inferences_are_warned(prefix: str, inferred: int) -> None:
    parsed = parse_text(seed_text(prefix))
    assert sum(w.code.endswith("_inferred") for w in parsed.warnings) == inferred


def _layout() -> ParsedProtocol:
    return parse_text((FIXTURES / "ks_layout.txt").read_text(encoding="utf-8"))


def test_layout_fixture_meeting_fields() -> None:
    parsed = _layout()
    assert (parsed.body, parsed.committee, parsed.date) == (
        "Storbyns kommun",
        "Kommunstyrelsen",
        D(2024, 3, 12),
    )
    assert (parsed.start_time, parsed.end_time) == (T(13, 0), T(16, 30))
    assert parsed.place == "Kommunhuset, Sessionssalen, Storby"
    assert parsed.adjusters == ("Maja Holm",)
    assert (parsed.chair, parsed.secretary) == ("Anders Berglund", "Olof Näslund")
    assert (parsed.adjusted_on, parsed.notice_posted_on, parsed.notice_removed_on) == (
        D(2024, 3, 15),
        D(2024, 3, 18),
        D(2024, 4, 9),
    )
    assert not [w for w in parsed.warnings if w.code.endswith("_inferred")]
