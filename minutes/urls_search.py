"""URLs of the search pages (included by minutes/urls.py under the `minutes` namespace)."""

urlpatterns: list = []
