"""Every search as CSV and JSON: all matching rows, streamed, with the page's parameters."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils.translation import gettext as _

from .. import search as selectors
from ..filters import SearchForm
from ..models import Item

CSV_HEADER = [
    "huvudman",
    "organ",
    "datum",
    "paragraf",
    "rubrik",
    "diarienummer",
    "beslutstyp",
    "att-satser",
    "reservationer",
    "utgick",
    "adress",
]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Echo:
    """A file-like object whose write returns the line, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def _search_or_error(request: HttpRequest) -> selectors.ItemSearch | HttpResponse:
    """The search of the URL, or a 400 when it asks for nothing (the whole archive)."""
    form = SearchForm(request.GET)
    query = form.query
    result = selectors.item_search(query=query, filters=request.GET)
    if result.is_empty:
        return HttpResponseBadRequest(
            _("Ange sökord eller filter för att exportera."),
            content_type="text/plain; charset=utf-8",
        )
    return result


def _item_record(item: Item, absolute: Callable[[str], str]) -> dict:
    """An item as plain data for the exports."""
    meeting = item.meeting
    return {
        "body": meeting.committee.body.name,
        "committee": meeting.committee.name,
        "date": meeting.date.isoformat(),
        "number": item.number,
        "title": item.title,
        "dnr": list(item.dnr),
        "withdrawn": item.withdrawn,
        "decisions": [
            {
                "decided_by": decision.decided_by,
                "kind": decision.kind,
                "proposed_to": list(decision.proposed_to),
                "clauses": [clause.text for clause in decision.clauses.all()],
            }
            for decision in item.decisions.all()
        ],
        "reservations": [
            {
                "person": reservation.person.name,
                "party": reservation.party.abbreviation if reservation.party else None,
                "reason": reservation.reason,
            }
            for reservation in item.reservations.all()
        ],
        "url": absolute(item.get_absolute_url()),
    }


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _csv_row(record: dict) -> list[str]:
    decisions = record["decisions"]
    reservations = [
        f"{r['person']} ({r['party']})" if r["party"] else r["person"]
        for r in record["reservations"]
    ]
    row = [
        record["body"],
        record["committee"],
        record["date"],
        str(record["number"]),
        record["title"],
        "; ".join(record["dnr"]),
        "; ".join(dict.fromkeys(d["kind"] for d in decisions)),
        "\n".join(clause for d in decisions for clause in d["clauses"]),
        "; ".join(reservations),
        _("ja") if record["withdrawn"] else _("nej"),
        record["url"],
    ]
    return [_cell(value) for value in row]


def _csv_lines(records: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # The byte-order mark makes spreadsheet programs read the file as UTF-8 (å, ä, ö).
    yield "\ufeff" + writer.writerow(CSV_HEADER)
    for record in records:
        yield writer.writerow(_csv_row(record))


def _json_chunks(records: Iterable[dict]) -> Iterator[str]:
    yield "["
    for index, record in enumerate(records):
        yield ("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]\n"


def _records(request: HttpRequest, result: selectors.ItemSearch) -> Iterator[dict]:
    for item in selectors.export_items(result):
        yield _item_record(item, request.build_absolute_uri)


def search_csv(request: HttpRequest) -> HttpResponse:
    """All results of the search as CSV (one row per §), streamed."""
    result = _search_or_error(request)
    if isinstance(result, HttpResponse):
        return result
    response = StreamingHttpResponse(
        _csv_lines(_records(request, result)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="sokresultat.csv"'
    return response


def search_json(request: HttpRequest) -> HttpResponse:
    """All results of the search as a JSON array, streamed."""
    result = _search_or_error(request)
    if isinstance(result, HttpResponse):
        return result
    response = StreamingHttpResponse(
        _json_chunks(_records(request, result)), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="sokresultat.json"'
    return response
