"""The read-only JSON API, version 1 (documented in docs/api.md).

Plain JsonResponse views, GET only, published data only. Lists are paged with `?page=`
and carry `next`/`previous` links; a malformed parameter is a 400 with a message, a
missing object a 404, both as JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET

from ..parsing.dnr import normalize_dnr
from ..search.filters import ItemFilter
from ..selectors import api, browse, people
from ..selectors.counts import count_cached
from . import api_shapes as shapes

PAGE_SIZE = 50
_JSON_OPTIONS = {"ensure_ascii": False}


class BadRequest(ValueError):
    """A query parameter the API cannot use; its message is returned as the error."""


def _json(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params=_JSON_OPTIONS)


def _error(message: str, status: int) -> JsonResponse:
    return _json({"error": message}, status=status)


def _not_found() -> JsonResponse:
    return _error("Hittades inte.", 404)


def _page(request: HttpRequest, queryset: QuerySet, shape: Callable) -> JsonResponse:
    """One page of `queryset` as `{"count", "next", "previous", "results"}`.

    The count is cached (`selectors.count_cached`): up to ten minutes old, unless a meeting
    has been published since.
    """
    paginator = Paginator(queryset, PAGE_SIZE)
    paginator.count = count_cached(queryset)  # a cached_property: replaced, not computed
    try:
        page = paginator.page(request.GET.get("page", "1"))
    except PageNotAnInteger:
        return _error("page måste vara ett positivt heltal.", 400)
    except EmptyPage:
        return _error("Sidan finns inte.", 404)
    return _json(
        {
            "count": paginator.count,
            "next": _page_link(request, page.next_page_number()) if page.has_next() else None,
            "previous": (
                _page_link(request, page.previous_page_number()) if page.has_previous() else None
            ),
            "results": [shape(request, row) for row in page.object_list],
        }
    )


def _page_link(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def _date_param(request: HttpRequest, name: str) -> dt.date | None:
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise BadRequest(f"{name} måste vara ett datum som ÅÅÅÅ-MM-DD.") from error


def _text_param(request: HttpRequest, name: str) -> str | None:
    value = request.GET.get(name, "").strip()
    # PostgreSQL cannot take NUL in text; refuse it here rather than fail in the query.
    if len(value) > 200 or "\x00" in value:
        raise BadRequest(f"{name} är inte ett giltigt värde.")
    return value or None


def _int_param(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name, "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 9:
        raise BadRequest(f"{name} måste vara ett heltal.")
    return int(value)


def _meeting_filters(request: HttpRequest) -> api.MeetingFilters:
    return api.MeetingFilters(
        body=_text_param(request, "huvudman"),
        committee=_int_param(request, "organ"),
        date_from=_date_param(request, "fran"),
        date_to=_date_param(request, "till"),
    )


def _item_filter(request: HttpRequest) -> ItemFilter:
    """The site's own item filters (minutes/search/filters.py); an unreadable value is a 400."""
    filterset = ItemFilter(request.GET, queryset=browse.published_items())
    if filterset.errors:
        names = ", ".join(sorted(filterset.errors))
        raise BadRequest(f"Ogiltigt värde för: {names}.")
    return filterset


def _answers_bad_requests(view: Callable) -> Callable:
    """Turn a BadRequest raised while reading parameters into a JSON 400."""

    def wrapped(request: HttpRequest, *args, **kwargs) -> JsonResponse:
        try:
            return view(request, *args, **kwargs)
        except BadRequest as error:
            return _error(str(error), 400)

    wrapped.__doc__ = view.__doc__
    wrapped.__name__ = view.__name__
    return wrapped


@require_GET
def index(request: HttpRequest) -> JsonResponse:
    """Where each resource is."""
    names = ("meetings", "items", "cases", "people", "parties")
    return _json(
        {name: request.build_absolute_uri(reverse(f"minutes:api_{name}")) for name in names}
    )


@require_GET
@_answers_bad_requests
def meetings(request: HttpRequest) -> JsonResponse:
    """Published meetings, latest first: `?huvudman=&organ=&fran=&till=&page=`."""
    return _page(
        request, api.api_meetings(filters=_meeting_filters(request)), shapes.meeting_summary
    )


@require_GET
def meeting(request: HttpRequest, pk: int) -> JsonResponse:
    """One published meeting with attendance and items."""
    found = api.api_meeting(pk=pk)
    if found is None:
        return _not_found()
    return _json(shapes.meeting_detail(request, *found))


