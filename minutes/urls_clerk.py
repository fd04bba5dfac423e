"""URLs of the clerk pages (included by minutes/urls.py under the `minutes` namespace)."""

urlpatterns: list = []
