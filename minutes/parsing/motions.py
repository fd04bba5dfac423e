"""What happened in the meeting around a decision: yrkanden, voteringar, reservations, notes.

Input is the non-descriptive blocks of one § (heading or None, lines); descriptive sections
(Ärendebeskrivning, Beslutsunderlag, …) are left out by the caller so a case description
that mentions a motion is not read as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from .people import NAME, PARTY_BY_NAME, PERSON_WITH_PARTY_RE, normalize_party
from .records import Note, ParseWarning, PersonRef, Reservation, Vote, Yrkande
from .text import fold_case, may_contain, split_paragraphs, split_sentences, strip_markup
from .votelists import VoteList, find_vote_lists, is_list_title, may_hold_vote_list, tally
from .warning_codes import warn

# Words printed before a name that are not part of it: `Ordförande Lena Asplund (M)`.
_NOT_NAME_WORDS = frozenset(
    {
        "ordförande", "ordföranden", "vice", "ledamot", "ledamoten", "ersättare",
        "ersättaren", "tjänstgörande", "även", "dessutom", "också", "samt", "och", "då",
        "att", "med", "mot", "för", "både", "kommunalråd", "kommunalrådet", "regionråd",
        "regionrådet", "oppositionsrådet", "gruppledare", "gruppledaren", "vidare",
        "slutligen", "sedan", "därefter", "härefter", "under", "noteras", "beslut",
    }
)  # fmt: skip
# A name without a party at the start of a sentence: `Håkan Andersson deltar ej i beslutet`.
_BARE_SUBJECT_RE = re.compile(
    rf"^(?P<name>{NAME})\s+(?:deltar|anmäler|avstår|reserverar|yrkar|yrkade|lämnar|får)\b"
)
# A motion in the meeting: `X (S) och Y (V) yrkar bifall till …` (all layouts).
YRKAR_RE = re.compile(r"\b(?:yrkar|yrkade)\b")
# Headings under which members' motions stand.
_MOTION_HEADINGS = frozenset(
    {"yrkande", "yrkanden", "tilläggsyrkande", "ändringsyrkande", "återremissyrkande",
     "avslagsyrkande"}
)  # fmt: skip
# A motion printed as `Per Holm (M): att …` or `Per Holm (M) och Eva Lind (C): …`.
_MOVED_BY_RE = re.compile(r"^(?P<who>[^:]{3,200}\))\s*:\s*(?P<what>\S.*)$", re.DOTALL)
# A member's proposal at the meeting: `X (C) föreslår att motionen bifalls`.
PROPOSES_RE = re.compile(r"\bföreslår\b")
# What may stand between the names of those who move together: `, `, `och`, `samt`.
_ONLY_JOINERS_RE = re.compile(r"[\s,]*(?:(?:och|samt)[\s,]*)*")
# What a yrkande is for: `bifall till motionen`, `bifall på motionen`, `avslag`, `återremiss`.
_TARGET_RE = re.compile(r"\bbifall\s+(?:till|på|för)\s+(?P<t>[^.,;:]+)", re.IGNORECASE)
_TARGET_WORDS_RE = re.compile(r"\b(avslag|återremi\w*|tillägg\w*|bordlägg\w*)", re.IGNORECASE)
# How the chair read the outcome: `finner att beredningens förslag bifalles`,
# `finner att utskottet beslutar enligt liggande förslag`, `har alltså beslutat enligt …`.
_OUTCOME_RE = re.compile(
    r"\bfinner\b(?P<a>[^.]*)|\bbeslut(?:ar|at)\s+(?:[\wåäö]+\s+){0,5}?enligt\b(?P<b>[^.]*)"
    r"|\bbifallit\b(?P<c>[^.]*)",
    re.IGNORECASE,
)
# An outcome that only points back at what was put to the meeting: `finner det bifallet`,
# `finner att det bifalls`, `finner detta antaget`.
_REFERS_BACK_RE = re.compile(
    r"(?:att\s+)?(?:det|detta|den|denna)\s+(?:är\s+|vara\s+)?(?:bifall|antag|godk)",
    re.IGNORECASE,
)
# What the chair put to the meeting: `ställer proposition på förslaget och finner …`.
_PUT_RE = re.compile(r"\bproposition\s+på\s+(?P<what>[^.]*?)\s+och\s+finner\b", re.IGNORECASE)
# Words every outcome holds, tested before the pattern scans a sentence.
_OUTCOME_WORDS = ("finner", "beslut", "bifallit")
_PROPOSAL_NAMED_RE = re.compile(r"\bförslag|\byrkande|\bmotion", re.IGNORECASE)
# A votering: `Votering begärs och genomförs`, `Omröstning begärs` (all layouts).
VOTE_RE = re.compile(r"\bvotering|\bomröstning|\bja-röst|\bnej-röst", re.IGNORECASE)
# Words every match of VOTE_RE, _YES_RE or _TALLY_RE holds, tested before their scans.
_VOTE_TEXT_WORDS = ("votering", "röst", "nej")  # `nej`: in every tally (`Ja 7, Nej 4`)
_YES_RE = re.compile(r"(\d+)\s+ja(?:-|\s)?röst|ja(?:-|\s)?röster\s*:?\s*(\d+)", re.IGNORECASE)
_NO_RE = re.compile(r"(\d+)\s+nej(?:-|\s)?röst|nej(?:-|\s)?röster\s*:?\s*(\d+)", re.IGNORECASE)
_ABSTAIN_RE = re.compile(
    r"(\d+)\s+(?:ledamot\s+|ledamöter\s+)?(?:som\s+avstår|avstår|avstående|avstod|nedlagda)"
    r"|avstår\s*:\s*(\d+)",
    re.IGNORECASE,
)
# The result in votes for and against: `Med 8 röster mot 4 beslutar nämnden att bifalla`,
# `utföll med tjugosju röster mot tjugotvå`: the winning side first, read as the yes.
_VOTES_AGAINST_RE = re.compile(r"\bmed\s+(?P<yes>\d+)\s+röster\s+mot\s+(?P<no>\d+)", re.IGNORECASE)
# A tally printed as a table row: `Ja: 23, Nej: 22`, `Ja 7, Nej 2, Avstår 2`; Lomma's
# `Avslag: 6` stands where `Avstår` is meant (a warning says so).
_TALLY_RE = re.compile(
    r"\bja\s*:?\s*(?P<yes>\d+)\s*[,;]?\s*nej\s*:?\s*(?P<no>\d+)"
    r"(?:\s*[,;]?\s*(?P<word>avstår|avstående|avstod|avslag)\s*:?\s*(?P<abstain>\d+))?",
    re.IGNORECASE,
)
# The same with the counts first: `Omröstningsresultat: 5 ja, 4 nej`, `7 ja och 4 nej, 2
# avstår` (a `ja-röster` sentence is read by _YES_RE and _NO_RE).
_TALLY_COUNTS_FIRST_RE = re.compile(
    r"(?P<yes>\d+)\s+ja\b(?!-)\s*[,;]?\s*(?:och\s+)?(?P<no>\d+)\s+nej\b(?!-)"
    r"(?:\s*[,;]?\s*(?:och\s+)?(?P<abstain>\d+)\s+(?P<word>avstår|avstående|avstod|nedlagda))?",
    re.IGNORECASE,
)
# Counts written in words before what they count: `åtta ja-röster`, `tjugotre röster`.
_UNITS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
    "sexton": 16, "sjutton": 17, "arton": 18, "nitton": 19, "noll": 0,
}  # fmt: skip
_TENS = {
    "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70,
    "åttio": 80, "nittio": 90,
}  # fmt: skip
_NUMBER_WORD = rf"(?=\w)(?P<tens>{'|'.join(_TENS)})?(?P<unit>{'|'.join(_UNITS)})?\b"
_NUMBER_WORD_RE = re.compile(
    rf"\b{_NUMBER_WORD}(?=\s+(?:ja|nej|röst|avst|nedlagd|ledam))", re.IGNORECASE
)
# A count in words after `mot` (`8 röster mot fyra`).
_AGAINST_NUMBER_WORD_RE = re.compile(rf"(?<=\bmot ){_NUMBER_WORD}", re.IGNORECASE)
# A second votering in the same § starts with its request: `Votering begärs`.
_VOTE_REQUESTED_RE = re.compile(r"\bvotering\s+begärs|\bomröstning\s+begärs", re.IGNORECASE)
# `ordförandens utslagsröst` decides a tied vote (kommunallagen 5 kap. 60 §).
_CASTING_RE = re.compile(r"utslagsröst", re.IGNORECASE)
# A printed roll with the vote as a word: `Anna Ek (S)   Ja`, `Bo Berg (M): Nej`.
_ROLL_WORD_RE = re.compile(
    r"^(?P<who>[^\t:]+?)\s*(?::|\t+|\s{2,}|\s)\s*(?P<vote>ja|nej|avstår|avstod|avstående)\s*$",
    re.IGNORECASE,
)
# Reservations: `X (SD) reserverar sig mot beslutet`, `skriftlig reservation`.
RESERVES_RE = re.compile(
    r"\breserver(?:ar|ade)\s+sig\b"
    r"|\blämnar\s+(?:in\s+)?(?:en|följande)\s+(?:skriftlig\w*\s+)?reservation",
    re.IGNORECASE,
)
_RESERVES_WORDS = ("reserv",)  # in every match of RESERVES_RE
_REASON_RE = re.compile(r"\b(?:till\s+förmån\s+för|med\s+hänvisning\s+till)\b[^.;]*", re.IGNORECASE)
_CONCURRING_RE = re.compile(
    r",?\s*\bmed\s+instämmande\s+(?:av|från)\b(?P<who>[^.;]*)", re.IGNORECASE
)
# The same persons named inside a yrkande (`yrkar, med instämmande av Y (C) och Z (V),
# bifall …`): each a name and a parenthesis, so what was moved is left.
_CONCURRING_PERSONS_RE = re.compile(
    r",?\s*\bmed\s+instämmande\s+(?:av|från)\s+[^.;()]*\([^()]*\)"
    r"(?:\s*(?:,|och)\s*[^.;(),]*\([^()]*\))*\s*,?",
    re.IGNORECASE,
)
# A member joining a motion in a sentence of their own: `Mia Lund (SD) instämmer i Anna
# Holms yrkande`, `Per Ek (M) instämmer i yrkandet`; the genitive names whose motion.
_JOINS_RE = re.compile(r"\binstämmer\b(?:\s+i\s+(?P<whose>[^.;]*?)s?\s+yrkande)?")
_WRITTEN_RE = re.compile(r"\bskriftlig\w*|\bbilaga\b|\bbiläggs\b", re.IGNORECASE)
# `Ledamöterna från SD reserverar sig`, `SD-ledamöterna`, `ledamöterna för (M)`,
# `Sverigedemokraternas ledamöter`, `ledamöterna för Moderaterna`.
_PARTY_NAMES = "|".join(PARTY_BY_NAME)
_PARTY_GROUP_RE = re.compile(
    r"\bledamöterna\s+(?:från|för|i)\s+\(?(?P<a>[A-ZÅÄÖ]{1,5})\)?(?![\wåäö])"
    r"|\(?\b(?P<b>[A-ZÅÄÖ]{1,5})\)?-ledamöterna"
    rf"|\b(?P<name>{_PARTY_NAMES})s\s+(?:ledamöter|ledamot|grupp|företrädare)\b"
    rf"|\bledamöterna\s+(?:från|för|i)\s+(?P<after>{_PARTY_NAMES})\b",
    re.IGNORECASE,
)
# `Moderaterna reserverar sig`, `Sverigedemokraterna och Kristdemokraterna reserverar sig`,
# `SD reserverar sig`: the sentence's subject is one or more parties, named or abbreviated.
_A_PARTY = (
    rf"(?<![\wåäö])(?:{_PARTY_NAMES}|\(?(?:{'|'.join(sorted(set(PARTY_BY_NAME.values())))})\)?)"
    r"(?![\wåäö])"
)
_LEADING_PARTIES_RE = re.compile(
    rf"^\s*(?P<parties>{_A_PARTY}(?:\s*(?:,|och|samt)\s*{_A_PARTY})*)\s+reserver",
    re.IGNORECASE,
)
_PARTY_WORD_RE = re.compile(_A_PARTY, re.IGNORECASE)
# Notes: heading words and the sentences that make one.
_NOTE_HEADINGS = {
    "noteras till protokollet": "noteras",
    "protokollsanteckning": "protokollsanteckning",
    "protokollsanteckningar": "protokollsanteckning",
    "anteckning": "protokollsanteckning",
    "anteckningar": "protokollsanteckning",
    "deltagande av beslut": "deltar ej",
    "deltagande i beslut": "deltar ej",
    "deltar ej i beslutet": "deltar ej",
    "jäv": "jäv",
}
# (kind, pattern, words every match holds: tested before the pattern scans a sentence)
_NOTE_SENTENCE_RES = (
    ("jäv", re.compile(r"\bjäv\b|\bjävig", re.IGNORECASE), ("jäv",)),
    (
        "noteras",
        re.compile(r"\bnoteras\s+(?:till|i)\s+protokollet", re.IGNORECASE),
        ("noteras",),
    ),
    (
        "protokollsanteckning",
        re.compile(r"protokollsanteckning", re.IGNORECASE),
        ("protokollsanteckning",),
    ),
    (
        "deltar ej",
        re.compile(
            r"\bdeltar\s+(?:ej|inte)\s+i\s+(?:beslut|handläggning)|\bavstår\s+från\s+att\s+delta",
            re.IGNORECASE,
        ),
        ("deltar", "avstår"),
    ),
)


# Every word a sentence read by `_read_sentence` must hold to be anything at all.
_SENTENCE_WORDS = (
    *_RESERVES_WORDS,
    "yrka",
    "föreslå",
    "instämmer",
    *(word for _, _, words in _NOTE_SENTENCE_RES for word in words),
    *_OUTCOME_WORDS,
)


@dataclass
class Motions:
    """Everything read around the decisions of one §."""

    yrkanden: list[Yrkande] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    reservations: list[Reservation] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


def read_motions(blocks: Sequence[tuple[str | None, Sequence[str]]]) -> Motions:
    """Yrkanden, voteringar, reservations and notes of the given blocks, in order."""
    return read_motions_in_paragraphs(
        [(heading, lines, split_paragraphs(lines)) for heading, lines in blocks]
    )


def read_motions_in_paragraphs(
    blocks: Iterable[tuple[str | None, Sequence[str], list[str]]],
) -> Motions:
    """`read_motions` for blocks given as (heading, lines, `split_paragraphs(lines)`), for a
    caller that has split the paragraphs already."""
    found = Motions()
    outcome: str | None = None
    blocks = list(blocks)
    printed = _printed_lists(blocks)
    lists: list[tuple[int, VoteList]] = []  # (voteringar read before the list, the list)
    for (heading, _, paragraphs), (kept, block_lists) in zip(blocks, printed, strict=True):
        if kept is not None:  # a voting list's lines are no sentence, note or reservation
            paragraphs = split_paragraphs(kept)
        key = " ".join(heading.lower().split()) if heading else ""
        if key in _NOTE_HEADINGS:
            _read_note_block(_NOTE_HEADINGS[key], paragraphs, found)
        elif key.startswith("skriftlig reservation") or key in {"reservation", "reservationer"}:
            _read_reservation_block(paragraphs, written=key.startswith("skriftlig"), found=found)
        elif key in _MOTION_HEADINGS and _read_motion_block(paragraphs, found):
            pass  # `Tilläggsyrkande` / `Per Holm (M): att …`
        else:
            _read_votes(paragraphs, key, found)
            for index, paragraph in enumerate(paragraphs):
                if not may_contain(fold_case(paragraph), _SENTENCE_WORDS):
                    continue  # none of its sentences can say anything: spare splitting them
                following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
                for sentence in split_sentences(paragraph):
                    outcome = _read_sentence(sentence, following, found) or outcome
        lists.extend((len(found.votes), printed_list) for printed_list in block_lists)
    _attach_rolls(lists, found)
    found.yrkanden = _resolve_won(found.yrkanden, outcome)
    return found


def _read_sentence(sentence: str, following: str, found: Motions) -> str | None:
    """Read one sentence; return the outcome phrase when the sentence states one."""
    folded = fold_case(sentence)  # most sentences are none of these: told by their words
    if not may_contain(folded, _SENTENCE_WORDS):
        return None
    if may_contain(folded, _RESERVES_WORDS) and RESERVES_RE.search(sentence):
        reservations = _reservations_in(sentence, found.warnings)
        _add_reservations(_with_written_text(reservations, sentence, following), found)
        return None
    if "yrka" in sentence and YRKAR_RE.search(sentence):  # YRKAR_RE is case-sensitive
        found.yrkanden.append(_yrkande(sentence, following, YRKAR_RE))
        return None
    if "instämmer" in sentence and found.yrkanden and (joins := _JOINS_RE.search(sentence)):
        _join_yrkande(found, persons_in(sentence[: joins.start()]), joins.group("whose"))
        return None
    if "föreslå" in sentence and _is_members_proposal(sentence):
        found.yrkanden.append(_yrkande(sentence, following, PROPOSES_RE))
        return None
    for kind, pattern, words in _NOTE_SENTENCE_RES:
        if may_contain(folded, words) and pattern.search(sentence):
            found.notes.append(Note(kind=kind, persons=tuple(persons_in(sentence)), text=sentence))
            return None
    outcome = _OUTCOME_RE.search(sentence) if may_contain(folded, _OUTCOME_WORDS) else None
    if outcome:
        found_outcome = next(g for g in outcome.groups() if g is not None).strip()
        return _what_was_put(sentence, found_outcome) or found_outcome
    return None


def _what_was_put(sentence: str, outcome: str) -> str | None:
    """For `… ställer proposition på förslaget och finner det bifallet`, what was put to
    the meeting (`förslaget`): the outcome only refers back to it."""
    if not _REFERS_BACK_RE.match(outcome):
        return None
    put = _PUT_RE.search(sentence)
    return put.group("what").strip() if put else None


# ---------------------------------------------------------------- persons


def persons_in(text: str) -> list[PersonRef]:
    """Every `Name (PARTY)` in order, once each, without role words before the name;
    a sentence that opens with a bare name (`Håkan Andersson deltar ej`) gives that name."""
    found: dict[str, PersonRef] = {}
    for match in PERSON_WITH_PARTY_RE.finditer(text):
        words = match.group("name").split()
        if match.start() > 0 and text[match.start() - 1].isalpha():
            words.pop(0)  # people.NAME's particle `de` matched the end of `ordförande`
        while words and words[0].lower() in _NOT_NAME_WORDS:
            words.pop(0)
        if words:
            name = " ".join(words)
            found.setdefault(name, PersonRef(name, normalize_party(match.group("party"))))
    return list(found.values()) or _bare_subject(text)


def _bare_subject(text: str) -> list[PersonRef]:
    """A sentence that opens with a name and no party (`Håkan Andersson deltar ej`)."""
    bare = _BARE_SUBJECT_RE.match(text.strip())
    words = (
        [w for w in bare.group("name").split() if w.lower() not in _NOT_NAME_WORDS] if bare else []
    )
    return [PersonRef(" ".join(words), None)] if len(words) >= 2 else []


# ---------------------------------------------------------------- yrkanden


def _read_motion_block(paragraphs: list[str], found: Motions) -> bool:
    """Under a `Yrkanden`/`Tilläggsyrkande` heading, paragraphs that open with who moves and
    a colon (`Per Holm (M): att …`); False when none does, for the sentence reading."""
    read = False
    for paragraph in paragraphs:
        match = _MOVED_BY_RE.match(paragraph)
        persons = persons_in(match.group("who")) if match else []
        if persons and _ONLY_JOINERS_RE.fullmatch(PERSON_WITH_PARTY_RE.sub(" ", match["who"])):
            found.yrkanden.append(Yrkande(persons=tuple(persons), text=match.group("what")))
            read = True
    return read


def _join_yrkande(found: Motions, persons: list[PersonRef], whose: str | None) -> None:
    """Add `persons` to the motion they join: the one whose mover `whose` names (by surname),
    else the last one read."""
    if not persons:
        return
    index = len(found.yrkanden) - 1
    surname = whose.split()[-1].lower() if whose and whose.split() else None
    for position, yrkande in enumerate(found.yrkanden):
        if surname and any(p.name.split()[-1].lower() in surname for p in yrkande.persons):
            index = position
    joined = found.yrkanden[index]
    added = tuple(p for p in persons if p not in joined.persons)
    found.yrkanden[index] = replace(joined, persons=joined.persons + added)


def _is_members_proposal(sentence: str) -> bool:
    """`X (C), Y (S) och Z (V) föreslår att …`: members, named with their party and nothing
    else before the verb, moving a proposal in the meeting (an official's proposal in a
    description is left out by the caller, and names no party)."""
    verb = PROPOSES_RE.search(sentence)
    if verb is None:
        return False
    before = sentence[: verb.start()]
    if not PERSON_WITH_PARTY_RE.search(before):
        return False
    return _ONLY_JOINERS_RE.fullmatch(PERSON_WITH_PARTY_RE.sub(" ", before)) is not None


def _yrkande(sentence: str, following: str, verb_re: re.Pattern[str]) -> Yrkande:
    """`X (S) och Y (V) yrkar bifall till motionen` → persons and what they moved."""
    verb = verb_re.search(sentence)
    assert verb is not None
    # `X (S) yrkar, med instämmande av Y (C), bifall …`: who concurs is no part of what.
    text = _CONCURRING_PERSONS_RE.sub("", sentence[verb.end() :]).strip(" ,")
    if text.endswith(":") and following:
        text = f"{text} {following}"
    persons = persons_in(sentence[: verb.start()]) or _bare_subject(sentence)
    if concurring := _CONCURRING_RE.search(sentence):
        persons += [p for p in persons_in(concurring.group("who")) if p not in persons]
    return Yrkande(persons=tuple(persons), text=text)


def _target(text: str) -> str | None:
    """What a yrkande asks for, as words to look for in the outcome."""
    match = _TARGET_RE.search(text)
    if match:
        phrase = re.split(r"\s+(?:med|samt|men|enligt|utom|förutom)\s+", match.group("t"))[0]
        return re.sub(r"^(?:det|den|de)\s+", "", phrase.strip().lower())
    word = _TARGET_WORDS_RE.search(text)
    return word.group(1).lower()[:7] if word else None


def _mentions(outcome: str, phrase: str) -> bool:
    """True when every word of `phrase` appears (by its first six letters) in `outcome`."""
    stems = {w[:6] for w in re.findall(r"[\wåäö]+", outcome.lower())}
    words = [w[:6] for w in re.findall(r"[\wåäö]+", phrase.lower()) if len(w) > 2]
    return bool(words) and all(w in stems for w in words)


def _resolve_won(yrkanden: list[Yrkande], outcome: str | None) -> list[Yrkande]:
    """Mark which yrkanden won, where the propositionsordning says so; else None."""
    if not outcome or not yrkanden:
        return yrkanden
    lowered = outcome.lower()
    won = []
    for yrkande in yrkanden:
        by_name = any(
            re.search(rf"\b{re.escape(p.name.split()[-1].lower())}", lowered)
            for p in yrkande.persons
        )
        target = _target(yrkande.text)
        won.append(by_name or bool(target and _mentions(outcome, target)))
    if any(won) or _PROPOSAL_NAMED_RE.search(outcome):
        return [replace(y, won=w) for y, w in zip(yrkanden, won, strict=True)]
    return yrkanden


# ---------------------------------------------------------------- voteringar


def _read_votes(paragraphs: list[str], key: str, found: Motions) -> None:
    """Voteringar: counts and the chair's casting vote (printed rolls: `_attach_rolls`)."""
    vote_paragraphs = [p for p in paragraphs if _is_vote_text(p)]
    if key in {"votering", "omröstning", "omröstningsresultat"}:
        vote_paragraphs = [p for p in paragraphs if not _is_roll_line(p)]
    if not vote_paragraphs:
        return
    for group in _group_vote_paragraphs(vote_paragraphs):
        text = " ".join(group)
        yes, no, abstain = _counts(text, found.warnings)
        if _continues_last_vote(found.votes, group[0], counted=yes is not None or no is not None):
            text = f"{found.votes.pop().text} {text}"
        chair_decided = bool(_CASTING_RE.search(text))
        found.votes.append(Vote(yes, no, abstain, chair_decided=chair_decided, text=text))


