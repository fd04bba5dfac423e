"""The attendance list of a protocol's header → `Attendee` records.

Layouts handled: name and role on separate lines under group headings (`Ledamöter`,
`Tjänstgörande ersättare`, `Tjänstepersoner` …); tab- or space-separated columns
(`Viktoria Jansson (M)\\tOrdförande`); one long line of `Name (P) (Municipality) §§70-76`
entries; `för X` substitutes inline or on the next line; officials with a title
(`Kurt Pettersson` / `Hälso- och sjukvårdsdirektör`).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .people import KNOWN_PARTIES, NAME, normalize_party
from .records import Attendee, ParseWarning
from .warning_codes import warn

ORDFORANDE = "ordförande"
VICE_ORDFORANDE = "vice ordförande"
LEDAMOT = "ledamot"
TJANSTGORANDE_ERSATTARE = "tjänstgörande ersättare"
ERSATTARE = "ersättare"
TJANSTEPERSON = "tjänsteperson"
SEKRETERARE = "sekreterare"
JUSTERARE = "justerare"
OVRIG = "övrig närvarande"

# Group headings of attendance lists and the role they give their members; the heading
# may stand alone, end in `:`, be followed by a tab column, or be glued to the first name
# (`TjänstepersonerMaria Strandberg`).
_GROUPS: tuple[tuple[str, str], ...] = (
    (r"tjänstgörande\s+ersättare", TJANSTGORANDE_ERSATTARE),
    (r"(?:ej|icke|inte)\s+tjänstgörande\s+ersättare", ERSATTARE),
    (r"(?:övriga|närvarande|övriga\s+närvarande)\s+ersättare", ERSATTARE),
    (r"ersättare", ERSATTARE),
    (r"(?:beslutande|närvarande|ordinarie)\s+ledamöter|beslutande|ledamöter", LEDAMOT),
    (
        r"tjänstepersoner|tjänstemän|tjänsteman|närvarande\s+tjänstepersoner|föredragande",
        TJANSTEPERSON,
    ),
    (
        r"övriga\s+närvarande|övriga\s+deltagare|övriga\s+deltagande|närvarande\s+övriga|övriga",
        OVRIG,
    ),
    (r"sekreterare", SEKRETERARE),
)
_GROUP_ALTERNATION = "|".join(f"(?P<g{i}>{pattern})" for i, (pattern, _) in enumerate(_GROUPS))
_GROUP_RE = re.compile(
    rf"^(?:{_GROUP_ALTERNATION})"
    r"(?:[ \t]*:[ \t]*|\t+[ \t]*| {2,}|[ ]?(?=(?-i:[A-ZÅÄÖ]))|[ \t]*$)",
    re.I,
)
# A heading alone on its line, possibly wrapped (`Ej tjänstgörande` / `ersättare`).
_LONE_GROUP_RE = re.compile(rf"^(?:{_GROUP_ALTERNATION})[ \t]*:?$", re.I)
# Where a list says it goes on elsewhere: `Beslutande ledamöter: Se nästa sida`.
_SEE_NEXT_RE = re.compile(r"(?i)^se\s+(?:nästa|följande)\s+sida\.?$")
# The word that opens an attendance list without a group (`NÄRVARANDE`, `Närvarande:`).
_START_RE = re.compile(r"(?i)^närvarande[ \t]*:?[ \t]*$")
# Lines that end the list: what follows attendance in headers (information items,
# justering, anslag, page labels) or any line ending in a colon.
_STOP_RE = re.compile(
    r"(?i)^(?:inför\b|information|utses\b|utsetts\b|utsedd|justering|justerat\b|justerare\b"
    r"|protokollet\b|paragrafer\b|underskrifter|anslag|ärendelista|dagordning"
    r"|föredragningslista|organ\b|sammanträdesdatum|plats\b|tid\b|§"
    r"|(?:ej\s+närvarande|frånvarande|anmält\s+förhinder)\b)"  # the absent are no attendees
)
# Role words inside an entry: `(Ordförande)`, `, 1:e vice ordförande`, `v ordf.`, `sekreterare`.
_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    (
        r"(?:\d:e|förste|första|andre|andra)?\s*(?:vice\s*|v\.\s*|v\s+)ordf(?:örande|\.)?",
        VICE_ORDFORANDE,
    ),
    (r"ordf(?:örande|\.)?", ORDFORANDE),
    (r"tjänstgörande\s+ersättare", TJANSTGORANDE_ERSATTARE),
    (r"ersättare", ERSATTARE),
    (r"ledamot", LEDAMOT),
    (r"(?:nämnd|kommun|region)?sekreterare|protokollförare", SEKRETERARE),
    (r"justerare", JUSTERARE),
)
# Roles that may stand alone on the line under a name (`Lena Asplund (M)` / `Ordförande`);
# `Ersättare` or `Ledamöter` alone are group headings instead.
_LINE_ROLES = frozenset({"ordförande", "vice ordförande", "sekreterare", "justerare"})
_ROLE_RE = re.compile(
    r"^(?:" + "|".join(f"(?P<r{i}>{pattern})" for i, (pattern, _) in enumerate(_ROLE_WORDS)) + r")"
    r"(?=$|[\s,;.)])",
    re.I,
)
# Tokens of an entry: a parenthesis, a § range note, a name, the word `för`, other words.
_TOKEN_RE = re.compile(
    r"\((?P<paren>[^()]*)\)"
    r"|(?P<paras>§§?[ \t]*\d+(?:[ \t]*[-–][ \t]*\d+)?(?:[ \t]*(?:,|och)[ \t]*(?:§§?[ \t]*)?\d+"
    r"(?:[ \t]*[-–][ \t]*\d+)?)*)"
    rf"|(?P<name>{NAME})(?![\w-])"
    r"|(?P<for>\b(?:för|ersätter|ersättare\s+för|tjänstgör\s+för)\b)"
    r"|(?P<word>[^\s()]+)"
)
# A parenthesis naming a region, kommun or landsting: the municipality represented.
_MUNICIPALITY_RE = re.compile(r"(?i)\bkommun\b|^region\b|\blandsting\b|regionen$")
# Party codes: known ones, all-capital codes, or older lower-case `(s)`.
_PARTY_CODE_RE = re.compile(r"^(?:[A-ZÅÄÖ]{1,6}|[a-zåäö]{1,3}|-)$")
_CELL_RE = re.compile(r"\t+| {2,}")
# The words that put a substitute in a member's place, not merely name whose ersättare.
_SERVING_RE = re.compile(r"(?i)ersätter|tjänstgör")
_MAX_LIST_WORDS = 16
# How an official's title ends, when printed before the name (`Ekonomichef Anna Berg`).
_TITLE_RE = re.compile(
    r"(?i)(?:chef|direktör|sekreterare|strateg|handläggare|controller|utvecklare|ansvarig"
    r"|samordnare|jurist|ekonom|konsult|rådgivare|tekniker|pedagog|kommunikatör|arkitekt"
    r"|ingenjör|planerare|inspektör|revisor|assistent|specialist|rektor|läkare)$"
)


# A roster printed as a table with a presence column: `Ledamöter   Parti   Närvarande`, each
# row marked `x` (or `ja`) when present; a serving substitute's row says so instead.
_COLUMN_HEADING_RE = re.compile(
    r"(?i)^(?:parti|roll|funktion|uppdrag|närvarande|närv\.?|närvaro|deltar|deltog|tjänstgör"
    r"|ersättare|kommentar|anteckning)$"
)
_PRESENCE_HEADING_RE = re.compile(r"(?i)^(?:närvarande|närv\.?|närvaro|deltar|deltog)$")
_PRESENT_MARK_RE = re.compile(r"(?i)(?:^|\s)(?:x|✓|✔|ja|närv(?:arande)?)(?=$|\s)")


def _is_marked_present(row: str) -> bool:
    """True when a roster row carries a presence mark, or serves in a member's place."""
    return bool(_PRESENT_MARK_RE.search(row) or _SERVING_RE.search(row))


