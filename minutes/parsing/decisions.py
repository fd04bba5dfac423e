"""Decisions of one §: who decides, what kind, to whom it is proposed, and every clause.

Layouts handled (the rules are for the kind of layout, not for a file):

- `X beslutar` / `X föreslår att Y beslutar föreslå att Z beslutar`, then `att`-clauses,
  one per line or paragraph, bold or not, each up to the next clause.
- Nested bullets under an att-clause (`att … i uppdrag:` then `- att a`, `- b`): every
  bullet is kept as a clause of its own, in order, after the clause that introduces it
  (the word `att` dropped from the bullet too). Keeping them separate lets a search hit
  one sub-clause; the order keeps the context.
- Formats without `att` (a `Beslut` heading followed by plain sentences or bullets): each
  sentence or bullet is a clause; an organ line (`Regionens samverkansråd`) or an intro
  sentence (`Arbetsutskottet föreslår att nämnden beslutar`) says who decides.

"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .records import Decision, ParseWarning
from .text import (
    ATT_RE,
    drop_bullet,
    fold_case,
    is_bullet,
    joined_words,
    looks_wrapped,
    may_contain,
    split_sentences,
    stripped_lines,
)
from .warning_codes import warn

# ---------------------------------------------------------------- organs and intros

# The name of an organ: `Finansutskottet`, `Hälso- och sjukvårdsnämndens arbetsutskott`,
# `Regionens samverkansråd`, `regionfullmäktige`, `Regionala utvecklingsnämnden`.
_ORGAN_STEMS = (
    r"utskott|nämnd|styrelse|fullmäktige|(?<!om)råd|beredning|presidi"
    r"|direktion|förbund|kommitté|delegation"
)
_ORGAN_ENDING = r"(?:et|en|n|um)?"
_ORGAN_WORD = rf"[\wåäöÅÄÖé]*?(?i:{_ORGAN_STEMS}){_ORGAN_ENDING}"
ORGAN = (
    r"(?:[\wåäöÅÄÖé]+-\s*och\s+)?(?:[\wåäöÅÄÖé]{4,}a\s+)?(?:[\wåäöÅÄÖé]+s\s+)?"
    rf"{_ORGAN_WORD}(?![\wåäöÅÄÖé])"
)
ORGAN_RE = re.compile(ORGAN)
_ORGAN_LINE_RE = re.compile(rf"^(?P<organ>(?=[A-ZÅÄÖ]){ORGAN})\s*:?$")
# How an organ's name ends, lower-cased: every stem with every ending (or none).
_ORGAN_ENDS = tuple(
    stem + ending
    for stem in _ORGAN_STEMS.replace("(?<!om)", "").split("|")
    for ending in ("", "et", "en", "n", "um")
)
_ORGAN_END_CHARS = max(map(len, _ORGAN_ENDS))
# The organ after the verb: `beslutar kommunstyrelsen` (inverted word order).
_ORGAN_AFTER_VERB_RE = re.compile(rf"\s+(?P<organ>{ORGAN})")
# The finite verb that opens a decision: `beslutar`, `föreslår` (all layouts).
# `besluta` before `(enhälligt) att` stands for `beslutar` in a clerk's typo
# (`Kommunfullmäktige besluta enhälligt att …`); after a proposal it is the chain's own.
_FINITE_VERB_RE = re.compile(r"\b(?:beslutar|föreslår|besluta(?=\s+(?:enhälligt\s+)?att\b))\b")
# One more link of a chain: `att regionstyrelsen beslutar`, `föreslå att`, `att besluta`.
_CHAIN_STEP_RE = re.compile(
    rf"\s*,?\s*(?:att\s+)?(?:(?P<organ>{ORGAN})\s+)?(?:att\s+)?"
    r"(?P<verb>beslutar|besluta|föreslår|föreslå)\b"
)
# The organ a chain ends with, proposed to without a verb of its own: `föreslå
# Kommunfullmäktige` at the end of the line, or before `:`, a dash or `att`.
_CHAIN_END_RE = re.compile(rf"\s*,?\s*(?P<organ>{ORGAN})(?=\s*(?:$|[:\-–]|att\b))")
# What may follow an intro: nothing, `:`, `att …`, an aside (`, för Region X,`, `för egen
# del`, `enhälligt`) or a capital letter where a wrapped line ran the first sentence on
# (layout without att).
_AFTER_INTRO_RE = re.compile(
    r"\s*(?:,[^,.]{1,80},)?\s*(?:(?:för\s+egen\s+del|enhälligt|enigt|därmed|därutöver"
    r"|dessutom|vidare|även|också)\s+)*(?:följande\s*)?(?:(?P<colon>:)|(?P<att>\batt\b)|(?=[A-ZÅÄÖ])|$)\s*"
)
# Lead-ins before the organ: `Då inga extra ärenden föreligger`, `Med denna ändring`.
_LEAD_RE = re.compile(r"^(?:(?:Då|Med|Efter|Därmed|Härmed|Sålunda|Således)\b[^.]{0,80})?$")

# `Förslag till beslut i kommunfullmäktige`, `Förslag till kommunstyrelsen:` in a decision.
_PROPOSAL_TO_RE = re.compile(
    rf"^Förslag\s+till\s+(?:beslut\s+)?(?:i|till|för)?\s*(?P<organ>{ORGAN})\s*:?$",
    re.IGNORECASE,
)

KIND_DECIDES = "beslutar"
KIND_PROPOSES = "föreslår"
KIND_HANDS_OVER = "överlämnar utan eget förslag"
KIND_INFORMATION = "informationen noteras"

# `överlämna ärendet till regionstyrelsen utan eget förslag till beslut` (all layouts).
_HANDS_OVER_RE = re.compile(
    r"\böverlämna\w*\b[^.]*?\butan\s+(?:eget\s+|något\s+)?(?:förslag|ställningstagande)",
    re.IGNORECASE,
)
_HANDED_TO_RE = re.compile(rf"\böverlämna\w*\s+(?:ärendet\s+)?till\s+(?P<organ>{ORGAN})")
_INFO_NOUNS = (
    r"(?:den\s+(?:muntliga\s+|skriftliga\s+)?)?(?:informationen|redovisningen|rapporten"
    r"|lägesrapporten|dialogen|ärendet|återrapporteringen|uppföljningen|informationsärendet)"
)  # not `meddelandena`, `delegationsbesluten`: filing those is a decision (`beslutar`)
# A decision that only takes note: `Informationen noteras.`, `Informationen är delgiven.`,
# `Dialogen noteras.`, `Utskottet noterar informationen.` (layouts without att).
INFO_NOTED_RE = re.compile(
    rf"^(?:{_INFO_NOUNS}\s+(?:noteras|är\s+delgiven|delges|läggs\s+till\s+handlingarna)"
    rf"|(?:[\wåäöÅÄÖ-]+\s+)?(?:noterar|tar\s+del\s+av)\s+{_INFO_NOUNS}"
    rf"|(?:att\s+)?lägga\s+{_INFO_NOUNS}\s+till\s+handlingarna)"
    r"(?:\s+och\s+läggs\s+till\s+handlingarna)?\s*[.!]?$",
    re.IGNORECASE,
)
# Immediate adjustment: `Paragrafen förklaras omedelbart justerad`, `omedelbar justering`.
IMMEDIATE_RE = re.compile(r"\bomedelbar(?:t)?\s+juster", re.IGNORECASE)
_IMMEDIATE_WORDS = ("omedelbar",)  # in every match of IMMEDIATE_RE
# A sentence about the § being adjusted (`Paragrafen förklaras omedelbart justerad.`,
# `Paragrafen är justerad`, `Omedelbar justering.`): it follows the clauses in every
# layout and ends them, also when PDF extraction glued it onto the last clause. Only a
# capitalised sentence counts, so the clause `att förklara paragrafen omedelbart justerad`
# stays a clause.
_ADJUSTMENT_SENTENCE_RE = re.compile(
    r"(?:^|(?<=[.;,:!?])\s*|\s+)(?:(?:Paragrafen|Beslutet|Protokollet|§\s*\d+)\s+"
    r"(?:förklaras|är|anses|blir)\s+(?:(?i:omedelbart)\s+)?(?i:justerad|justerat)"
    r"|Omedelbar\s+justering|Denna\s+paragraf\s+justeras)\b"
)
_ADJUSTMENT_WORDS = ("juster",)  # in every match of _ADJUSTMENT_SENTENCE_RE
# Sentences that belong to motions, notes or furniture, never to a decision's clauses.
_NOT_A_CLAUSE_RE = re.compile(
    r"reserverar\s+sig|\byrkar\b|protokollsanteckning|noteras\s+till\s+protokollet"
    r"|\bdeltar\s+(?:ej|inte)\b|\bjäv\b|votering|omröstning|^Paragrafen\s+är\s+justerad"
    r"|^Justeras\b|^Vid\s+protokollet\b|^Bilag(?:a|or)(?:\s+\w{1,3})?\.?$",
    re.IGNORECASE,
)
# A word of each alternative of _NOT_A_CLAUSE_RE, tested before the pattern scans a text.
_NOT_A_CLAUSE_WORDS = (
    "reserverar",
    "yrkar",
    "protokollsanteckning",
    "noteras",
    "deltar",
    "jäv",
    "votering",
    "omröstning",
    "juster",
    "protokollet",
    "bilag",
)


# A piece with a letter in it (a lone date or number is a page header's, all layouts).
_LETTER_RE = re.compile(r"[^\W\d_]")
# A clause that is complete: closing punctuation or a trailing `samt` (att layouts).
_CLAUSE_END_RE = re.compile(r"(?:[.;!?]|\bsamt)$")
_PUNCTUATION = tuple(".;:,!?")


@dataclass(frozen=True)
class Intro:
    """The opening of a decision: `Finansutskottet föreslår att regionstyrelsen beslutar`."""

    decided_by: str | None
    kind: str
    proposed_to: tuple[str, ...]
    rest: str = ""  # text after the intro on the same line
    rest_is_att: bool = False
    verbless: bool = False


def read_intro(text: str) -> Intro | None:
    """Read `X beslutar`, `X föreslår att Y beslutar föreslå att Z beslutar`, `beslutar X`.

    Returns None when the text does not open a decision.
    """
    # An intro is an organ's name alone or holds a finite verb: most text is neither, told
    # before its words are rejoined (both tests look past blanks).
    has_verb = "beslut" in text or "föreslår" in text
    ends_with_organ = _ends_with_organ(text)
    if not (has_verb or ends_with_organ):
        return None
    text = joined_words(text)
    organ_line = _ORGAN_LINE_RE.match(text) if ends_with_organ else None
    if organ_line:
        return Intro(organ_line.group("organ"), KIND_DECIDES, (), verbless=True)
    if not has_verb:
        return None
    verb = _FINITE_VERB_RE.search(text)
    if not verb:
        return None
    decided_by, position = _read_subject(text, verb)
    if decided_by is None:
        return None
    verbs, organs, ends = [verb.group(0)], [], [(position, 1, 0)]
    while step := _CHAIN_STEP_RE.match(text, position):
        if step.group("organ"):
            organs.append(step.group("organ"))
        verbs.append(step.group("verb"))
        position = step.end()
        ends.append((position, len(verbs), len(organs)))
    last = _CHAIN_END_RE.match(text, position) if verbs[-1].startswith("föreslå") else None
    if last:  # `… besluta föreslå Kommunfullmäktige` / `- att …` on the lines below
        organs.append(last.group("organ"))
        position = last.end()
        ends.append((position, len(verbs), len(organs)))
    for end, verb_count, organ_count in reversed(ends):
        after = _AFTER_INTRO_RE.match(text, end)
        if after:
            used = verbs[:verb_count]
            kind = KIND_PROPOSES if any(v.startswith("föreslå") for v in used) else KIND_DECIDES
            return Intro(
                decided_by=decided_by,
                kind=kind,
                proposed_to=tuple(organs[:organ_count]) if kind == KIND_PROPOSES else (),
                rest=text[after.end() :].strip(),
                rest_is_att=bool(after.group("att")),
            )
    return None


def _read_subject(text: str, verb: re.Match[str]) -> tuple[str | None, int]:
    """Who decides: the organ just before the verb, or just after it (`beslutar X`)."""
    before = text[: verb.start()].rstrip()
    organs = list(ORGAN_RE.finditer(before)) if _ends_with_organ(before) else []
    if organs and organs[-1].end() == len(before):
        lead = before[: organs[-1].start()].strip()
        if _LEAD_RE.match(lead):
            return organs[-1].group(0), verb.end()
        return None, verb.end()
    inverted = _ORGAN_AFTER_VERB_RE.match(text, verb.end())
    if inverted and _LEAD_RE.match(before) and before:
        return inverted.group("organ"), inverted.end()
    return None, verb.end()


def _ends_with_organ(text: str) -> bool:
    """False when no organ's name can end `text` (blanks and a colon aside): a cheap test
    of the last characters before the organ patterns scan the whole text."""
    end = text.rstrip().removesuffix(":").rstrip()
    tail = fold_case(end[-_ORGAN_END_CHARS:])
    return tail is None or tail.endswith(_ORGAN_ENDS)


# ---------------------------------------------------------------- assembling decisions


@dataclass
class _Draft:
    """A decision being read: its intro and the pieces that follow, in order."""

    decided_by: str | None = None
    kind: str = KIND_DECIDES
    proposed_to: list[str] = field(default_factory=list)
    pieces: list[tuple[str, str]] = field(default_factory=list)  # (att|bullet|text, text)
    has_intro: bool = False
    verbless: bool = False  # opened by an organ line alone (`Regionens samverkansråd`)

    def add_intro(self, intro: Intro) -> None:
        """Take over an intro, or extend the chain when a second intro follows at once."""
        if not self.has_intro:
            self.decided_by, self.kind, self.has_intro = intro.decided_by, intro.kind, True
            self.proposed_to = list(intro.proposed_to)
            self.verbless = intro.verbless
            return
        for organ in (intro.decided_by, *intro.proposed_to):
            known = [self.decided_by or "", *self.proposed_to[-1:]]
            if organ and organ.lower() not in {k.lower() for k in known}:
                self.proposed_to.append(organ)
        if intro.kind == KIND_PROPOSES:
            self.kind = KIND_PROPOSES


def _segment(lines: Sequence[str]) -> list[tuple[str, str]]:
    """Cut the block into pieces: att-lines, bullets and plain paragraphs, each joined."""
    units: list[list[str]] = []
    kinds: list[str] = []
    after_label = False  # the line after `Förslag till beslut i X` starts a unit of its own
    for line, previous in stripped_lines(lines):
        bullet = is_bullet(line)
        att = bool(ATT_RE.match(drop_bullet(line) if bullet else line))
        label = _PROPOSAL_TO_RE.match(line) is not None
        if (
            previous is None
            or bullet
            or label
            or after_label
            or (att and not looks_wrapped(previous))
        ):
            units.append([drop_bullet(line) if bullet else line])
            kinds.append("att" if att else "bullet" if bullet else "text")
        else:
            units[-1].append(line)
        after_label = label
    return [(kind, " ".join(unit)) for kind, unit in zip(kinds, units, strict=True)]


def read_decisions(
    lines: Sequence[str], *, require_intro: bool = False, opening: Intro | None = None
) -> tuple[list[Decision], list[ParseWarning]]:
    """Every decision in a block of lines (a `Beslut` section, or an item without one).

    With `require_intro` (text that is not under a `Beslut` heading) only what follows an
    intro such as `Finansutskottet beslutar`, or a lone `Informationen noteras.`, counts.
    An `opening` (the block's heading said who proposes to whom) starts the first decision.
    Returns the decisions and warnings.
    """
    drafts: list[_Draft] = []
    if opening is not None:
        _start_or_extend(drafts, opening)
    units = _segment(lines)
    stopped = False  # after an unknown heading-like line the clauses have ended
    for index, (kind, text) in enumerate(units):
        pieces = [text] if kind != "text" else split_sentences(text)
        if kind == "bullet" and (opened := _bullet_intro(text)) is not None:
            _start_or_extend(drafts, opened)  # `- Kommunfullmäktige beslutar att …`
            continue
        for piece in pieces:
            intro = None
            if kind == "text":
                intro = read_intro(piece) or (None if require_intro else _proposal_intro(piece))
            if intro is not None:
                _start_or_extend(drafts, intro)
                stopped = False
                continue
            if kind == "text" and index + 1 < len(units) and _looks_like_heading(piece):
                stopped = True
            if stopped:
                continue
            if not drafts:
                if require_intro and not INFO_NOTED_RE.match(piece):
                    continue
                drafts.append(_Draft())
            drafts[-1].pieces.append((kind, piece))
    warnings: list[ParseWarning] = []
    decisions = [_finish(draft, warnings) for draft in drafts]
    return [d for d in decisions if d is not None], warnings


def _bullet_intro(text: str) -> Intro | None:
    """A bullet that opens with its organ and an att-clause (`- Kommunfullmäktige beslutar
    att avslå motionen.`): the clause after `att`, decided as the intro says."""
    intro = read_intro(text)
    if intro is None or not intro.rest or not intro.rest_is_att:
        return None
    return intro


def _proposal_intro(text: str) -> Intro | None:
    """`Förslag till beslut i kommunfullmäktige` under a Beslut heading: what follows is
    proposed to that organ, not decided (Meetings Plus layouts)."""
    match = _PROPOSAL_TO_RE.match(text)
    if match is None:
        return None
    organ = match.group("organ")
    return Intro(None, KIND_PROPOSES, (organ[:1].upper() + organ[1:],))


def _looks_like_heading(text: str) -> bool:
    """A short capitalised line without closing punctuation, followed by more text."""
    return len(text.split()) <= 4 and text[:1].isupper() and not text.endswith(_PUNCTUATION)


def _start_or_extend(drafts: list[_Draft], intro: Intro) -> None:
    """A new decision starts at an intro, unless the previous intro has no clauses yet."""
    if not drafts or drafts[-1].pieces or not drafts[-1].has_intro:
        if drafts and not drafts[-1].pieces and not drafts[-1].has_intro:
            drafts.pop()
        drafts.append(_Draft())
    drafts[-1].add_intro(intro)
    if intro.rest:
        drafts[-1].pieces.append(("att" if intro.rest_is_att else "text", intro.rest))


def _finish(draft: _Draft, warnings: list[ParseWarning]) -> Decision | None:
    """Turn a draft into a Decision: pick the clauses of its layout, then its kind."""
    immediate = says_immediate([text for _, text in draft.pieces])
    pieces = _cut_at_adjustment(draft.pieces)
    has_att = any(kind == "att" for kind, _ in pieces)
    clauses = _att_clauses(pieces, warnings) if has_att else _plain_clauses(pieces)
    if not clauses and (not draft.has_intro or draft.verbless):
        return None
    if not clauses:
        warnings.append(warn("decision_without_clauses", organ=draft.decided_by or "unknown organ"))
    kind, proposed_to = _kind_of(draft, clauses)
    return Decision(
        decided_by=draft.decided_by,
        kind=kind,
        clauses=tuple(clauses),
        proposed_to=tuple(proposed_to),
        immediately_adjusted=immediate,
    )


def _cut_at_adjustment(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pieces before a sentence about justering, which ends the clause list."""
    kept: list[tuple[str, str]] = []
    for kind, text in pieces:
        adjustment = (
            _ADJUSTMENT_SENTENCE_RE.search(text)
            if may_contain(fold_case(text), _ADJUSTMENT_WORDS)
            else None
        )
        if adjustment is None:
            kept.append((kind, text))
            continue
        before = text[: adjustment.start()].strip()
        if before:
            kept.append((kind, before))
        break
    return kept


def _att_clauses(pieces: list[tuple[str, str]], warnings: list[ParseWarning]) -> list[str]:
    """Clauses of the att layout: att-lines, bullets nested under them, wrapped rests."""
    clauses: list[str] = []
    absorbing = False  # the last clause ended in a colon: what follows completes it
    for kind, text in pieces:
        absorbing = absorbing or bool(clauses and clauses[-1].endswith(":"))
        if absorbing and not _is_clause(text):
            absorbing = False  # `Votering begärs`: the decision's text has ended
        if absorbing and kind == "text":
            # `… med följande tillägg:` / `… i enlighet med förvaltningens förslag:`: the
            # paragraphs of the amendment or statement complete the clause; a list after
            # the colon stays a clause per bullet
            clauses[-1] = f"{clauses[-1]} {_tidy(text)}"
        elif kind == "att" or (kind == "bullet" and clauses):  # bullets nest under a clause
            clauses.append(_tidy(ATT_RE.sub("", text, count=1)))
            absorbing = False
        elif kind == "text" and clauses and text[:1].islower() and not _ends_clause(clauses[-1]):
            clauses[-1] = f"{clauses[-1]} {_tidy(text)}"
            warnings.append(warn("att_clause_joined"))
    return [c for c in clauses if c]


def _plain_clauses(pieces: list[tuple[str, str]]) -> list[str]:
    """Clauses of layouts without att: each sentence or bullet, minus motions and notes
    (and a lone date or number, which is a page header's, not a decision's)."""
    return [_tidy(text) for _, text in pieces if _LETTER_RE.search(text) and _is_clause(text)]


def _is_clause(text: str) -> bool:
    """Not a sentence about motions or notes (told by their words before the slow scan)."""
    return not (may_contain(fold_case(text), _NOT_A_CLAUSE_WORDS) and _NOT_A_CLAUSE_RE.search(text))


def says_immediate(texts: Sequence[str]) -> bool:
    """True when one of the texts says the § is adjusted at once (`omedelbart justerad`)."""
    # One word test of all the texts together spares the pattern's scan of each.
    if not may_contain(fold_case("\n".join(texts)), _IMMEDIATE_WORDS):
        return False
    return any(IMMEDIATE_RE.search(text) for text in texts)


def _ends_clause(clause: str) -> bool:
    return bool(_CLAUSE_END_RE.search(clause[-6:]))


def _tidy(text: str) -> str:
    return joined_words(text)


def _kind_of(draft: _Draft, clauses: list[str]) -> tuple[str, list[str]]:
    """Refine the kind: handing over without a proposal, or only taking note."""
    kind, proposed_to = draft.kind, list(draft.proposed_to)
    if kind == KIND_DECIDES and clauses and _HANDS_OVER_RE.search(clauses[0]):
        handed_to = _HANDED_TO_RE.search(clauses[0])
        if handed_to and not proposed_to:
            proposed_to = [handed_to.group("organ")]
        return KIND_HANDS_OVER, proposed_to
    if (
        kind == KIND_DECIDES
        and not draft.has_intro
        and clauses
        and all(INFO_NOTED_RE.match(c) for c in clauses)
    ):
        return KIND_INFORMATION, proposed_to
    return kind, proposed_to
