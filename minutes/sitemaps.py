"""The sitemap (django.contrib.sitemaps): every public page a search engine should find.

`/sitemap.xml` is an index of one sitemap per section, so a large archive is split into
pages of PAGE_SIZE addresses each. Only published meetings and what is in them.
"""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef, QuerySet

from .models import Body, Case, Committee, Item, Meeting
from .selectors.browse import published_items
from .selectors.people import party_list
from .selectors.public import public_bodies, public_committees

# Addresses per sitemap page (the protocol allows 50,000): pages this size, reading only
# the address's columns, answer within a request's time (docs/performance.md).
PAGE_SIZE = 10_000
# What a meeting's and an item's address are made of (`get_absolute_url`).
_MEETING_ADDRESS = ("date", "imported_at", "committee__slug", "committee__body__slug")
_ITEM_ADDRESS = ("number", *(f"meeting__{field}" for field in _MEETING_ADDRESS))


class MeetingSitemap(Sitemap):
    """Published meetings; a re-import changes the page, so lastmod is the import time."""

    changefreq = "yearly"
    limit = PAGE_SIZE

    def items(self) -> QuerySet[Meeting]:
        return (
            Meeting.objects.published()
            .select_related("committee__body")
            .only(*_MEETING_ADDRESS)
            .order_by("pk")
        )

    def lastmod(self, obj: Meeting):
        return obj.imported_at

    def get_latest_lastmod(self):
        """The newest import, for the index, in one MAX query: Django's default reads every
        meeting as a model to find it."""
        return Meeting.objects.published().aggregate(latest=Max("imported_at"))["latest"]


class ItemSitemap(Sitemap):
    """Every § of a published meeting."""

    changefreq = "yearly"
    limit = PAGE_SIZE

    def items(self) -> QuerySet[Item]:
        return (
            published_items()
            .select_related("meeting__committee__body")
            .only(*_ITEM_ADDRESS)
            .order_by("pk")
        )


class CaseSitemap(Sitemap):
    """One address per body's case with at least one published item."""

    changefreq = "weekly"
    limit = PAGE_SIZE

    def items(self) -> QuerySet[Case]:
        published = published_items().filter(cases=OuterRef("pk"))
        return Case.objects.filter(Exists(published)).select_related("body").order_by("key", "id")


class CommitteeSitemap(Sitemap):
    """Committees with at least one published meeting."""

    changefreq = "weekly"

    def items(self) -> QuerySet[Committee]:
        return public_committees().select_related("body").order_by("pk")


class BodySitemap(Sitemap):
    """Bodies with at least one published meeting."""

    changefreq = "weekly"

    def items(self) -> QuerySet[Body]:
        return public_bodies().order_by("pk")


class PartySitemap(Sitemap):
    """Parties that have moved or reserved themselves in a published meeting."""

    changefreq = "weekly"

    def items(self):
        return party_list()


SITEMAPS: dict[str, type[Sitemap]] = {
    "huvudman": BodySitemap,
    "organ": CommitteeSitemap,
    "sammantraden": MeetingSitemap,
    "paragrafer": ItemSitemap,
    "arenden": CaseSitemap,
    "partier": PartySitemap,
}
