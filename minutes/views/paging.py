"""Pagination for the browse pages: several independent lists on one page, each with
its own parameter, and page numbers that never fail (a bad number shows the first page)."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def paginate(
    request: HttpRequest,
    queryset: QuerySet,
    *,
    param: str,
    per_page: int,
    count: int | None = None,
) -> Page:
    """The page of `queryset` named by the query parameter `param` (first page if invalid).

    The page carries `previous_url` and `next_url`: the current query with only `param`
    changed, so filters and the other lists' pages are kept. `count`, when known (cached),
    spares counting the queryset.
    """
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: the given value replaces the COUNT
    page = paginator.get_page(request.GET.get(param))
    page.previous_url = (
        _with_page(request, param, page.previous_page_number()) if page.has_previous() else None
    )
    page.next_url = _with_page(request, param, page.next_page_number()) if page.has_next() else None
    return page


def _with_page(request: HttpRequest, param: str, number: int) -> str:
    query = request.GET.copy()
    query[param] = str(number)
    return f"?{query.urlencode()}"
