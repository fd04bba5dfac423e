"""The signed links of the mails (django.core.signing): confirm, unsubscribe, manage.

A link names a row by its id, signed with the site's SECRET_KEY and a salt of its own, so
a confirmation link cannot be used to unsubscribe or to manage, and no link can be made up.
No address is ever part of a link. Confirmation links expire; the others work as long as
the row they name exists, as the mails that carry them may be read long after.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Subscriber, Subscription

CONFIRM_MAX_AGE = dt.timedelta(days=7)
_CONFIRM, _UNSUBSCRIBE, _MANAGE = "alerts.confirm", "alerts.unsubscribe", "alerts.manage"


def absolute(path: str) -> str:
    """`path` on the public site (settings.SITE_URL)."""
    return settings.SITE_URL + path


def confirm_url(subscription: Subscription) -> str:
    """The link that confirms `subscription` (valid for CONFIRM_MAX_AGE)."""
    token = signing.dumps(subscription.pk, salt=_CONFIRM)
    return absolute(reverse("alerts:confirm", kwargs={"token": token}))


def unsubscribe_url(subscription: Subscription) -> str:
    """The link that ends `subscription` (a page with a button; one-click by POST)."""
    token = signing.dumps(subscription.pk, salt=_UNSUBSCRIBE)
    return absolute(reverse("alerts:unsubscribe", kwargs={"token": token}))


def manage_url(subscriber: Subscriber) -> str:
    """The link to the page of every search the address follows."""
    token = signing.dumps(subscriber.pk, salt=_MANAGE)
    return absolute(reverse("alerts:manage", kwargs={"token": token}))


def _signed_id(token: str, salt: str, max_age: dt.timedelta | None = None) -> int | None:
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # also a link too old (SignatureExpired)
        return None
    return value if isinstance(value, int) else None


def confirm_id(token: str) -> int | None:
    """The subscription a confirmation link names, or None when it is forged or too old."""
    return _signed_id(token, _CONFIRM, CONFIRM_MAX_AGE)


def unsubscribe_id(token: str) -> int | None:
    """The subscription an unsubscribe link names, or None when it is forged."""
    return _signed_id(token, _UNSUBSCRIBE)


def manage_id(token: str) -> int | None:
    """The subscriber a manage link names, or None when it is forged."""
    return _signed_id(token, _MANAGE)
