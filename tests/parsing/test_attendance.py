"""Attendance lists in every layout seen: lines, columns, one long line, officials."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes.parsing.attendance import read_attendance
from minutes.parsing.document import parse_text
from minutes.parsing.records import Attendee
from tests.seeds import seed_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"
A = Attendee

ROWS = [
    # name and role on separate lines under a group heading
    (
        "NÄRVARANDE\nLedamöter\nEva Ek (M)\nOrdförande\nOla Berg (S)\nVice ordförande\nPer Al (C)",
        [A("Eva Ek", "M", "ordförande"), A("Ola Berg", "S", "vice ordförande"),
         A("Per Al", "C", "ledamot")],
    ),
    # `för X` on the line after the substitute
    (
        "Tjänstgörande ersättare\nAnna Lind (L)\nför Karl Nyström (S)",
        [A("Anna Lind", "L", "tjänstgörande ersättare", substitute_for="Karl Nyström")],
    ),
    # `för X` inline, and a vacant seat kept as a note
    (
        "Tjänstgörande ersättare\nAnna Lind (L) för Karl Nyström (S)\nBo Ek (S) för vakant (C)",
        [A("Anna Lind", "L", "tjänstgörande ersättare", substitute_for="Karl Nyström"),
         A("Bo Ek", "S", "tjänstgörande ersättare", note="för vakant (C)")],
    ),
    # tab columns with role or note in the second column
    (
        "Ledamöter\nEva Ek (M)\tOrdförande\nPia Al (SD)\tdeltar ej i § 26",
        [A("Eva Ek", "M", "ordförande"), A("Pia Al", "SD", "ledamot", note="deltar ej i § 26")],
    ),
    # an official with a title on the next line; a secretary by a lone role line
    (
        "Tjänstepersoner\nKurt Ström\nEkonomidirektör\nMaria Ek\nSekreterare",
        [A("Kurt Ström", None, "tjänsteperson", note="Ekonomidirektör"),
         A("Maria Ek", None, "sekreterare")],
    ),
    # a heading glued to the first name; title after a comma
    (
        "TjänstepersonerMaria Ek, Hälso- och sjukvårdsdirektör\nOla Berg, Sekreterare",
        [A("Maria Ek", None, "tjänsteperson", note="Hälso- och sjukvårdsdirektör"),
         A("Ola Berg", None, "sekreterare")],
    ),
    # one long line: party, role and municipality in parentheses, § notes after
    (
        "Beslutande ledamöter\tEva Ek (S) (Ordförande) (Region Norrbotten) Ola Berg (M) "
        "(Luleå kommun) §§10-12 Per Al (C) (Vice ordförande) (Piteå kommun)",
        [A("Eva Ek", "S", "ordförande", municipality="Region Norrbotten"),
         A("Ola Berg", "M", "ledamot", municipality="Luleå kommun", note="§§10-12"),
         A("Per Al", "C", "vice ordförande", municipality="Piteå kommun")],
    ),
    # others present: organisations that are not municipalities become notes
    (
        "Övriga närvarande\tAnna Lind (Konsultbolaget AB) §4 Bo Ek (Kommunförbundet) §§3-4, §6",
        [A("Anna Lind", None, "övrig närvarande", note="Konsultbolaget AB; §4"),
         A("Bo Ek", None, "övrig närvarande", note="Kommunförbundet; §§3-4, §6")],
    ),
    # inline roles and notes after the party, lower-case roles
    (
        "Ledamöter\nEva Ek (S) ordförande\nOla Berg (SJVP) deltar via Teams\n"
        "Tjänstemän\nAnn Marie Lund sekreterare",
        [A("Eva Ek", "S", "ordförande"), A("Ola Berg", "SJVP", "ledamot", note="deltar via Teams"),
         A("Ann Marie Lund", None, "sekreterare")],
    ),
    # a `Beslutande` column layout with comma roles and numbered vice chair
    (
        "Beslutande     Eva Ek (S), ordförande\n               Ola Berg (C), 2:e vice ordförande\n"
        "Ersättare      Per Al (M)",
        [A("Eva Ek", "S", "ordförande"),
         A("Ola Berg", "C", "vice ordförande", note="2:e vice ordförande"),
         A("Per Al", "M", "ersättare")],
    ),
    # the list ends where the information items begin
    (
        "Ledamöter\nEva Ek (S)\nInför sammanträdet lämnas information:\nOla Berg, verksamhetschef",
        [A("Eva Ek", "S", "ledamot")],
    ),
    # older lower-case party codes
    ("Ledamöter\nEva Ek (s)", [A("Eva Ek", "S", "ledamot")]),
]  # fmt: skip


@pytest.mark.parametrize(("header", "expected"), ROWS)
def test_read_attendance(header: str, expected: list[Attendee]) -> None:
    attendees, _ = read_attendance(header)
    assert attendees == expected


def test_no_list_is_a_warning_not_a_guess() -> None:
    attendees, warnings = read_attendance("Tid: 2024-01-02\nPlats: Rådhuset")
    assert attendees == []
    assert [w.code for w in warnings] == ["no_attendance"]


SEED_000 = [
    A("Lena Asplund", "M", "ordförande"),
    A("Stefan Dahl", "S", "vice ordförande"),
    A("Roger Byström", "C", "ledamot"),
    A("Pia Lundin", "SJVP", "ledamot"),
    A("Camilla Nilsson", "L", "tjänstgörande ersättare", substitute_for="Katarina Nylén"),
    A("Kurt Pettersson", None, "tjänsteperson", note="Hälso- och sjukvårdsdirektör"),
    A("Maria Öhman", None, "sekreterare"),
]
SEED_001 = [
    A("Glenn Nordlund", "S", "ordförande"),
    A("Sara Nylund", "S", "vice ordförande"),
    A("Per Wahlberg", "M", "ledamot"),
    A("Jonny Lundin", "C", "ledamot"),
    A("Mattias Rösberg", "SJVP", "ledamot", note="deltar via Teams"),
    A("Dick Rytterdahl", None, "tjänsteperson", note="deltar via Teams"),
    A("Åsa Bellander", None, "tjänsteperson", note="deltar via Teams"),
    A("Ann Christin Hamrén", None, "sekreterare"),
]
SEED_002 = [
    A("Viktoria Jansson", "M", "ordförande"),
    A("Kristina Nilsson", "S", "vice ordförande"),
    A("Pia Lundin", "SJVP", "ledamot", note="deltar ej i § 26"),
    A("Erica Stenberg", "SD", "ledamot", note="deltar ej i § 26"),
    A("Gudrun Sjödin", "S", "tjänstgörande ersättare", note="för vakant (C)"),
    A("Torgny Jarl", "S", "ersättare"),
    A("Maria Strandberg", None, "tjänsteperson", note="Hälso- och sjukvårdsdirektör"),
    A("Maria Öhman", None, "sekreterare"),
]
_RJH = "Region Jämtland Härjedalen"
SEED_004 = [
    A("Jonas Andersson", "S", "ordförande", municipality=_RJH),
    A("Therese Kärngård", "S", "ledamot", municipality="Bergs kommun"),
    A("Richard Nilsson", "S", "ledamot", municipality="Bräcke kommun"),
    A("Lars Gunnar Nordlander", "S", "ledamot", municipality="Härjedalens kommun", note="§§70-76"),
    A("Susanne Hansson", "S", "ledamot", municipality="Strömsunds kommun"),
    A("Martine Eng", "S", "ledamot", municipality="Åre kommun"),
    A("Niklas Daoson", "S", "vice ordförande", municipality="Östersunds kommun", note="§§70-76"),
    A("Elise Ryder Wikén", "M", "ledamot", municipality=_RJH),
    A("Lennart Raswill", "C", "ledamot", municipality="Ragunda kommun"),
    A("Anton Hammar", "S", "ersättare", municipality="Ragunda kommun"),
    A("Anna Halvarsson", None, "övrig närvarande", municipality=_RJH),
    A("Lisbet Gibson", None, "övrig närvarande", municipality=_RJH, note="§§70-74"),
    A("Elin Ring", None, "övrig närvarande", note="Kommunförbundet; §§70-74, §77"),
    A("Moa Lindunger", None, "övrig närvarande", note="PwC; §74"),
    A("Berit Eriksson", None, "övrig närvarande", municipality=_RJH, note="§76"),
    A("Göran Zackrisson", None, "övrig närvarande", municipality=_RJH, note="§75"),
    A("Lars Amrén", None, "övrig närvarande", municipality="Ragunda kommun", note="§75"),
    A("Anna Forzelius", None, "övrig närvarande", municipality=_RJH, note="§75"),
]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("000", SEED_000), ("001", SEED_001), ("002", SEED_002), ("003", []), ("004", SEED_004)],
)
def test_seed_attendance(prefix: str, expected: list[Attendee]) -> None:
    assert list(parse_text(seed_text(prefix)).attendees) == expected


def test_layout_fixture_attendance() -> None:
    text = (FIXTURES / "ks_layout.txt").read_text(encoding="utf-8")
    assert list(parse_text(text).attendees) == [
        A("Anders Berglund", "S", "ordförande"),
        A("Maja Holm", "C", "vice ordförande", note="1:e vice ordförande"),
        A("Per-Olof Strand", "M", "ledamot"),
        A("Eva Lind", "S", "ledamot"),
        A("Nils Åkerman", "SD", "ledamot"),
        A("Sofia Berg", "V", "tjänstgörande ersättare", substitute_for="Jonas Ek"),
        A("Lina Ström", "S", "ersättare"),
        A("Oskar Wall", "M", "ersättare"),
        A("Karin Dalberg", None, "övrig närvarande", note="kommundirektör"),
        A("Olof Näslund", None, "sekreterare"),
    ]


def test_an_ersattare_serving_in_a_members_place_is_tjanstgorande() -> None:
    header = (
        "Närvarande ersättare\n"
        "Eva Dahl (M), tjänstgör för Jonas Berg (S)\n"
        "Lars Ek (S) ersättare för Anna Holm (S)\n"
    )
    attendees, _ = read_attendance(header)
    assert [(a.name, a.role, a.substitute_for) for a in attendees] == [
        ("Eva Dahl", "tjänstgörande ersättare", "Jonas Berg"),
        ("Lars Ek", "ersättare", "Anna Holm"),
    ]
