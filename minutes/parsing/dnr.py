"""Diarienummer (case registry numbers) as protocols print them, and a key for matching.

Each organisation has its own series (`21RS7612`, `HSN 571-2024`, `RJL 2016/1288`,
`KS KF/2025:6`, `Dnr 00123/2021 2.6.` …). Numbers are kept as printed with whitespace
normalized; `normalize_dnr` gives the key that links the same case across organs and
spellings: organ, year and serial in that order (`rs20217612`) whichever way they were
printed. Migration 0017 holds the same rules in SQL for the keys stored before them.
"""

from __future__ import annotations

import re
import unicodedata

from .text import joined_words

_UPPER = "A-ZÅÄÖ"

# Organ prefix: `HSN`, `KS KF`, `RS/`, `KS-`, `LD`, `T` (letters, spaces, `/` or `-`).
_PREFIX = rf"[{_UPPER}]{{1,6}}(?:[ ][{_UPPER}]{{1,6}})?"
# Serial and year groups with the separators seen in the wild (`/ : - .`).
_GROUPS = r"\d{1,7}(?:[/:.\-]\d{1,7}){1,3}"

_DNR_FORMS = (
    # Year first, organ glued: Region Västernorrland `21RS7612`, `25HSN293`, `17RS10909-3`.
    rf"\d{{2}}[ ]?[{_UPPER}]{{1,6}}[ ]?\d{{1,7}}(?:-\d{{1,3}})?",
    # Organ prefix then numbers: `HSN 571-2024`, `RS/699/2022`, `RJL 2016/1288`,
    # `LD13/03336`, `KS KF/2025:6`, `SBN/2025:74`, `KS-2014/742.912`, `SLK-2026-00015`,
    # `T2012-050-05828`, `KS.2024.123`.
    rf"{_PREFIX}[ /\-.]?{_GROUPS}",
    # Year and serial, organ last (Formpipe Meetings Plus): `2026.288 KS`, `2026.007 BUN`.
    rf"(?:19|20)\d{{2}}[.:/\-]\d{{1,6}}[ ][{_UPPER}]{{2,6}}(?![{_UPPER}a-zåäö])",
)
# A diarienummer with an organ in it: safe to find on an unlabelled line.
PREFIXED_DNR_RE = re.compile(
    rf"(?<![\w/\-.])(?:{'|'.join(_DNR_FORMS)})(?![\w/]|[:.\-]\d)",
)

# Bare numbers need a label around them: `2007/555`, `2022-00001`, `2024.233`,
# `00123/2021 2.6.` (with a trailing classification code); a date `2022-01-01` is not one.
_BARE_DNR = (
    r"(?:\d{1,7}[/:\-]\d{2,7}(?!-\d)(?:[/:.\-]\d{1,7})?|(?:19|20)\d{2}\.\d{1,6})"
    r"(?:[ ]\d{1,2}(?:\.\d{1,2})+\.?)?"
)
ANY_DNR_RE = re.compile(
    rf"(?<![\w/\-.])(?:{'|'.join(_DNR_FORMS)}|{_BARE_DNR})(?![\w/]|[:\-]\d)",
)

# The labels a diarienummer is printed after: `Diarienummer: X`, `Dnr X`, `Dnr: X`,
# `Diarienr X`, `Ärendenummer: X` (all layouts).
LABEL_RE = re.compile(
    r"^\s*(?:diarienummer|diarienr\.?|dnr\.?|ärendenummer|ärendenr\.?)(?![A-Za-zÅÄÖåäö])\s*:?\s*",
    re.IGNORECASE,
)

# Series of statutes and reports that look like a diarienummer but are not one
# (`SOU 2024:72`, `DS 2021:31`, `PMFS 2019:2`, `SFS 2017:725`) — in titles of remisser.
_NOT_DNR_PREFIXES = frozenset(
    {"SOU", "DS", "SFS", "PROP", "DIR", "PMFS", "AFS", "HSLF", "FS", "EU", "COM", "BET", "SKR"}
)
_DATE_RE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")
_DIGIT_RE = re.compile(r"\d")
# The word a statute series starts with (`SOU`, `Prop`).
_STATUTE_HEAD_RE = re.compile(rf"[{_UPPER}a-zåäö]+")
# A trailing classification code `2.6.`, whose last period is part of the number.
_CLASSIFICATION_END_RE = re.compile(r"\d\.\d+\.$")
# What may stand between the numbers of a dnr line: separators and `och` / `samt`.
_BETWEEN_DNRS_RE = re.compile(r"[\s,;.]*(?:(?:och|samt)[\s,;.]*)*")
_DASHES = "‐‑‒–—−"
# A classification code after the numbers of a dnr line: `KS 2024-000123 - 1.4.2`.
_TRAILING_CLASSIFICATION_RE = re.compile(r"[\s\-]*\d{1,2}(?:\.\d{1,3}){1,3}\.?\s*$")

