"""URLs of the browse pages, the JSON API and the sitemap (in the `minutes` namespace).

Fixed words (`api`, `arende`, `parti`, `sitemap.xml`, `robots.txt`) come first so that a
body can never shadow them. A meeting's date must be a real `YYYY-MM-DD` date and numbers
are bounded, so a malformed value is a 404, never a database error. The meeting pattern
comes before the person pattern: a committee whose slug is `person` still has its
meetings at `/<body>/person/<date>/`, and `/<body>/person/<slug>/` is a person otherwise.

Because `/<body>/` and `/<body>/<committee>/` match any slug, these patterns belong after
every other area's (search, clerk) in `minutes/urls.py`; the `body` converter also refuses
the other areas' first words, so a body can never hide them whatever the order.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, register_converter

from ..sitemaps import SITEMAPS
from ..views import about, api, browse, data, people


class IsoDateConverter:
    """A calendar date as `YYYY-MM-DD`; `2024-02-30` does not match."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> dt.date:
        return dt.date.fromisoformat(value)  # ValueError means "no match": a 404

    def to_url(self, value: dt.date | str) -> str:
        return value.isoformat() if isinstance(value, dt.date) else str(value)


class BoundedIntConverter:
    """A positive integer that fits the database's integer columns."""

    regex = r"[0-9]{1,9}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


class BodySlugConverter:
    """A body's slug; never a word the site's other areas start with."""

    regex = r"[-a-zA-Z0-9_]+"
    # The first path segments of the other areas (api, search, clerk, sign-in, admin, files).
    RESERVED = frozenset(
        {"admin", "api", "arende", "healthz", "konto", "media", "parti", "protokollforare"}
        | {"bevaka", "data", "sok", "static", "tillganglighet"}
    )

    def to_python(self, value: str) -> str:
        if value in self.RESERVED:
            raise ValueError(value)  # no match: resolving goes on to later patterns
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(BodySlugConverter, "body")
register_converter(IsoDateConverter, "isodate")
register_converter(BoundedIntConverter, "num")

api_patterns = [
    path("api/v1/", api.index, name="api_index"),
    path("api/v1/meetings/", api.meetings, name="api_meetings"),
    path("api/v1/meetings/<num:pk>/", api.meeting, name="api_meeting"),
    path("api/v1/items/", api.items, name="api_items"),
    path("api/v1/items/<num:pk>/", api.item, name="api_item"),
    path("api/v1/cases/", api.cases, name="api_cases"),
    path("api/v1/cases/<slug:body>/<str:key>/", api.case, name="api_case"),
    path("api/v1/cases/<str:key>/", api.case_choice, name="api_case_choice"),
    path("api/v1/people/", api.people_list, name="api_people"),
    path("api/v1/people/<num:pk>/", api.person, name="api_person"),
    path("api/v1/people/<num:pk>/votes/", api.person_votes, name="api_person_votes"),
    path("api/v1/parties/", api.parties, name="api_parties"),
    path("api/v1/parties/<path:abbreviation>/", api.party, name="api_party"),
]

sitemap_patterns = [
    path("robots.txt", browse.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "minutes:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]

page_patterns = [
    path("data/", data.data_page, name="data"),
    path("data/<str:name>", data.data_file, name="data_file"),
    path("tillganglighet/", about.accessibility, name="accessibility"),
    path("arende/<slug:body>/<str:key>/", browse.case, name="case"),
    # A number alone: the one body's case, or a choice when several bodies use it.
    path("arende/<str:key>/", browse.case_choice, name="case_choice"),
    path("parti/", people.parties, name="parties"),
    # A party abbreviation is kept as printed, so it may hold any character.
    path("parti/<path:abbreviation>/", people.party, name="party"),
    path("<body:slug>/", browse.body, name="body"),
    path("<body:body>/<slug:slug>/", browse.committee, name="committee"),
    path("<body:body>/<slug:committee>/<isodate:date>/", browse.meeting, name="meeting"),
    path(
        "<body:body>/<slug:committee>/<isodate:date>/protokoll/",
        browse.meeting_file,
        name="meeting_file",
    ),
    path(
        "<body:body>/<slug:committee>/<isodate:date>/<num:number>/",
        browse.item,
        name="item",
    ),
    path("<body:body>/person/<slug:slug>/", people.person, name="person"),
]

urlpatterns = [*api_patterns, *sitemap_patterns, *page_patterns]
