"""The public archive's URLs (Swedish, permanent, readable), in one namespace."""

from django.urls import path

from . import urls_browse, urls_clerk, urls_search
from .views import home

app_name = "minutes"

urlpatterns = [
    path("", home.home, name="home"),
    *urls_search.urlpatterns,
    *urls_browse.urlpatterns,
    *urls_clerk.urlpatterns,
]