# The parts of a diarienummer in its key (`normalize_dnr`), read from the cleaned,
# case-folded text. An organ is one or two words of letters (`ks kf`); a year four digits.
_ORGAN = r"(?P<organ>[a-zåäö]{1,6}(?: [a-zåäö]{1,6})?)"
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"
_SERIAL = r"(?P<serial>[0-9]{1,7})"
# A classification code after the serial, dropped from the key: `742.912`, `602 1.2.3`.
_CLASSIFICATION = r"(?:\.[0-9]{1,7}| [0-9]{1,2}(?:\.[0-9]{1,2})+\.?)?"
_KEY_FORMS = (
    # Organ, year, serial: `RS 2023/1203`, `KS/2025:74`, `BUN-2020/602.912`, `KS.2024.123`.
    re.compile(rf"{_ORGAN}[ /.\-]?{_YEAR}[/:. \-]{_SERIAL}{_CLASSIFICATION}"),
    # Organ, serial, year: `HSN 571-2024`, `RS/699/2022`.
    re.compile(rf"{_ORGAN}[ /.\-]?{_SERIAL}[/:.\-]{_YEAR}"),
    # Year, serial, organ (Formpipe Meetings Plus): `2026.288 KS`.
    re.compile(rf"{_YEAR}[/:.\-]{_SERIAL} {_ORGAN}"),
)
# Two-digit year, organ, serial, on the key's letters and digits: `21RS7612`, `21 RS 76`
# (a prefix, whose key must start the full number's).
_COMPACT_FORM = re.compile(r"(?P<year>[0-9]{2})(?P<organ>[a-zåäö]{1,6})(?P<serial>[0-9]{0,7})")


def _clean(value: str) -> str:
    """Normalize whitespace, dashes and NBSP as printed, and drop markdown markup."""
    value = unicodedata.normalize("NFKC", value)
    for dash in _DASHES:  # one replace per dash: str.translate is many times slower
        value = value.replace(dash, "-")
    value = value.replace("*", "").replace("#", "")
    return joined_words(value)


def _is_statute(value: str) -> bool:
    """True for `SOU 2024:72` and kin, which share the diarienummer shape."""
    head = _STATUTE_HEAD_RE.match(value)
    return bool(head) and head.group(0).upper() in _NOT_DNR_PREFIXES


def _keep(value: str) -> bool:
    """A match that is a diarienummer and not a date, a statute or a lone year."""
    value = value.rstrip(".")
    return not (_DATE_RE.search(value) or _is_statute(value))


def find_dnrs(text: str, *, labelled: bool = True) -> list[str]:
    """Every diarienummer in `text` as printed (whitespace normalized), in order, once each.

    With `labelled` (text that follows a `Diarienummer:`/`Dnr` label) bare numbers such as
    `2007/555` count too; otherwise only numbers carrying an organ prefix are taken.
    """
    pattern = ANY_DNR_RE if labelled else PREFIXED_DNR_RE
    found: list[str] = []
    text = _clean(text)
    if not _DIGIT_RE.search(text):  # every form holds a digit: spare the slow scan
        return found
    for match in pattern.finditer(text):
        value = match.group(0).strip()
        if value.endswith(".") and not _CLASSIFICATION_END_RE.search(value):
            value = value[:-1]
        if _keep(value) and value not in found:
            found.append(value)
    return found


def read_dnr_line(line: str) -> list[str] | None:
    """The diarienummer of a header line, or None when the line is not a dnr line.

    Accepts `Diarienummer: 21HSN3638`, `Dnr KS 2024/12, KS 2024/13` and a line holding
    nothing but prefixed numbers (`HSN 571-2024`, printed under the title).
    """
    cleaned = _clean(line)
    label = LABEL_RE.match(cleaned)
    if label:
        return find_dnrs(cleaned[label.end() :], labelled=True)
    values = find_dnrs(cleaned, labelled=False)
    if not values:
        return None
    rest = cleaned
    for value in values:
        rest = rest.replace(value, " ")
    rest = _TRAILING_CLASSIFICATION_RE.sub("", rest)
    if _BETWEEN_DNRS_RE.fullmatch(rest):
        return values
    return None


def normalize_dnr(value: str) -> str:
    """A matching key for a diarienummer: lower case, letters and digits only, organ,
    year and serial in that order where the number has them.

    `HSN 571-2024`, `hsn 2024/571` → `hsn2024571`; `RS 2023/1203`, `23RS1203` →
    `rs20231203`; `2026.288 KS`, `KS/2026:288` → `ks2026288`; a classification code and
    a serial's leading zeros are dropped (`BUN-2020/602.912` → `bun2020602`), and so is
    a leading `Dnr`/`Diarienummer` label. Other numbers keep their letters and digits
    (`Dnr 2007/555` → `2007555`). The parser's case keys and every search use this one
    function. Total and idempotent: any string gives a string, a key gives itself.
    """
    if not isinstance(value, str):
        value = "" if value is None else str(value)
    text = LABEL_RE.sub("", _clean(value), count=1).casefold()
    for form in _KEY_FORMS:
        parts = form.fullmatch(text)
        if parts:
            return _key_of(parts)
    compact = "".join(ch for ch in text if ch.isalnum())
    parts = _COMPACT_FORM.fullmatch(compact)
    if parts:
        return _key_of(parts, century="20")
    return compact


def _key_of(parts: re.Match, *, century: str = "") -> str:
    """Organ, year and serial of a matched number as a key (`rs20231203`)."""
    serial = parts["serial"].lstrip("0") or ("0" if parts["serial"] else "")
    return parts["organ"].replace(" ", "") + century + parts["year"] + serial
