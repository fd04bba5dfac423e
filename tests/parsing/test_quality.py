"""The reading's quality report: what it found against what the text shows (quality.py).

Table-driven on short snippets (which § lines are item headings, what counts as a mention),
on small invented protocols, on the real seeds and, for the § headings alone, on the corpus.
Tests that read `../shared` fail when it is missing; they never skip.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from minutes.parsing import extract_text, parse_file, parse_text, protocol_to_dict
from minutes.parsing.clean import normalize
from minutes.parsing.quality import (
    Gap,
    assess,
    blank_quoted,
    find_headings,
    mentions,
)
from tests.seeds import seed_path

SHARED = Path(__file__).resolve().parents[3] / "shared"

# An invented protocol the parser reads in full: three §§, a yrkande and a reservation.
PROTOCOL = """Region Norrby
PROTOKOLL
Miljönämnden

Sammanträdesdatum 2024-10-03

Tid: kl 13.00-15.00
Plats: Stadshuset, Norrby

Ledamöter
Anna Ek (S)
Ordförande
Bo Lind (M)
Cecilia Ås (C)

Tjänstepersoner
David Berg
Sekreterare

§ 10 Val av justerare

Beslut:
Miljönämnden beslutar
att utse Bo Lind (M) att jämte ordföranden justera protokollet.

§ 11 Taxa för tillsyn 2025

Ärendebeskrivning
Förvaltningen föreslår en ny taxa för tillsynen.

Yrkanden
Bo Lind (M) yrkar avslag på förvaltningens förslag.

Beslut:
Miljönämnden beslutar
att anta taxan för tillsyn 2025.

Reservation
Bo Lind (M) reserverar sig mot beslutet till förmån för eget yrkande.

§ 12 Delegationsbeslut