@dataclass
class _Entry:
    name: str
    party: str | None = None
    role: str | None = None
    substitute_for: str | None = None
    municipality: str | None = None
    notes: list[str] = field(default_factory=list)
    group: str | None = None
    serving: bool = False  # `ersätter X`, `tjänstgör för X`: in a member's place


def _split_title(words: list[str]) -> tuple[list[str], str]:
    """`Ekonomichef Anna Berg`: the title printed before a name, and the name."""
    if len(words) > 2 and _TITLE_RE.search(words[0]):
        return [words[0]], " ".join(words[1:])
    return [], " ".join(words)


def _group_role(match: re.Match[str]) -> str:
    for index, (_, role) in enumerate(_GROUPS):
        if match.group(f"g{index}"):
            return role
    raise AssertionError("group regex matched without a group")  # pragma: no cover


def _role_of(text: str) -> tuple[str | None, str]:
    """The role a phrase opens with, and the rest of the phrase."""
    match = _ROLE_RE.match(text.strip(" ,;"))
    if not match:
        return None, text
    for index, (_, role) in enumerate(_ROLE_WORDS):
        if match.group(f"r{index}"):
            return role, text.strip(" ,;")[match.end() :]
    return None, text  # pragma: no cover


def _label_role(words: list[str]) -> str | None:
    """The role of a label before a name (`Ordförande: Anna Berg (S)`), or None: only
    words ending in a colon are a label, not a role trailing the previous name."""
    phrase = " ".join(words).strip()
    if not phrase.endswith(":"):
        return None
    role, rest = _role_of(phrase.rstrip(":").strip())
    return role if role and not rest.strip(" ,;") else None


