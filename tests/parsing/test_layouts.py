"""Whole protocols in layouts the seeds do not have, read end to end.

Each is invented: a kommunfullmäktige in `pdftotext -layout` style with many reservations
and a votering, and a kommunstyrelse written in Word (DOCX: heading styles, bold
headings, an attendance table and a printed roll).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minutes.parsing import parse_file
from minutes.parsing.records import ParsedProtocol
from tests.parsing.builders import Bold, Heading, Table, build_docx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"
FURNITURE = ("Justerandes sign", "Utdragsbestyrkande", "SAMMANTRÄDESPROTOKOLL", "Sida ")


def texts_of(parsed: ParsedProtocol) -> list[str]:
    """Every title, clause and section text a citizen would read."""
    out = []
    for item in parsed.items:
        out.append(item.title)
        out.extend(clause for d in item.decisions for clause in d.clauses)
        out.extend(section.text for section in item.sections)
    return out


@pytest.fixture(scope="module")
def fullmaktige() -> ParsedProtocol:
    return parse_file(FIXTURES / "kf_tallmo_2025-06-16.txt")


def test_fullmaktige_meeting_header(fullmaktige):
    assert fullmaktige.body == "Tallmo kommun"
    assert fullmaktige.committee == "Kommunfullmäktige"
    assert fullmaktige.date == dt.date(2025, 6, 16)
    assert (fullmaktige.start_time, fullmaktige.end_time) == (dt.time(18, 0), dt.time(21, 40))
    assert fullmaktige.place == "Folkets hus, Tallmo"
    assert fullmaktige.adjusters == ("Annelie Grip", "Elvira Sand")
    assert fullmaktige.secretary == "Oskar Hedvall"
    assert fullmaktige.adjusted_on == dt.date(2025, 6, 19)
    assert fullmaktige.notice_posted_on == dt.date(2025, 6, 20)
    assert fullmaktige.notice_removed_on == dt.date(2025, 7, 12)


def test_fullmaktige_attendance_with_substitute(fullmaktige):
    by_name = {a.name: a for a in fullmaktige.attendees}
    assert by_name["Margareta Holmbäck"].role == "ordförande"
    assert by_name["Tord Svanström"].role == "vice ordförande"
    assert by_name["Sara Mörk"].role == "tjänstgörande ersättare"
    assert by_name["Sara Mörk"].substitute_for == "Jan Mörk"
    assert [a.party for a in fullmaktige.attendees if a.role == "ledamot"] == [
        "S",
        "S",
        "M",
        "SD",
        "SD",
        "C",
        "V",
        "KD",
    ]


def test_fullmaktige_items_and_decisions(fullmaktige):
    items = {item.number: item for item in fullmaktige.items}
    assert list(items) == [45, 46, 47, 48]
    assert items[46].dnr == ("KS 2025/88",)
    (decision,) = items[46].decisions
    assert (decision.decided_by, decision.kind) == ("Kommunfullmäktige", "beslutar")
    assert decision.clauses == (
        "godkänna årsredovisningen för 2024,",
        "reservera 4,0 miljoner kronor i resultatutjämningsreserven, samt",
        "bevilja kommunstyrelsen ansvarsfrihet för 2024.",
    )
    assert items[48].withdrawn and items[48].dnr == ("KS 2025/12",)
    for text in texts_of(fullmaktige):
        assert not any(word in text for word in FURNITURE), text


def test_fullmaktige_reservations_yrkanden_vote_and_note(fullmaktige):
    items = {item.number: item for item in fullmaktige.items}
    reservations = {(r.name, r.party, r.written) for r in items[46].reservations}
    assert reservations == {
        ("Annelie Grip", "M", True),
        ("Hugo Lindvall", "KD", True),  # med instämmande av
        ("Roland Fasth", "SD", False),
        ("Gun Wiklander", "SD", False),
    }
    movers = [(p.name, p.party) for y in items[46].yrkanden for p in y.persons]
    assert movers == [("Ingela Ruthström", "S"), ("Annelie Grip", "M"), ("Roland Fasth", "SD")]

    motion = items[47]
    (vote,) = motion.votes
    assert (vote.yes, vote.no, vote.abstain, vote.chair_decided) == (7, 2, 1, False)
    (decision,) = motion.decisions  # the vote's own sentence is not a second decision
    assert decision.clauses == ("avslå motionen.",)
    assert [(r.name, r.party) for r in motion.reservations] == [("Elvira Sand", "V")]
    (note,) = motion.notes
    assert note.kind == "protokollsanteckning"
    assert [p.name for p in note.persons] == ["Petter Nyhed"]


def build_word_protocol(path: Path) -> Path:
    """A kommunstyrelse protocol as a clerk would type it in Word."""
    return build_docx(
        [
            Heading("Protokoll", level=1),
            Bold("Kommunstyrelsen, Björkås kommun"),
            "Sammanträdesdatum: 2024-10-08",
            Table(
                (
                    ("Plats och tid", "Kommunhuset, Björkås, kl. 13.00–16.30"),
                    ("Beslutande", "Leif Mattsson (S), ordförande"),
                    ("", "Karin Holst (M), vice ordförande"),
                    ("", "Per Dahl (M)"),
                    ("", "Maja Ekström (S)"),
                    ("", "Nils Tjäder (C)"),
                    ("Övriga närvarande", "Lotta Frisk, sekreterare"),
                    ("Justerare", "Karin Holst (M)"),
                )
            ),
            Heading("§ 101 Investeringsbudget 2025", level=2),
            "Dnr KS 2024/415",
            Bold("Ärendebeskrivning"),
            "Ekonomiavdelningen har tagit fram ett förslag till investeringsbudget.",
            Bold("Beslut"),
            "Kommunstyrelsen beslutar",
            "att anta investeringsbudgeten för 2025, och",
            "att uppdra åt ekonomichefen att redovisa utfallet per kvartal.",
            Heading("§ 102 Försäljning av fastigheten Björkås 2:7", level=2),
            "Dnr KS 2024/377",
            Bold("Yrkanden"),
            "Leif Mattsson (S) yrkar bifall till förslaget.",
            "Karin Holst (M) yrkar avslag på förslaget.",
            Bold("Votering"),
            "Votering begärs och genomförs. Med 2 ja-röster mot 2 nej-röster och 1 som"
            " avstår avgör ordförandens utslagsröst.",
            Table(
                (
                    ("Ledamot", "Ja", "Nej", "Avstår"),
                    ("Leif Mattsson (S)", "X", "", ""),
                    ("Maja Ekström (S)", "X", "", ""),
                    ("Karin Holst (M)", "", "X", ""),
                    ("Per Dahl (M)", "", "X", ""),
                    ("Nils Tjäder (C)", "", "", "X"),
                )
            ),
            Bold("Beslut"),
            "Kommunstyrelsen beslutar",
            "att sälja fastigheten Björkås 2:7 till högstbjudande.",
            Bold("Reservation"),
            "Karin Holst (M) och Per Dahl (M) reserverar sig mot beslutet.",
        ],
        path,
    )


def test_word_protocol_reads_like_its_text_twin(tmp_path):
    parsed = parse_file(build_word_protocol(tmp_path / "ks.docx"))
    assert parsed.committee == "Kommunstyrelsen"
    assert parsed.body == "Björkås kommun"
    assert parsed.date == dt.date(2024, 10, 8)
    assert parsed.place == "Kommunhuset, Björkås"
    assert parsed.adjusters == ("Karin Holst",)
    assert [(a.name, a.role) for a in parsed.attendees][:2] == [
        ("Leif Mattsson", "ordförande"),
        ("Karin Holst", "vice ordförande"),
    ]
    items = {item.number: item for item in parsed.items}
    assert list(items) == [101, 102]
    assert items[101].title == "Investeringsbudget 2025"
    assert items[101].dnr == ("KS 2024/415",)
    assert items[101].decisions[0].clauses == (
        "anta investeringsbudgeten för 2025, och",
        "uppdra åt ekonomichefen att redovisa utfallet per kvartal.",
    )
    sale = items[102]
    (vote,) = sale.votes
    assert (vote.yes, vote.no, vote.abstain, vote.chair_decided) == (2, 2, 1, True)
    assert {(c.name, c.vote) for c in vote.roll} == {
        ("Leif Mattsson", "ja"),
        ("Maja Ekström", "ja"),
        ("Karin Holst", "nej"),
        ("Per Dahl", "nej"),
        ("Nils Tjäder", "avstår"),
    }
    assert sale.decisions[0].clauses == ("sälja fastigheten Björkås 2:7 till högstbjudande.",)
    assert {(r.name, r.party) for r in sale.reservations} == {
        ("Karin Holst", "M"),
        ("Per Dahl", "M"),
    }
