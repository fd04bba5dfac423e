"""`send_alerts`: what is new reaches each confirmed follower once, through a real SMTP
server, whatever crashes or fails on the way."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone

from alerts.models import Delivery, Publication, Subscription
from alerts.services import sending
from minutes.parsing.dnr import normalize_dnr
from minutes.services.search_index import update_search_vectors
from tests import factories as f
from tests.smtp_sink import subject, text_of

from .conftest import STYRELSE, UTSKOTT, follow, follow_confirmed, publish

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def matches_mails(smtp, address: str) -> list:
    return [m for m in smtp.to(address) if subject(m).startswith("Nya beslut")]


def test_a_match_published_after_following_arrives_with_title_organ_date_link_snippet(smtp):
    follow_confirmed("Anna@Example.se", "q=ambulansflyget")
    publish(UTSKOTT)
    call_command("send_alerts")
    [mail] = matches_mails(smtp, "anna@example.se")
    text = text_of(mail)
    assert "§ 14 Avtal om ambulansflyg" in text
    assert "Hälso- och sjukvårdsutskottet, Region Norrvik, 5 mars 2024" in text
    assert "http://testserver/region-norrvik/halso-och-sjukvardsutskottet/2024-03-05/14/" in text
    assert "gemensamma ambulansflyget" in text  # the snippet
    assert "Val av justerare" not in text
    assert "<mark>" in mail.get_body(preferencelist=("html",)).get_content()
    unsubscribe = mail["List-Unsubscribe"].strip()  # folded: the link is long
    assert unsubscribe.startswith("<http://testserver/bevaka/avsluta/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "http://testserver/bevaka/hantera/" in text

    call_command("send_alerts")  # nothing new: nothing mailed again
    assert len(matches_mails(smtp, "anna@example.se")) == 1


def test_a_followed_search_finds_as_its_page_does_widened_or_exact(smtp):
    follow_confirmed("anna@example.se", "q=flyg")  # the page finds ambulansflyg too
    follow_confirmed("bo@example.se", "q=flyg&exakt=1")  # the page finds the word alone
    publish(UTSKOTT)
    call_command("send_alerts")
    [mail] = matches_mails(smtp, "anna@example.se")
    assert "§ 14 Avtal om ambulansflyg" in text_of(mail)
    assert matches_mails(smtp, "bo@example.se") == []


def test_what_was_published_before_following_is_not_new(smtp):
    publish(UTSKOTT)
    follow_confirmed("anna@example.se", "q=ambulansflyget")
    call_command("send_alerts")
    assert matches_mails(smtp, "anna@example.se") == []


def test_an_unconfirmed_address_gets_nothing_but_its_confirmation(smtp):
    follow("anna@example.se", "q=ambulansflyget")
    publish(UTSKOTT)
    call_command("send_alerts")
    [only] = smtp.to("anna@example.se")
    assert subject(only).startswith("Bekräfta bevakningen av ”ambulansflyget”")
    assert not Delivery.objects.filter(kind=Delivery.Kind.MATCHES).exists()


def test_a_followed_dnr_is_the_case_next_paragraph_anywhere(smtp):
    publish(UTSKOTT)  # the case 24RS1234 begins in utskottet
    subscription = follow_confirmed("anna@example.se", "q=24RS1234")
    assert subscription.case_key == normalize_dnr("24RS1234")
    publish(STYRELSE)  # … and comes to styrelsen, printed `24 RS 1234`
    call_command("send_alerts")
    [mail] = matches_mails(smtp, "anna@example.se")
    text = text_of(mail)
    assert "1 nytt beslut matchar ärendet 24RS1234" in text
    assert "§ 46" in text and "Regionstyrelsen" in text
    assert "§ 13" not in text  # published before the follow


def test_a_crash_after_the_first_send_neither_skips_nor_repeats(smtp, monkeypatch):
    addresses = ["a@example.se", "b@example.se", "c@example.se"]
    for address in addresses:
        follow_confirmed(address, "q=ambulansflyget")
    publish(UTSKOTT)

    class Crash(BaseException):
        """The process dies (a kill, an out-of-memory), not an error the run catches."""

    real_send = sending.subscription_send

    def crash_after_first(**kwargs):
        real_send(**kwargs)
        raise Crash

    monkeypatch.setattr(sending, "subscription_send", crash_after_first)
    with pytest.raises(Crash):
        call_command("send_alerts")
    assert [len(matches_mails(smtp, a)) for a in addresses] == [1, 0, 0]

    monkeypatch.setattr(sending, "subscription_send", real_send)
    call_command("send_alerts")
    assert [len(matches_mails(smtp, a)) for a in addresses] == [1, 1, 1]
    call_command("send_alerts")
    assert [len(matches_mails(smtp, a)) for a in addresses] == [1, 1, 1]


def test_a_refused_and_a_slow_address_do_not_stop_the_others(smtp, caplog):
    for address in ["refused@example.se", "slow@example.se", "ok@example.se"]:
        follow_confirmed(address, "q=ambulansflyget")
    publish(UTSKOTT)
    smtp.refused.add("refused@example.se")
    smtp.delayed["slow@example.se"] = 5  # past EMAIL_TIMEOUT (2 s)

    with pytest.raises(CommandError, match="2 bevakningar kunde inte skickas"):
        call_command("send_alerts")
    assert len(matches_mails(smtp, "ok@example.se")) == 1
    assert "subscription" in caplog.text and "failed" in caplog.text
    failed = Subscription.objects.exclude(subscriber__email="ok@example.se")
    assert not Delivery.objects.filter(subscription__in=failed, kind="matches").exists()

    # The server takes them again: their matches come in the next run, once.
    smtp.refused.clear()
    smtp.delayed.clear()
    call_command("send_alerts")
    for address in ["refused@example.se", "slow@example.se", "ok@example.se"]:
        assert len(matches_mails(smtp, address)) == 1, address


def test_daily_followers_get_one_mail_a_day_immediate_ones_each_run(smtp):
    follow_confirmed("daily@example.se", "q=vårdcentral", "daily")
    follow_confirmed("now@example.se", "q=vårdcentral", "immediate")

    def mails() -> tuple[int, int]:
        return len(matches_mails(smtp, "daily@example.se")), len(
            matches_mails(smtp, "now@example.se")
        )

    publish(UTSKOTT)
    call_command("send_alerts", "--immediate")
    assert mails() == (0, 1)
    call_command("send_alerts", "--daily")
    assert mails() == (1, 1)

    # By each one's choice: the immediate follower at once, the daily one on its next day.
    publish(STYRELSE)
    call_command("send_alerts")
    assert mails() == (1, 2)
    sending.alerts_send(mode="due", now=timezone.now() + dt.timedelta(days=1))
    assert mails() == (2, 2)
    assert "Regionstyrelsen" in text_of(matches_mails(smtp, "daily@example.se")[-1])


def test_a_meeting_published_later_in_the_admin_counts_from_then(smtp):
    meeting = publish(UTSKOTT, publish=False)
    follow_confirmed("anna@example.se", "q=ambulansflyget")
    call_command("send_alerts")
    assert matches_mails(smtp, "anna@example.se") == []
    meeting.is_published = True
    meeting.save(update_fields=["is_published"])
    call_command("send_alerts")
    assert len(matches_mails(smtp, "anna@example.se")) == 1


def test_publications_nobody_needs_are_pruned(smtp):
    publish(UTSKOTT)
    follow_confirmed("anna@example.se", "q=ambulansflyget")
    call_command("send_alerts")
    assert not Publication.objects.exists()


def published_item(committee, title: str) -> None:
    """A published meeting with one § titled `title`, searchable (in the caller's transaction)."""
    item = f.ItemFactory(meeting=f.MeetingFactory(committee=committee), title=title)
    update_search_vectors([item.pk])


def test_a_publication_that_commits_late_is_not_passed_over(smtp):
    """Transaction A begins publishing, B publishes and commits, a run starts: B's match
    waits while A is open (a mark past B would pass over A), and both come once A commits."""
    first, second = f.CommitteeFactory(), f.CommitteeFactory()
    follow_confirmed("anna@example.se", "q=vårdcentral")
    begun, finish = threading.Event(), threading.Event()

    def slow_publisher() -> None:
        try:
            with transaction.atomic():
                published_item(first, "Ny vårdcentral i Öby")
                begun.set()
                finish.wait(timeout=30)
        finally:
            connection.close()

    publisher = threading.Thread(target=slow_publisher)
    publisher.start()
    try:
        assert begun.wait(timeout=30)
        published_item(second, "Vårdcentral i Norrby byggs om")
        call_command("send_alerts")
        assert matches_mails(smtp, "anna@example.se") == []
    finally:
        finish.set()
        publisher.join()
    call_command("send_alerts")
    [news] = matches_mails(smtp, "anna@example.se")
    assert "Öby" in text_of(news) and "Norrby" in text_of(news)
    call_command("send_alerts")
    assert len(matches_mails(smtp, "anna@example.se")) == 1
