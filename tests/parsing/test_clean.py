"""Cleaning: normalization, markup, and page furniture in every layout seen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minutes.parsing.clean import (
    clean_text,
    is_page_number_cell,
    is_signature_cell,
    normalize,
    remove_furniture,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"

NORMALIZE_ROWS = [
    # markdown bold around a § heading
    ("**§ 70 Val av justerare**", "§ 70 Val av justerare"),
    # `****` joins two bold runs that were separate lines
    ("**Tid: 2024-01-02****Plats: Rådhuset**", "Tid: 2024-01-02\nPlats: Rådhuset"),
    # bold glued to the page number before it starts a new line
    ("1(6)**Tid: 2024-01-02**", "1(6)\nTid: 2024-01-02"),
    # headings `###` and bold inside a heading
    ("### § 211 **Budget 2025**", "§ 211 Budget 2025"),
    # emphasis inside a sentence is dropped, the words stay
    ("enligt (**bilaga A**) och *Eva Ek via Teams*", "enligt (bilaga A) och Eva Ek via Teams"),
    # italic glued to the previous text opens a new line
    ("vid sjukhuset i Storby*Eva Ek, samordnare*", "vid sjukhuset i Storby\nEva Ek, samordnare"),
    # a markdown table rule under a signature box disappears
    ("Exp den\n-------\t-------\nText", "Exp den\n\nText"),
    # header labels glued to the word before them
    (
        "FörvaltningenDatum\n2024-01-02Dnr\n24KS1Sida",
        "Förvaltningen\nDatum\n2024-01-02\nDnr\n24KS1\nSida",
    ),
    # a lower-case `datum` inside a word is not a label
    ("Sammanträdesdatum", "Sammanträdesdatum"),
    # NBSP and CRLF
    ("§\u00a012 Titel\r\nText", "§ 12 Titel\nText"),
    # Symbol-font bullets become dashes
    ("\uf0b7 första punkten", "- första punkten"),
    # a form feed gets a line of its own
    ("slut\fbörjan", "slut\n\f\nbörjan"),
    # markdown star bullet
    ("* punkt", "- punkt"),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE_ROWS)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


SIGNATURE_ROWS = [
    ("Utdragsbestyrkande", True),  # the usual spelling
    ("Ultdragsbestyrkande", True),  # misspelling seen in the wild
    ("Ultradbestyrkande", True),  # another one
    ("Utdragsbestryrkande", True),  # typo without the `bestyrk` stem: fuzzy match
    ("Justerandens sign", True),  # signature box label
    ("Justerandes sign", True),  # the kommun spelling
    ("Ordförandens sign\tJusterandens sign\tExp den\tUtdragsbestyrkande", True),  # whole box
    ("Exp den", True),  # expedition date column
    ("Justerande", False),  # the label before a justerare's name is content
    ("Ordförande", False),  # a role
    ("Justerandens signatur saknas i ärendet", False),  # a sentence
]


@pytest.mark.parametrize(("cell", "expected"), SIGNATURE_ROWS)
def test_is_signature_cell(cell: str, expected: bool) -> None:
    assert is_signature_cell(cell) is expected


PAGE_NUMBER_ROWS = [
    ("Sida 4(6)", True),  # letter header
    ("Sida 6 av 12", True),  # kommun header
    ("4 (31)", True),  # bare page number at a page foot
    ("Sida", True),  # header column label, number on the next line
    ("12 (3)", False),  # page 12 of 3 is not a page number
    ("Sida 4 i bilagan", False),  # a sentence
    ("2 (3) ledamöter", False),  # content
]


@pytest.mark.parametrize(("cell", "expected"), PAGE_NUMBER_ROWS)
def test_is_page_number_cell(cell: str, expected: bool) -> None:
    assert is_page_number_cell(cell) is expected


FURNITURE_ROWS = [
    # a signature box in the middle of an item, four lines
    (
        "§ 5 Titel\nText före.\nOrdförandens sign\nJusterandens sign\nExp den\n"
        "Utdragsbestyrkande\nText efter.",
        "§ 5 Titel\nText före.\nText efter.",
    ),
    # the Datum/Dnr/Sida header split over lines, before a § heading
    (
        "Text.\nDatum\n2024-01-02\nDnr\n24KS1\nSida\n5(6)\n§ 9 Titel",
        "Text.\n§ 9 Titel",
    ),
    # the same header with Datum and Dnr on one line
    ("Text.\nDatum Dnr\n2024-01-02 24KS1\n\nSida\n14(34)\n§ 9 Titel", "Text.\n§ 9 Titel"),
    # signing-service stamp and a bare page number
    ("Text.\n4 (31)\nComfact Signature Referensnummer: 123456SE\n§ 9 Titel", "Text.\n§ 9 Titel"),
    # a labelled page header block (Protokoll / Sammanträdesdatum / organ / date)
    (
        "Text.\nProtokoll\nSammanträdesdatum\nByggnämndens\narbetsutskott\n2024-02-01\n"
        "Utdragsbestyrkande\n§ 9 Titel",
        "Text.\n§ 9 Titel",
    ),
    # `Sida N av M` beside content in a column is removed, the content kept
    (
        "Beslutsunderlag              Sida 3 av 9\nTjänsteskrivelse",
        "Beslutsunderlag\nTjänsteskrivelse",
    ),
    # a sentence mentioning a page is content
    ("Se sida 4 i bilagan.", "Se sida 4 i bilagan."),
]


@pytest.mark.parametrize(("raw", "expected"), FURNITURE_ROWS)
def test_remove_furniture(raw: str, expected: str) -> None:
    assert remove_furniture(raw).text == expected


def test_organ_and_meeting_date_pair_is_removed_only_for_the_meeting_date() -> None:
    text = "Förslaget ska klarlägga\n\nSocialnämnden\n\n2024-05-06\n\nden fortsatta planen."
    cleaned = remove_furniture(text, meeting_date=dt.date(2024, 5, 6))
    assert cleaned.text == "Förslaget ska klarlägga\n\nden fortsatta planen."
    assert remove_furniture(text, meeting_date=dt.date(2024, 5, 7)).text == text


def test_removals_point_at_the_line_where_they_happened() -> None:
    cleaned = remove_furniture("§ 1 A\nText.\nJusterandens sign\nMer text.\n§ 2 B")
    assert [(r.line, r.kind) for r in cleaned.removals] == [(2, "signature box")]
    assert cleaned.lines[2] == "Mer text."


def test_repeated_page_headers_are_learned_from_form_feeds() -> None:
    page = "Miljönämnden          PROTOKOLL        Sida {n} av 3\nMöte 2024-04-04\n\n"
    text = (
        page.format(n=1)
        + "§ 1 Öppnande\nText ett.\n\f"
        + page.format(n=2)
        + "Text två.\n\f"
        + page.format(n=3)
        + "§ 2 Avslutning\nText tre."
    )
    cleaned = [line for line in clean_text(text).lines if line]
    assert cleaned == ["§ 1 Öppnande", "Text ett.", "Text två.", "§ 2 Avslutning", "Text tre."]


# (pages, the cleaned lines) — page headers learned where a page number, a footer's tail
# and a form feed all mark the same page break (PDF extraction).
PAGE_BREAK_ROWS = [
    (
        # kommun PDF: page number then form feed; the header of only two later pages
        [
            "Ekby kommun\nPROTOKOLL\nTekniska nämnden\nSammanträdesdatum 2025-03-04\n"
            "§1\nÖppnande\nJusterandens sign\tUtdragsbestyrkande\nSida 1(3)",
            "Ekby kommun\nTekniska nämnden\nSammanträdesdatum 2025-03-04\n"
            "Dnr TN 2025/1232\nText ett.\nJusterandens sign\tUtdragsbestyrkande\nSida 2(3)",
            "Ekby kommun\nTekniska nämnden\nSammanträdesdatum 2025-03-04\n"
            "Beslut\nText två.\nJusterandens sign\tUtdragsbestyrkande\nSida 3(3)",
        ],
        ["§1", "Öppnande", "Dnr TN 2025/1232", "Text ett.", "Beslut", "Text två."],
    ),
    (
        # page number, a signing-service tail, then the form feed: one page break
        [
            "Protokoll\nSammanträdesdatum\nHälsonämndens\narbetsutskott\n2025-03-04\n"
            "§ 1 Öppnande\nText ett.\n1 (3)\nSigneras digitalt 4711",
            "Protokoll\nSammanträdesdatum\nHälsonämndens\narbetsutskott\n2025-03-04\n"
            "Text två.\n2 (3)\nSigneras digitalt 4711",
            "Protokoll\nSammanträdesdatum\nHälsonämndens\narbetsutskott\n2025-03-04\n"
            "Beslut\nText tre.\n3 (3)\nSigneras digitalt 4711",
        ],
        ["§ 1 Öppnande", "Text ett.", "Text två.", "Beslut", "Text tre."],
    ),
]


@pytest.mark.parametrize(("pages", "expected"), PAGE_BREAK_ROWS)
def test_page_headers_at_pdf_page_breaks(pages: list[str], expected: list[str]) -> None:
    cleaned = clean_text("\f".join(pages))
    assert [line for line in cleaned.lines if line] == expected


def test_layout_fixture_keeps_the_heading_beside_the_page_header() -> None:
    cleaned = clean_text(
        (FIXTURES / "ks_layout.txt").read_text(encoding="utf-8"),
        meeting_date=dt.date(2024, 3, 12),
    )
    lines = cleaned.lines
    assert "§ 33 Motion om gatubelysning i Storby" in lines
    assert "Dnr KS 2023/301" in lines
    for word in ("SAMMANTRÄDESPROTOKOLL", "Utdragsbestyrkande", "Justerandes sign", "Sida"):
        assert not any(
            word in line
            for line in lines[lines.index("§ 33 Motion om gatubelysning i Storby") - 5 :]
        )
    assert "Kommunstyrelsen beslutar" in lines


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_cleaning_keeps_every_section_heading(prefix: str) -> None:
    from tests.seeds import seed_text

    text = normalize(seed_text(prefix))
    cleaned = remove_furniture(text)
    for heading in ("Beslut", "Beslutsunderlag", "Ärendebeskrivning", "Sammanfattning"):
        before = sum(line.strip(" :") == heading for line in text.split("\n"))
        after = sum(line.strip(" :") == heading for line in cleaned.lines)
        assert after == before, heading