@require_GET
@_answers_bad_requests
def items(request: HttpRequest) -> JsonResponse:
    """Published items, latest first, filtered like the site's lists (minutes/search/filters.py)
    plus `?dnr=`; `?page=` pages."""
    queryset = api.api_items(items=_item_filter(request).qs, dnr=_text_param(request, "dnr"))
    return _page(request, queryset, shapes.item_summary)


@require_GET
def item(request: HttpRequest, pk: int) -> JsonResponse:
    """One published item with decisions, yrkanden, votes, reservations, notes, cases."""
    candidate = (
        browse.published_items().select_related("meeting__committee__body").filter(pk=pk).first()
    )
    if candidate is None:
        return _gone_or_not_found(pk)
    return _json(shapes.item_detail(request, browse.item_detail(item=candidate)))


def _gone_or_not_found(pk: int) -> JsonResponse:
    """410 with the clerk's reason for a § taken off the site, as its page says; else 404."""
    gone = browse.depublished_item_by_id(pk=pk)
    if gone is None:
        return _not_found()
    return _json(
        {
            "error": "Paragrafen är borttagen från webbplatsen.",
            "reason": gone.depublished_reason,
            "depublished_at": gone.depublished_at.isoformat(),
        },
        status=410,
    )


@require_GET
@_answers_bad_requests
def cases(request: HttpRequest) -> JsonResponse:
    """Cases with published items: `?prefix=` keeps keys that start with it."""
    prefix = _text_param(request, "prefix")
    return _page(request, api.api_cases(prefix=prefix), shapes.case_ref)


@require_GET
def case(request: HttpRequest, body: str, key: str) -> JsonResponse:
    """One body's case and its published items in time order."""
    found = browse.case_of_body(body_slug=body, key=normalize_dnr(key))
    rows = list(browse.case_items(cases=[found])) if found else []
    if not rows:
        return _not_found()
    data = shapes.case_ref(request, found)
    data["items"] = [shapes.item_summary(request, row) for row in rows]
    return _json(data)


@require_GET
def case_choice(request: HttpRequest, key: str) -> HttpResponse:
    """A diarienummer without its body: a redirect to the one body's case, or the cases
    of the bodies that use the number (`cases`) to choose from."""
    found = browse.cases_by_key(key=normalize_dnr(key))
    if not found:
        return _not_found()
    if len(found) == 1 and found[0].body_id is not None:
        return redirect(shapes.case_api_url(found[0]))
    return _json({"key": found[0].key, "cases": [shapes.case_ref(request, c) for c in found]})


@require_GET
@_answers_bad_requests
def people_list(request: HttpRequest) -> JsonResponse:
    """People named in published meetings, by name: `?huvudman=`."""
    queryset = api.api_people(body=_text_param(request, "huvudman"))
    return _page(request, queryset, _person_in_list)


def _person_in_list(request: HttpRequest, row) -> dict:
    return {**shapes.person_ref(request, row), "body": shapes.body_ref(row.body)}


@require_GET
def person(request: HttpRequest, pk: int) -> JsonResponse:
    """One person with counts of meetings, yrkanden, reservations and roll-call votes, and
    where to read the votes."""
    found = api.api_people(body=None).filter(pk=pk).first()
    if found is None:
        return _not_found()
    data = _person_in_list(request, found)
    data["counts"] = api.api_person_counts(person=found)
    data["votes_url"] = request.build_absolute_uri(
        reverse("minutes:api_person_votes", args=[found.pk])
    )
    return _json(data)


@require_GET
@_answers_bad_requests
def person_votes(request: HttpRequest, pk: int) -> JsonResponse:
    """How one person voted where the protocols print the roll, latest first."""
    found = api.api_people(body=None).filter(pk=pk).first()
    if found is None:
        return _not_found()
    return _page(request, people.person_votes(person=found), shapes.person_vote)


@require_GET
@_answers_bad_requests
def parties(request: HttpRequest) -> JsonResponse:
    """Parties active in published meetings."""
    return _page(request, people.party_list(), shapes.party)


@require_GET
def party(request: HttpRequest, abbreviation: str) -> JsonResponse:
    """One party with its reservations per year and its activity per committee."""
    found = people.party_get(abbreviation=abbreviation)
    if found is None:
        return _not_found()
    data = shapes.party(request, found)
    totals = people.party_totals_cached(party=found)
    data["reservations_per_year"] = [
        {"year": year, "reservations": count} for year, count in totals.per_year
    ]
    data["committees"] = [
        {
            "committee": row.committee,
            "body": row.body,
            "reservations": row.reservations,
            "yrkanden": row.yrkanden,
        }
        for row in totals.by_committee
    ]
    return _json(data)
