"""Corrections in the open: a corrected § says so on its page and in its history, a new
version of a protocol shows what it changed, and a § taken off the site answers 410 with
the reason and leaves every public surface at once."""

from __future__ import annotations

import json
import re

import pytest
from django.utils import timezone

from minutes import models
from tests.admin_forms import admin_form_data
from tests.test_corrections_kept import (
    NEWER,
    ORIGINAL,
    correct_in_admin,
    corrected_meeting,
    import_text,
    upload_newer,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

TITLE = "Ny vårdcentral i Norrby"
REASON = "Personuppgifter publicerades av misstag."


@pytest.fixture
def meeting() -> models.Meeting:
    return import_text(ORIGINAL, "original.txt").meeting


def item_of(meeting: models.Meeting, number: int = 13) -> models.Item:
    return meeting.items.select_related("meeting__committee__body").get(number=number)


def test_a_corrected_title_says_so_on_the_public_page_and_in_the_history(
    client, clerk_client, meeting
):
    item = item_of(meeting)
    admin_url = f"/admin/minutes/item/{item.pk}/"
    correct_in_admin(
        clerk_client,
        admin_url + "change/",
        reason="Felstavat namn",
        title="Ny vårdcentral i Nordby",
    )
    page = client.get(item_of(meeting).get_absolute_url()).content.decode()
    today = timezone.localdate().isoformat()
    assert f"Rättad {today}: titeln" in page
    assert "Felstavat namn" in page
    assert "<del>Ny vårdcentral i Norrby</del>" in page
    assert "<ins>Ny vårdcentral i Nordby</ins>" in page
    history = clerk_client.get(admin_url + "history/").content.decode()
    assert "Felstavat namn" in history
    assert "sekreterare" in history  # who


def test_an_uncorrected_item_says_nothing_of_corrections(client, meeting):
    page = client.get(item_of(meeting).get_absolute_url()).content.decode()
    assert "Rättad" not in page


def test_a_corrected_clause_names_the_part_on_the_public_page(client, clerk_client, meeting):
    clause = models.Clause.objects.filter(decision__item__meeting=meeting).first()
    correct_in_admin(
        clerk_client,
        f"/admin/minutes/clause/{clause.pk}/change/",
        reason="Fel belopp",
        text="ny lydelse av att-satsen",
    )
    page = client.get(clause.decision.item.get_absolute_url()).content.decode()
    assert f"Rättad {timezone.localdate().isoformat()}: en att-sats" in page
    assert "<ins>ny lydelse av att-satsen</ins>" in page


def test_a_replaced_protocol_shows_what_the_new_version_changed(client, meeting):
    import_text(NEWER, "nyare.txt")
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Ny version av protokollet" in page
    assert "Ändrade paragrafer" in page
    assert "§ 14 Avtal om ambulansflyg" in page


def test_a_replacement_published_by_a_clerk_is_a_version_not_a_correction(client, clerk_client):
    meeting = corrected_meeting(clerk_client)
    upload = upload_newer(clerk_client)
    fields = {"body": "Region Norrvik", "committee": "Hälso- och sjukvårdsutskottet"}
    response = clerk_client.post(
        f"/protokollforare/granska/{upload.pk}/publicera/", {**fields, "date": "2024-03-05"}
    )
    assert response.status_code == 302
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Ny version av protokollet" in page
    assert "platsen" in page  # the clerk's correction of the place, kept and shown
    assert "tagits bort" not in page  # the old reading's rows are not corrections


def depublish(clerk_client, item: models.Item, reason: str = REASON):
    url = f"/admin/minutes/item/{item.pk}/change/"
    data = admin_form_data(clerk_client, url)
    data.update(depublish="on", depublished_reason=reason, change_reason="avpublicering")
    return clerk_client.post(url, data)


def test_depublishing_needs_a_reason(clerk_client, meeting):
    response = depublish(clerk_client, item_of(meeting), reason="")
    assert response.status_code == 200
    assert "Skriv skälet" in response.content.decode()
    assert item_of(meeting).depublished_at is None


def test_a_depublished_item_answers_410_with_the_reason(client, clerk_client, meeting):
    item = item_of(meeting)
    assert depublish(clerk_client, item).status_code == 302
    response = client.get(item.get_absolute_url())
    assert response.status_code == 410
    page = response.content.decode()
    assert REASON in page
    assert "borttagen från webbplatsen" in page
    assert TITLE not in page


def test_the_api_answers_410_with_the_reason_for_a_depublished_item(client, clerk_client, meeting):
    item = item_of(meeting)
    assert client.get(f"/api/v1/items/{item.pk}/").status_code == 200
    assert depublish(clerk_client, item).status_code == 302
    response = client.get(f"/api/v1/items/{item.pk}/")
    assert response.status_code == 410
    body = json.loads(response.content)
    assert body["reason"] == REASON
    assert TITLE not in response.content.decode()
    assert client.get(f"/api/v1/items/{item.pk + 1000}/").status_code == 404


def _search(client, item):
    page = client.get("/sok/", {"q": "vårdcentral"}).content.decode()
    return re.sub(r"</?mark>", "", page)  # the words found are highlighted


def _feed(client, item):
    return client.get("/sok/atom/", {"q": "vårdcentral"}).content.decode()


def _csv(client, item):
    response = client.get("/sok/export.csv", {"q": "vårdcentral"})
    return b"".join(response.streaming_content).decode()


def _api_list(client, item):
    body = json.loads(client.get("/api/v1/items/").content)
    return " ".join(row["title"] for row in body["results"])


def _api_detail(client, item):
    response = client.get(f"/api/v1/items/{item.pk}/")
    return response.content.decode() if response.status_code == 200 else ""


def _api_meeting(client, item):
    return client.get(f"/api/v1/meetings/{item.meeting_id}/").content.decode()


def _sitemap(client, item):
    return (
        client.get("/sitemap-paragrafer.xml")
        .content.decode()
        .replace("http://testserver", "")
        .replace(item.get_absolute_url(), TITLE)
    )


def _meeting_page(client, item):
    return client.get(item.meeting.get_absolute_url()).content.decode()


SURFACES = {
    "search": _search,
    "feed": _feed,
    "csv": _csv,
    "api-list": _api_list,
    "api-detail": _api_detail,
    "api-meeting": _api_meeting,
    "sitemap": _sitemap,
    "meeting-page": _meeting_page,
}


@pytest.mark.parametrize("surface", SURFACES)
def test_a_depublished_item_leaves_every_public_surface_at_once(
    client, clerk_client, meeting, surface
):
    read = SURFACES[surface]
    item = item_of(meeting)
    assert TITLE in read(client, item)  # shown (and cached) before
    assert depublish(clerk_client, item).status_code == 302
    assert TITLE not in read(client, item)


def test_a_depublished_item_stays_off_the_site_when_its_meeting_is_published_again(
    client, clerk_client, meeting
):
    item = item_of(meeting)
    depublish(clerk_client, item)
    models.Meeting.objects.filter(pk=meeting.pk).update(is_published=False)
    models.Meeting.objects.filter(pk=meeting.pk).update(is_published=True)
    assert client.get(item.get_absolute_url()).status_code == 410
    assert client.get(f"/api/v1/items/{item.pk}/").status_code == 410