def _continues_last_vote(votes: list[Vote], opening: str, *, counted: bool) -> bool:
    """True for counts under a heading of their own (`Omröstningsresultat`) after a votering
    read without counts: one votering, not a second one (that opens with its request)."""
    if not votes or not counted or _VOTE_REQUESTED_RE.search(opening):
        return False
    return votes[-1].yes is None and votes[-1].no is None


def _counts(text: str, warnings: list[ParseWarning]) -> tuple[int | None, int | None, int | None]:
    """Yes, no and abstain: from a tally row (`Ja: 23, Nej: 22`) or from the sentences,
    counts in words (`åtta ja-röster mot fem nej-röster`) read as digits."""
    text = _with_digits(text)
    tally = _TALLY_RE.search(text) or _TALLY_COUNTS_FIRST_RE.search(text)
    if tally is None:
        yes, no = _count(_YES_RE, text), _count(_NO_RE, text)
        against = _VOTES_AGAINST_RE.search(text) if yes is None and no is None else None
        if against:
            yes, no = int(against.group("yes")), int(against.group("no"))
        return yes, no, _count(_ABSTAIN_RE, text)
    abstain = tally.group("abstain")
    if tally.group("word") and tally.group("word").lower() == "avslag":
        warnings.append(warn("tally_avslag_as_abstain", abstain=abstain))
    return int(tally.group("yes")), int(tally.group("no")), int(abstain) if abstain else 0


