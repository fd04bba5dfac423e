"""The browse pages: body, committee, meeting (and its original file), item and case.

URL values arrive already shaped by the converters in `minutes/urls/browse.py`; anything
that names no published object is a 404. Two meetings of one committee on one date are
told apart by `?tid=HH:MM` (`?tid=ingen` for one without a start time); without it the
date's URL lists both.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from ..models import Case, Item, Meeting
from ..parsing.dnr import normalize_dnr
from ..selectors import browse, corrections, originals
from .paging import paginate

CASE_ITEMS_PER_PAGE = 50
# Meeting and item pages are cached this long (keyed on the import and correction times,
# so a new reading shows at once; a neighbour's link or an admin edit within this time).
PAGE_CACHE_SECONDS = 120
_TID_RE = re.compile(r"^(\d{1,2})[:.]?(\d{2})$")
NO_START_TIME = "ingen"


def body(request: HttpRequest, slug: str) -> HttpResponse:
    """A body: its committees, and its meetings of one year (`?ar=`, latest by default)."""
    found = browse.body_get(slug=slug)
    if found is None:
        raise Http404(_("Huvudmannen finns inte."))
    context = _by_year(request, browse.meetings_of(body=found))
    context.update(body=found, committees=browse.body_committees(body=found))
    return render(request, "minutes/browse/body.html", context)


def committee(request: HttpRequest, body: str, slug: str) -> HttpResponse:
    """A committee: its published meetings of one year (`?ar=`), with links to every year."""
    found = browse.committee_get(body_slug=body, slug=slug)
    if found is None:
        raise Http404(_("Organet finns inte."))
    context = _by_year(request, browse.meetings_of(committee=found))
    context["committee"] = found
    return render(request, "minutes/browse/committee.html", context)


def _by_year(request: HttpRequest, meetings) -> dict:
    years = browse.meeting_years(meetings=meetings)
    year = _chosen_year(request.GET.get("ar"), [y.year for y in years])
    shown = list(browse.meetings_in_year(meetings=meetings, year=year)) if year else []
    _attach_links(shown)
    return {"years": years, "year": year, "meetings": shown}


def _chosen_year(value: str | None, years: list[int]) -> int | None:
    # A year that is malformed or has no meetings is ignored: the latest year is shown.
    if value and value.isdigit() and int(value) in years:
        return int(value)
    return years[0] if years else None


def _attach_links(meetings: list[Meeting]) -> None:
    """Give each meeting its page URL, with `?tid=` where its date is shared."""
    seen: dict[tuple[int, dt.date], int] = {}
    for meeting in meetings:
        key = (meeting.committee_id, meeting.date)
        seen[key] = seen.get(key, 0) + 1
    for meeting in meetings:
        shared = seen[(meeting.committee_id, meeting.date)] > 1
        meeting.page_url = meeting_url(meeting, with_time=shared)


def meeting_url(meeting: Meeting, *, with_time: bool) -> str:
    """The meeting's page; with `?tid=` to tell it from another meeting that day."""
    url = meeting.get_absolute_url()
    return f"{url}?tid={time_param(meeting)}" if with_time else url


def time_param(meeting: Meeting) -> str:
    """The value of `?tid=` naming this meeting among the day's meetings."""
    return meeting.start_time.strftime("%H:%M") if meeting.start_time else NO_START_TIME


def _pick_by_time(candidates: list, value: str | None, meeting_of=lambda m: m) -> list:
    """Narrow same-date candidates by `?tid=`; a malformed value is ignored."""
    if not value:
        return candidates
    if value == NO_START_TIME:
        return [c for c in candidates if meeting_of(c).start_time is None]
    match = _TID_RE.match(value)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        return candidates
    wanted = dt.time(int(match[1]), int(match[2]))
    return [c for c in candidates if meeting_of(c).start_time == wanted]


