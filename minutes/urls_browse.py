"""URLs of the browse pages (included by minutes/urls.py under the `minutes` namespace)."""

urlpatterns: list = []
