"""Every search as CSV and JSON: its first EXPORT_LIMIT rows in result order, streamed, with
the page's parameters."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils.translation import gettext as _

from ..models import Item
from ..search import exports
from ..search.filters import SearchForm
from ..search.query import ItemSearch, item_search

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


def _search_or_error(request: HttpRequest) -> ItemSearch | HttpResponse:
    """The search of the URL, or a 400 when it asks for nothing (the whole archive)."""
    form = SearchForm(request.GET)
    query = form.query
    result = item_search(query=query, filters=request.GET, exact=form.exact)
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


def _records(request: HttpRequest, result: ItemSearch) -> Iterator[dict]:
    for item in exports.export_items(result, limit=exports.EXPORT_LIMIT):
        yield _item_record(item, request.build_absolute_uri)


def _export_response(
    result: ItemSearch, chunks: Iterator[str], content_type: str, filename: str
) -> StreamingHttpResponse:
    """A download of `chunks`; its headers say how many rows an export holds at most and
    whether this search has more (`X-Export-Limit`, `X-Export-Truncated`)."""
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Export-Limit"] = str(exports.EXPORT_LIMIT)
    truncated = exports.export_truncated(result, limit=exports.EXPORT_LIMIT)
    response["X-Export-Truncated"] = "true" if truncated else "false"
    return response


def search_csv(request: HttpRequest) -> HttpResponse:
    """The search's results as CSV (one row per §, at most exports.EXPORT_LIMIT), streamed."""
    result = _search_or_error(request)
    if isinstance(result, HttpResponse):
        return result
    return _export_response(
        result, _csv_lines(_records(request, result)), "text/csv; charset=utf-8", "sokresultat.csv"
    )


def search_json(request: HttpRequest) -> HttpResponse:
    """The search's results as a JSON array (at most exports.EXPORT_LIMIT), streamed."""
    result = _search_or_error(request)
    if isinstance(result, HttpResponse):
        return result
    return _export_response(
        result,
        _json_chunks(_records(request, result)),
        "application/json; charset=utf-8",
        "sokresultat.json",
    )