def _one_meeting(request: HttpRequest, body: str, committee: str, date: dt.date):
    """The meeting the URL names, or the list of the day's meetings when it is ambiguous."""
    candidates = browse.meetings_on_date(body_slug=body, committee_slug=committee, date=date)
    chosen = _pick_by_time(candidates, request.GET.get("tid"))
    if not chosen:
        raise Http404(_("Sammanträdet finns inte."))
    return chosen


def _choose_page(request: HttpRequest, meetings: list[Meeting], suffix: str = "") -> HttpResponse:
    choices = [(m, m.get_absolute_url() + suffix + f"?tid={time_param(m)}") for m in meetings]
    return render(request, "minutes/browse/choose_meeting.html", {"choices": choices})


def meeting(request: HttpRequest, body: str, committee: str, date: dt.date) -> HttpResponse:
    """A meeting: header, attendance by role, every § with its decisions, the file."""
    chosen = _one_meeting(request, body, committee, date)
    if len(chosen) > 1:
        return _choose_page(request, chosen)
    found = chosen[0]
    # The page's body is a cached fragment (PAGE_CACHE_SECONDS): the reads behind it run
    # only when the template renders it, so a cache hit costs the lookup above alone.
    detail = _once(lambda: browse.meeting_detail(meeting=found))
    neighbours = _once(lambda: browse.meeting_neighbours(meeting=found))
    context = {
        "meeting": found,
        "committee": found.committee,
        "groups": SimpleLazyObject(lambda: detail()[0]),
        "items": SimpleLazyObject(lambda: detail()[1]),
        "previous": SimpleLazyObject(lambda: neighbours()[0]),
        "following": SimpleLazyObject(lambda: neighbours()[1]),
        "corrections": SimpleLazyObject(lambda: corrections.meeting_corrections(meeting=found)),
        "versions": SimpleLazyObject(lambda: corrections.meeting_versions(meeting=found)),
        "file_url": _file_url(found),
        "cache_seconds": PAGE_CACHE_SECONDS,
    }
    return render(request, "minutes/browse/meeting.html", context)


def _once(compute):
    """`compute`, run at most once, on first call."""
    return functools.cache(compute)


def _file_public(meeting: Meeting) -> bool:
    """Whether the original file may be downloaded: it holds every §, so not once a clerk
    took one of them off the site."""
    return bool(meeting.source_file) and not browse.meeting_has_depublished(meeting=meeting)


def _file_url(meeting: Meeting) -> str | None:
    if not _file_public(meeting):
        return None
    url = reverse(
        "minutes:meeting_file",
        kwargs={
            "body": meeting.committee.body.slug,
            "committee": meeting.committee.slug,
            "date": meeting.date,
        },
    )
    return f"{url}?tid={time_param(meeting)}"


