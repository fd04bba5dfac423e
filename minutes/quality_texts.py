"""A reading's quality report in the clerks' language: its checks and its gaps in Swedish.

The parser (pure Python, no Django) reports what it found against what the text shows as
`minutes.parsing.quality.Quality`, with each disagreement a `Gap` (a code and parameters).
`parse_protocol --check` and the clerk's review page both show it through this module:
`checklist` (each check, found or not, with its figures and reasons) and `gap_text`
(one gap as a sentence), rendered through gettext.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from .parsing.quality import KINDS, Gap, Quality

# What each kind of statement is called, one and many.
_KIND_NAMES = {
    "reservation": (gettext_noop("Reservation"), gettext_noop("reservationer")),
    "yrkande": (gettext_noop("Yrkande"), gettext_noop("yrkanden")),
    "votering": (gettext_noop("Votering"), gettext_noop("voteringar")),
    "protokollsanteckning": (
        gettext_noop("Protokollsanteckning"),
        gettext_noop("protokollsanteckningar"),
    ),
}
# The meeting's fields: the check's label, its name in a list, its gap.
_MEETING_CHECKS = (
    ("date", gettext_noop("Sammanträdesdatum"), gettext_noop("datum"), "no_date"),
    ("organ", gettext_noop("Organ"), gettext_noop("organ"), "no_organ"),
    ("chair", gettext_noop("Ordförande"), gettext_noop("ordförande"), "no_chair"),
    ("secretary", gettext_noop("Sekreterare"), gettext_noop("sekreterare"), "no_secretary"),
    ("attendance", gettext_noop("Närvarolista"), gettext_noop("närvaro"), "no_attendance"),
)
_GAP_TEXTS = {
    "no_date": gettext_noop("Sammanträdesdatumet hittades inte."),
    "no_organ": gettext_noop("Organet (nämnd, utskott eller styrelse) hittades inte."),
    "no_chair": gettext_noop("Ordföranden hittades inte."),
    "no_secretary": gettext_noop("Sekreteraren hittades inte."),
    "no_attendance": gettext_noop("Närvarolistan hittades inte."),
    "no_items": gettext_noop("Inga paragrafer lästes, fast texten visar %(seen)s §-rubriker."),
    "items_missing": gettext_noop(
        "Texten visar %(seen)s §-rubriker men %(read)s paragrafer lästes: %(numbers)s saknas."
    ),
    "items_unmarked": gettext_noop(
        "Lästa som paragrafer men utan §-rubrik i texten: %(numbers)s (en rad ur "
        "ärendelistan eller en hänvisning?)."
    ),
    "decisions_unread": gettext_noop(
        "Texten anger ett beslut men inget beslut lästes i %(numbers)s."
    ),
    "mentions_unread": gettext_noop(
        "%(kind)s nämns i %(numbers)s men lästes inte där (i texten: %(mentioned)s, "
        "lästa: %(read)s)."
    ),
}
# Which check each gap belongs to.
_GAP_CHECKS = {
    "no_items": "items",
    "items_missing": "items",
    "items_unmarked": "items",
    "decisions_unread": "decisions",
}


@dataclass(frozen=True)
class Check:
    """One line of the checklist: what was checked, whether it holds, figures and reasons."""

    key: str
    label: str
    ok: bool
    status: str  # `hittades` / `hittades inte`, `stämmer` / `stämmer inte`
    detail: str = ""
    reasons: tuple[str, ...] = ()


def paragraphs(numbers: list[int]) -> str:
    """`§ 12`, `§ 12 och § 14`, `§ 12, § 14 och § 20`."""
    marks = [f"§ {number}" for number in numbers]
    if len(marks) < 2:
        return "".join(marks)
    return _("%(first)s och %(last)s") % {"first": ", ".join(marks[:-1]), "last": marks[-1]}


def gap_text(gap: Gap) -> str:
    """One gap as a Swedish sentence; an unknown code is shown with its parameters."""
    text = _GAP_TEXTS.get(gap.code)
    if text is None:
        return f"{gap.code} {gap.params}" if gap.params else gap.code
    params = dict(gap.params)
    if "numbers" in params:
        params["numbers"] = paragraphs(list(params["numbers"]))
    if "kind" in params:
        params["kind"] = _(_KIND_NAMES[params["kind"]][0])
    return _(text) % params


def gap_texts(quality: Quality) -> list[str]:
    """Every gap of the reading as a Swedish sentence, in the report's order."""
    return [gap_text(gap) for gap in quality.gaps]


