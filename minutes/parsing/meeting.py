"""Meeting fields of a protocol: organ, body, date, times, place, dnr, justering and anslag.

Fields are read where the protocol states them (the header, the page headers, the
ANSLAG/BEVIS box, the signature block, the `Val av justerare` item). Body and committee
may be inferred from how the items speak (`Finansutskottet beslutar`, `Region X`), and
each inference adds a warning. Unknown stays None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise

from .people import NAME
from .records import Attendee, ParseWarning
from .text import fold_case, may_contain
from .warning_codes import warn

# Swedish month names, also what the sample generator writes dates with.
MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTH_ALT = "|".join(MONTH_NAMES)

# A date as protocols print it: ISO `2021-11-11` or Swedish `28 november 2024`.
DATE_RE = re.compile(
    rf"(?:(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})"
    rf"|(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_ALT})\s+(?P<year>\d{{4}}))",
    re.I,
)
# A day and month without a year (`Justeringen sker digitalt den 3 december`).
_DAY_MONTH_RE = re.compile(
    rf"(?i)\bden\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_ALT})\b(?!\s+\d{{4}})"
)
# The meeting-date label in a column of its own beside the organ or body:
# `Ekdala kommun          Sammanträdesdatum 2024-11-25`.
_COLUMN_DATE_LABEL_RE = re.compile(
    r"(?i)(?:\t|[ ]{2,})(?P<label>sammanträdesdatum|sammanträdesdag|mötesdatum)\b[ \t:]*"
    r"(?P<rest>.*)$"
)
# A front-page line that dates the meeting without a label: `Tisdagen den 12 mars 2024,
# kl. 13.00`, `Protokoll 2024-03-12`, `Sammanträde 2024-03-12`.
_DATED_LINE_RE = re.compile(
    r"(?i)^(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b|protokoll\b|sammanträde\b)"
)
# An organ named in the protocol's own sentence: `fört vid sammanträde med kommunstyrelsen
# i Ekdala kommun`, `Protokoll från kommunfullmäktiges sammanträde`.
_MEETING_OF_RE = re.compile(
    r"(?i)\bsammanträde\s+med\s+(?P<organ>\w[\w\- ]{3,60}?)(?:\s+i\s+(?P<body>\w[\w\- ]+?))?"
    r"\s*[,.]?\s*$|\bprotokoll\s+från\s+(?P<genitive>\w[\w\- ]{3,60}?)s\s+sammanträde\b"
)
# The letter-style header of Region Västernorrland-like layouts, however extraction split
# it: `Datum 2021-11-11 Dnr 21HSN4 Sida 4(6)` or `Datum Dnr 2025-03-13 25HSN3 Sida 14(34)`.
DATUM_DNR_SIDA_RE = re.compile(
    r"Datum\s+(?:Dnr\s+)?(?P<date>\d{4}-\d{2}-\d{2})\s+(?:Dnr\s+)?(?P<dnr>[^\s]+(?:\s[^\s]+)?)"
    r"\s+Sida\s+\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4})?"
)
# Labelled meeting-date lines: `Tid: 2021-11-11 kl …`, `Sammanträdesdatum 2023-12-11`,
# `Datum 2021-11-11`, `Plats och tid Kommunhuset 2024-03-12 kl 13.00`.
_DATE_LABEL_RE = re.compile(
    r"(?im)^(?P<label>sammanträdesdatum|sammanträdesdag|mötesdatum|datum och tid|tid och plats"
    r"|plats och tid|tid|datum)\b[ \t:]*(?P<rest>.*)$"
)
# A time or time range: `kl 09.15-12.00`, `kl. 13:15-15:50`, `kl. 08.30–12.00`, `09:15`.
_TIME_RE = re.compile(
    r"(?i)(?:\bkl(?:ockan)?\.?\s*)(?P<h1>\d{1,2})[.:](?P<m1>\d{2})"
    r"(?:\s*(?:[-–—]|till)\s*(?:kl\.?\s*)?(?P<h2>\d{1,2})[.:](?P<m2>\d{2}))?"
)
# A range without `kl` is still a time range when written `13.00–16.30`.
_BARE_TIME_RANGE_RE = re.compile(
    r"(?<![\d.:-])(?P<h1>\d{1,2})[.:](?P<m1>\d{2})\s*[-–—]\s*(?P<h2>\d{1,2})[.:](?P<m2>\d{2})(?![\d.:])"
)
# How far into the text the front page may reach when a page break is not marked.
_FRONT_PAGE_CHARS = 4000
# Place labels: `Plats: Digitalt möte i Teams`, `Plats och tid\tÖstersund, … kl. 13:15`.
_PLACE_RE = re.compile(
    r"(?im)^(?:plats och tid|tid och plats|sammanträdesplats|mötesplats|plats|lokal)"
    r"\b[ \t:]*(?P<place>.*)$"
)
# What is left of `Måndagen den 25 november 2024 kl. 18.00 i Folkets hus` once the date
# and time are cut: the weekday, `den` and `i` before the place, `den` and an hour after it
# (`Kommunhuset, den 12 mars 2024 kl 13`).
_WEEKDAY_RE = re.compile(r"(?i)\b(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b")
_PLACE_LEAD_RE = re.compile(r"(?i)^(?:(?:den|i)\b[ ,]*)+")
_PLACE_TAIL_RE = re.compile(r"(?i)(?:[ ,]+(?:den|kl\.?(?:[ ]*\d{1,2})?))+$")
# An organ stated outright: `Organ Regionens samverkansråd`, `Nämnd: Socialnämnden`.
_ORGAN_LABEL_RE = re.compile(r"(?im)^(?:organ|nämnd|utskott|instans)\b[ \t:]+(?P<organ>\S.*)$")
# The last word of an organ's name: `…styrelsen`, `…nämndens arbetsutskott`, `…råd`.
_ORGAN_WORD_RE = re.compile(
    r"(?i)(?:styrelse|styrelsen|nämnd|nämnden|utskott|utskottet|fullmäktige|råd|rådet"
    r"|beredning|beredningen|direktion|direktionen|presidium|presidiet|delegation|delegationen)$"
)
# An organ deciding or proposing at the start of a line (`Finansutskottet beslutar`), or
# named after the verb (`… beslutar Hälso- och sjukvårdsutskottet`).
_DECIDER_RE = re.compile(
    r"(?m)^(?P<organ>[A-ZÅÄÖ][\w-]*(?:[ ]+(?:och|[\w-]+)){0,4}?)[ ]+(?:beslutar|föreslår)\b"
)
_DECIDER_AFTER_RE = re.compile(
    r"(?m)\bbeslutar[ ]+(?P<organ>[A-ZÅÄÖ][\w-]*(?:[ ]+(?:och|[\w-]+)){0,4}?)[ ]*$"
)
# A region's own name after `Region`: `Västernorrland`, `Jämtland Härjedalen` (all layouts).
_REGION_NAME = r"[A-ZÅÄÖ][a-zåäö]+(?:[ ][A-ZÅÄÖ][a-zåäö]+)?"
# A kommun's name before `kommun`: `Sundsvalls`, `Åre`.
_KOMMUN_NAME = r"[A-ZÅÄÖ][a-zåäö]+"
# `Region Västernorrland`, `Region Jämtland Härjedalen` (a second capitalised word).
_REGION_RE = re.compile(rf"\bRegion[ ]+(?P<name>{_REGION_NAME})")
# `Sundsvalls kommun`, `Åre kommun` (the kommun's own name, genitive as printed).
_KOMMUN_RE = re.compile(r"\b(?P<name>[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)[ ]+kommuns?\b")
# The body's own notice board names the body: `på Region Jämtland Härjedalens anslagstavla`.
_NOTICE_BOARD_RE = re.compile(
    rf"(?P<body>Region[ ]+{_REGION_NAME}|{_KOMMUN_NAME}[ ]+kommun)s?"
    r"[ ]+(?:officiella[ ]+|digitala[ ]+)?anslagstavla"
)
# Columns of a header line: tabs or runs of spaces (`Plats och tid\tStadshuset`).
_CELL_RE = re.compile(r"\t+| {2,}")
# Header cells that may hold the body: columns, or `Kommunstyrelsen, Björkås kommun`.
_HEADER_CELL_RE = re.compile(r"\t+| {2,}|,[ ]+")
_BODY_KINDS = frozenset({"kommun", "landsting"})
# A header line that is only the body's name.
_BODY_LINE_RE = re.compile(
    rf"^(?:Region[ ]+{_REGION_NAME}|{_KOMMUN_NAME}[ ]+kommun"
    rf"|{_KOMMUN_NAME}[ ]+landsting|[A-ZÅÄÖ][\w-]*regionen)$"
)
# A protocol's own dnr on a header line: `Dnr KS 2024/12`, `Diarienummer: 21HSN4`.
_HEADER_DNR_RE = re.compile(r"(?im)^(?:dnr|diarienummer)\b[ \t:.]*(?P<dnr>\S[^\t]*?)\s*$")
# Who adjusts, by label: `Utsetts att justera\tLennart Raswill (C)`, `Justerare: X`,
# `Justerande Lennart Raswill (C)` in a `Justerat av` block.
_ADJUSTER_LABEL_RE = re.compile(
    r"(?im)^(?:utses att justera|utsetts att justera|utsedd[a]? att justera|justerare"
    r"|justerande|protokollsjusterare)\b[ \t:]*(?P<rest>.*)$"
)
# In a `Val av justerare` item: `utse X (P) att jämte ordföranden justera`,
# `X (C) justerar protokollet`, `X (S) utses till justerare`, `X väljs att justera`.
_ADJUSTER_CLAUSE_RE = re.compile(
    rf"(?P<name>{NAME})(?:[ \t]*\([^)]{{1,8}}\))?\s+(?:att\s+jämte|jämte\s+ordf"
    r"|justerar\b|utses\b|väljs\b|vä ljs\b|föreslås\s+justera|att\s+justera)"
)
# Item titles that choose the justerare.
_ADJUSTER_TITLE_RE = re.compile(r"(?i)\bjuster(?:are|ing)\b|protokollsjusterare")
_ADJUSTER_TITLE_WORDS = ("juster",)  # in every match of _ADJUSTER_TITLE_RE
# Chair and secretary by label: `Ordförande Jonas Andersson (S)`, `Sekreterare Christian Åhrén`.
_CHAIR_LABEL_RE = re.compile(rf"(?m)^Ordförande\b[ \t:]*(?P<name>{NAME})")
# The label may stand in a column after another (`Underskrifter   Sekreterare   ……`).
_SECRETARY_LABEL_RE = re.compile(
    r"(?im)^(?:[^\t\n]*?(?:\t|[ ]{2,}))??(?:sekreterare|vid protokollet)\b"
    rf"[ \t:]*(?P<name>{NAME})?"
)
_NAME_LINE_RE = re.compile(rf"^[.…_ \t]*(?P<name>{NAME})(?:[ \t]*\([^)]*\))?[ \t]*$")
# Justering day: `Justeringen sker digitalt den 3 december`, `Protokollet justerat 2023-12-14`.
_ADJUSTED_RE = re.compile(
    r"(?im)(?:justering(?:en)?[ ]+(?:sker|skedde|äger[ ]+rum|har[ ]+skett|görs)\b"
    r"|^justeringens[ ]+plats[ ]+och[ ]+tid\b|^justeringsdatum\b|^datum[ ]+för[ ]+justering\b"
    r"|\bprotokollet[ ]+(?:är[ ]+)?justerat\b|^justerat[ ]+den\b"
    r"|^justeringens[ ]+plats\b|^justeringens(?=\t|[ ]{2,})"  # `(plats) och tid` wrapped
    r"|^justering(?:sdag)?(?=[ \t]*:|\t|[ ]{2,}))"  # `Justering: Kansliet, den 28 november`
    r"(?P<rest>[^\n]*)"
)
# ANSLAG/BEVIS box: `Datum för anslags uppsättande 2023-12-13`, `Anslaget tas ned 2024-01-04`.
_NOTICE_POSTED_RE = re.compile(
    r"(?i)(?:datum[ ]+för[ ]+anslag(?:ets|s)?[ ]+uppsättande|anslag(?:et)?[ ]+(?:sätts[ ]+upp"
    r"|uppsatt|publicerat|publiceras)|datum[ ]+då[ ]+anslaget[ ]+(?:sattes[ ]+upp|publicerades))"
    r"(?P<rest>[^\n]*)"
)
_NOTICE_REMOVED_RE = re.compile(
    r"(?i)(?:datum[ ]+för[ ]+anslag(?:ets|s)?[ ]+nedtagande|anslag(?:et)?[ ]+(?:tas[ ]+ned"
    r"|tas[ ]+bort|nedtaget)|datum[ ]+då[ ]+anslaget[ ]+(?:togs|tas)[ ]+(?:ned|bort))"
    r"(?P<rest>[^\n]*)"
)
# Where the date after a label stops: the next label on the same line.
_NEXT_LABEL_RE = re.compile(r"(?i)\bdatum\b|\banslag")
# Tail lines that carry the justerare's signatures.
_TAIL_ADJUST_RE = re.compile(r"(?im)^(?:justeras|justerande|justerare)\b")


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    """The meeting-level fields of a protocol, as far as the text states them."""

    body: str | None = None
    committee: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    protocol_dnr: str | None = None
    adjusters: tuple[str, ...] = ()
    chair: str | None = None
    secretary: str | None = None
    adjusted_on: dt.date | None = None
    notice_posted_on: dt.date | None = None
    notice_removed_on: dt.date | None = None


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    try:
        if match.group("y"):
            return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        month = MONTH_NAMES.index(match.group("month").lower()) + 1
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The first valid date in `text` (`2021-11-11`, `28 november 2024`), else None."""
    for match in DATE_RE.finditer(text):
        found = _date_from_match(match)
        if found is not None:
            return found
    return None


