"""The alerts' mails: a confirmation, and a list of new matches. Each carries its one-click
unsubscribe link in the text and in the `List-Unsubscribe` headers (RFC 8058), and the
link to the page of every search the address follows."""

from __future__ import annotations

import html

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.paginator import Page
from django.template.loader import render_to_string
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .links import absolute, confirm_url, manage_url, unsubscribe_url
from .models import Subscription
from .selectors import subscription_search

# A match without highlighted words shows this many words of its att-satser.
SNIPPET_WORDS = 40


def _message(subscription: Subscription, subject: str, template: str, context: dict):
    """A mail to the subscription's address from `template` (.txt and .html), with the
    links and headers every alert mail has."""
    unsubscribe = unsubscribe_url(subscription)
    search = subscription_search(subscription)
    context = {
        **context,
        "search": search,
        "search_url": absolute(search.url),
        "unsubscribe_url": unsubscribe,
        "manage_url": manage_url(subscription.subscriber),
        "frequency": subscription.get_frequency_display(),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"alerts/mail/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(
        render_to_string(f"alerts/mail/{template}.html", context), "text/html"
    )
    return message


def confirmation_message(subscription: Subscription) -> EmailMultiAlternatives:
    """The mail that asks the address to confirm the subscription (double opt-in)."""
    label = subscription_search(subscription).label
    return _message(
        subscription,
        _("Bekräfta bevakningen av %(search)s") % {"search": label},
        "confirmation",
        {"confirm_url": confirm_url(subscription)},
    )


def matches_message(subscription: Subscription, page: Page) -> EmailMultiAlternatives:
    """The mail of a subscription's new matches: the first of them (`page`) in full, how many
    there are in all, and the way to the rest."""
    label = subscription_search(subscription).label
    items = list(page.object_list)
    for item in items:
        item.url = absolute(item.get_absolute_url())
        item.title_text = html.unescape(strip_tags(item.title_html))
        if not item.snippet_html:  # no words to cut around (a case, filters only)
            item.snippet_html = escape(_clauses_excerpt(item))
        item.snippet_text = html.unescape(strip_tags(item.snippet_html))
    count = page.paginator.count
    return _message(
        subscription,
        _("Nya beslut: %(search)s") % {"search": label},
        "matches",
        {
            "items": items,
            "count": count,
            "capped": page.paginator.is_capped,
            "more": max(count - len(items), 0),
        },
    )


def _clauses_excerpt(item) -> str:
    """The start of what the § decided (its att-satser), for a match without highlights."""
    clauses = [clause.text for d in item.decisions.all() for clause in d.clauses.all()]
    return Truncator(" ".join(clauses)).words(SNIPPET_WORDS)