def checklist(quality: Quality) -> list[Check]:
    """The checks of the review page: the meeting's fields, the §§, the decisions and each
    kind of statement, each with whether it holds, its figures and the reasons if not."""
    by_check: dict[str, list[str]] = {}
    for gap in quality.gaps:
        key = gap.params.get("kind") if gap.code == "mentions_unread" else None
        key = key or _GAP_CHECKS.get(gap.code) or gap.code
        by_check.setdefault(key, []).append(gap_text(gap))
    checks = [
        Check(
            key=field,
            label=_(label),
            ok=getattr(quality, field),
            status=_("hittades") if getattr(quality, field) else _("hittades inte"),
            reasons=tuple(by_check.get(code, ())),
        )
        for field, label, _name, code in _MEETING_CHECKS
    ]
    checks.append(_check(by_check, "items", _("Paragrafer"), items_detail(quality)))
    checks.append(_check(by_check, "decisions", _("Beslut"), decisions_detail(quality)))
    for kind in KINDS:
        label = _(_KIND_NAMES[kind][1]).capitalize()
        checks.append(_check(by_check, kind, label, mentions_detail(quality, kind)))
    shown = {check.key for check in checks} | {code for *_rest, code in _MEETING_CHECKS}
    others = [reason for key, reasons in by_check.items() if key not in shown for reason in reasons]
    if others:  # gaps of a newer parser than this list knows
        checks.append(_check({"other": others}, "other", _("Övrigt"), ""))
    return checks


def _check(by_check: dict[str, list[str]], key: str, label: str, detail: str) -> Check:
    reasons = tuple(by_check.get(key, ()))
    status = _("stämmer inte") if reasons else _("stämmer")
    return Check(
        key=key, label=label, ok=not reasons, status=status, detail=detail, reasons=reasons
    )


def items_detail(quality: Quality) -> str:
    """`26 lästa, 26 §-rubriker i texten`."""
    return _("%(items)s lästa, %(marks)s §-rubriker i texten") % {
        "items": quality.items,
        "marks": quality.section_marks_in_text,
    }


def decisions_detail(quality: Quality) -> str:
    """`24 av 26 paragrafer har beslut`."""
    return _("%(with)s av %(items)s paragrafer har beslut") % {
        "with": quality.items_with_decision,
        "items": quality.items,
    }


def mentions_detail(quality: Quality, kind: str) -> str:
    """`nämns i 3 §§, lästa i 3`."""
    mentioned = getattr(quality.mentions, kind)
    return ngettext(
        "nämns i %(mentioned)s §, lästa i %(read)s",
        "nämns i %(mentioned)s §§, lästa i %(read)s",
        mentioned,
    ) % {"mentioned": mentioned, "read": getattr(quality.read, kind)}


def summary(quality: Quality, warnings: int) -> str:
    """The figures of one reading on one line, for `parse_protocol --check`."""
    found = [_(name) for field, _label, name, _code in _MEETING_CHECKS if getattr(quality, field)]
    missing = [
        _(name) for field, _label, name, _code in _MEETING_CHECKS if not getattr(quality, field)
    ]
    meeting = _("hittade: %(found)s") % {"found": ", ".join(found) or "–"}
    if missing:
        meeting += "; " + _("saknas: %(missing)s") % {"missing": ", ".join(missing)}
    statements = ", ".join(
        f"{_(_KIND_NAMES[kind][1])} {getattr(quality.mentions, kind)}/{getattr(quality.read, kind)}"
        for kind in KINDS
    )
    parts = [
        ngettext(
            "%(items)s § av %(marks)s i texten, %(with)s med beslut",
            "%(items)s §§ av %(marks)s i texten, %(with)s med beslut",
            quality.items,
        )
        % {
            "items": quality.items,
            "marks": quality.section_marks_in_text,
            "with": quality.items_with_decision,
        },
        meeting,
        _("nämnda/lästa: %(statements)s") % {"statements": statements},
        ngettext("%(count)s varning", "%(count)s varningar", warnings) % {"count": warnings},
    ]
    return " · ".join(parts)