def meeting_file(request: HttpRequest, body: str, committee: str, date: dt.date):
    """Stream the published meeting's original protocol file as a download, typed by its
    content (`selectors.originals`), never rendered in the browser."""
    chosen = _one_meeting(request, body, committee, date)
    if len(chosen) > 1:
        return _choose_page(request, chosen, suffix="protokoll/")
    original = None if not _file_public(chosen[0]) else originals.original_open(meeting=chosen[0])
    if original is None:
        raise Http404(_("Originalfilen finns inte."))
    response = FileResponse(
        original.handle,
        as_attachment=True,
        filename=original.filename,
        content_type=original.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def item(
    request: HttpRequest, body: str, committee: str, date: dt.date, number: int
) -> HttpResponse:
    """One §: the decision chain, clauses, yrkanden, votes, reservations, notes, sections
    and the path of its case through other meetings."""
    candidates = browse.items_by_number(
        body_slug=body, committee_slug=committee, date=date, number=number
    )
    chosen = _pick_by_time(candidates, request.GET.get("tid"), lambda i: i.meeting)
    if not chosen:
        return _item_gone(request, body, committee, date, number)
    if len(chosen) > 1:
        return _choose_page(request, [i.meeting for i in chosen], suffix=f"{number}/")
    found = chosen[0]

    def detail() -> dict:
        # Runs only when the cached fragment is rendered; the template reads `dnrs` first.
        browse.item_detail(item=found)
        cases = list(found.cases.all())
        return {
            "dnrs": _dnr_links(found, cases),
            "path": browse.case_path(cases=cases),
            "corrections": corrections.item_corrections(item=found),
        }

    loaded = _once(detail)
    context = {
        "item": found,
        "meeting": found.meeting,
        "committee": found.meeting.committee,
        "dnrs": SimpleLazyObject(lambda: loaded()["dnrs"]),
        "path": SimpleLazyObject(lambda: loaded()["path"]),
        "corrections": SimpleLazyObject(lambda: loaded()["corrections"]),
        "cache_seconds": PAGE_CACHE_SECONDS,
    }
    return render(request, "minutes/browse/item.html", context)


def _item_gone(request: HttpRequest, body: str, committee: str, date: dt.date, number: int):
    """A § a clerk took off the site answers 410 Gone with the reason; any other missing
    § is a 404."""
    gone = browse.depublished_item(
        body_slug=body, committee_slug=committee, date=date, number=number
    )
    if gone is None:
        raise Http404(_("Paragrafen finns inte."))
    return render(
        request,
        "minutes/browse/item_gone.html",
        {"item": gone, "meeting": gone.meeting, "committee": gone.meeting.committee},
        status=410,
    )


def _dnr_links(item: Item, cases: list[Case]) -> list[tuple[str, Case | None]]:
    """Each printed dnr with the case it belongs to (None when no case was linked)."""
    by_key = {case.key: case for case in cases}
    links = [(dnr, by_key.pop(normalize_dnr(dnr), None)) for dnr in item.dnr]
    # A case linked without its number printed on the item is still shown.
    return links + [(case.dnr, case) for case in by_key.values()]


def _case_key(key: str) -> str:
    """The normalized key of a case address's number; 404 when nothing of it is left."""
    normalized = normalize_dnr(key)
    if not normalized:
        raise Http404(_("Ärendet finns inte."))
    return normalized


def case(request: HttpRequest, body: str, key: str) -> HttpResponse:
    """Every published item of one body's case, across its committees, in time order."""
    normalized = _case_key(key)
    if normalized != key:
        return redirect("minutes:case", body=body, key=normalized, permanent=True)
    found = browse.case_of_body(body_slug=body, key=key)
    if found is None:
        raise Http404(_("Ärendet finns inte."))
    return _case_page(request, found)


def _case_page(request: HttpRequest, found: Case) -> HttpResponse:
    page = paginate(
        request, browse.case_items(cases=[found]), param="sida", per_page=CASE_ITEMS_PER_PAGE
    )
    if page.paginator.count == 0:
        raise Http404(_("Ärendet finns inte."))
    context = {"cases": [found], "dnrs": [found.dnr], "page": page}
    return render(request, "minutes/browse/case.html", context)


def case_choice(request: HttpRequest, key: str) -> HttpResponse:
    """A diarienummer without its body: the case of the one body that has it, or a short
    list of the bodies to choose from when several use the same number."""
    normalized = _case_key(key)
    if normalized != key:
        return redirect("minutes:case_choice", key=normalized, permanent=True)
    cases = browse.cases_by_key(key=key)
    if not cases:
        raise Http404(_("Ärendet finns inte."))
    if len(cases) == 1:
        if cases[0].body_id is None:
            return _case_page(request, cases[0])
        return redirect(cases[0].get_absolute_url())
    return render(request, "minutes/browse/case_choice.html", {"cases": cases, "key": key})


def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt: everything public may be crawled; the sitemap says where it is."""
    sitemap = request.build_absolute_uri(reverse("minutes:sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /konto/",
        "Disallow: /api/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
