"""An Atom feed of any search (`/sok/atom/?q=…&parti=…`), so a journalist can subscribe.

Entries come newest meeting first whatever the ranking of the page: a subscriber wants to
see what is new. Every string from a protocol is escaped as HTML before it goes into an
entry's summary (which Atom marks `type="html"`).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from .models import Item
from .search.exports import export_items
from .search.filters import SearchForm
from .search.query import ItemSearch, item_search

FEED_SIZE = 50


class SearchFeed(Feed):
    """The newest results of a search as Atom entries."""

    feed_type = Atom1Feed
    author_name = "Protokollarkivet"

    def get_object(self, request: HttpRequest) -> ItemSearch:
        form = SearchForm(request.GET)
        return item_search(query=form.query, filters=request.GET, exact=form.exact)

    def title(self, obj: ItemSearch) -> str:
        if obj.query:
            return _("Protokollarkivet: sökning på ”%(query)s”") % {"query": obj.query}
        return _("Protokollarkivet: senaste besluten")

    def subtitle(self, obj: ItemSearch) -> str:
        return _("Nya paragrafer i publicerade protokoll som matchar sökningen.")

    def link(self, obj: ItemSearch) -> str:
        # The filterset is bound to the request's parameters: the page of the same search.
        query_string = obj.filterset.data.urlencode()
        suffix = f"?{query_string}" if query_string else ""
        return reverse("minutes:search") + suffix

    def items(self, obj: ItemSearch) -> list[Item]:
        newest = obj.items.order_by("-meeting__date", "-meeting_id", "-number")
        search = ItemSearch(query=obj.query, filterset=obj.filterset, items=newest)
        return list(export_items(search, limit=FEED_SIZE))

    def item_title(self, item: Item) -> str:
        return f"§ {item.number} {item.title}"

    def item_link(self, item: Item) -> str:
        return item.get_absolute_url()

    def item_description(self, item: Item) -> str:
        meeting = item.meeting
        header = format_html(
            "<p>{} ({}), {}</p>",
            meeting.committee.name,
            meeting.committee.body.name,
            meeting.date.isoformat(),
        )
        clauses = format_html_join(
            "",
            "<li>{}</li>",
            ((clause.text,) for d in item.decisions.all() for clause in d.clauses.all()),
        )
        return header + (format_html("<ol>{}</ol>", clauses) if clauses else "")

    def item_pubdate(self, item: Item) -> dt.datetime:
        midnight = dt.datetime.combine(item.meeting.date, dt.time())
        return timezone.make_aware(midnight)

    def item_updateddate(self, item: Item) -> dt.datetime:
        return item.meeting.imported_at

    def item_categories(self, item: Item) -> list[str]:
        return [item.meeting.committee.name]
