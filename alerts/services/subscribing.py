"""Following a search: the request (which mails a confirmation), the confirmation, a
change of frequency, unsubscribing, and deleting everything about an address."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..mail import confirmation_message
from ..models import Delivery, Subscriber, Subscription
from ..selectors import FollowedSearch, publication_horizon

logger = logging.getLogger(__name__)

# One address gets at most this many confirmation mails an hour, whatever is followed: a
# stranger cannot fill someone's inbox by following searches in their name.
MAX_CONFIRMATIONS_PER_HOUR = 5


class FollowRefused(Exception):
    """The search cannot be followed now; the message (Swedish) says why."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def normalized_address(email: str) -> str:
    """The address as stored and compared: trimmed, in lower case."""
    return email.strip().lower()


def subscription_request(
    *, email: str, search: FollowedSearch, frequency: str
) -> Subscription | None:
    """Ask `email` to confirm following `search`: store the request and mail the link.

    Nothing is stored when the mail cannot be sent. An address that already follows the
    search gets no mail (returns None), and nothing says so: no page tells whether an
    address follows anything. Raises FollowRefused past MAX_CONFIRMATIONS_PER_HOUR or when
    the mail server fails.
    """
    address = normalized_address(email)
    try:
        with transaction.atomic():
            subscriber, _created = Subscriber.objects.get_or_create(email=address)
            # Serializes the address's requests so the hourly count cannot be raced past.
            Subscriber.objects.select_for_update().filter(pk=subscriber.pk).first()
            subscription, created = Subscription.objects.get_or_create(
                subscriber=subscriber,
                query=search.query,
                defaults={
                    "case_key": search.case_key,
                    "frequency": frequency,
                    "mark": publication_horizon(),
                },
            )
            if subscription.confirmed_at is not None:
                return None
            _check_rate(subscriber)
            if not created and subscription.frequency != frequency:
                subscription.frequency = frequency
                subscription.save(update_fields=["frequency"])
            Delivery.objects.create(subscription=subscription, kind=Delivery.Kind.CONFIRMATION)
            confirmation_message(subscription).send()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("confirmation mail not sent: %s", error)
        raise FollowRefused(
            _("Bekräftelsebrevet kunde inte skickas just nu. Försök igen om en stund."),
            status=503,
        ) from error
    return subscription


def _check_rate(subscriber: Subscriber) -> None:
    hour_ago = timezone.now() - dt.timedelta(hours=1)
    sent = Delivery.objects.filter(
        subscription__subscriber=subscriber,
        kind=Delivery.Kind.CONFIRMATION,
        sent_at__gte=hour_ago,
    ).count()
    if sent >= MAX_CONFIRMATIONS_PER_HOUR:
        raise FollowRefused(
            _(
                "Adressen har redan fått %(count)s bekräftelsebrev den senaste timmen. "
                "Bekräfta dem eller försök igen om en timme."
            )
            % {"count": MAX_CONFIRMATIONS_PER_HOUR},
            status=429,
        )


def subscription_confirm(*, subscription: Subscription) -> Subscription:
    """Confirm the subscription (once; a second click changes nothing)."""
    Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    subscription.refresh_from_db()
    return subscription


def subscription_set_frequency(*, subscription: Subscription, frequency: str) -> None:
    """Mail the subscription's matches daily or at once after each publication."""
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])


@transaction.atomic
def subscription_delete(*, subscription: Subscription) -> bool:
    """End the subscription; the address goes too when it follows nothing else.

    Returns True when the address is gone from the archive.
    """
    subscriber = subscription.subscriber
    subscription.delete()
    if not subscriber.subscriptions.exists():
        subscriber.delete()
        return True
    return False


def subscriber_delete(*, subscriber: Subscriber) -> None:
    """Delete the address and everything about it: its subscriptions and their mail records."""
    subscriber.delete()
