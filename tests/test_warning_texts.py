"""The parser's warnings reach the clerk in Swedish."""

from __future__ import annotations

import pytest

from minutes.parsing import parse_text
from minutes.sample.generate import generate_protocol_texts
from minutes.warning_texts import in_swedish
from tests.seeds import seed_text

CASES = [
    (
        "signature box found inside § 21 and removed (3×): 'Ordförandens sign / Justerandens'",
        "§ 21: signaturruta togs bort ur paragrafen (3 gånger): ”Ordförandens sign / Justerandens”",
    ),
    (
        "Datum/Dnr/Sida page header found inside § 4 and removed: 'Datum 2022-05-05'",
        "§ 4: sidhuvud (Datum/Dnr/Sida) togs bort ur paragrafen: ”Datum 2022-05-05”",
    ),
    ("§ 7: no title found", "§ 7: ingen rubrik hittades"),
    ("§ 7: the marker line says § 8", "§ 7: §-raden säger § 8"),
    (
        "§ 9: decision by Kommunstyrelsen has no clauses",
        "§ 9: beslutet av Kommunstyrelsen saknar att-satser",
    ),
    (
        "§ 3: reservation by the SD members read as Anna Ek, Bo Al (guessed from the attendance"
        " list)",
        "§ 3: reservationen av ledamöterna från SD lästes som Anna Ek, Bo Al (gissat ur"
        " närvarolistan)",
    ),
    (
        "§ 5 could not be read (ValueError); kept as text",
        "§ 5 kunde inte läsas (ValueError) och sparades som text",
    ),
    (
        "PDF page(s) 3–4 have no text (blank or scanned)",
        "PDF-sidorna 3–4 saknar text (tomma eller inskannade)",
    ),
    ("meeting date not found", "sammanträdesdatumet hittades inte"),
    (
        "body not stated; inferred 'Region Norrvik' as the most named authority",
        "huvudmannen anges inte; ”Region Norrvik” antogs som den oftast nämnda",
    ),
]


@pytest.mark.parametrize(("warning", "swedish"), CASES)
def test_a_parser_warning_reads_in_swedish(warning, swedish):
    assert in_swedish(warning) == swedish


def test_a_warning_no_pattern_knows_is_shown_as_written():
    assert in_swedish("something new happened in § 4") == "something new happened in § 4"


def _warnings_of(texts) -> set[str]:
    return {warning for text in texts for warning in parse_text(text).warnings}


def test_every_warning_of_the_seeds_and_the_sample_is_translated():
    seeds = [seed_text(prefix) for prefix in ("000", "001", "002", "003", "004")]
    sample = [text for _name, text in generate_protocol_texts(60, 3)]
    warnings = _warnings_of(seeds + sample)
    assert warnings, "the texts give warnings to translate"
    untranslated = sorted(w for w in warnings if in_swedish(w) == w)
    assert untranslated == []
