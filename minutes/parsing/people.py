"""Names and party codes as protocols print them: `Lena Asplund (M)`, `Pia Lundin (SJVP)`."""

from __future__ import annotations

import re

from .records import PersonRef

# National party codes plus local ones seen in the wild; any 1-6 letter code in
# parentheses after a name is accepted, these are only for telling a party from a
# municipality or a role in parentheses.
KNOWN_PARTIES = frozenset(
    {"S", "M", "SD", "C", "V", "KD", "L", "MP", "SJVP", "FB", "FP", "NS", "SPI", "VÄP", "-"}
)

# The national parties by name, as protocols write them for a group of members
# (`Sverigedemokraternas ledamöter`, `ledamöterna för Moderaterna`).
PARTY_BY_NAME = {
    "socialdemokraterna": "S",
    "moderaterna": "M",
    "sverigedemokraterna": "SD",
    "centerpartiet": "C",
    "vänsterpartiet": "V",
    "kristdemokraterna": "KD",
    "liberalerna": "L",
    "miljöpartiet": "MP",
}

# A capitalised name part: `Åsa`, `Ryder`, `Wikén`, `Lars-Erik`, `O'Neil`; also
# lower-case particles such as `von`, `af`, `de`.
_NAME_PART = (
    r"(?:[A-ZÅÄÖÉÜ][a-zåäöéèüßáíóúøæ'’]+(?:-[A-ZÅÄÖÉÜ][a-zåäöéèüßáíóúøæ'’]+)?|von|af|de|van|der)"
)
# The look-behind keeps a particle such as `de` from matching the end of `ordförande`.
NAME = rf"(?<![\w-]){_NAME_PART}(?:[ \t]+{_NAME_PART}){{1,4}}"
PARTY = r"\((?P<party>[A-ZÅÄÖa-zåäö]{1,6}|-)\)"

PERSON_WITH_PARTY_RE = re.compile(rf"(?P<name>{NAME})[ \t]*{PARTY}")


def normalize_party(code: str | None) -> str | None:
    """Upper-case a party code as printed (older texts write `(s)`); `-` means no party."""
    if code is None:
        return None
    code = code.strip()
    return code.upper() if code else None


def find_person_refs(text: str) -> list[PersonRef]:
    """Every `Name (PARTY)` in the text, in order, each person once."""
    seen: dict[str, PersonRef] = {}
    for match in PERSON_WITH_PARTY_RE.finditer(text):
        name = " ".join(match.group("name").split())
        if name not in seen:
            seen[name] = PersonRef(name=name, party=normalize_party(match.group("party")))
    return list(seen.values())