def _first_line_date(lines: list[str], start: int, limit: int) -> dt.date | None:
    for line in lines[start : start + limit]:
        if line.strip():
            found = parse_date(line)
            if found is not None:
                return found
    return None


def find_meeting_date(text: str) -> dt.date | None:
    """The meeting date: from a labelled line (`Tid:`, `Sammanträdesdatum`, `Datum`), or the
    first date under a `Sammanträdesdatum` label within a page header block."""
    by_label: dict[str, dt.date] = {}
    lines = text.split("\n")
    # The label opens a line: matching at each line start spares scanning every position.
    for line_no, line in enumerate(lines):
        match = _DATE_LABEL_RE.match(line) if line else None
        if match is None and "datum" in line:
            match = _COLUMN_DATE_LABEL_RE.search(line)
        if match is None:
            continue
        label = match.group("label").lower()
        found = parse_date(match.group("rest"))
        if found is None and label in {"sammanträdesdatum", "sammanträdesdag", "mötesdatum"}:
            found = _first_line_date(lines, line_no + 1, 6)
        if found is not None:
            by_label.setdefault(label, found)
    for label in ("sammanträdesdatum", "sammanträdesdag", "mötesdatum", "tid", "datum och tid"):
        if label in by_label:
            return by_label[label]
    for label in ("tid och plats", "plats och tid", "datum"):
        if label in by_label:
            return by_label[label]
    return _front_page_date(lines) or _running_header_date(lines)


