"""Shared text helpers: markup, wrapped lines and paragraphs, on invented snippets."""

from __future__ import annotations

import pytest

from minutes.parsing.text import looks_wrapped, split_paragraphs, strip_markup

# (line as extracted, without markup) — markdown from Word converters and PDF odd spaces.
STRIP_ROWS = [
    ("  Nämnden beslutar  ", "Nämnden beslutar"),  # plain text takes the fast path
    ("**§ 12 Budget 2026**", "§ 12 Budget 2026"),  # bold marker line
    ("### Beslutsunderlag", "Beslutsunderlag"),  # markdown heading
    ("* första punkten", "- första punkten"),  # star bullet becomes a dash bullet
    ("ett *viktigt* ord", "ett viktigt ord"),  # emphasis
    ("Kl.\u00a013.00\u202f–\u200916.00", "Kl. 13.00 – 16.00"),  # PDF odd spaces
    ("Plats\tStadshuset", "Plats\tStadshuset"),  # a tab between columns stays
    ("__Bakgrund__", "Bakgrund"),  # `__` is markup
    ("fil_2024_12.pdf", "fil_2024_12.pdf"),  # a lone `_` is not
]


@pytest.mark.parametrize(("line", "expected"), STRIP_ROWS)
def test_strip_markup(line: str, expected: str) -> None:
    assert strip_markup(line) == expected


# (previous line, whether the next line continues it) — hard-wrapped PDF lines.
WRAP_ROWS = [
    ("Förvaltningen har tagit fram ett förslag till ny taxa för bygglov och", False),  # a list
    ("Förvaltningen har tagit fram ett förslag till ny taxa för bygglov under", True),  # long
    ("Förvaltningen har tagit fram ett förslag till ny taxa för bygglov i år.", False),  # `.`
    ("Förvaltningen har tagit fram ett förslag till ny taxa för bygglov, samt", False),
    ("Förvaltningen har tagit fram ett förslag till ny taxa för bygglov eller", False),
    ("Kort rad", False),  # a short line is not wrapped by the page width
]


@pytest.mark.parametrize(("previous", "wrapped"), WRAP_ROWS)
def test_looks_wrapped(previous: str, wrapped: bool) -> None:
    assert looks_wrapped(previous) == wrapped


def test_split_paragraphs_joins_wrapped_and_lower_case_lines() -> None:
    lines = [
        "**Ärendet**",
        "Förvaltningen har tagit fram ett förslag till ny taxa för bygglov som",
        "gäller från 1 januari.",
        "",
        "- första punkten",
        "- andra punkten",
        "att anta taxan",
    ]
    assert split_paragraphs(lines) == [
        "Ärendet",
        "Förvaltningen har tagit fram ett förslag till ny taxa för bygglov som gäller från "
        "1 januari.",
        "- första punkten",
        "- andra punkten",
        "att anta taxan",
    ]


def test_a_full_width_line_ending_in_a_comma_runs_on() -> None:
    lines = [
        "Robert Ek (M), Maria Holm Witt (C), Natalia Dahl (SD), Susanne Berg (M), Ida Lax (L),",
        "Ingrid Al (MP) och Pia Jonsson (S) yrkar bifall till förslaget.",
    ]
    assert len(split_paragraphs(lines)) == 1
    assert len(split_paragraphs(["Anna Holm (S),", "Per Ek (M)"])) == 2
