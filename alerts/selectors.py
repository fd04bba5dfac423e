"""Reads of the alerts: which search a page follows, the new matches of a subscription,
what is due to be mailed, and an address as far as a page may show it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from django.db import connection
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from minutes.models import Item
from minutes.search.dnr import cases_by_dnr_prefix, exact_case_key
from minutes.search.filters import ItemFilter, SearchForm
from minutes.search.query import ItemSearch, item_search
from minutes.selectors.browse import published_items

from .models import Publication, Subscriber, Subscription

# A daily subscription is due again this long after it was last checked: a little under a
# day, so a scheduler that runs every few minutes does not drift later each day.
DAILY_INTERVAL = dt.timedelta(hours=23, minutes=30)
Mode = Literal["daily", "immediate", "due"]


@dataclass(frozen=True)
class FollowedSearch:
    """A search as it is followed: its cleaned URL parameters, the case its words name (if
    any), and how it reads to a person."""

    query: str
    case_key: str
    label: str

    @property
    def url(self) -> str:
        """The search's results page (which sends a case's diarienummer on to the case)."""
        return reverse("minutes:search") + f"?{self.query}"


def followed_search(
    params: Mapping[str, str], *, case_key: str | None = None
) -> FollowedSearch | None:
    """The search of the URL parameters `params` as it can be followed, or None when it asks
    for nothing (no valid words, no valid filter).

    Only what the search understood is kept (blank, unreadable and paging parameters go),
    sorted, so the same search followed twice is one subscription. Words that name a case
    exactly follow the case: its next § anywhere in the archive (`case_key` when the caller
    knows the case already, as its page does).
    """
    form = SearchForm(params)
    words = form.query.strip()
    filterset = ItemFilter(params, queryset=Item.objects.none())
    active = filterset.active_values
    if not words and not active:
        return None
    kept = QueryDict(mutable=True)
    if words:
        kept["q"] = " ".join(words.split())
    if words and form.exact:  # the words as typed, without their compounds
        kept["exakt"] = "1"
    for name in sorted(active):
        kept[name] = str(params[name]).strip()
    if case_key is None and words:
        case_key = exact_case_key(words, cases_by_dnr_prefix(words))
    return FollowedSearch(
        query=kept.urlencode(), case_key=case_key or "", label=_label(words, case_key, filterset)
    )


def _label(words: str, case_key: str | None, filterset: ItemFilter) -> str:
    parts = []
    if case_key:
        parts.append(_("ärendet %(dnr)s") % {"dnr": words})
    elif words:
        parts.append(f"”{words}”")
    for name, value in filterset.active_values.items():
        choices = dict(filterset.filters[name].extra.get("choices") or [])
        shown = value.isoformat() if hasattr(value, "isoformat") else choices.get(value, value)
        parts.append(f"{filterset.filters[name].label}: {shown}")
    return ", ".join(str(part) for part in parts)


def subscription_search(subscription: Subscription) -> FollowedSearch:
    """The search `subscription` follows, as it reads now (a filter whose value is gone from
    the archive reads as nothing)."""
    params = QueryDict(subscription.query)
    found = followed_search(params)
    label = found.label if found else subscription.query
    return FollowedSearch(query=subscription.query, case_key=subscription.case_key, label=label)


def publication_horizon() -> int:
    """The oldest transaction still running: every publication below it has committed or
    never will, and every publication still to come has an id at or above it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
        return cursor.fetchone()[0]


def new_matches(subscription: Subscription, *, horizon: int) -> ItemSearch:
    """The followed search over the items published from the subscription's mark up to
    `horizon`, through the archive's own search (`minutes.search.query.item_search`)."""
    meetings = Publication.objects.filter(xid__gte=subscription.mark, xid__lt=horizon).values(
        "meeting_id"
    )
    new_items = published_items().filter(meeting_id__in=meetings)
    params = QueryDict(subscription.query)
    if subscription.case_key:
        on_case = Item.cases.through.objects.filter(case__key=subscription.case_key)
        within = new_items.filter(pk__in=on_case.values("item_id"))
        return item_search(query="", filters=params, within=within)
    form = SearchForm(params)
    return item_search(query=form.query, filters=params, exact=form.exact, within=new_items)


def due_subscriptions(*, mode: Mode, now: dt.datetime) -> QuerySet[Subscription]:
    """Confirmed subscriptions to check now: `immediate` ones, `daily` ones (all of them:
    the scheduler says a day has passed), or by each one's choice (`due`: every immediate
    one, and a daily one a day after it was last checked)."""
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False).order_by("pk")
    immediate = confirmed.filter(frequency=Subscription.Frequency.IMMEDIATE)
    daily = confirmed.filter(frequency=Subscription.Frequency.DAILY)
    if mode == "immediate":
        return immediate
    if mode == "daily":
        return daily
    stale = daily.filter(checked_at__isnull=True) | daily.filter(
        checked_at__lte=now - DAILY_INTERVAL
    )
    return immediate | stale


def subscriptions_of(subscriber: Subscriber) -> list[tuple[Subscription, FollowedSearch]]:
    """The address's subscriptions, oldest first, each with the search it follows."""
    rows = subscriber.subscriptions.order_by("created_at", "pk")
    return [(row, subscription_search(row)) for row in rows]


def masked_address(email: str) -> str:
    """The address as a page may show it: `a•••@e•••.se` (never the whole of it)."""
    local, _at, domain = email.partition("@")
    name, dot, tld = domain.rpartition(".")
    if not dot:
        name, tld = domain, ""
    return f"{local[:1]}•••@{name[:1]}•••{dot}{tld}"