def _front_page_date(lines: list[str]) -> dt.date | None:
    """The first date on a top line that names a weekday or the protocol itself."""
    for line in islice((line.strip() for line in lines if line.strip()), 15):
        if _DATED_LINE_RE.match(line) and (found := parse_date(line)):
            return found
    return None


def _running_header_date(lines: list[str]) -> dt.date | None:
    """A date printed alone on a line at the top of most pages (`Protokoll` / `2026-05-26`
    in Meetings Plus page headers): the commonest date-only line, seen at least twice."""
    counts: Counter[dt.date] = Counter()
    for line in lines:
        text = line.strip()
        if text[:1].isdigit() and len(text) <= 20 and DATE_RE.fullmatch(text):
            found = parse_date(text)
            if found is not None:
                counts[found] += 1
    ranked = [*counts.most_common(2), (None, 0), (None, 0)]
    (best, count), (_, runner_up) = ranked[0], ranked[1]
    return best if count >= 2 and count > runner_up else None


def _time(hour: str | None, minute: str | None) -> dt.time | None:
    if hour is None or minute is None:
        return None
    try:
        return dt.time(int(hour), int(minute))
    except ValueError:
        return None


def find_times(text: str) -> tuple[dt.time | None, dt.time | None]:
    """Start and end time from the `Tid`/`Plats och tid` lines (`kl 09.15-12.00`), the line
    under them (`Plats och tid  Nolhaga slott` / `kl. 14:00-16:15`), or else the first
    `kl 18:00-20:21` range on the front page, where the labels stand apart from their values."""
    for match in _DATE_LABEL_RE.finditer(text):
        if match.group("label").lower() in {"datum"}:
            continue
        below = text[match.end() :].split("\n", 2)[1:2]
        for rest in (match.group("rest"), *below):
            found = _TIME_RE.search(rest) or _BARE_TIME_RANGE_RE.search(rest)
            if found:
                return _times_of(found)
    front = text[:_FRONT_PAGE_CHARS].split("\f", 1)[0]
    for found in _TIME_RE.finditer(front):
        if found.group("h2"):
            return _times_of(found)
    return None, None


