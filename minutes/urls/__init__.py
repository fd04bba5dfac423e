"""The public archive's URLs (Swedish, permanent, readable), in one namespace."""

from django.urls import path

from ..views import home
from . import browse, clerk, search

app_name = "minutes"

urlpatterns = [
    path("", home.home, name="home"),
    *search.urlpatterns,
    *clerk.urlpatterns,
    # Last: its /<body>/<committee>/ patterns would otherwise catch the other areas' words.
    *browse.urlpatterns,
]
