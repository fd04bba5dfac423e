"""A clerk's corrections are never lost silently: a replacing import keeps them unless
told otherwise, shows them first, refuses an older file without a confirmation, and the
import log cannot be rewritten."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from minutes import models
from minutes.parsing import parse_bytes
from minutes.services.importing import OlderVersionRejected, meeting_import
from tests.admin_forms import admin_form_data

FIXTURES = Path(__file__).parent / "fixtures" / "protocols"
UTSKOTT = FIXTURES / "import_utskott_2024-03-05.txt"
ORIGINAL = UTSKOTT.read_text(encoding="utf-8")
# A later version of the protocol: § 14's clause and the justering date are new.
NEWER = ORIGINAL.replace("ansluta Region Norrvik", "ansluta hela Region Norrvik").replace(
    "Regionhuset i Norrby 2024-03-08", "Regionhuset i Norrby 2024-03-11"
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]


def import_text(text: str, filename: str, **options):
    data = text.encode("utf-8")
    return meeting_import(
        parsed=parse_bytes(data, filename), data=data, filename=filename, **options
    )


def correct_in_admin(client, url: str, reason: str = "rättelse", **changes) -> None:
    """Change fields on an admin page as a clerk does, with a reason; the save succeeds."""
    data = admin_form_data(client, url)
    data.update(changes, change_reason=reason)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def corrected_meeting(client) -> models.Meeting:
    """The original protocol imported; § 13's title and the meeting's place corrected."""
    meeting = import_text(ORIGINAL, "original.txt").meeting
    item = meeting.items.get(number=13)
    correct_in_admin(
        client, f"/admin/minutes/item/{item.pk}/change/", title="Ny vårdcentral i Norrby centrum"
    )
    correct_in_admin(
        client, f"/admin/minutes/meeting/{meeting.pk}/change/", place="Sal Indalsälven"
    )
    return meeting


def test_a_replacing_import_keeps_an_item_and_a_meeting_correction(clerk_client):
    meeting = corrected_meeting(clerk_client)
    result = import_text(NEWER, "nyare.txt")
    assert result.status == "replaced"
    meeting.refresh_from_db()
    assert meeting.place == "Sal Indalsälven"
    assert meeting.items.get(number=13).title == "Ny vårdcentral i Norrby centrum"
    new_clause = models.Clause.objects.get(
        decision__item__meeting=meeting, decision__item__number=14
    )
    assert new_clause.text.startswith("ansluta hela Region Norrvik")


def test_a_replacing_import_told_to_discard_takes_the_new_reading_and_says_so(clerk_client):
    meeting = corrected_meeting(clerk_client)
    import_text(NEWER, "nyare.txt", keep_corrections=False)
    meeting.refresh_from_db()
    assert meeting.place != "Sal Indalsälven"
    assert meeting.items.get(number=13).title == "Ny vårdcentral i Norrby"
    record = meeting.import_records.get(action="replaced")
    discarded = " ".join(record.changes["discarded"])
    assert "platsen" in discarded
    assert "§ 13" in discarded


def test_a_corrected_attendance_list_survives_a_replacement(clerk_client):
    meeting = import_text(ORIGINAL, "original.txt").meeting
    url = f"/admin/minutes/meeting/{meeting.pk}/change/"
    data = admin_form_data(clerk_client, url)
    first = meeting.attendances.order_by("position").first()
    prefix = next(key for key, value in data.items() if key.endswith("-id") and value == first.pk)
    data[prefix.replace("-id", "-note")] = "lämnade mötet kl. 10"
    data["change_reason"] = "anteckning i närvarolistan"
    assert clerk_client.post(url, data).status_code == 302
    import_text(NEWER, "nyare.txt")
    assert meeting.attendances.filter(note="lämnade mötet kl. 10").exists()


def test_the_command_keeps_corrections_by_default(clerk_client, tmp_path):
    meeting = corrected_meeting(clerk_client)
    newer = tmp_path / "nyare.txt"
    newer.write_text(NEWER, encoding="utf-8")
    call_command("import_minutes", str(newer), jobs=1)
    meeting.refresh_from_db()
    assert meeting.place == "Sal Indalsälven"
    assert meeting.items.get(number=13).title == "Ny vårdcentral i Norrby centrum"


def test_an_older_file_is_refused_without_confirmation():
    meeting = import_text(NEWER, "nyare.txt").meeting
    with pytest.raises(OlderVersionRejected, match="justerades 2024-03-08"):
        import_text(ORIGINAL, "original.txt")
    meeting.refresh_from_db()
    assert meeting.source_filename == "nyare.txt"
    assert import_text(ORIGINAL, "original.txt", allow_older=True).status == "replaced"


def test_an_earlier_version_brought_back_is_refused_without_confirmation():
    first = import_text(ORIGINAL, "v1.txt").meeting
    import_text(ORIGINAL.replace("ambulansflyget", "ambulansflyget.  "), "v2.txt")
    with pytest.raises(OlderVersionRejected, match="tidigare version"):
        import_text(ORIGINAL, "v1.txt")
    first.refresh_from_db()
    assert first.source_filename == "v2.txt"


def test_the_command_refuses_an_older_file_with_a_failing_status(tmp_path, capsys):
    newer, older = tmp_path / "nyare.txt", tmp_path / "aldre.txt"
    newer.write_text(NEWER, encoding="utf-8")
    older.write_text(ORIGINAL, encoding="utf-8")
    call_command("import_minutes", str(newer), jobs=1)
    with pytest.raises(CommandError):
        call_command("import_minutes", str(older), jobs=1)
    assert "--allow-older" in capsys.readouterr().err
    assert models.Meeting.objects.get().source_filename == "nyare.txt"
    call_command("import_minutes", str(older), "--allow-older", jobs=1)
    assert models.Meeting.objects.get().source_filename == "aldre.txt"


def upload_newer(client) -> models.Upload:
    response = client.post(
        "/protokollforare/ladda-upp/",
        {"file": _file(NEWER, "nyare.txt")},
    )
    assert response.status_code == 302, response.status_code
    return models.Upload.objects.latest("created_at")


def _file(text: str, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def test_the_replacement_page_lists_the_corrections_it_would_overwrite(clerk_client):
    corrected_meeting(clerk_client)
    upload = upload_newer(clerk_client)
    page = clerk_client.get(f"/protokollforare/granska/{upload.pk}/").content.decode()
    assert "Rättelser som den nya filen skulle skriva över" in page
    assert "§ 13 Ny vårdcentral i Norrby centrum" in page
    assert "platsen: Sal Indalsälven" in page
    assert "Ändrade paragrafer" in page and "§ 14" in page


def test_the_web_refuses_an_older_upload_until_confirmed(clerk_client):
    upload = upload_newer(clerk_client)  # uploaded first, published last
    import_text(NEWER.replace("ambulansflyget", "ambulansflyget helt"), "senaste.txt")
    url = f"/protokollforare/granska/{upload.pk}/publicera/"
    fields = {"body": "Region Norrvik", "committee": "Hälso- och sjukvårdsutskottet"}
    fields["date"] = "2024-03-05"
    refused = clerk_client.post(url, fields)
    assert refused.status_code == 409
    assert "Ersätt ändå den publicerade versionen" in refused.content.decode()
    assert models.Meeting.objects.get().source_filename == "senaste.txt"
    confirmed = clerk_client.post(url, {**fields, "allow_older": "on", "reason": "rätt version"})
    assert confirmed.status_code == 302
    meeting = models.Meeting.objects.get()
    assert meeting.source_filename == "nyare.txt"
    assert meeting.import_records.latest("created_at").reason == "rätt version"


def test_the_import_log_cannot_be_changed_or_deleted_by_a_clerk(clerk_client):
    record = import_text(ORIGINAL, "original.txt").meeting.import_records.get()
    url = f"/admin/minutes/importrecord/{record.pk}/"
    assert clerk_client.get(url + "change/").status_code == 200  # shown, read only
    response = clerk_client.post(url + "change/", {"filename": "annat.txt", "action": "imported"})
    assert response.status_code == 403
    assert clerk_client.post(url + "delete/", {"post": "yes"}).status_code == 403
    assert clerk_client.get("/admin/minutes/importrecord/add/").status_code == 403
    record.refresh_from_db()
    assert record.filename == "original.txt"