def _times_of(found: re.Match[str]) -> tuple[dt.time | None, dt.time | None]:
    return _time(found.group("h1"), found.group("m1")), _time(found.group("h2"), found.group("m2"))


def find_place(text: str) -> str | None:
    """The place from `Plats:` or `Plats och tid`, joined with a lower-case continuation line."""
    match = _PLACE_RE.search(text)
    if not match:
        return None
    place = match.group("place")
    following = text[match.end() :].split("\n", 2)
    if len(following) > 1 and following[1][:1].islower():
        place += " " + following[1]
    place = _TIME_RE.sub("", place)
    place = _BARE_TIME_RANGE_RE.sub("", place)
    place, dated = DATE_RE.subn("", place)
    place, named_day = _WEEKDAY_RE.subn("", place)
    place = " ".join(place.replace("\t", " ").split()).strip(" ,;")
    if dated or named_day:  # `den 25 november … i Folkets hus`, not `Den gamla skolan`
        place = _PLACE_TAIL_RE.sub("", _PLACE_LEAD_RE.sub("", place)).strip(" ,;")
    return place or None


def find_protocol_dnr(text: str, header: str) -> str | None:
    """The protocol's own dnr from the `Datum … Dnr … Sida` block or a `Dnr` header line."""
    match = DATUM_DNR_SIDA_RE.search(text)
    if match:
        return " ".join(match.group("dnr").split())
    match = _HEADER_DNR_RE.search(header)
    return " ".join(match.group("dnr").split()) if match else None


