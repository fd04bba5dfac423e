"""The person and party pages: who attended, moved and reserved themselves, and when."""

from __future__ import annotations

from django.core.paginator import Page
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..charts import bar_chart
from ..selectors import people
from .paging import paginate

PER_PAGE = 25


def person(request: HttpRequest, body: str, slug: str) -> HttpResponse:
    """A person: meetings attended with role and party, yrkanden, reservations and how the
    person voted where the roll is printed."""
    found = people.person_get(body_slug=body, slug=slug)
    if found is None:
        raise Http404(_("Personen finns inte."))
    pages = _pages(
        request,
        narvaro=(people.person_attendances(person=found), None),
        yrkanden=(people.person_yrkanden(person=found), None),
        reservationer=(people.person_reservations(person=found), None),
        roster=(people.person_votes(person=found), None),
    )
    # Someone named only in unpublished protocols is not public yet.
    if not any(page.paginator.count for page in pages.values()):
        raise Http404(_("Personen finns inte."))
    years = people.person_years(person=found)
    context = {
        "person": found,
        "years": years,
        "reservation_chart": bar_chart(
            [(str(y.year), y.reservations) for y in years],
            title=_("Reservationer per år för %(name)s") % {"name": found.name},
        ),
        "vote_chart": bar_chart(
            [(str(y.year), y.votes) for y in years],
            title=_("Röster i voteringar per år för %(name)s") % {"name": found.name},
        ),
        "attendances": pages["narvaro"],
        "yrkanden": pages["yrkanden"],
        "reservations": pages["reservationer"],
        "votes": pages["roster"],
    }
    return render(request, "minutes/browse/person.html", context)


def parties(request: HttpRequest) -> HttpResponse:
    """Every party active in published meetings, each linking to its page."""
    return render(request, "minutes/browse/parties.html", {"parties": people.party_list()})


def party(request: HttpRequest, abbreviation: str) -> HttpResponse:
    """A party: reservations per year (chart and table), per committee, and the lists."""
    found = people.party_get(abbreviation=abbreviation)
    if found is None:
        raise Http404(_("Partiet finns inte."))
    if found.abbreviation != abbreviation:
        return redirect(found, permanent=True)
    totals = people.party_totals_cached(party=found)
    title = _("Reservationer per år för %(party)s") % {"party": found.abbreviation}
    pages = _pages(
        request,
        reservationer=(people.party_reservations(party=found), totals.reservations),
        yrkanden=(people.party_yrkanden(party=found), totals.yrkanden),
    )
    context = {
        "party": found,
        "per_year": totals.per_year,
        "chart": bar_chart([(str(y), n) for y, n in totals.per_year], title=title),
        "by_committee": totals.by_committee,
        "reservations": pages["reservationer"],
        "yrkanden": pages["yrkanden"],
    }
    return render(request, "minutes/browse/party.html", context)


def _pages(request: HttpRequest, **lists: tuple[QuerySet, int | None]) -> dict[str, Page]:
    """One page of each list, named by its query parameter: `param=(rows, count)`, the
    count when it is known already (cached), else None."""
    return {
        param: paginate(request, rows, param=param, per_page=PER_PAGE, count=count)
        for param, (rows, count) in lists.items()
    }
