"""The party catalogue: the abbreviations the archive knows, and how a printed code is read.

Protocols print a party beside each name: `(S)`, `(SJVP)`, `(kd)` in older text, `(-)` for
a member without party. Codes outside the catalogue are kept (the importer creates them
flagged `is_known=False`) so nothing a protocol says is dropped.
"""

from __future__ import annotations

# National parties in the Riksdag, their older names still met in archived protocols, and
# the local parties seen in the reference protocols.
PARTY_CATALOGUE: dict[str, str] = {
    "S": "Socialdemokraterna",
    "M": "Moderaterna",
    "C": "Centerpartiet",
    "L": "Liberalerna",
    "KD": "Kristdemokraterna",
    "V": "Vänsterpartiet",
    "MP": "Miljöpartiet",
    "SD": "Sverigedemokraterna",
    "FP": "Folkpartiet liberalerna",
    "SJVP": "Sjukvårdspartiet Västernorrland",
}

# What protocols print for a member without party.
_NO_PARTY = frozenset({"", "-", "–", "—", "OBEROENDE", "POLITISKT OBUNDEN"})

# Longer than this is not a party code but a misreading (the column is 12 wide).
MAX_CODE_LENGTH = 12


def _bare(printed: str) -> str:
    return printed.strip().strip("()[]").strip().upper()


def is_no_party(printed: str | None) -> bool:
    """True when the protocol says the person has no party: nothing printed, or `(-)`."""
    return printed is None or _bare(printed) in _NO_PARTY


def party_code(printed: str | None) -> str | None:
    """The canonical code of a printed party (`(kd)` → `KD`), or None for no party.

    Returns None for a missing party and for `(-)`; a value that cannot be a party code
    (too long, with spaces) is also None — the importer warns about it.
    """
    if is_no_party(printed):
        return None
    code = _bare(printed)
    if len(code) > MAX_CODE_LENGTH or " " in code:
        return None
    return code


def party_name(code: str) -> str | None:
    """The full name of a catalogued party code, or None when the archive does not know it."""
    return PARTY_CATALOGUE.get(code)
