"""parse_text: the whole chain, its errors, and what it hands to the item reader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes.parsing import document
from minutes.parsing.document import parse_text
from minutes.parsing.errors import ParseError
from minutes.parsing.records import Item
from tests.seeds import seed_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"

NOT_A_PROTOCOL = [
    "",  # empty
    "  \n\t\f ",  # only blanks and a form feed
    "Kära vänner,\nvälkomna till vårens konsert i kyrkan.",  # a letter
    "\x00\x01\x02 %PDF-1.4 binär röra",  # garbage
]


@pytest.mark.parametrize("text", NOT_A_PROTOCOL)
def test_not_a_protocol_is_a_swedish_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match=r"^Texten (är tom|ser inte ut som ett protokoll)"):
        parse_text(text)


def test_a_date_without_items_is_still_a_protocol_with_a_warning() -> None:
    parsed = parse_text("Sammanträdesdatum 2024-01-02\nMötet ställdes in.")
    assert parsed.items == ()
    assert "no_items" in [w.code for w in parsed.warnings]


def _recording_reader(seen: dict[int, str]):
    def read(number: int, text: str) -> tuple[Item, list]:
        seen[number] = text
        return Item(number=number, title="x", text=text), []

    return read


FURNITURE_RE = re.compile(
    r"Justerandens sign|Justerandes sign|Utdragsbestyrkande|Ultdragsbestyrkande|bestyrk"
    r"|Sida \d+ ?\(\d+\)|Sida \d+ av \d+|Comfact|Referensnummer|Sammanträdesdatum"
    r"|SAMMANTRÄDESPROTOKOLL",
    re.I,
)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_item_reader_gets_text_without_page_furniture(
    prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[int, str] = {}
    monkeypatch.setattr(document, "read_item", _recording_reader(seen))
    parsed = parse_text(seed_text(prefix))
    assert list(seen) == [item.number for item in parsed.items]
    for number, text in seen.items():
        assert text.lstrip().startswith("§"), number
        assert not FURNITURE_RE.search(text), (number, FURNITURE_RE.search(text))


def test_furniture_inside_items_is_one_warning_per_kind() -> None:
    parsed = parse_text(seed_text("000"))
    removed = {w.params["kind"]: w for w in parsed.warnings if w.code == "furniture_removed"}
    assert len(removed) == len([w for w in parsed.warnings if w.code == "furniture_removed"])
    assert 70 in removed["signature box"].params["items"]
    assert removed["Datum/Dnr/Sida page header"].params["items"] == [70]  # not § 69
    assert removed["signature box"].count >= len(removed["signature box"].params["items"])


def test_one_bad_item_becomes_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    def reader(number: int, text: str) -> tuple[Item, list]:
        if number == 33:
            raise ValueError("boom")
        return Item(number=number, title="ok", text=text), []

    monkeypatch.setattr(document, "read_item", reader)
    parsed = parse_text((FIXTURES / "ks_layout.txt").read_text(encoding="utf-8"))
    assert [item.number for item in parsed.items] == [31, 32, 33, 34, 35, 36]
    assert parsed.items[2].title == "Motion om gatubelysning i Storby"
    assert ("item_unreadable", 33, {"error": "ValueError"}) in [
        (w.code, w.item, w.params) for w in parsed.warnings
    ]


def test_an_unexpected_failure_is_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(document, "read_attendance", broken)
    with pytest.raises(ParseError, match="oväntat fel"):
        parse_text(seed_text("000"))


def test_layout_fixture_reads_whole() -> None:
    parsed = parse_text((FIXTURES / "ks_layout.txt").read_text(encoding="utf-8"))
    assert [item.number for item in parsed.items] == [31, 32, 33, 34, 35, 36]
    headers = [w for w in parsed.warnings if w.params.get("kind") == "repeated page header"]
    assert [w.code for w in headers] == ["furniture_removed"] and 33 in headers[0].params["items"]


PARTY_RESERVATION_PROTOCOL = """Gröndala kommun
PROTOKOLL
Fritidsnämnden
Sammanträdesdatum 2025-02-11
Plats och tid\tKommunhuset, 2025-02-11 kl. 18.00-20.00
Beslutande ledamöter\tOlle Brink (S) (Ordförande) Vera Lund (SD) (Vice ordförande) Kim Ek (M)
Tjänstgörande ersättare\tTove Sand (SD) för Per Ask (SD)
Ej tjänstgörande ersättare\tMaja Berg (SD)

§4
Bidrag till föreningar
Beslut
Fritidsnämnden beslutar
att fördela bidragen enligt förvaltningens förslag.
Reservation
{reservation}
"""

# (reservation sentence, (name, party) read, a warning part) — party-only reservations.
PARTY_RESERVATION_ROWS = [
    (
        # the deciding SD members: vice chair and serving substitute, not the non-serving one
        "Ledamöterna från SD reserverar sig mot beslutet.",
        [("Vera Lund", "SD"), ("Tove Sand", "SD")],
        "read as Vera Lund, Tove Sand",
    ),
    (
        # no deciding member of the party: the party-only reservation stays, warned
        "Ledamöterna från V reserverar sig mot beslutet.",
        [("", "V")],
        "kept without names",
    ),
    (
        # a named reservation is left as it is, without a warning about a guess
        "Kim Ek (M) reserverar sig mot beslutet.",
        [("Kim Ek", "M")],
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "expected", "warning"), PARTY_RESERVATION_ROWS)
def test_party_only_reservations_are_resolved_from_attendance(
    sentence: str, expected: list[tuple[str, str]], warning: str | None
) -> None:
    parsed = parse_text(PARTY_RESERVATION_PROTOCOL.format(reservation=sentence))
    (item,) = parsed.items
    assert [(r.name, r.party) for r in item.reservations] == expected
    notes = [w for w in parsed.warnings if w.code.startswith("party_reservation")]
    if warning is None:
        assert notes == []
    else:
        assert len(notes) == 1 and warning in notes[0].message and notes[0].item == 4