def _with_digits(text: str) -> str:
    """`åtta ja-röster` as `8 ja-röster`: the counts the patterns read are digits."""
    return _AGAINST_NUMBER_WORD_RE.sub(_as_digits, _NUMBER_WORD_RE.sub(_as_digits, text))


def _as_digits(match: re.Match[str]) -> str:
    tens, unit = match.group("tens"), match.group("unit")
    return str(_TENS.get((tens or "").lower(), 0) + _UNITS.get((unit or "").lower(), 0))


def _has_counts(text: str) -> bool:
    text = _with_digits(text)
    counted = (_YES_RE, _TALLY_RE, _TALLY_COUNTS_FIRST_RE, _VOTES_AGAINST_RE)
    return any(pattern.search(text) for pattern in counted)


def _group_vote_paragraphs(paragraphs: list[str]) -> list[list[str]]:
    """One group per votering: a new group starts after a paragraph that gave counts."""
    groups: list[list[str]] = [[]]
    for paragraph in paragraphs:
        if (
            groups[-1]
            and _has_counts(" ".join(groups[-1]))
            and _VOTE_REQUESTED_RE.search(paragraph)
        ):
            groups.append([])
        groups[-1].append(paragraph)
    return [g for g in groups if g and not _is_roll_only(g)]


def _is_roll_only(group: list[str]) -> bool:
    return not any(_is_vote_text(p) for p in group)


