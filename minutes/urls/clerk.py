"""URLs of the clerk pages (included by minutes/urls.py under the `minutes` namespace)."""

from django.urls import path

from ..views import clerk

urlpatterns = [
    path("protokollforare/", clerk.clerk_home, name="clerk"),
    path("protokollforare/ladda-upp/", clerk.upload_new, name="clerk_upload"),
    path("protokollforare/granska/<int:pk>/", clerk.review_page, name="clerk_review"),
    path("protokollforare/granska/<int:pk>/publicera/", clerk.publish, name="clerk_publish"),
    path("protokollforare/granska/<int:pk>/avbryt/", clerk.cancel, name="clerk_cancel"),
    path("protokollforare/publicerat/<int:pk>/", clerk.published, name="clerk_published"),
]