def _is_party(code: str) -> bool:
    return code.upper() in KNOWN_PARTIES or bool(_PARTY_CODE_RE.match(code))


class _Reader:
    """Reads attendance lines one by one, keeping the current group and entry."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.group: str | None = None
        self.current: _Entry | None = None
        self.warnings: list[ParseWarning] = []
        self.presence_column = False

    def heading(self, line: str) -> str:
        """Take a group heading off the front of `line`; return what follows it.

        Column headings after it (`Ledamöter   Parti   Närvarande`) are no entries; with a
        presence column, its rows without a mark are the absent (`_is_marked_present`).
        """
        match = _GROUP_RE.match(line)
        if not match:
            return line
        self.group = _group_role(match)
        self.current = None
        rest = line[match.end() :].strip()
        columns = [cell.strip() for cell in _CELL_RE.split(rest) if cell.strip()]
        self.presence_column = (
            bool(columns)
            and all(_COLUMN_HEADING_RE.match(cell) for cell in columns)
            and any(_PRESENCE_HEADING_RE.match(cell) for cell in columns)
        )
        return "" if self.presence_column else rest

    def read_line(self, line: str, after_name: bool) -> None:
        """Read one line; `after_name` tells that the previous line named a person."""
        role, rest = _role_of(line.strip())
        current = self.current
        lone_role = after_name and role in _LINE_ROLES and not rest.strip()
        if lone_role and current is not None and current.role is None:
            current.role = role
            return
        rest = self.heading(line.strip())
        if _SEE_NEXT_RE.match(rest):  # `Beslutande ledamöter: Se nästa sida`
            return
        count = len(self.entries)
        for cell in _CELL_RE.split(rest):
            if cell.strip():
                self._read_cell(cell.strip())
        if self.presence_column and len(self.entries) > count and not _is_marked_present(rest):
            del self.entries[count:]  # a member's row with the presence column left empty
            self.current = None

    def _read_cell(self, cell: str) -> None:
        words: list[str] = []
        pending_for = False  # `för` seen: a name next is the member substituted for
        substitute_party = False  # the substituted member's party follows their name
        in_for_note = False  # `för vakant (C)`: the rest belongs to a note
        for token in _TOKEN_RE.finditer(cell):
            kind = token.lastgroup
            if kind == "name" and pending_for and self.current is not None:
                self.current.substitute_for = " ".join(token.group("name").split())
                pending_for, substitute_party = False, True
                continue
            if kind == "paren" and substitute_party and _is_party(token.group("paren").strip()):
                substitute_party = False
                continue
            substitute_party = False
            if kind == "name":
                label = _label_role(words)
                if label is None:
                    self._finish_words(words)
                words, in_for_note = [], False
                title, name = _split_title(token.group("name").split())
                self.current = _Entry(name=name, group=self.group, notes=title)
                self.current.role = label or (_role_of(title[0])[0] if title else None)
                self.entries.append(self.current)
            elif kind == "for" and self.current is not None:
                pending_for = True
                self.current.serving |= bool(_SERVING_RE.match(token.group(0)))
            elif kind == "paren" and not in_for_note:
                self._paren(token.group("paren").strip())
            else:
                if pending_for:
                    words.append("för")
                    pending_for, in_for_note = False, True
                words.append(token.group(0))
        if pending_for:
            words.append("för")
        self._finish_words(words)

    def _paren(self, content: str) -> None:
        entry = self.current
        if entry is None:
            return
        role, rest = _role_of(content)
        if _is_party(content) and entry.party is None:
            entry.party = normalize_party(content)
        elif role and not rest.strip():
            entry.role = role
        elif _MUNICIPALITY_RE.search(content) and entry.municipality is None:
            entry.municipality = content
        else:
            entry.notes.append(content)

    def _finish_words(self, words: list[str]) -> None:
        phrase = " ".join(words).strip(" ,;")
        if not phrase or (self.presence_column and _PRESENT_MARK_RE.fullmatch(phrase)):
            return
        if self.current is None:
            self.warnings.append(warn("attendance_text_ignored", text=phrase))
            return
        role, rest = _role_of(phrase)
        if role:
            if role == VICE_ORDFORANDE and not phrase.lower().startswith("vice"):
                self.current.notes.append(phrase.split(" vice")[0].strip() + " vice ordförande")
            self.current.role = role
            phrase = rest.strip(" ,;")
        if phrase and self.current.party is None and phrase.upper() in KNOWN_PARTIES - {"-"}:
            self.current.party = phrase.upper()  # a column of its own: `Anna Berg  S  Ledamot`
            return
        if phrase:
            self.current.notes.append(phrase)


def _attendance_lines(header: str) -> list[str]:
    """The header lines of every attendance list: from a group heading to the first line
    after the list, as often as lists start (`Se nästa sida` sends the reader on)."""
    block: list[str] = []
    inside = False
    for text in _joined_headings([line.strip() for line in header.split("\n")]):
        if not text or _SEE_NEXT_RE.match(text):
            continue
        group = _GROUP_RE.match(text)
        if group or _START_RE.match(text):
            rest = text[group.end() :].strip() if group else ""
            if inside or _may_open_list(group, rest):
                block.append(text)
                inside = True
                continue
        if _STOP_RE.match(text) or text.endswith(":") or len(text.split()) > _MAX_LIST_WORDS:
            inside = False
        elif inside:
            block.append(text)
    return block


def _joined_headings(lines: list[str]) -> list[str]:
    """Join a group heading wrapped over two lines (`Ej tjänstgörande` / `ersättare`)."""
    joined: list[str] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        pair = f"{line} {following}"
        if following and not _LONE_GROUP_RE.match(line) and _LONE_GROUP_RE.match(pair):
            joined.append(pair)
            skip = True
        else:
            joined.append(line)
    return joined


def _may_open_list(group: re.Match[str] | None, rest: str) -> bool:
    """Whether a heading outside the lists opens one: `Sekreterare X` in a signature block
    and `Ersättare: X` under `Utses att justera` (the adjuster's stand-in) do not."""
    if group is None:
        return True
    if _group_role(group) == SEKRETERARE:
        return False
    return not (rest and group.group(0).strip(" \t:").lower() == "ersättare")


def _to_attendee(entry: _Entry) -> Attendee:
    role = entry.role or entry.group
    if role is None:
        role = LEDAMOT if entry.party else None
    if entry.substitute_for and (role in (None, LEDAMOT) or (entry.serving and role == ERSATTARE)):
        role = TJANSTGORANDE_ERSATTARE  # `X (P) ersätter Y (P)` among the members
    notes = [" ".join(note.split()) for note in entry.notes if note.strip()]
    return Attendee(
        name=entry.name,
        party=entry.party,
        role=role,
        substitute_for=entry.substitute_for,
        municipality=entry.municipality,
        note="; ".join(notes) or None,
    )


def read_attendance(header: str) -> tuple[list[Attendee], list[ParseWarning]]:
    """Every person listed as present in the header, with party, role and notes."""
    reader = _Reader()
    after_name = False
    for line in _attendance_lines(header):
        if _START_RE.match(line):
            continue
        count = len(reader.entries)
        reader.read_line(line, after_name)
        after_name = len(reader.entries) > count
    attendees = _merge_repeated([_to_attendee(entry) for entry in reader.entries])
    warnings = list(reader.warnings)
    if not attendees:
        warnings.append(warn("no_attendance"))
    return attendees, warnings


def _merge_repeated(attendees: list[Attendee]) -> list[Attendee]:
    """One attendee per name: a person listed twice (an ersättare who serves for some §§)
    keeps the first listing, with the later one's note added."""
    merged: dict[str, Attendee] = {}
    for attendee in attendees:
        first = merged.get(attendee.name)
        if first is None:
            merged[attendee.name] = attendee
            continue
        extra = "; ".join(n for n in (attendee.role, attendee.note) if n)
        note = "; ".join(n for n in (first.note, extra) if n) or None
        merged[attendee.name] = dataclasses.replace(
            first,
            party=first.party or attendee.party,
            substitute_for=first.substitute_for or attendee.substitute_for,
            note=note,
        )
    return list(merged.values())
