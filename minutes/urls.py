"""The public archive's URLs (Swedish, permanent, readable)."""

from django.urls import path

from . import views

app_name = "minutes"

urlpatterns = [
    path("", views.home, name="home"),
]
