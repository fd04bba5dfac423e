"""The warnings of a reading reach the clerk in Swedish: by code, with params and counts."""

from __future__ import annotations

from string import Formatter

import pytest

from devtools.sample.generate import generate_protocol_texts
from minutes.parsing import parse_text
from minutes.parsing.warning_codes import MESSAGES, as_data, warn
from minutes.services.import_warnings import IMPORT_MESSAGES, import_warning
from minutes.warning_texts import FURNITURE_KINDS, TEXTS, in_swedish
from tests.seeds import seed_text

# Params a code carries beyond those its English message names.
EXTRA_PARAMS = {"furniture_removed": {"items": [3]}}


def named_fields(message: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(message) if name}


def test_every_code_has_a_swedish_text_and_every_text_a_code():
    codes = {*MESSAGES, *IMPORT_MESSAGES}
    assert sorted(codes - TEXTS.keys()) == [], "a code without a Swedish text"
    assert sorted(TEXTS.keys() - codes) == [], "a Swedish text of no code"


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_each_parser_code_renders_its_params_the_item_and_the_count(code):
    params = {name: f"<{name}>" for name in named_fields(MESSAGES[code])}
    warning = warn(code, item=9, count=2, **params, **EXTRA_PARAMS.get(code, {}))
    swedish = in_swedish(warning)
    assert swedish != warning.message, "rendered from the Swedish text, not the message"
    assert swedish.startswith("§ 9: ")
    assert " (2 gånger)" in swedish
    for value in params.values():
        assert value in swedish


@pytest.mark.parametrize("code", sorted(IMPORT_MESSAGES))
def test_each_importer_code_renders_its_params_the_item_and_the_count(code):
    params = {name: f"<{name}>" for name in named_fields(IMPORT_MESSAGES[code])}
    warning = import_warning(code, item=9, count=2, **params)
    swedish = in_swedish(warning)
    assert swedish != warning["message"]
    assert swedish.startswith("§ 9: ")
    assert swedish.endswith(" (2 gånger)")
    for value in params.values():
        assert value in swedish


CASES = [
    # (the warning, how the clerk reads it)
    (warn("no_title", item=7), "§ 7: ingen rubrik hittades"),
    (warn("no_title", item=7, count=3), "§ 7: ingen rubrik hittades (3 gånger)"),
    (warn("marker_number_differs", item=7, marked="8"), "§ 7: §-raden säger § 8"),
    (
        warn("decision_without_clauses", item=9, organ="Kommunstyrelsen"),
        "§ 9: beslutet av Kommunstyrelsen saknar att-satser",
    ),
    # the parser's stand-in when the decision names no organ
    (
        warn("decision_without_clauses", item=9, organ="unknown organ"),
        "§ 9: beslutet av ett okänt organ saknar att-satser",
    ),
    (
        warn("party_reservation_guessed", item=3, party="SD", names="Anna Ek, Bo Al"),
        "§ 3: reservationen av ledamöterna från SD lästes som Anna Ek, Bo Al"
        " (gissat ur närvarolistan)",
    ),
    (
        warn("item_unreadable", item=5, error="ValueError"),
        "§ 5: paragrafen kunde inte läsas (ValueError) och sparades som text",
    ),
    (
        warn("pdf_pages_blank", pages="3, 4"),
        "PDF-sidorna 3, 4 saknar text (tomma eller inskannade)",
    ),
    # a list param reads joined with ", "
    (
        warn("pdf_pages_unreadable", pages=[2, 5]),
        "PDF-sidorna 2, 5 kunde inte läsas och hoppades över",
    ),
    # a § named in a protocol-wide warning is not its item
    (
        warn("marker_out_of_order", number=12, line=340),
        "raden som börjar med § 12 (rad 340) lästes inte som en paragraf:"
        " numret kommer i fel ordning",
    ),
    (warn("no_meeting_date"), "sammanträdesdatumet hittades inte"),
    (
        warn("body_inferred", name="Region Norrvik"),
        "huvudmannen anges inte; ”Region Norrvik” antogs som den oftast nämnda",
    ),
    (
        import_warning("import_unknown_role", role="lekmannarevisor"),
        "okänd roll ”lekmannarevisor” i närvarolistan: sparad som övrig närvarande",
    ),
    (
        import_warning("import_vote_unreadable", item=4, vote="kanske", name="Anna Ek"),
        "§ 4: rösten ”kanske” av Anna Ek kunde inte tolkas",
    ),
]