def is_organ_name(text: str) -> bool:
    """True for a short capitalised name ending in an organ word (`Finansutskottet`)."""
    text = " ".join(text.split())
    words = text.split(" ")
    if not text or not text[0].isupper() or len(words) > 8 or any(c.isdigit() for c in text):
        return False
    return bool(_ORGAN_WORD_RE.search(words[-1]))


_HEADER_LABELS = frozenset({"sammanträdesdatum", "protokoll sammanträdesdatum"})
_LONGEST_HEADER_LABEL = max(map(len, _HEADER_LABELS))


def _organ_in_header_block(lines: list[str]) -> str | None:
    """`Sammanträdesdatum` / organ lines / date: the organ as printed in a page header."""
    for index, line in enumerate(lines):
        label = line.strip()
        # Lower-casing never shortens a text: a longer line is no label, told without it.
        if len(label) > _LONGEST_HEADER_LABEL or label.lower() not in _HEADER_LABELS:
            continue
        words: list[str] = []
        for nxt in lines[index + 1 : index + 7]:
            cells = [c for c in _CELL_RE.split(nxt.strip()) if c]
            if not cells:
                continue
            organ_cells = [c for c in cells if not DATE_RE.fullmatch(c.strip())]
            words.extend(organ_cells)
            if len(organ_cells) < len(cells):
                break
        candidate = " ".join(" ".join(words).split())
        if is_organ_name(candidate):
            return candidate
    return None


