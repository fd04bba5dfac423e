"""The warnings of a reading in the clerks' language.

The parser (`minutes.parsing.warning_codes`) and the importer (`services.import_warnings`)
give each warning a stable code, the § it concerns (or None), its parameters and a count
of repeats; the English message is for logs. `in_swedish` renders the code's Swedish text
through gettext, with the parameters by name, the § before it and the count after it.
Meetings imported before warnings had codes store plain strings: those are shown as
written, and so is the message of a code this table does not know.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from .parsing.records import ParseWarning

# code → the Swedish text, with the code's params as named placeholders. `%(times)s`,
# where a text has it, is where the count goes (" (3 gånger)"); elsewhere it ends the text.
TEXTS: dict[str, str] = {
    # the parser: extraction
    "pdf_pages_unreadable": gettext_noop(
        "PDF-sidorna %(pages)s kunde inte läsas och hoppades över"
    ),
    "pdf_pages_blank": gettext_noop("PDF-sidorna %(pages)s saknar text (tomma eller inskannade)"),
    "text_not_utf8": gettext_noop("texten är inte UTF-8 och lästes som %(encoding)s"),
    # the parser: the document
    "no_items": gettext_noop("inga paragrafer (§) hittades"),
    "marker_out_of_order": gettext_noop(
        "raden som börjar med § %(number)s (rad %(line)s) lästes inte som en paragraf:"
        " numret kommer i fel ordning"
    ),
    "furniture_removed": gettext_noop("%(kind)s togs bort ur %(items)s%(times)s: ”%(example)s”"),
    "item_unreadable": gettext_noop(
        "paragrafen kunde inte läsas (%(error)s) och sparades som text"
    ),
    # the parser: the meeting
    "no_meeting_date": gettext_noop("sammanträdesdatumet hittades inte"),
    "committee_inferred": gettext_noop(
        "organet anges inte; ”%(name)s” antogs utifrån hur paragraferna beslutar"
    ),
    "body_inferred": gettext_noop(
        "huvudmannen anges inte; ”%(name)s” antogs som den oftast nämnda"
    ),
    "adjusted_on_without_year": gettext_noop("justeringsdatumet saknar år och lästes som %(date)s"),
    "no_attendance": gettext_noop("ingen närvarolista hittades"),
    "attendance_text_ignored": gettext_noop(
        "text i närvarolistan utan namn hoppades över: ”%(text)s”"
    ),
    # the parser: one §
    "item_furniture_removed": gettext_noop("sidhuvud eller sidfot togs bort ur paragrafen"),
    "no_marker_line": gettext_noop("ingen §-rad i början av paragrafen"),
    "marker_number_differs": gettext_noop("§-raden säger § %(marked)s"),
    "no_title": gettext_noop("ingen rubrik hittades"),
    "beslut_without_decision": gettext_noop("rubriken Beslut utan ett beslut som gick att läsa"),
    "only_proposal": gettext_noop("bara ett förslag (Förslag till beslut), inget beslut"),
    "decision_without_clauses": gettext_noop("beslutet av %(organ)s saknar att-satser"),
    "att_clause_joined": gettext_noop("en att-sats fortsatte efter ett avbrott och fogades ihop"),
    "party_reservation_unnamed": gettext_noop(
        "reservationen av ledamöterna från %(party)s sparades utan namn: ingen beslutande"
        " ledamot från %(party)s i närvarolistan"
    ),
    "party_reservation_guessed": gettext_noop(
        "reservationen av ledamöterna från %(party)s lästes som %(names)s (gissat ur närvarolistan)"
    ),
    "reservation_without_person": gettext_noop(
        "en reservation utan namngiven person: %(sentence)s"
    ),
    "tally_avslag_as_abstain": gettext_noop(
        "”Avslag: %(abstain)s” i en röstsammanräkning lästes som nedlagda röster"
    ),
    "roll_counts_computed": gettext_noop("rösterna räknades fram ur den tryckta voteringslistan"),
    "roll_mismatch": gettext_noop(
        "den tryckta voteringslistan (%(roll)s) stämmer inte med de angivna rösterna"
        " (%(stated)s): vem som röstade hur lästes inte"
    ),
    "roll_row_unreadable": gettext_noop("en rad i voteringslistan utan läsbar kolumn: %(row)s"),
    "roll_list_unpaired": gettext_noop(
        "voteringslistan har %(names)s namn men %(votes)s röster som inte går att para ihop:"
        " vem som röstade hur lästes inte"
    ),
    "roll_list_total_mismatch": gettext_noop(
        "rösterna i voteringslistan (%(roll)s) stämmer inte med dess totalrad (%(total)s):"
        " vem som röstade hur lästes inte"
    ),
    "roll_list_without_names": gettext_noop(
        "voteringslistan saknar namn: vem som röstade hur lästes inte"
    ),
    "roll_list_name_twice": gettext_noop(
        "voteringslistan tar upp %(name)s två gånger: vem som röstade hur lästes inte"
    ),
    "roll_list_without_votering": gettext_noop(
        "en tryckt voteringslista utan votering i texten lästes som en egen votering"
    ),
    # the importer (services.import_warnings)
    "import_unknown_role": gettext_noop(
        "okänd roll ”%(role)s” i närvarolistan: sparad som övrig närvarande"
    ),
    "import_reservation_unnamed": gettext_noop("en reservation utan namn utelämnades"),
    "import_vote_unreadable": gettext_noop("rösten ”%(vote)s” av %(name)s kunde inte tolkas"),
    "import_duplicate_item": gettext_noop(
        "paragrafnumret förekommer flera gånger; bara den första sparades"
    ),
    "import_party_unreadable": gettext_noop("partibeteckningen ”%(party)s” kunde inte tolkas"),
    "import_party_unknown": gettext_noop("okänt parti ”%(party)s”: sparat och flaggat som okänt"),
}

# The kinds of page furniture the parser removes (`furniture_removed`'s `kind`).
FURNITURE_KINDS: dict[str, str] = {
    "signature box": gettext_noop("signaturruta"),
    "page number": gettext_noop("sidnummer"),
    "signing-service line": gettext_noop("rad från e-signeringstjänsten"),
    "Datum/Dnr/Sida page header": gettext_noop("sidhuvud (Datum/Dnr/Sida)"),
    "repeated page header": gettext_noop("upprepat sidhuvud"),
    "page header": gettext_noop("sidhuvud"),
}


def _furniture_kind(kind: Any) -> str:
    known = FURNITURE_KINDS.get(kind)
    return _(known) if known else str(kind)


def _sections(numbers: Any) -> str:
    """`§ 3`, `§§ 3, 4, 7`, `§§ 208–222` (three or more in a row); the §§ when none is named."""
    numbers = list(numbers) if isinstance(numbers, list | tuple) else [numbers]
    if not numbers:
        return _("paragraferna")
    runs: list[list[Any]] = []
    for number in numbers:
        if runs and isinstance(number, int) and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [
        f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(str(n) for n in run) for run in runs
    ]
    return f"{'§' if len(numbers) == 1 else '§§'} {', '.join(parts)}"


def _organ(organ: Any) -> str:
    # The parser's stand-in when a decision names no organ.
    return _("ett okänt organ") if organ in (None, "", "unknown organ") else str(organ)


# (code, param) → how that param reads in Swedish; any other list reads joined with ", ".
_PARAM_TEXTS: dict[tuple[str, str], Callable[[Any], str]] = {
    ("furniture_removed", "kind"): _furniture_kind,
    ("furniture_removed", "items"): _sections,
    ("decision_without_clauses", "organ"): _organ,
}


def in_swedish(warning: ParseWarning | Mapping[str, Any] | str) -> str:
    """A warning as the clerk reads it: a ParseWarning, or a meeting's stored warning (the
    dict of `warning_codes.as_data`, or a plain string from before codes, as written)."""
    if isinstance(warning, str):
        return warning
    if isinstance(warning, ParseWarning):
        code, item, count = warning.code, warning.item, warning.count
        params, message = warning.params, warning.message
    elif isinstance(warning, Mapping):
        code, item, count = warning.get("code"), warning.get("item"), warning.get("count")
        params, message = warning.get("params") or {}, warning.get("message") or ""
    else:
        return str(warning)
    text = TEXTS.get(code) if isinstance(code, str) else None
    if text is None or not isinstance(params, Mapping):
        return message or str(code)
    repeated = isinstance(count, int) and count > 1
    times = _(" (%(count)s gånger)") % {"count": count} if repeated else ""
    values = {name: _param_text(code, name, value) for name, value in params.items()}
    try:
        swedish = _(text) % {**values, "times": times}
    except (KeyError, TypeError, ValueError):  # a stored warning without the params it needs
        return message or str(code)
    if "%(times)s" not in text:
        swedish += times
    return f"§ {item}: {swedish}" if item is not None else swedish


def _param_text(code: str, name: str, value: Any) -> str:
    render = _PARAM_TEXTS.get((code, name))
    if render is not None:
        return render(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(part) for part in value)
    return "" if value is None else str(value)
