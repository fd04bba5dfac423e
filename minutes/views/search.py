"""The search results page (`/sok/`): validate the query, read through minutes.search, render."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..search import exports
from ..search.dnr import cases_by_dnr_prefix, exact_case_key
from ..search.facets import Facets, search_facets
from ..search.filters import KIND_BY_SLUG, YES, ItemFilter, SearchForm
from ..search.query import ItemSearch, item_search
from ..search.results import search_page
from ..search.wording import spelled_forms

PAGE_PARAM = "sida"
# Filters chosen through facet links rather than form fields: kept in hidden inputs so a
# new query typed in the box keeps them.
LINK_FILTERS = ("huvudman", "organ", "ar", "parti", "reserverat", "person")
# Filters with a field of their own in the form's "Fler filter" part.
FORM_FILTERS = ("fran", "till", "typ", "reservation", "utgar")
# The compounds and inflected forms of the words named above the hits.
SHOWN_FORMS = 8


@dataclass(frozen=True)
class Link:
    """A labelled link that changes the search: a facet value or an active-filter chip."""

    label: str
    url: str
    count: int | None = None
    active: bool = False
    name: str = ""


def search(request: HttpRequest) -> HttpResponse:
    """Results for the words and filters in the URL; a known diarienummer goes to its case."""
    form = SearchForm(request.GET)
    query = form.query
    result = item_search(query=query, filters=request.GET, exact=form.exact)
    cases = cases_by_dnr_prefix(result.query) if result.query else []
    if not result.filterset.active_values:
        key = exact_case_key(result.query, cases)
        if key:
            exact = [case for case in cases if case.key == key]
            if len(exact) == 1:
                return redirect(exact[0].get_absolute_url())
            return redirect(reverse("minutes:case_choice", kwargs={"key": key}))
    # Links built from here on carry only what was understood: no blanks, no bad values.
    params = _clean_params(request.GET, drop=set(result.filterset.errors) | set(form.errors))
    context = {
        "form": form,
        "search": result,
        "filter_fields": [result.filterset.form[name] for name in FORM_FILTERS],
        "filters_open": any(request.GET.get(name) for name in FORM_FILTERS),
        "invalid_filters": result.filterset.invalid_filters,
        "hidden_filters": _hidden_filters(params, result.filterset),
        "chips": _chips(params, result.filterset),
        "cases": cases,
        "widened": _widened(params, result, exact=form.exact),
    }
    if not result.is_empty:
        page = search_page(result, page=request.GET.get(PAGE_PARAM))
        suffix = f"?{params.urlencode()}" if params else ""
        context.update(
            page=page,
            pager=_pager_links(params, page),
            facets=_facet_links(params, search_facets(result)),
            exports={
                "csv": reverse("minutes:search_csv") + suffix,
                "json": reverse("minutes:search_json") + suffix,
                "atom": reverse("minutes:search_atom") + suffix,
            },
            export_limit=exports.EXPORT_LIMIT,
        )
    return render(request, "minutes/search/results.html", context)


def _clean_params(params: QueryDict, *, drop: set[str]) -> QueryDict:
    """The URL's parameters without blanks, the page number and the names in `drop`."""
    cleaned = QueryDict(mutable=True)
    for key, values in params.lists():
        kept = [value for value in values if value.strip()]
        if key != PAGE_PARAM and key not in drop and kept:
            cleaned.setlist(key, kept)
    return cleaned


def _url_with(params: QueryDict, **changes: str | None) -> str:
    """`?…` for the current search with some parameters set (or removed, with None)."""
    changed = params.copy()
    for key, value in changes.items():
        if value is None:
            changed.pop(key, None)
        else:
            changed[key] = value
    return f"?{changed.urlencode()}"


def _widened(params: QueryDict, result: ItemSearch, *, exact: bool) -> dict | None:
    """What the words were widened to (the first SHOWN_FORMS forms) with the link that
    searches the exact words only, or, on such a search, the link back; None otherwise."""
    if exact and result.query:
        return {"forms": [], "url": _url_with(params, exakt=None)}
    if result.expansion is None:
        return None
    added = result.expansion.added
    return {
        "forms": spelled_forms(added[:SHOWN_FORMS]),
        "more": len(added) > SHOWN_FORMS,
        "url": _url_with(params, exakt="1"),
    }


def _pager_links(params: QueryDict, page: Page) -> dict[str, str]:
    """The previous and next page of the same search."""
    links = {}
    if page.has_previous():
        links["previous"] = _url_with(params, **{PAGE_PARAM: str(page.previous_page_number())})
    if page.has_next():
        links["next"] = _url_with(params, **{PAGE_PARAM: str(page.next_page_number())})
    return links


def _facet_links(params: QueryDict, facets: Facets) -> list[tuple[str, list[Link]]]:
    """Each facet's values as links that add the value, or remove it when it is active."""
    titled = [
        (_("Huvudman"), facets.body),
        (_("Organ"), facets.committee),
        (_("År"), facets.year),
        (_("Reservationer per parti"), facets.party),
        (_("Typ av beslut"), facets.kind),
    ]
    groups = []
    for title, values in titled:
        links = []
        for value in values:
            active = params.get(value.param) == value.value
            url = _url_with(params, **{value.param: None if active else value.value})
            links.append(Link(value.label, url, value.count, active))
        if links:
            groups.append((title, links))
    return groups


def _chip_text(name: str, value: object) -> str:
    """How an active filter's value reads on its chip."""
    if name == "typ":
        return str(KIND_BY_SLUG[value].label)
    if name in ("reservation", "utgar"):
        return str(_("ja") if value == YES else _("nej"))
    if name == "huvudman":
        return value.name
    if name == "person":
        return f"{value.name} ({value.body.name})"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _chips(params: QueryDict, filterset: ItemFilter) -> list[Link]:
    """The active, valid filters as chips, each with the link that removes it."""
    return [
        Link(
            label=_chip_text(name, value),
            url=_url_with(params, **{name: None}),
            name=str(filterset.filters[name].label),
        )
        for name, value in filterset.active_values.items()
    ]


def _hidden_filters(params: QueryDict, filterset: ItemFilter) -> list[tuple[str, str]]:
    """The link-chosen filters to carry in the search form as hidden inputs."""
    active = filterset.active_values
    return [(name, params[name]) for name in LINK_FILTERS if name in active and name in params]
