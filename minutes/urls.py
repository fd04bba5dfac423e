"""The public archive's URLs (Swedish, permanent, readable), in one namespace."""

from django.urls import path

from . import urls_browse, urls_clerk, urls_search
from .views import home

app_name = "minutes"

urlpatterns = [
    path("", home.home, name="home"),
    *urls_search.urlpatterns,
    *urls_clerk.urlpatterns,
    # Last: its /<body>/<committee>/ patterns would otherwise catch the other areas' words.
    *urls_browse.urlpatterns,
]