def _organ_in_top_lines(lines: list[str]) -> str | None:
    """An organ name standing alone in a column of the first lines (`Kommunstyrelsen`),
    also wrapped over two lines (`Vård- och` / `omsorgsnämnden`)."""
    top = list(islice((line.strip() for line in lines if line.strip()), 15))
    for index, line in enumerate(top):
        cells = _CELL_RE.split(line)
        if line.endswith(("och", "-")) and index + 1 < len(top):
            cells.append(f"{line} {_CELL_RE.split(top[index + 1])[0]}")
        for cell in cells:
            if is_organ_name(cell) and not _DECIDER_RE.search(cell):
                return " ".join(cell.split())
    return None


def _as_written(organ: str, text: str) -> str:
    """`BARN- OCH UTBILDNINGSNÄMNDEN` as the text writes it elsewhere (`Barn- och
    utbildningsnämnden`), else with only its first letter capital."""
    if not organ.isupper():
        return organ
    pattern = r"\s+".join(re.escape(word) for word in organ.split())
    for match in re.finditer(pattern, text, re.IGNORECASE):
        if not match.group(0).isupper():
            return " ".join(match.group(0).split())
    return organ[:1] + organ[1:].lower()


def _inferred_decider(text: str) -> str | None:
    counts: Counter[str] = Counter()
    matches = [*_DECIDER_RE.finditer(text), *_DECIDER_AFTER_RE.finditer(text)]
    for match in matches:
        organ = match.group("organ")
        if is_organ_name(organ):
            counts[" ".join(organ.split())] += 1
    if not counts:
        return None
    (best, count), (_, runner_up) = [*counts.most_common(2), ("", 0)][:2]
    return best if count > runner_up else None


def find_committee(text: str, warnings: list[ParseWarning]) -> str | None:
    """The organ that met: stated (label, page header, top lines) or inferred from `X beslutar`."""
    match = _ORGAN_LABEL_RE.search(text)
    if match and is_organ_name(match.group("organ")):
        return " ".join(match.group("organ").split())
    lines = text.split("\n")
    stated = _organ_in_header_block(lines) or _organ_in_top_lines(lines) or _organ_met(lines)
    if stated:
        return _as_written(stated, text)
    inferred = _inferred_decider(text)
    if inferred:
        warnings.append(warn("committee_inferred", name=inferred))
    return inferred


def _meeting_sentence(lines: list[str]) -> re.Match[str] | None:
    for line in islice((line.strip() for line in lines if line.strip()), 15):
        if "ammanträde" in line and (match := _MEETING_OF_RE.search(line)):
            return match
    return None


def _organ_met(lines: list[str]) -> str | None:
    """The organ the protocol's own sentence names: `sammanträde med kommunstyrelsen`."""
    match = _meeting_sentence(lines)
    organ = match and (match.group("organ") or match.group("genitive"))
    organ = organ[:1].upper() + organ[1:] if organ else None
    return organ if organ and is_organ_name(organ) else None


def _drop_genitive(name: str, text: str) -> str:
    if name.endswith("s") and re.search(rf"\b{re.escape(name[:-1])}\b(?!s)", text):
        return name[:-1]
    return name


def _most_frequent(names: list[str]) -> str | None:
    counts = [*Counter(names).most_common(2), ("", 0), ("", 0)]
    (best, count), (_, runner_up) = counts[0], counts[1]
    return best if count >= 2 and count > runner_up else None


def _uncapitalized(cell: str) -> str:
    """`TALLMO KOMMUN` as `Tallmo kommun`: letterheads print the body in capitals."""
    if not cell.isupper():
        return cell
    return " ".join(
        word.lower() if word.lower() in _BODY_KINDS else word.capitalize() for word in cell.split()
    )