Beslut:
Miljönämnden beslutar
att lägga redovisningen till handlingarna.
"""
WITHOUT_DATE = PROTOCOL.replace("Sammanträdesdatum 2024-10-03\n", "")


def shared_file(relative: str) -> Path:
    """A file under ../shared; a missing one fails the test (never a skip)."""
    path = SHARED / relative
    if not path.is_file():
        pytest.fail(f"{path} is missing: check out ../shared beside the project")
    return path


def heading_numbers(text: str) -> list[int]:
    return sorted({mark.number for mark in find_headings(normalize(text).split("\n"))})


# --- which § lines head items --------------------------------------------------------------

HEADINGS = [
    ("§ 1 Mötets öppnande\nText.\n§ 2 Val\nText.", [1, 2], "plain headings"),
    ("KS § 4   KS KF/2026:6\nTitel\n\nBeslut\nText.", [4], "organ prefix and dnr on the line"),
    ("SBN § 38\nTitel\n\nBeslut\nText.", [38], "organ prefix alone"),
    ("§9\nTitel\nText här.", [9], "no space after §"),
    ("§ 3 a Tillägg\nText här.", [3], "lettered §"),
    (
        "BUN § 62   BUN/2023:200\nTitel\nText här.\n\nBUN § 62 (fort.)   BUN/2023:200\nMer.",
        [62],
        "continuation heading",
    ),
    (
        "§ 5 Titel\nFastställdes av kommunfullmäktige 2017-04-20,\n§ 23. Förvaltningen har"
        " gjort en översyn.",
        [5],
        "reference a sentence runs into",
    ),
    ("§ 5 Titel\nEnligt lagen:\n§ 13 i kommunallagen gäller.", [5], "reference in a sentence"),
    ("Paragraf:   § 48-§ 56\n\n§ 48 Titel\nText här.", [48], "range"),
    (
        "Ärendelista\n§ 1 Mötets öppnande\n§ 2 Val av justerare\n§ 3 Budget\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnar mötet.\n§ 2 Val av justerare\nAnna utses.\n"
        "§ 3 Budget\nBeslut\nNämnden beslutar att anta budgeten.",
        [1, 2, 3],
        "agenda heading, the items after it",
    ),
    (
        "Ärendelista\n\n§ 73\nNedläggning - L\n\n§ 74\nNedläggning - K\n\n§ 75\nInformation\n"
        "\f\nSN § 75\n\nInformation\n\nÄrendebeskrivning\nNämnden informeras om modellen.",
        [75],
        "agenda entries without an item of their own are not headings",
    ),
    (
        "Protokoll\n§ 41\tInformation\n§ 42\tEkonomi\n§ 43\tMiljöpris\n2\n\f\n"
        "§ 41\nInformation\nFörvaltningen informerar om arbetet.\n"
        "§ 42 2026.030 BMN\nEkonomi\nBeslut\nNämnden beslutar att godkänna uppföljningen.\n"
        "§ 43 2026.037 BMN\nMiljöpris\nBeslut\nNämnden beslutar att dela ut priset.",
        [41, 42, 43],
        "table of contents without a heading",
    ),
    (
        "§ 41 2026.002 TEN\nMeddelanden\nÄrendebeskrivning\n"
        "§ 105 2026.220 KS Stadsskogen etapp 4\n§ 89 2026.112 KS Vässenbo\n"
        "§ 85 Årsredovisning 2025\nBeslutsunderlag\n- Återrapportering\nParagrafen är justerad",
        [41],
        "other protocols' §§ listed inside an item",
    ),
    (
        "§ 1 Öppnande\nOrdföranden öppnar mötet.\n§ 2 Val\nAnna Berg\n§ 3 Dagordning\n"
        "Godkänns\n§ 4 Bygglov\nÄrendebeskrivning\nEtt bygglov söks för ett nytt hus.",
        [1, 2, 3, 4],
        "short items in sequence stay items",
    ),
]


@pytest.mark.parametrize(("text", "expected", "why"), HEADINGS, ids=[h[2] for h in HEADINGS])
def test_section_headings_in_the_text(text: str, expected: list[int], why: str) -> None:
    assert heading_numbers(text) == expected, why


# Hand-counted: the distinct § headings of each corpus file (tables of contents,
# continuation headings and references left out).
CORPUS_HEADINGS = {
    "alingsas/bmn-2026-05-19.pdf": range(41, 49),
    "alingsas/bmn-2026-07-07.pdf": range(59, 60),
    "alingsas/bun-2026-05-26.pdf": range(32, 41),
    "alingsas/ks-2026-06-01.pdf": range(94, 111),
    "alingsas/kun-2026-06-17.pdf": range(63, 77),
    "alingsas/ten-2026-06-15.pdf": range(32, 42),  # § 105, § 89, § 85 listed inside § 41
    "alingsas/von-2026-06-11.pdf": range(45, 53),
    "lomma/bun-2023-10-10.txt": range(59, 74),  # `BUN § 62 (fort.)` and others
    "lomma/kf-2023-04-20.txt": range(31, 49),  # `2017-04-20,\n§ 23. …` is a reference
    "lomma/kf-2025-08-28.txt": range(48, 57),
    "lomma/kfn-2026-03-23.txt": range(8, 18),
    "lomma/ks-2026-02-25.txt": range(8, 23),
    "lomma/sbn-2026-05-11.txt": range(20, 28),
    "lomma/sn-2023-12-12.txt": range(69, 77),
    "lomma/sn-2025-10-07.txt": range(75, 83),  # § 73 and § 74 only in the Ärendelista
}


@pytest.mark.parametrize("name", sorted(CORPUS_HEADINGS))
def test_section_headings_of_the_corpus(name: str) -> None:
    text = extract_text(shared_file(f"corpus/{name}")).text
    assert heading_numbers(text) == list(CORPUS_HEADINGS[name])


# --- what counts as a mention ---------------------------------------------------------------

MENTIONS = [
    ("Anna Ek (S) reserverar sig mot beslutet.", "reservation", True, "oral reservation"),
    ("Reservation\nAnna Ek (S) och Bo Lind (M)", "reservation", True, "heading with names"),
    ("Reservationer\n\nBeslutsunderlag\n- Tjänsteskrivelse", "reservation", False, "empty"),
    ("Reservationer\n-", "reservation", False, "heading with a dash under it"),
    ("Inga reservationer.", "reservation", False, "negated"),
    ("Avsättning till resultatutjämningsreserven.", "reservation", False, "another word"),
    ("Kommungemensam hantering av reservkraft.", "reservation", False, "another word"),
    ("Bo Lind (M) yrkar avslag.", "yrkande", True, "yrkar"),
    ("Tilläggsyrkande\nBo Lind (M) föreslår ett tillägg.", "yrkande", True, "compound"),
    ("Förslag till beslut på sammanträdet\nAnna (C) föreslår återremiss.", "yrkande", True, ""),
    ("Justerandes sign   Utdragsbestyrkande", "yrkande", False, "page footer"),
    ("Då inga säryrkanden föreligger finner ordföranden", "yrkande", False, "negated"),
    (
        "Ulf Carlson (F) lämnar följande protokollsanteckning:\n- Fokus yrkar att hallen byggs."
        "\n\nBeslutet expedieras till:\nKommunstyrelsen",
        "yrkande",
        False,
        "inside a quoted protokollsanteckning",
    ),
    ("Votering begärs och följande voteringsproposition godkänns:", "votering", True, ""),
    ("Votering begärs inte.", "votering", False, "negated after"),
    ("Beslutet fattas utan omröstning.", "votering", False, "negated before"),
    ("I linje med folkomröstningsresultatet från 2024", "votering", False, "another word"),
    ("Ida Alm (L) lämnar en skriftlig protokollsanteckning.", "protokollsanteckning", True, ""),
    ("Ingen protokollsanteckning lämnades.", "protokollsanteckning", False, "negated"),
    ("Planen gäller med reservation för ändringar.", "reservation", False, "a proviso"),
    ("Beslut\nNämnden beslutar att anta planen.", "beslut", True, "decision heading"),
    ("Kommunstyrelsens beslut\nAtt anta planen.", "beslut", True, "organ's decision"),
    ("Förslag till beslut\nAtt anta planen.", "beslut", False, "a proposal is no decision"),
    ("Beslutsunderlag\n- Tjänsteskrivelse", "beslut", False, "another word"),
]


@pytest.mark.parametrize(
    ("text", "kind", "expected", "why"), MENTIONS, ids=[f"{m[1]}-{m[0][:30]}" for m in MENTIONS]
)
def test_mentions(text: str, kind: str, expected: bool, why: str) -> None:
    assert mentions("\n".join(blank_quoted(text.split("\n"))).lower(), kind) is expected, why


# --- whole readings --------------------------------------------------------------------------


def test_a_protocol_read_in_full_is_ok_and_in_the_json() -> None:
    parsed = parse_text(PROTOCOL)
    assert parsed.quality is not None and parsed.quality.verdict == "OK"
    assert protocol_to_dict(parsed)["quality"] == {
        "date": True,
        "organ": True,
        "chair": True,
        "secretary": True,
        "attendance": True,
        "section_marks_in_text": 3,
        "items": 3,
        "items_with_decision": 3,
        "mentions": {"reservation": 1, "yrkande": 1, "votering": 0, "protokollsanteckning": 0},
        "read": {"reservation": 1, "yrkande": 1, "votering": 0, "protokollsanteckning": 0},
        "gaps": [],
    }


def test_a_protocol_without_date_is_to_review_for_that_alone() -> None:
    quality = parse_text(WITHOUT_DATE).quality
    assert quality is not None and not quality.date
    assert quality.gaps == (Gap("no_date"),)
    assert quality.verdict == "GRANSKA"


def test_a_section_mark_that_is_no_item_is_a_gap() -> None:
    parsed = parse_text(PROTOCOL)
    missing_last = dataclasses.replace(parsed, items=parsed.items[:2])
    quality = assess(normalize(PROTOCOL), missing_last)
    assert (quality.section_marks_in_text, quality.items) == (3, 2)
    assert quality.gaps == (Gap("items_missing", {"seen": 3, "read": 2, "numbers": [12]}),)
    assert quality.gaps[0].params == {"seen": 3, "read": 2, "numbers": [12]}


def test_an_item_without_a_heading_in_the_text_is_a_gap() -> None:
    parsed = parse_text(PROTOCOL)
    extra = dataclasses.replace(parsed.items[-1], number=85)
    quality = assess(normalize(PROTOCOL), dataclasses.replace(parsed, items=(*parsed.items, extra)))
    assert [gap.code for gap in quality.gaps] == ["items_unmarked"]
    assert quality.gaps[0].params == {"numbers": [85]}


def test_a_reservation_mentioned_but_not_read_is_a_gap() -> None:
    parsed = parse_text(PROTOCOL)
    items = tuple(dataclasses.replace(item, reservations=()) for item in parsed.items)
    quality = assess(normalize(PROTOCOL), dataclasses.replace(parsed, items=items))
    assert (quality.mentions.reservation, quality.read.reservation) == (1, 0)
    [gap] = quality.gaps
    assert gap.code == "mentions_unread"
    assert gap.params == {"kind": "reservation", "mentioned": 1, "read": 0, "numbers": [11]}


def test_a_decision_stated_but_not_read_is_a_gap() -> None:
    parsed = parse_text(PROTOCOL)
    items = (dataclasses.replace(parsed.items[0], decisions=()), *parsed.items[1:])
    quality = assess(normalize(PROTOCOL), dataclasses.replace(parsed, items=items))
    assert quality.items_with_decision == 2
    assert quality.gaps == (Gap("decisions_unread", {"read": 2, "numbers": [10]}),)


def test_an_empty_reservation_heading_is_no_gap() -> None:
    text = PROTOCOL.replace(
        "Reservation\nBo Lind (M) reserverar sig mot beslutet till förmån för eget yrkande.",
        "Reservationer\n-\n\nProtokollsanteckning\nInga.",
    )
    quality = parse_text(text).quality
    assert quality is not None
    assert (quality.mentions.reservation, quality.mentions.protokollsanteckning) == (0, 0)
    assert quality.gaps == ()


# Seeds 000, 001, 002 and 004 are read in full. Seed 003 starts on page 4: its text holds no
# attendance list and no chair or secretary, so the reading rightly asks for review.
SEEDS = [
    ("000", 4, ()),
    ("001", 16, ()),
    ("002", 15, ()),
    ("003", 26, ("no_chair", "no_secretary", "no_attendance")),
    ("004", 9, ()),
]


@pytest.mark.parametrize(("prefix", "items", "gaps"), SEEDS)
def test_quality_of_the_seeds(prefix: str, items: int, gaps: tuple[str, ...]) -> None:
    quality = parse_file(seed_path(prefix)).quality
    assert quality is not None
    assert quality.section_marks_in_text == quality.items == items
    assert tuple(gap.code for gap in quality.gaps) == gaps, quality.gaps
    assert quality.verdict == ("GRANSKA" if gaps else "OK")


EDGES = [
    "Sammanträdesdatum 2024-01-02\nMötet ställdes in.",  # a date and no §
    "§ 1\n§ 2\n§ 3",  # § lines and nothing else
    "§ 4 Titel\n\f\n\f\n§ 4 Titel\n\f",  # page breaks only
    "Reservation\n§ 1 Titel\nReservation",  # a heading at the very end
    "§ 1 Titel\nAnna Ek (S) lämnar följande protokollsanteckning:",  # a statement at the end
]


@pytest.mark.parametrize("text", EDGES)
def test_odd_texts_get_a_quality_report(text: str) -> None:
    quality = parse_text(text).quality
    assert quality is not None and quality.verdict in {"OK", "GRANSKA"}