def _is_vote_text(paragraph: str) -> bool:
    """A paragraph about a votering or its yes votes."""
    if not may_contain(fold_case(paragraph), _VOTE_TEXT_WORDS):
        return False
    return bool(VOTE_RE.search(paragraph) or _has_counts(paragraph))


def _is_roll_line(paragraph: str) -> bool:
    """A roll header (`Ledamot Ja Nej Avstår`) or row (`Anna Ek (S) X`), not vote text."""
    return bool(
        re.fullmatch(r"\w+\s+ja\s+nej(?:\s+avstår)?", paragraph, re.IGNORECASE)
        or _ROLL_WORD_RE.match(paragraph)
        or re.fullmatch(rf"(?:{NAME})\s*(?:\([^)]*\))?\s+[xX]", paragraph)
    )


def _count(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    if not match:
        return None
    return int(next(g for g in match.groups() if g is not None))


# ---------------------------------------------------------------- printed rolls


def _printed_lists(
    blocks: Sequence[tuple[str | None, Sequence[str], list[str]]],
) -> list[tuple[list[str] | None, list[VoteList]]]:
    """Per block: its lines with those of voting lists blanked (None: no list in it) and
    the lists that start in it.

    A list runs over the blocks' boundaries only into a block headed by a list's title
    (`Voteringsprotokoll` on the list's next page); any other heading ends it.
    """
    result: list[tuple[list[str] | None, list[VoteList]]] = [(None, []) for _ in blocks]
    if not any(may_hold_vote_list(lines) for _, lines, _ in blocks):
        return result
    stream: list[str | None] = []
    where: list[tuple[int, int]] = []  # (block, line; -1: the heading) of each stream line
    for number, (heading, lines, _) in enumerate(blocks):
        if heading is not None:
            stream.append(heading if is_list_title(heading) else None)
            where.append((number, -1))
        for index, line in enumerate(lines):
            stream.append(strip_markup(line))
            where.append((number, index))
    kept: dict[int, list[str]] = {}
    for printed in find_vote_lists(stream):
        first_block = where[printed.start][0]
        result[first_block][1].append(printed)
        for block, index in where[printed.start : printed.end]:
            if index >= 0:
                kept.setdefault(block, list(blocks[block][1]))[index] = ""
    for block, lines in kept.items():
        result[block] = (lines, result[block][1])
    return result


def _attach_rolls(lists: list[tuple[int, VoteList]], found: Motions) -> None:
    """Give each votering the roll of its printed list: in order where there are as many
    lists as voteringar, else the latest votering read before the list (or the first after
    it). A roll that does not add up to the votering's stated counts is left out (warned);
    a list without any votering in the text becomes a votering of its own (warned)."""
    taken: set[int] = set()
    in_order = len(lists) == len(found.votes)
    for position, (before, printed) in enumerate(lists):
        found.warnings.extend(warn(code, **params) for code, params in printed.warnings)
        target = position if in_order else _target_vote(before, len(found.votes), taken)
        if target is not None:
            taken.add(target)
        if not printed.roll:
            continue
        if target is None:
            found.warnings.append(warn("roll_list_without_votering"))
            found.votes.append(Vote(*printed.sums(), roll=printed.roll))
            found.warnings.append(warn("roll_counts_computed"))
            continue
        vote = found.votes[target]
        sums = printed.sums()
        if vote.yes is None and vote.no is None:
            yes, no, abstain = sums
            found.votes[target] = replace(vote, yes=yes, no=no, abstain=abstain, roll=printed.roll)
            found.warnings.append(warn("roll_counts_computed"))
        elif _adds_up(vote, sums):
            found.votes[target] = replace(vote, roll=printed.roll)
        else:
            stated = (vote.yes, vote.no, vote.abstain)
            found.warnings.append(warn("roll_mismatch", roll=tally(sums), stated=tally(stated)))


def _target_vote(before: int, count: int, taken: set[int]) -> int | None:
    """The latest votering read before the list and not yet given one, else the first after."""
    earlier = [i for i in range(min(before, count)) if i not in taken]
    if earlier:
        return earlier[-1]
    return next((i for i in range(before, count) if i not in taken), None)


def _adds_up(vote: Vote, sums: tuple[int, int, int]) -> bool:
    """The roll's sums agree with each count the votering states (an abstain count the
    tally left out reads as 0 and is not held against the roll)."""
    if vote.yes is not None and vote.yes != sums[0]:
        return False
    if vote.no is not None and vote.no != sums[1]:
        return False
    return not vote.abstain or vote.abstain == sums[2]


# ---------------------------------------------------------------- reservations


def _reservations_in(sentence: str, warnings: list[ParseWarning]) -> list[Reservation]:
    """One Reservation per person reserving in the sentence (with instämmande)."""
    without_concurring = _CONCURRING_RE.sub(" ", sentence)
    reason_match = _REASON_RE.search(without_concurring)
    reason = reason_match.group(0).strip(" ,") if reason_match else None
    written = bool(_WRITTEN_RE.search(sentence))
    subject = _REASON_RE.sub(" ", without_concurring)
    persons = persons_in(subject)
    concurring = _CONCURRING_RE.search(sentence)
    if concurring:
        persons += [p for p in persons_in(concurring.group("who")) if p not in persons]
    if not persons:
        group = _PARTY_GROUP_RE.search(subject)
        if group:
            named = group.group("name") or group.group("after")
            party = PARTY_BY_NAME[named.lower()] if named else None
            party = party or normalize_party(group.group("a") or group.group("b"))
            # named (or warned about) from the attendance list by the document level
            return [Reservation(name="", party=party, reason=reason, written=written)]
        parties = _leading_parties(subject)
        if parties:
            return [Reservation(name="", party=p, reason=reason, written=written) for p in parties]
        warnings.append(warn("reservation_without_person", sentence=sentence[:60]))
        return []
    return [Reservation(p.name, p.party, reason=reason, written=written) for p in persons]


def _leading_parties(subject: str) -> list[str]:
    """The parties the sentence begins with when they are its subject (`Moderaterna och
    KD reserverar sig`), as codes."""
    match = _LEADING_PARTIES_RE.match(subject)
    if not match:
        return []
    words = _PARTY_WORD_RE.findall(match.group("parties"))
    codes = (PARTY_BY_NAME.get(w.lower()) or normalize_party(w.strip("()")) for w in words)
    return list(dict.fromkeys(code for code in codes if code))


def _with_written_text(
    reservations: list[Reservation], sentence: str, following: str
) -> list[Reservation]:
    """`X (M) lämnar följande skriftliga reservation:` and the paragraph under it: the
    reservation is written and keeps that text."""
    if not sentence.rstrip().endswith(":") or not following or RESERVES_RE.search(following):
        return reservations
    return [replace(r, written=True, text=following) for r in reservations]


def _add_reservations(new: list[Reservation], found: Motions) -> None:
    """Add reservations, merging what is known when a person is named twice."""
    for reservation in new:
        for index, old in enumerate(found.reservations):
            if reservation.name and old.name == reservation.name:
                found.reservations[index] = replace(
                    old,
                    party=old.party or reservation.party,
                    reason=old.reason or reservation.reason,
                    written=old.written or reservation.written,
                    text=old.text or reservation.text,
                )
                break
        else:
            found.reservations.append(reservation)


def _read_reservation_block(paragraphs: list[str], *, written: bool, found: Motions) -> None:
    """A `Reservationer` section: sentences that reserve, or a plain list of persons."""
    text = "\n".join(paragraphs) if written else None
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        for sentence in split_sentences(paragraph):
            if RESERVES_RE.search(sentence):
                new = _with_written_text(
                    _reservations_in(sentence, found.warnings), sentence, following
                )
            else:
                reason_match = _REASON_RE.search(sentence)
                reason = reason_match.group(0).strip() if reason_match else None
                new = [
                    Reservation(
                        p.name, p.party, reason=reason, written=bool(_WRITTEN_RE.search(sentence))
                    )
                    for p in persons_in(_REASON_RE.sub(" ", sentence))
                ]
            if written:
                new = [replace(r, written=True, text=text) for r in new]
            _add_reservations(new, found)


# ---------------------------------------------------------------- notes


def _read_note_block(kind: str, paragraphs: list[str], found: Motions) -> None:
    """A notes section: one Note per paragraph that names persons; others join the last."""
    start = len(found.notes)
    for paragraph in paragraphs:
        if may_contain(fold_case(paragraph), _RESERVES_WORDS) and RESERVES_RE.search(paragraph):
            # `X (FB) reserverar sig skriftligt` under a Protokollsanteckning heading
            _add_reservations(_reservations_in(paragraph, found.warnings), found)
            continue
        persons = persons_in(paragraph)
        this_kind = "jäv" if _NOTE_SENTENCE_RES[0][1].search(paragraph) else kind
        if persons or len(found.notes) == start:
            found.notes.append(Note(kind=this_kind, persons=tuple(persons), text=paragraph))
        else:
            last = found.notes[-1]
            found.notes[-1] = replace(last, text=f"{last.text}\n{paragraph}")