def find_body(text: str, committee: str | None, warnings: list[ParseWarning]) -> str | None:
    """The authority: a header line or its notice board, else the most named region/kommun."""
    for line in islice((line.strip() for line in text.split("\n") if line.strip()), 20):
        for cell in _HEADER_CELL_RE.split(line):
            cell = _uncapitalized(cell)
            if _BODY_LINE_RE.match(cell):
                return cell
    match = _NOTICE_BOARD_RE.search(text)
    if match:
        return _drop_genitive(" ".join(match.group("body").split()), text)
    met = _meeting_sentence(text.split("\n"))
    if met and met.group("body") and _BODY_LINE_RE.match(met.group("body")):
        return met.group("body")
    named = [f"Region {m.group('name')}" for m in matches_on_lines(_REGION_RE, text, "Region")]
    singular = {name: _drop_genitive(name, text) for name in set(named)}
    regions = [singular[name] for name in named]
    kommuner = [f"{m.group('name')} kommun" for m in matches_on_lines(_KOMMUN_RE, text, "kommun")]
    kommun_organ = committee is not None and "kommun" in committee.lower()
    candidates = (kommuner, regions) if kommun_organ or not regions else (regions,)
    for names in candidates:
        best = _most_frequent(names)
        if best:
            warnings.append(warn("body_inferred", name=best))
            return best
    return None


def _names_in(text: str) -> list[str]:
    return [" ".join(m.group(0).split()) for m in re.finditer(NAME, text)]


def _add_unique(target: list[str], names: Sequence[str]) -> None:
    for name in names:
        if name not in target:
            target.append(name)


def find_adjusters(
    header: str, tail: str, items: Sequence[tuple[int, str]], chair: str | None
) -> list[str]:
    """Justerare from header labels, the `Val av justerare` item, or the tail's signatures."""
    found: list[str] = []
    for match in _ADJUSTER_LABEL_RE.finditer(header):
        _add_unique(found, _names_in(match.group("rest")))
    for _number, text in items:
        title = " ".join(text.split("\n", 3)[:3])
        if not _is_adjuster_title(title):
            continue
        clauses = _ADJUSTER_CLAUSE_RE.finditer(text)
        _add_unique(found, [" ".join(m.group("name").split()) for m in clauses])
    if not found:
        match = _TAIL_ADJUST_RE.search(tail)
        if match:
            signed = tail[match.end() :].split("Vid protokollet")[0]
            _add_unique(found, [n for n in _names_in(signed) if n != chair])
    return found


def _is_adjuster_title(title: str) -> bool:
    # The word test first spares most titles the pattern's scan.
    folded = fold_case(title)
    return may_contain(folded, _ADJUSTER_TITLE_WORDS) and bool(_ADJUSTER_TITLE_RE.search(title))


def find_chair(text: str, attendees: Sequence[Attendee]) -> str | None:
    """The chair: the attendee marked ordförande, else an `Ordförande <Name>` line."""
    for attendee in attendees:
        if attendee.role == "ordförande":
            return attendee.name
    match = _CHAIR_LABEL_RE.search(text)
    return " ".join(match.group("name").split()) if match else None


def find_secretary(text: str, attendees: Sequence[Attendee]) -> str | None:
    """The secretary: the attendee marked sekreterare, else `Sekreterare X` / `Vid protokollet`."""
    for attendee in attendees:
        if attendee.role == "sekreterare":
            return attendee.name
    lines = text.split("\n")
    for match in _SECRETARY_LABEL_RE.finditer(text):
        if match.group("name"):
            return " ".join(match.group("name").split())
        line_no = text.count("\n", 0, match.start())
        for nxt in lines[line_no + 1 : line_no + 5]:
            name = _NAME_LINE_RE.match(nxt.strip())
            if name:
                return " ".join(name.group("name").split())
    return None


def _date_in_rest(rest: str) -> dt.date | None:
    cut = _NEXT_LABEL_RE.search(rest)
    return parse_date(rest[: cut.start()] if cut else rest)


def _year_for(month: int, meeting: dt.date) -> int:
    return meeting.year + 1 if month < meeting.month else meeting.year


def find_adjusted_on(
    text: str, meeting: dt.date | None, warnings: list[ParseWarning]
) -> dt.date | None:
    """The justering date; a day and month alone take the year from the meeting date."""
    for match in matches_on_lines(_ADJUSTED_RE, text, "juster", fold=True):
        rest = match.group("rest")
        found = _date_in_rest(rest)
        if found:
            return found
        day_month = _DAY_MONTH_RE.search(rest)
        if day_month and meeting is not None:
            month = MONTH_NAMES.index(day_month.group("month").lower()) + 1
            try:
                found = dt.date(_year_for(month, meeting), month, int(day_month.group("day")))
            except ValueError:
                continue
            warnings.append(warn("adjusted_on_without_year", date=found.isoformat()))
            return found
    return None


