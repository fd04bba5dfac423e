"""The importer's own warnings, stored with the parser's in the same form.

What the importer had to guess or leave out (a role or party it does not know, a
reservation without a name, a § number twice) is kept on the meeting beside the parser's
warnings, as the same dict (`warning_codes.as_data`): a stable `code`, the § (`item`, or
None), `params`, a `count` of repeats and an English `message` for logs. Pages render the
code in Swedish (`minutes.warning_texts`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from minutes.parsing.records import ParseWarning
from minutes.parsing.warning_codes import as_data, warning_of

# code → the English message, with the params as named fields
IMPORT_MESSAGES: dict[str, str] = {
    "import_unknown_role": "unknown role '{role}' in the attendance list: stored as other attendee",
    "import_reservation_unnamed": "a reservation without a name was left out",
    "import_vote_unreadable": "the vote '{vote}' of '{name}' could not be read",
    "import_duplicate_item": "the § number occurs more than once; only the first was stored",
    "import_party_unreadable": "party '{party}' could not be read",
    "import_party_unknown": "unknown party '{party}': stored and flagged as unknown",
}

StoredWarning = dict[str, Any]


def import_warning(
    code: str, *, item: int | None = None, count: int = 1, **params: Any
) -> StoredWarning:
    """An importer's warning of a known `code` (a `KeyError` for an unknown one)."""
    return as_data(warning_of(IMPORT_MESSAGES, code, item=item, count=count, **params))


def warning_add(
    warnings: list[StoredWarning],
    code: str,
    *,
    item: int | None = None,
    counted: bool = True,
    **params: Any,
) -> None:
    """Add the warning `code` to `warnings`; the same code, § and params again count up
    the first (or, not `counted`, are left out: a party is unknown once however often it
    is named)."""
    for position, known in enumerate(warnings):
        if (known["code"], known["item"], known["params"]) == (code, item, params):
            if counted:
                count = known["count"] + 1
                warnings[position] = import_warning(code, item=item, count=count, **params)
            return
    warnings.append(import_warning(code, item=item, **params))


def warnings_stored(
    parsed: Iterable[ParseWarning], imported: Iterable[StoredWarning]
) -> list[StoredWarning]:
    """The meeting's `parse_warnings`: the parser's warnings, then the importer's."""
    return [*(as_data(warning) for warning in parsed), *(dict(w) for w in imported)]
