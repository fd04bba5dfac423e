"""URLs of the search pages (included by minutes/urls.py under the `minutes` namespace)."""

from django.urls import path

from ..feeds import SearchFeed
from ..views import exports
from ..views import search as search_views

urlpatterns: list = [
    path("sok/", search_views.search, name="search"),
    path("sok/export.csv", exports.search_csv, name="search_csv"),
    path("sok/export.json", exports.search_json, name="search_json"),
    path("sok/atom/", SearchFeed(), name="search_atom"),
]
