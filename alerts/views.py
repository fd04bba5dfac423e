"""The alerts' pages: follow a search, confirm, unsubscribe, manage an address's searches.

Every page after the follow form is reached by a signed link from a mail (`links`); a
forged or expired link gets a page that says so (404) and changes nothing. No page shows
an address, only the masked form the manage page gives.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import links
from .forms import FollowForm, FrequencyForm
from .models import Subscriber, Subscription
from .selectors import followed_search, masked_address, subscription_search, subscriptions_of
from .services.subscribing import (
    FollowRefused,
    subscriber_delete,
    subscription_confirm,
    subscription_delete,
    subscription_set_frequency,
)


def _invalid_link(request: HttpRequest) -> HttpResponse:
    return render(request, "alerts/invalid_link.html", status=404)


# No CSRF token: following sends a confirmation mail and nothing else, which anyone may
# ask for any address; the hourly limit and the confirmation are the protection. The
# results page thus stays free of per-visitor tokens.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    """GET: the form for the search in the URL. POST: ask for a confirmation mail."""
    if request.method == "GET":
        search = followed_search(request.GET)
        form = FollowForm(initial={"query": search.query if search else ""})
        return render(request, "alerts/follow.html", {"form": form, "search": search})
    form = FollowForm(request.POST)
    context = {"form": form, "search": followed_search(QueryDict(request.POST.get("query", "")))}
    if not form.is_valid():
        return render(request, "alerts/follow.html", context, status=400)
    try:
        form.save()
    except FollowRefused as refusal:
        context["refusal"] = str(refusal)
        return render(request, "alerts/follow.html", context, status=refusal.status)
    return redirect("alerts:requested")


def requested(request: HttpRequest) -> HttpResponse:
    """The page after a follow: look for the confirmation mail."""
    return render(request, "alerts/requested.html")


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a button that confirms (a mail scanner opening the link confirms nothing).
    POST: confirm."""
    subscription = _subscription(links.confirm_id(token))
    if subscription is None:
        return _invalid_link(request)
    context = {"search": subscription_search(subscription), "token": token}
    if request.method == "POST":
        subscription_confirm(subscription=subscription)
        context["manage_url"] = links.manage_url(subscription.subscriber)
        return render(request, "alerts/confirmed.html", context)
    return render(request, "alerts/confirm.html", context)


# One-click unsubscribe (RFC 8058): mail programs POST `List-Unsubscribe=One-Click` to the
# link with no CSRF token; the signed link is the authority.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a button that unsubscribes. POST: unsubscribe (the address goes with its last
    subscription)."""
    pk = links.unsubscribe_id(token)
    if pk is None:
        return _invalid_link(request)
    subscription = _subscription(pk)
    if request.method == "GET":
        search = subscription_search(subscription) if subscription else None
        return render(request, "alerts/unsubscribe.html", {"search": search, "token": token})
    gone = subscription_delete(subscription=subscription) if subscription else False
    return render(
        request, "alerts/unsubscribed.html", {"address_gone": gone, "already": not subscription}
    )


def manage(request: HttpRequest, token: str) -> HttpResponse:
    """Every search the address follows, with how often, and the ways to end them."""
    subscriber = _subscriber(links.manage_id(token))
    if subscriber is None:
        return _invalid_link(request)
    rows = [
        (row, search, FrequencyForm(initial={"frequency": row.frequency}, prefix=f"b{row.pk}"))
        for row, search in subscriptions_of(subscriber)
    ]
    context = {"rows": rows, "address": masked_address(subscriber.email), "token": token}
    return render(request, "alerts/manage.html", context)


@require_POST
def manage_change(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """Change how often one of the address's searches is mailed."""
    subscription = _managed_subscription(token, pk)
    if subscription is None:
        return _invalid_link(request)
    form = FrequencyForm(request.POST, prefix=f"b{pk}")
    if form.is_valid():
        subscription_set_frequency(
            subscription=subscription, frequency=form.cleaned_data["frequency"]
        )
    return redirect(reverse("alerts:manage", kwargs={"token": token}) + f"#bevakning-{pk}")


@require_POST
def manage_remove(request: HttpRequest, token: str, pk: int) -> HttpResponse:
    """End one of the address's searches."""
    subscription = _managed_subscription(token, pk)
    if subscription is None:
        return _invalid_link(request)
    if subscription_delete(subscription=subscription):
        return render(request, "alerts/deleted.html")
    return redirect("alerts:manage", token=token)


@require_POST
def manage_delete(request: HttpRequest, token: str) -> HttpResponse:
    """Delete the address and everything about it."""
    subscriber = _subscriber(links.manage_id(token))
    if subscriber is None:
        return _invalid_link(request)
    subscriber_delete(subscriber=subscriber)
    return render(request, "alerts/deleted.html")


def _subscription(pk: int | None) -> Subscription | None:
    if pk is None:
        return None
    return Subscription.objects.select_related("subscriber").filter(pk=pk).first()


def _managed_subscription(token: str, pk: int) -> Subscription | None:
    """The subscription `pk` of the address the manage link names; None when the link is
    forged or the subscription is another address's."""
    subscriber_pk = links.manage_id(token)
    if subscriber_pk is None:
        return None
    rows = Subscription.objects.select_related("subscriber")
    return rows.filter(pk=pk, subscriber_id=subscriber_pk).first()


def _subscriber(pk: int | None) -> Subscriber | None:
    return None if pk is None else Subscriber.objects.filter(pk=pk).first()
