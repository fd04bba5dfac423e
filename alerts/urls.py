"""The alerts' URLs, under /bevaka/ (archive/urls.py), in the `alerts` namespace."""

from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.follow, name="follow"),
    path("skickat/", views.requested, name="requested"),
    path("bekrafta/<str:token>/", views.confirm, name="confirm"),
    path("avsluta/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("hantera/<str:token>/", views.manage, name="manage"),
    path("hantera/<str:token>/<int:pk>/andra/", views.manage_change, name="manage_change"),
    path("hantera/<str:token>/<int:pk>/avsluta/", views.manage_remove, name="manage_remove"),
    path("hantera/<str:token>/radera/", views.manage_delete, name="manage_delete"),
]
