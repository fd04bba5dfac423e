"""Following a search from its page: the confirmation mail (double opt-in), the hourly
limit, signed links only, one-click unsubscribe, and an address that deletes itself."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.http import QueryDict

from alerts.models import Delivery, Subscriber, Subscription
from alerts.services.subscribing import MAX_CONFIRMATIONS_PER_HOUR
from minutes.models import Case
from minutes.parsing.dnr import normalize_dnr
from tests.smtp_sink import link_in, subject

from .conftest import UTSKOTT, follow, follow_confirmed, publish

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def path_of(url: str) -> str:
    return urlsplit(url).path


def post_follow(client, query: str, address: str = "anna@example.se", frequency="daily"):
    return client.post(
        "/bevaka/", {"email": address, "frequency": frequency, "query": query}, follow=True
    )


def test_the_results_page_has_a_labelled_follow_form_for_its_own_search(client):
    publish(UTSKOTT)
    page = client.get("/sok/", {"q": "ambulansflyget", "sida": "1", "typ": "", "ar": "2024"})
    html = page.content.decode()
    assert '<form method="post" action="/bevaka/">' in html
    assert '<label for="bevaka-email">E-postadress</label>' in html
    assert "<legend>Hur ofta</legend>" in html
    query = page.context["form"].data  # the page's own parameters
    assert query["q"] == "ambulansflyget"
    # The hidden search keeps what the search understood, sorted, without page or blanks.
    assert 'name="query" value="q=ambulansflyget&amp;ar=2024"' in html


def test_following_mails_a_confirmation_and_its_link_confirms(client, smtp):
    response = post_follow(client, "q=ambulansflyget")
    assert "Bekräfta i din e-post" in response.content.decode()
    [mail] = smtp.to("anna@example.se")
    assert subject(mail) == "Bekräfta bevakningen av ”ambulansflyget”"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None

    confirm = path_of(link_in(mail, "/bevaka/bekrafta/"))
    page = client.get(confirm)  # opening the link (a mail scanner may) confirms nothing
    assert "Bekräfta bevakningen" in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    done = client.post(confirm)
    assert "Bevakningen är bekräftad" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert "anna@example.se" not in done.content.decode()


def test_following_the_same_search_again_mails_nothing_more_once_confirmed(client, smtp):
    follow_confirmed("anna@example.se", "q=ambulansflyget")
    response = post_follow(client, "q=ambulansflyget")
    assert "Bekräfta i din e-post" in response.content.decode()  # the same page: no tell
    assert len(smtp.to("anna@example.se")) == 1


def test_one_address_gets_at_most_five_confirmations_an_hour(client, smtp):
    assert MAX_CONFIRMATIONS_PER_HOUR == 5
    for word in ["budget", "skola", "vård", "väg", "bygglov"]:
        assert post_follow(client, f"q={word}").status_code == 200
    refused = post_follow(client, "q=ambulans", address="ANNA@example.se ")
    assert refused.status_code == 429
    assert "5 bekräftelsebrev den senaste timmen" in refused.content.decode()
    assert len(smtp.to("anna@example.se")) == 5
    assert Subscription.objects.count() == 5
    # Another address is not held back by this one.
    assert post_follow(client, "q=ambulans", address="bo@example.se").status_code == 200


def test_bad_input_gets_a_swedish_message_and_stores_nothing(client, smtp):
    bad_address = post_follow(client, "q=ambulansflyget", address="inte-en-adress")
    assert bad_address.status_code == 400
    assert "Fyll i en giltig e-postadress" in bad_address.content.decode()
    nothing = post_follow(client, "sida=2&typ=")
    assert nothing.status_code == 400
    assert "varken sökord eller filter" in nothing.content.decode()
    assert not Subscriber.objects.exists()
    assert smtp.messages == []


def test_a_mail_server_that_fails_stores_nothing_and_says_so(client, smtp):
    smtp.refused.add("anna@example.se")
    response = post_follow(client, "q=ambulansflyget")
    assert response.status_code == 503
    assert "kunde inte skickas just nu" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_a_forged_or_swapped_link_changes_nothing(client, smtp):
    subscription = follow("anna@example.se", "q=ambulansflyget")
    [mail] = smtp.to("anna@example.se")
    confirm = path_of(link_in(mail, "/bevaka/bekrafta/"))
    token = confirm.rstrip("/").rsplit("/", 1)[1]
    for url in [
        confirm[:-3] + "xx/",  # tampered
        f"/bevaka/avsluta/{token}/",  # a confirmation token used to unsubscribe
        f"/bevaka/hantera/{token}/",
    ]:
        response = client.post(url)
        assert response.status_code == 404, url
        assert "Länken gäller inte" in response.content.decode()
    for url in [
        f"/bevaka/hantera/{token}/{subscription.pk}/avsluta/",  # forged manage link
        f"/bevaka/hantera/{token}/{subscription.pk}/andra/",
        f"/bevaka/hantera/{token}/radera/",
    ]:
        assert client.post(url, {f"b{subscription.pk}-frequency": "daily"}).status_code == 404
    assert Subscription.objects.filter(pk=subscription.pk, confirmed_at=None).exists()


def test_one_click_unsubscribe_posts_without_csrf_and_removes_the_address(smtp):
    from django.test import Client

    follow_confirmed("anna@example.se", "q=ambulansflyget")
    [mail] = smtp.to("anna@example.se")
    link = path_of(mail["List-Unsubscribe"].strip().strip("<>"))
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(link)
    assert '<button type="submit">Sluta bevaka</button>' in page.content.decode()
    assert Subscriber.objects.exists()
    # What a mail program sends (RFC 8058): a POST with this body and no token.
    response = browser.post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert "raderad ur arkivet" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not Delivery.objects.exists()
    again = browser.post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert "redan avslutad" in again.content.decode()


def test_the_manage_page_lists_masks_changes_and_deletes_everything(client, smtp):
    follow_confirmed("anna@example.se", "q=ambulansflyget")
    follow_confirmed("anna@example.se", "q=vårdcentral&ar=2024")
    follow_confirmed("bo@example.se", "q=budget")
    manage = path_of(link_in(smtp.to("anna@example.se")[0], "/bevaka/hantera/"))
    html = client.get(manage).content.decode()
    assert "a•••@e•••.se" in html
    assert "anna@example.se" not in html and "bo@example.se" not in html
    assert "”ambulansflyget”" in html and "”vårdcentral”, År: 2024" in html
    assert "”budget”" not in html

    first = Subscription.objects.get(query="q=ambulansflyget")
    client.post(f"{manage}{first.pk}/andra/", {f"b{first.pk}-frequency": "immediate"})
    first.refresh_from_db()
    assert first.frequency == "immediate"
    # Another address's subscription cannot be reached through this address's link.
    other = Subscription.objects.get(query="q=budget")
    assert client.post(f"{manage}{other.pk}/avsluta/").status_code == 404

    client.post(f"{manage}{first.pk}/avsluta/")
    remaining = Subscription.objects.filter(subscriber__email="anna@example.se")
    assert [QueryDict(row.query)["q"] for row in remaining] == ["vårdcentral"]
    done = client.post(f"{manage}radera/")
    assert "Adressen är raderad" in done.content.decode()
    assert not Subscriber.objects.filter(email="anna@example.se").exists()
    assert not Subscription.objects.filter(subscriber__email="anna@example.se").exists()
    assert Subscriber.objects.filter(email="bo@example.se").exists()


def test_a_case_page_offers_to_follow_its_case(client, smtp):
    publish(UTSKOTT)
    case = Case.objects.get(key=normalize_dnr("24RS1234"))
    html = client.get(case.get_absolute_url()).content.decode()
    assert "Bevaka ärendet med e-post" in html
    assert f'name="query" value="{QueryDict("q=24RS1234").urlencode()}"' in html
    post_follow(client, "q=24RS1234")
    assert Subscription.objects.get().case_key == case.key
    assert subject(smtp.to("anna@example.se")[0]) == "Bekräfta bevakningen av ärendet 24RS1234"