@pytest.mark.parametrize(("warning", "swedish"), CASES)
def test_a_warning_reads_in_swedish(warning, swedish):
    assert in_swedish(warning) == swedish


@pytest.mark.parametrize(("warning", "swedish"), CASES)
def test_a_stored_warning_reads_as_the_warning_it_was(warning, swedish):
    stored = as_data(warning) if not isinstance(warning, dict) else warning
    assert in_swedish(stored) == swedish


FURNITURE = [
    # (kind, §§, count, how the clerk reads it)
    (
        "page header",
        [3, 4, 7],
        12,
        "sidhuvud togs bort ur §§ 3, 4, 7 (12 gånger): ”Kommunstyrelsen / 2024-05-14”",
    ),
    (
        "signature box",
        [208, 209, 210, 211, 214],
        6,
        "signaturruta togs bort ur §§ 208–211, 214 (6 gånger): ”Kommunstyrelsen / 2024-05-14”",
    ),
    (
        "Datum/Dnr/Sida page header",
        [70],
        1,
        "sidhuvud (Datum/Dnr/Sida) togs bort ur § 70: ”Kommunstyrelsen / 2024-05-14”",
    ),
    (
        "signing-service line",
        [1, 2],
        2,
        "rad från e-signeringstjänsten togs bort ur §§ 1, 2 (2 gånger):"
        " ”Kommunstyrelsen / 2024-05-14”",
    ),
]


@pytest.mark.parametrize(("kind", "items", "count", "swedish"), FURNITURE)
def test_routine_furniture_removals_read_as_one_line_with_the_kind_the_items_and_a_count(
    kind, items, count, swedish
):
    warning = warn(
        "furniture_removed",
        count=count,
        kind=kind,
        example="Kommunstyrelsen / 2024-05-14",
        items=items,
    )
    assert in_swedish(warning) == swedish
    assert in_swedish(as_data(warning)) == swedish


def test_every_kind_of_furniture_the_parser_removes_has_a_swedish_name():
    kinds = [
        "signature box",
        "page number",
        "signing-service line",
        "Datum/Dnr/Sida page header",
        "repeated page header",
        "page header",
    ]
    assert sorted(FURNITURE_KINDS) == sorted(kinds)
    for kind in kinds:
        swedish = in_swedish(warn("furniture_removed", kind=kind, example="x", items=[1]))
        assert not swedish.startswith(kind), swedish


def test_a_warning_stored_as_a_string_before_codes_is_shown_as_written():
    assert in_swedish("§ 4: no title found") == "§ 4: no title found"
    assert in_swedish("Okänt parti 'BLP': sparat och flaggat som okänt.") == (
        "Okänt parti 'BLP': sparat och flaggat som okänt."
    )


def test_a_code_without_a_swedish_text_shows_its_message():
    stored = {"code": "roll_new", "message": "§ 4: a new thing", "item": 4, "count": 1}
    assert in_swedish(stored) == "§ 4: a new thing"


def test_a_stored_warning_without_the_params_its_text_needs_shows_its_message():
    stored = {"code": "marker_number_differs", "message": "§ 4: the marker line says § 5"}
    assert in_swedish({**stored, "item": 4, "count": 1, "params": {}}) == stored["message"]


def _warnings_of(texts) -> list:
    return [warning for text in texts for warning in parse_text(text).warnings]


def test_every_warning_of_the_seeds_and_the_sample_is_rendered_from_its_code():
    seeds = [seed_text(prefix) for prefix in ("000", "001", "002", "003", "004")]
    sample = [text for _name, text in generate_protocol_texts(60, 3)]
    warnings = _warnings_of(seeds + sample)
    assert warnings, "the texts give warnings to render"
    assert {w.code for w in warnings} >= {"furniture_removed", "body_inferred"}
    unrendered = sorted(w.message for w in warnings if in_swedish(w) == w.message)
    assert unrendered == []
