"""The parser's warnings as data: a stable code, the §, parameters and a count.

Every guess or repair of the reading is a `ParseWarning` made by `warn(code, …)`; its
English `message` is for logs, and pages render the `code` with its `params` in Swedish
(`minutes.warning_texts`). Repeats of the same warning in the same § fold into one with a
count (`fold`); routine removals of page furniture fold over the whole protocol.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .records import ParseWarning

__all__ = ["MESSAGES", "ParseWarning", "as_data", "at_item", "fold", "warn", "warning_of"]

# code → the English message, with the params as named fields
MESSAGES: dict[str, str] = {
    # extraction
    "pdf_pages_unreadable": "PDF page(s) {pages} could not be loaded and were skipped",
    "pdf_pages_blank": "PDF page(s) {pages} have no text (blank or scanned)",
    "text_not_utf8": "text is not UTF-8; decoded as {encoding}",
    # the document
    "no_items": "no § items found",
    "marker_out_of_order": "line starting with § {number} (line {line}) not read as an item: "
    "its number is out of order",
    "furniture_removed": "{kind} found inside the items and removed: '{example}'",
    "item_unreadable": "§ could not be read ({error}); kept as text",
    # the meeting
    "no_meeting_date": "meeting date not found",
    "committee_inferred": "committee not stated; inferred '{name}' from how the items decide",
    "body_inferred": "body not stated; inferred '{name}' as the most named authority",
    "adjusted_on_without_year": "justering date printed without year; read as {date}",
    "no_attendance": "no attendance list found",
    "attendance_text_ignored": "attendance text without a name ignored: '{text}'",
    # one §
    "item_furniture_removed": "page furniture found inside the item and removed",
    "no_marker_line": "no § marker line at the start of the item",
    "marker_number_differs": "the marker line says § {marked}",
    "no_title": "no title found",
    "beslut_without_decision": "a Beslut heading without a readable decision",
    "only_proposal": "only a proposal (Förslag till beslut), no decision",
    "decision_without_clauses": "decision by {organ} has no clauses",
    "att_clause_joined": "att-clause continued after a break and was joined",
    "party_reservation_unnamed": "reservation by the {party} members kept without names: "
    "no deciding {party} member in the attendance",
    "party_reservation_guessed": "reservation by the {party} members read as {names} "
    "(guessed from the attendance list)",
    "reservation_without_person": "reservation without a named person: {sentence}",
    "tally_avslag_as_abstain": "'Avslag: {abstain}' in a vote tally read as abstentions",
    "roll_counts_computed": "vote counts computed from the printed roll",
    "roll_mismatch": "the printed roll ({roll}) does not add up to the stated vote counts "
    "({stated}): no roll read",
    "roll_row_unreadable": "roll row without a readable column: {row}",
    # printed voting lists (votelists): each gives a warning and no roll rather than a guess
    "roll_list_unpaired": "voting list with {names} names and {votes} votes: they cannot be "
    "paired, no roll read",
    "roll_list_total_mismatch": "voting list votes ({roll}) do not add up to its Totalt row "
    "({total}): no roll read",
    "roll_list_without_names": "voting list without names: no roll read",
    "roll_list_name_twice": "voting list names {name} twice: no roll read",
    "roll_list_without_votering": "a printed voting list without a votering in the text: "
    "read as a votering of its own",
}


def warn(code: str, *, item: int | None = None, count: int = 1, **params: Any) -> ParseWarning:
    """A warning of a known `code` with its parameters (a `KeyError` for an unknown one)."""
    return warning_of(MESSAGES, code, item=item, count=count, **params)


def warning_of(
    messages: Mapping[str, str],
    code: str,
    *,
    item: int | None = None,
    count: int = 1,
    **params: Any,
) -> ParseWarning:
    """A warning whose English message is `messages[code]` (the importer has its own)."""
    message = messages[code].format(**params)
    if item is not None:
        message = f"§ {item}: {message}"
    if count > 1:
        message = f"{message} ({count}×)"
    return ParseWarning(code=code, item=item, count=count, params=params, message=message)


def as_data(warning: ParseWarning) -> dict[str, Any]:
    """The warning as the protocol JSON and the stored meeting hold it."""
    return {
        "code": warning.code,
        "message": warning.message,
        "item": warning.item,
        "count": warning.count,
        "params": dict(warning.params),
    }


def at_item(warnings: Iterable[ParseWarning], number: int) -> list[ParseWarning]:
    """The warnings of a reader of one § (decisions, motions), said of § `number`."""
    return [warn(w.code, item=number, count=w.count, **w.params) for w in warnings]


def fold(warnings: Iterable[ParseWarning]) -> tuple[ParseWarning, ...]:
    """One warning per code, § and parameters, in order of first appearance, with the
    repeats counted."""
    folded: dict[tuple[str, int | None, str], ParseWarning] = {}
    for warning in warnings:
        key = (warning.code, warning.item, repr(sorted(warning.params.items())))
        first = folded.get(key)
        if first is None:
            folded[key] = warning
        else:
            count = first.count + warning.count
            folded[key] = warn(first.code, item=first.item, count=count, **first.params)
    return tuple(folded.values())
