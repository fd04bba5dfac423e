"""Followers of searches, what they follow, what was mailed to them, and the publications
that decide what is new."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    """An e-mail address that follows searches. Deleting it deletes everything about it:
    its subscriptions and the record of every mail sent to it."""

    email = models.EmailField(_("e-postadress"), max_length=254, unique=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        verbose_name = _("prenumerant")
        verbose_name_plural = _("prenumeranter")

    def __str__(self) -> str:
        return f"#{self.pk}"  # never the address: it is shown nowhere


class Subscription(models.Model):
    """One followed search (or case) of one address.

    `mark` is a high-water mark in publishing transactions (`Publication.xid`): everything
    published by a transaction from `mark` on is new to this subscription. It moves in the
    same transaction as the record of the mail that reported the matches.
    """

    class Frequency(models.TextChoices):
        DAILY = "daily", _("En gång om dagen")
        IMMEDIATE = "immediate", _("Direkt efter varje publicering")

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("prenumerant"),
    )
    # The search's URL parameters, cleaned and sorted (`services.subscribing.search_params`).
    query = models.TextField(_("sökning"))
    # Set when the words name a case: its § anywhere in the archive are followed.
    case_key = models.CharField(_("ärende"), max_length=100, blank=True)
    frequency = models.CharField(
        _("hur ofta"), max_length=20, choices=Frequency.choices, default=Frequency.DAILY
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    mark = models.BigIntegerField(_("nytt från transaktion"))
    checked_at = models.DateTimeField(_("senast kontrollerad"), null=True, blank=True)

    class Meta:
        verbose_name = _("bevakning")
        verbose_name_plural = _("bevakningar")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "query"], name="alerts_subscription_unique_search"
            ),
            models.CheckConstraint(
                condition=models.Q(frequency__in=["daily", "immediate"]),
                name="alerts_subscription_frequency_known",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk}"


class Delivery(models.Model):
    """A mail sent to a subscription: its confirmation, or its new matches (with the span of
    publications they came from)."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("bekräftelse")
        MATCHES = "matches", _("nya träffar")

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("bevakning"),
    )
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(_("skickat"), auto_now_add=True)
    matches = models.PositiveIntegerField(_("träffar"), default=0)
    mark_from = models.BigIntegerField(_("från transaktion"), null=True, blank=True)
    mark_to = models.BigIntegerField(_("till transaktion"), null=True, blank=True)

    class Meta:
        verbose_name = _("utskick")
        verbose_name_plural = _("utskick")
        indexes = [
            models.Index(fields=["subscription", "kind", "sent_at"], name="alerts_delivery_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.sent_at:%Y-%m-%d %H:%M}"


class Publication(models.Model):
    """A meeting made public: written by a trigger on minutes_meeting (migration 0001) in
    the transaction that publishes it, with that transaction's id.

    Transaction ids, not item ids or times, order what is new: a transaction that began
    earlier may commit later, but every transaction below the oldest one still running
    has ended, so a mark moved to that point never passes a publication still to come.
    """

    # Not a foreign key: a deleted meeting needs no cascade here (its items are gone, so
    # the search finds nothing of it), and old rows are pruned by `send_alerts`.
    meeting_id = models.BigIntegerField(_("sammanträde"))
    xid = models.BigIntegerField(_("transaktion"), db_index=True)
    published_at = models.DateTimeField(_("publicerat"))

    class Meta:
        verbose_name = _("publicering")
        verbose_name_plural = _("publiceringar")

    def __str__(self) -> str:
        return f"{self.meeting_id} @ {self.xid}"
