"""The parser's warnings in the clerks' language.

The parser (pure Python, no Django) writes its warnings in English, as the JSON contract
shows (DESIGN.md: "page footer text found inside § 70 and removed"); the review page shows
each through `in_swedish`: a pattern of the parser's wording and its Swedish text through
gettext. A warning no pattern knows is shown as written.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# The kinds of page furniture the cleaner removes (minutes.parsing.clean).
_FURNITURE = {
    "signature box": gettext_noop("signaturruta"),
    "page number": gettext_noop("sidnummer"),
    "signing-service line": gettext_noop("rad från e-signeringstjänsten"),
    "Datum/Dnr/Sida page header": gettext_noop("sidhuvud (Datum/Dnr/Sida)"),
    "repeated page header": gettext_noop("upprepat sidhuvud"),
    "page header": gettext_noop("sidhuvud"),
}
_ITEM_PREFIX = re.compile(r"§ (?P<number>\d+): (?P<rest>.+)", re.DOTALL)
_FURNITURE_RE = re.compile(
    r"(?P<kind>.+?) found inside § (?P<number>\d+) and removed(?: \((?P<count>\d+)×\))?:"
    r" '(?P<example>.*)'",
    re.DOTALL,
)
# (the parser's wording, the Swedish text with the same named parts)
_TEXTS = [
    (
        r"§ (?P<number>\d+) could not be read \((?P<error>\w+)\); kept as text",
        gettext_noop("§ %(number)s kunde inte läsas (%(error)s) och sparades som text"),
    ),
    (
        r"page furniture found inside the item and removed",
        gettext_noop("sidhuvud eller sidfot togs bort ur paragrafen"),
    ),
    (
        r"no § marker line at the start of the item",
        gettext_noop("ingen §-rad i början av paragrafen"),
    ),
    (r"the marker line says § (?P<marked>\d+)", gettext_noop("§-raden säger § %(marked)s")),
    (r"no title found", gettext_noop("ingen rubrik hittades")),
    (
        r"a Beslut heading without a readable decision",
        gettext_noop("rubriken Beslut utan ett beslut som gick att läsa"),
    ),
    (
        r"only a proposal \(Förslag till beslut\), no decision",
        gettext_noop("bara ett förslag (Förslag till beslut), inget beslut"),
    ),
    (
        r"decision by unknown organ has no clauses",
        gettext_noop("beslutet av ett okänt organ saknar att-satser"),
    ),
    (
        r"decision by (?P<organ>.+) has no clauses",
        gettext_noop("beslutet av %(organ)s saknar att-satser"),
    ),
    (
        r"att-clause continued after a break and was joined",
        gettext_noop("en att-sats fortsatte efter ett avbrott och fogades ihop"),
    ),
    (
        r"reservation by the (?P<party>\S+) members kept without names:"
        r" no deciding \S+ member in the attendance",
        gettext_noop(
            "reservationen av ledamöterna från %(party)s sparades utan namn: ingen"
            " beslutande ledamot från %(party)s i närvarolistan"
        ),
    ),
    (
        r"reservation by the (?P<party>\S+) members read as (?P<names>.+)"
        r" \(guessed from the attendance list\)",
        gettext_noop(
            "reservationen av ledamöterna från %(party)s lästes som %(names)s"
            " (gissat ur närvarolistan)"
        ),
    ),
    (
        r"vote counts computed from the printed roll",
        gettext_noop("rösterna räknades fram ur den tryckta omröstningslistan"),
    ),
    (
        r"the printed roll does not add up to the stated vote counts",
        gettext_noop("den tryckta omröstningslistan stämmer inte med de angivna rösterna"),
    ),
    (
        r"roll row without a readable column: (?P<row>.*)",
        gettext_noop("en rad i omröstningslistan utan läsbar kolumn: %(row)s"),
    ),
    (
        r"reservation without a named person: (?P<sentence>.*)",
        gettext_noop("en reservation utan namngiven person: %(sentence)s"),
    ),
    (
        r"attendance text without a name ignored: '(?P<text>.*)'",
        gettext_noop("text i närvarolistan utan namn hoppades över: ”%(text)s”"),
    ),
    (r"no attendance list found", gettext_noop("ingen närvarolista hittades")),
    (
        r"item reader unavailable: items hold only number, title and text",
        gettext_noop("paragraferna kunde inte läsas i detalj: bara nummer, rubrik och text"),
    ),
    (r"no § items found", gettext_noop("inga paragrafer (§) hittades")),
    (
        r"PDF page\(s\) (?P<pages>.+) could not be loaded and were skipped",
        gettext_noop("PDF-sidorna %(pages)s kunde inte läsas och hoppades över"),
    ),
    (
        r"PDF page\(s\) (?P<pages>.+) have no text \(blank or scanned\)",
        gettext_noop("PDF-sidorna %(pages)s saknar text (tomma eller inskannade)"),
    ),
    (
        r"committee not stated; inferred '(?P<name>.*)' from how the items decide",
        gettext_noop("organet anges inte; ”%(name)s” antogs utifrån hur paragraferna beslutar"),
    ),
    (
        r"body not stated; inferred '(?P<name>.*)' as the most named authority",
        gettext_noop("huvudmannen anges inte; ”%(name)s” antogs som den oftast nämnda"),
    ),
    (
        r"justering date printed without year; read as (?P<date>\S+)",
        gettext_noop("justeringsdatumet saknar år och lästes som %(date)s"),
    ),
    (r"meeting date not found", gettext_noop("sammanträdesdatumet hittades inte")),
    (
        r"text is not UTF-8; decoded as (?P<encoding>\S+)",
        gettext_noop("texten är inte UTF-8 och lästes som %(encoding)s"),
    ),
]
_PATTERNS = [(re.compile(pattern, re.DOTALL), text) for pattern, text in _TEXTS]


def in_swedish(warning: str) -> str:
    """The parser's `warning` as the clerk reads it; as written when no pattern knows it."""
    found = _FURNITURE_RE.fullmatch(warning)
    if found and found["kind"] in _FURNITURE:
        times = _(" (%(count)s gånger)") % {"count": found["count"]} if found["count"] else ""
        return _("§ %(number)s: %(kind)s togs bort ur paragrafen%(times)s: ”%(example)s”") % {
            "number": found["number"],
            "kind": _(_FURNITURE[found["kind"]]),
            "times": times,
            "example": found["example"],
        }
    prefixed = _ITEM_PREFIX.fullmatch(warning)
    if prefixed:
        rest = _known(prefixed["rest"])
        return f"§ {prefixed['number']}: {rest}" if rest is not None else warning
    known = _known(warning)
    return known if known is not None else warning


def _known(text: str) -> str | None:
    for pattern, swedish in _PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            return _(swedish) % found.groupdict()
    return None
