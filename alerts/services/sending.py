"""Mailing each confirmed subscription what was published since its last mail.

Each subscription is its own transaction: its row is locked, its new matches found, the
record of the mail written and its mark moved, and only then is the mail sent; a failed
send rolls all of it back, so the matches come in the next run. A crash between two
subscriptions leaves the ones done done and the others untouched: nothing is skipped and
nothing mailed twice. (A crash in the instant after the SMTP server took a mail and before
the commit would send it again next time: at least once, never lost.) One address's
failure is logged and counted, and the run goes on with the next.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from minutes.search.results import search_page

from ..links import CONFIRM_MAX_AGE
from ..mail import matches_message
from ..models import Delivery, Publication, Subscriber, Subscription
from ..selectors import Mode, due_subscriptions, new_matches, publication_horizon

logger = logging.getLogger(__name__)

# A mail lists at most this many matches in full; it says how many more there are.
MAIL_MATCHES = 25


@dataclass
class SendReport:
    """What a run did: subscriptions checked, mails sent, matches in them, failures."""

    checked: int = 0
    mailed: int = 0
    matches: int = 0
    failed: int = 0


def alerts_send(*, mode: Mode = "due", now: dt.datetime | None = None) -> SendReport:
    """Mail the new matches of every subscription due in `mode` (selectors.due_subscriptions)."""
    now = now or timezone.now()
    horizon = publication_horizon()
    report = SendReport()
    ids = list(due_subscriptions(mode=mode, now=now).values_list("pk", flat=True))
    for pk in ids:
        try:
            sent = subscription_send(subscription_id=pk, horizon=horizon, now=now)
        except Exception:
            logger.exception(
                "alerts: subscription %s failed; its matches wait for the next run", pk
            )
            report.failed += 1
            continue
        report.checked += 1
        if sent:
            report.mailed += 1
            report.matches += sent
    stale_rows_prune(horizon=horizon, now=now)
    return report


def subscription_send(*, subscription_id: int, horizon: int, now: dt.datetime) -> int:
    """Mail one subscription its matches published below `horizon`; return how many.

    Skips a subscription another run holds (its lock) or has already brought up to
    `horizon`.
    """
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("subscriber")
            .filter(pk=subscription_id, confirmed_at__isnull=False, mark__lt=horizon)
            .first()
        )
        if subscription is None:
            return 0
        page = search_page(
            new_matches(subscription, horizon=horizon), page=1, per_page=MAIL_MATCHES
        )
        count = page.paginator.count
        if count:
            Delivery.objects.create(
                subscription=subscription,
                kind=Delivery.Kind.MATCHES,
                matches=count,
                mark_from=subscription.mark,
                mark_to=horizon,
            )
        subscription.mark = horizon
        subscription.checked_at = now
        subscription.save(update_fields=["mark", "checked_at"])
        if count:
            # Last: an SMTP failure rolls back the record and the mark.
            matches_message(subscription, page).send()
        return count


def stale_rows_prune(*, horizon: int, now: dt.datetime) -> None:
    """Delete what nobody needs any more: publications below every subscription's mark,
    requests never confirmed in time, and addresses that follow nothing."""
    with transaction.atomic():
        expired = now - CONFIRM_MAX_AGE
        Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=expired).exclude(
            deliveries__kind=Delivery.Kind.CONFIRMATION, deliveries__sent_at__gte=expired
        ).delete()
        Subscriber.objects.filter(subscriptions__isnull=True).delete()
        lowest = Subscription.objects.aggregate(lowest=Min("mark"))["lowest"]
        Publication.objects.filter(xid__lt=min(horizon, lowest or horizon)).delete()