def matches_on_lines(
    pattern: re.Pattern[str], text: str, needle: str, *, fold: bool = False
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that never spans lines, tried only on the
    lines holding `needle` (lower-cased with `fold`): scanning a whole protocol with a
    case-insensitive alternation costs milliseconds, a substring test almost nothing."""
    for line in text.split("\n"):
        if needle in (line.lower() if fold else line):
            yield from pattern.finditer(line)


def _notice_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    return matches_on_lines(pattern, text, "anslag", fold=True)


def find_notice_dates(text: str) -> tuple[dt.date | None, dt.date | None]:
    """The ANSLAG/BEVIS dates: when the notice was posted and when it is taken down."""
    posted = next(
        (d for m in _notice_matches(_NOTICE_POSTED_RE, text) if (d := _date_in_rest(m["rest"]))),
        None,
    )
    removed = next(
        (d for m in _notice_matches(_NOTICE_REMOVED_RE, text) if (d := _date_in_rest(m["rest"]))),
        None,
    )
    if posted is None or removed is None:
        wrapped_posted, wrapped_removed = _wrapped_notice_dates(text)
        posted, removed = posted or wrapped_posted, removed or wrapped_removed
    return posted, removed


def _wrapped_notice_dates(text: str) -> tuple[dt.date | None, dt.date | None]:
    """Dates whose labels wrap onto the next line in columns, as the box of the common
    template prints them: `Datum då anslaget  2025-03-18   Datum då anslaget  2025-04-09`
    over `sätts upp                                tas ned`. Each label is read whole from
    its own cell and the words under it."""
    posted = removed = None
    lines = text.split("\n")
    for line, below in pairwise(lines):
        if "anslag" not in line.lower():
            continue
        for date_match in DATE_RE.finditer(line):
            label_start = _cell_start_before(line, date_match.start())
            columns = slice(label_start, date_match.start())
            label = " ".join(f"{line[columns]} {below[columns]}".split())
            found = _date_from_match(date_match)
            if _NOTICE_POSTED_RE.search(label):
                posted = posted or found
            elif _NOTICE_REMOVED_RE.search(label):
                removed = removed or found
    return posted, removed


def _cell_start_before(line: str, end: int) -> int:
    """Where the column that ends at `end` starts: after the previous gap of a tab or two spaces."""
    gaps = [match.end() for match in _CELL_RE.finditer(line, 0, end) if match.end() < end]
    return gaps[-1] if gaps else 0


def read_meeting(
    text: str,
    *,
    header: str = "",
    tail: str = "",
    items: Sequence[tuple[int, str]] = (),
    attendees: Sequence[Attendee] = (),
    date: dt.date | None,
) -> tuple[MeetingInfo, list[ParseWarning]]:
    """Every meeting field, from the normalized full `text` and the segmented parts.

    `text` still holds the page headers (the organ and date often live only there);
    `header`, `tail` and `items` are the cleaned parts from segmentation; `date` is
    `find_meeting_date(text)`, read once by the caller, who cleans the text with it.
    """
    warnings: list[ParseWarning] = []
    if date is None:
        warnings.append(warn("no_meeting_date"))
    committee = find_committee(text, warnings)
    start, end = find_times(text)
    chair = find_chair(header + "\n" + tail, attendees)
    posted, removed = find_notice_dates(text)
    info = MeetingInfo(
        body=find_body(text, committee, warnings),
        committee=committee,
        date=date,
        start_time=start,
        end_time=end,
        place=find_place(text),
        protocol_dnr=find_protocol_dnr(text, header),
        adjusters=tuple(find_adjusters(header, tail, items, chair)),
        chair=chair,
        secretary=find_secretary(header + "\n" + tail, attendees),
        adjusted_on=find_adjusted_on(text, date, warnings),
        notice_posted_on=posted,
        notice_removed_on=removed,
    )
    return info, warnings
