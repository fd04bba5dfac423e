"""The clerk's web workflow: upload, review, correct, publish or cancel — with the test client.

Every test runs against the real PostgreSQL; uploaded files go to a temporary MEDIA_ROOT so
a test can see that a refused or cancelled upload leaves no file behind.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from minutes import models
from minutes.parsing import parse_file
from minutes.services import uploads as upload_services
from minutes.services.importing import ImportRejected
from tests.parsing.builders import (
    build_docx,
    build_encrypted_pdf,
    build_pdf,
    build_scanned_pdf,
)
from tests.parsing.test_quality import PROTOCOL, WITHOUT_DATE
from tests.seeds import seed_path

FIXTURE = Path(__file__).parent / "fixtures" / "protocols" / "clerk_kulturnamnden.txt"
UPLOAD_URL = "/protokollforare/ladda-upp/"


# Stored files go to a temporary MEDIA_ROOT (conftest), never into var/.
pytestmark = pytest.mark.usefixtures("media_root")


def protocol_text() -> str:
    return FIXTURE.read_text(encoding="utf-8")


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def upload(client, data: bytes, name: str = "protokoll.txt"):
    return client.post(UPLOAD_URL, {"file": SimpleUploadedFile(name, data)})


def upload_fixture(client) -> models.Upload:
    response = upload(client, protocol_text().encode())
    assert response.status_code == 302, response.content.decode()[:2000]
    return models.Upload.objects.get()


def publish(client, pending: models.Upload, **fields):
    data = {"body": "Region Fjällby", "committee": "Kulturnämnden", "date": "2024-09-12"}
    data.update(fields)
    return client.post(f"/protokollforare/granska/{pending.pk}/publicera/", data)


# --- Who may come in -------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_upload_is_sent_to_sign_in_and_nothing_is_stored(client, media_root):
    response = client.get(UPLOAD_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/?next=/protokollforare/ladda-upp/")

    response = upload(client, protocol_text().encode())
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")
    assert not models.Upload.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/protokollforare/", UPLOAD_URL, "/protokollforare/granska/1/"],
)
def test_signed_in_user_without_clerk_rights_gets_a_swedish_403(client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("besokare", password="x-lösen-99"))
    response = client.get(url)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Ingen behörighet" in html
    assert "Protokollförare" in html


@pytest.mark.django_db
def test_clerk_start_page_lists_pending_uploads(clerk_client, django_assert_max_num_queries):
    pending = upload_fixture(clerk_client)
    with django_assert_max_num_queries(6):
        response = clerk_client.get("/protokollforare/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/protokollforare/granska/{pending.pk}/"' in html
    assert "clerk_kulturnamnden" not in html  # the name the clerk gave is shown, not ours
    assert "protokoll.txt" in html


# --- Upload and review -----------------------------------------------------------------------


@pytest.mark.django_db
def test_review_shows_each_item_with_clauses_warnings_and_its_text(
    clerk_client, django_assert_max_num_queries
):
    pending = upload_fixture(clerk_client)
    assert pending.status == models.Upload.Status.PENDING
    assert not models.Meeting.objects.exists(), "nothing is in the archive before publishing"

    with django_assert_max_num_queries(8):
        response = clerk_client.get(f"/protokollforare/granska/{pending.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Region Fjällby", "Kulturnämnden", "12 september 2024", "09:00", "24KN3"):
        assert text in html
    assert "Märta Lindqvist" in html and "vice ordförande" in html
    for title in ("§ 50 Val av justerare", "§ 51 Bidrag till studieförbund 2025"):
        assert title in html
    assert "<li>höja bidraget till studieförbunden med tre procent för 2025; samt</li>" in html
    assert "<li>fördela bidraget efter antalet genomförda studietimmar.</li>" in html
    assert "regionstyrelsen" in html and "föreslår" in html
    assert "Vidar Nyström (SD): till förmån för eget yrkande" in html

    # § 52 has no decision: its article is flagged and carries the warning.
    articles = html.split('<article class="review-item')[1:]
    last = articles[-1]
    assert last.startswith(" has-warnings")
    assert "§ 52 Information om biblioteksplanen" in last
    assert "Inget beslut hittades i paragrafen." in last
    # The extracted text of the § stands beside the reading.
    assert "Kulturchefen informerar om arbetet med den nya biblioteksplanen" in last
    assert 'class="source-text"' in last
    assert "Inget beslut hittades" not in articles[1], "§ 51 is read cleanly"


@pytest.mark.django_db
def test_review_shows_the_readings_warnings_in_swedish_by_item_and_for_the_protocol(
    clerk_client,
):
    text = (
        protocol_text()
        .replace("**§ 52 Information om biblioteksplanen**", "**§ 52**")
        .replace(
            "Förvaltningen föreslår att bidraget",
            "Justerandes sign\n\nUtdragsbestyrkande\n\nFörvaltningen föreslår att bidraget",
        )
    )
    upload(clerk_client, text.encode())
    pending = models.Upload.objects.get()
    html = clerk_client.get(f"/protokollforare/granska/{pending.pk}/").content.decode()
    protocol_list = html.split('aria-label="Varningar för protokollet">')[1].split("</ul>")[0]
    assert (
        "<li><strong>Varning:</strong> signaturruta togs bort ur § 51:"
        " ”Justerandes sign / Utdragsbestyrkande”</li>"
    ) in protocol_list
    articles = html.split('<article class="review-item')[1:]
    assert "§ 52: ingen rubrik hittades" in articles[-1], "under the § it is about"
    assert "ingen rubrik" not in protocol_list and "ingen rubrik" not in articles[1]
    assert "no title found" not in html and "signature box" not in html


@pytest.mark.django_db
def test_protocol_text_is_escaped_on_the_review_page(clerk_client):
    text = protocol_text().replace(
        "Information om biblioteksplanen",
        'Information om <script>alert("x")</script> & planen',
    )
    upload(clerk_client, text.encode())
    pending = models.Upload.objects.get()
    html = clerk_client.get(f"/protokollforare/granska/{pending.pk}/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; planen" in html


@pytest.mark.django_db
def test_pdf_and_docx_uploads_are_read(clerk_client, tmp_path):
    pdf = build_pdf(protocol_text(), tmp_path / "k.pdf").read_bytes()
    lines = [line for line in protocol_text().splitlines() if line.strip()]
    docx = build_docx(lines, tmp_path / "k.docx").read_bytes()
    # Names that lie about the kind: the content decides.
    for data, name in ((pdf, "protokoll.txt"), (docx, "protokoll.pdf")):
        response = upload(clerk_client, data, name)
        assert response.status_code == 302, response.content.decode()[:2000]
        review = clerk_client.get(response["Location"]).content.decode()
        assert "§ 51 Bidrag till studieförbund 2025" in review
        assert "fördela bidraget efter antalet genomförda studietimmar." in review
    assert models.Upload.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_protocol_gets_a_review_page(clerk_client, prefix):
    path = seed_path(prefix)
    parsed = parse_file(path)
    response = upload(clerk_client, path.read_bytes(), path.name)
    assert response.status_code == 302
    html = clerk_client.get(response["Location"]).content.decode()
    assert html.count('<article class="review-item') == len(parsed.items) > 0
    assert html.count('class="source-text"') == len(parsed.items)
    assert not models.Meeting.objects.exists()


def zip_without_word_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "inte ett Word-dokument")
    return buffer.getvalue()


BAD_UPLOADS = [
    # (id, bytes or builder, words of the Swedish message)
    ("empty", lambda tmp: b"", "Filen är tom."),
    ("blank", lambda tmp: b"   \n\n ", "Filen är tom."),
    ("png", lambda tmp: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "en bild (PNG)"),
    ("old-word", lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "äldre Office"),
    ("zip", lambda tmp: zip_without_word_document(), "inget Word-dokument"),
    ("garbage", lambda tmp: bytes(range(256)) * 8, "binära data"),
    (
        "not-a-protocol",
        lambda tmp: "Inköpslista: mjölk, smör och ägg.\nRing mamma.\n".encode(),
        "ser inte ut som ett protokoll",
    ),
    (
        "encrypted-pdf",
        lambda tmp: build_encrypted_pdf(protocol_text(), tmp / "e.pdf").read_bytes(),
        "lösenordsskyddad eller krypterad",
    ),
    (
        "scanned-pdf",
        lambda tmp: build_scanned_pdf(tmp / "s.pdf").read_bytes(),
        "saknar textlager",
    ),
    ("broken-pdf", lambda tmp: b"%PDF-1.7\n" + b"trasig " * 40, "skadad"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("build", "message"),
    [pytest.param(build, message, id=name) for name, build, message in BAD_UPLOADS],
)
def test_bad_upload_gets_a_swedish_message_and_changes_nothing(
    clerk_client, media_root, tmp_path, build, message
):
    response = upload(clerk_client, build(tmp_path), "protokoll.pdf")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Filen kunde inte tas emot" in html
    assert message in html
    assert 'enctype="multipart/form-data"' in html, "the upload form is shown again"
    assert not models.Upload.objects.exists()
    assert not models.Meeting.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_too_big_upload_names_the_limit(clerk_client, settings, media_root):
    settings.MAX_UPLOAD_BYTES = 1_000_000
    data = protocol_text().encode()
    response = upload(clerk_client, data * (1_500_000 // len(data) + 1))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Filen är för stor (1.5 MB). Största tillåtna storlek är 1 MB." in html
    assert not models.Upload.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_a_file_just_over_the_limit_is_not_said_to_be_as_big_as_it(
    clerk_client, settings, media_root
):
    """25 MiB is 26.2 MB: a 26.3 MB file must not read "26 MB … största 26 MB"."""
    settings.MAX_UPLOAD_BYTES = 25 * 1024 * 1024
    response = upload(clerk_client, b"x" * 26_300_000)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Filen är för stor (26.3 MB). Största tillåtna storlek är 26.2 MB." in html


@pytest.mark.django_db
def test_long_file_name_with_swedish_letters_is_stored(clerk_client):
    name = "Protokoll kulturnämnden sammanträde " + "å" * 150 + ".txt"
    response = upload(clerk_client, protocol_text().encode(), name)
    assert response.status_code == 302
    pending = models.Upload.objects.get()
    assert pending.filename == name
    assert len(pending.file.name) <= 100
    assert pending.file.read() == protocol_text().encode()


@pytest.mark.django_db
def test_upload_without_a_file_asks_for_one(clerk_client):
    response = clerk_client.post(UPLOAD_URL, {})
    assert response.status_code == 400
    assert "Välj en fil att ladda upp." in response.content.decode()


# --- Correct and publish ---------------------------------------------------------------------


@pytest.mark.django_db
def test_saved_corrections_are_kept_and_shown(clerk_client):
    pending = upload_fixture(clerk_client)
    response = clerk_client.post(
        f"/protokollforare/granska/{pending.pk}/",
        {"body": "Region Fjällby", "committee": "Kultur- och fritidsnämnden", "date": "2024-09-13"},
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.overrides == {"committee": "Kultur- och fritidsnämnden", "date": "2024-09-13"}
    html = clerk_client.get(f"/protokollforare/granska/{pending.pk}/").content.decode()
    assert 'value="Kultur- och fritidsnämnden"' in html
    assert 'value="2024-09-13"' in html
    assert "Rättelserna är sparade." in html
    assert not models.Meeting.objects.exists()


@pytest.mark.django_db
def test_publishing_with_corrected_fields_makes_the_meeting_public(clerk_client, clerk):
    pending = upload_fixture(clerk_client)
    response = publish(
        clerk_client, pending, committee="Kultur- och fritidsnämnden", date="2024-09-13"
    )
    assert response.status_code == 302
    assert response["Location"] == f"/protokollforare/publicerat/{pending.pk}/?resultat=imported"

    meeting = models.Meeting.objects.select_related("committee__body").get()
    assert meeting.committee.name == "Kultur- och fritidsnämnden"
    assert meeting.committee.body.name == "Region Fjällby"
    assert meeting.date == dt.date(2024, 9, 13)
    assert meeting.is_published
    assert sorted(meeting.items.values_list("number", flat=True)) == [50, 51, 52]
    assert models.Clause.objects.filter(decision__item__meeting=meeting).count() == 3
    pending.refresh_from_db()
    assert pending.status == models.Upload.Status.PUBLISHED
    assert pending.meeting == meeting

    page = clerk_client.get(response["Location"]).content.decode()
    assert "lästes in som ett nytt sammanträde" in page
    assert f"/admin/minutes/meeting/{meeting.pk}/change/" in page
    assert f'href="{meeting.get_absolute_url()}"' in page

    clerk_client.logout()
    assert clerk_client.get(meeting.get_absolute_url()).status_code == 200
    home = clerk_client.get("/").content.decode()
    assert "Kultur- och fritidsnämnden" in home, "the start page lists the published meeting"


@pytest.mark.django_db
def test_same_file_again_is_unchanged_and_a_new_version_replaces(clerk_client):
    first = upload_fixture(clerk_client)
    publish(clerk_client, first)

    upload(clerk_client, protocol_text().encode(), "samma.txt")
    again = models.Upload.objects.get(filename="samma.txt")
    review = clerk_client.get(f"/protokollforare/granska/{again.pk}/").content.decode()
    assert "Exakt samma fil finns redan i arkivet" in review
    response = publish(clerk_client, again)
    assert response["Location"].endswith("?resultat=unchanged")
    assert "Ingenting ändrades" in clerk_client.get(response["Location"]).content.decode()

    corrected = protocol_text().replace("tre procent", "fyra procent")
    upload(clerk_client, corrected.encode(), "rattad.txt")
    newer = models.Upload.objects.get(filename="rattad.txt")
    review = clerk_client.get(f"/protokollforare/granska/{newer.pk}/").content.decode()
    assert "Publicering ersätter den tidigare inläsningen" in review
    response = publish(clerk_client, newer)
    assert response["Location"].endswith("?resultat=replaced")
    meeting = models.Meeting.objects.get()
    assert models.Clause.objects.filter(
        decision__item__meeting=meeting, text__contains="fyra procent"
    ).exists()


@pytest.mark.django_db
def test_publish_passes_the_corrections_and_the_keep_choice_to_the_import(
    clerk_client, clerk, monkeypatch
):
    pending = upload_fixture(clerk_client)
    calls = []
    real_import = upload_services.meeting_import

    def spy(**kwargs):
        calls.append(kwargs)
        return real_import(**kwargs)

    monkeypatch.setattr(upload_services, "meeting_import", spy)
    publish(clerk_client, pending, date="2024-09-14", discard_corrections="on")
    (call,) = calls
    assert call["keep_corrections"] is False
    assert call["overrides"] == {"date": dt.date(2024, 9, 14)}
    assert call["user"] == clerk
    assert call["publish"] is True
    assert call["data"] == protocol_text().encode()


# --- What to check before publishing ---------------------------------------------------------


def review_html(client, pending: models.Upload) -> str:
    response = client.get(f"/protokollforare/granska/{pending.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def checklist_of(html: str) -> str:
    start = html.index('<section class="review-checks"')
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
def test_review_page_opens_with_the_checklist(clerk_client):
    pending = upload_fixture(clerk_client)
    html = review_html(clerk_client, pending)
    checks = checklist_of(html)
    assert html.index("Att kontrollera före publicering") < html.index('id="sammantrade"')
    assert '<h2 id="kontrollera">Att kontrollera före publicering</h2>' in checks
    assert "Inläsningen stämmer med texten i allt som kontrolleras här." in checks
    for label, status in (
        ("Sammanträdesdatum", "hittades"),
        ("Organ", "hittades"),
        ("Ordförande", "hittades"),
        ("Sekreterare", "hittades"),
        ("Närvarolista", "hittades"),
        ("Paragrafer", "stämmer"),
        ("Beslut", "stämmer"),
        ("Reservationer", "stämmer"),
        ("Yrkanden", "stämmer"),
        ("Voteringar", "stämmer"),
        ("Protokollsanteckningar", "stämmer"),
    ):
        assert f"<strong>{label}</strong>: {status}" in checks, label
    assert checks.count('<li class="check-ok">') == 11
    assert "3 lästa, 3 §-rubriker i texten" in checks
    assert "2 av 3 paragrafer har beslut" in checks
    assert "nämns i 1 §, lästa i 1" in checks and "nämns i 0 §§, lästa i 0" in checks
    assert "check-gap" not in checks and "kan inte publiceras" not in html


def upload_without_date(client) -> models.Upload:
    response = upload(client, WITHOUT_DATE.encode(), "miljonamnden.txt")
    assert response.status_code == 302, response.content.decode()[:2000]
    return models.Upload.objects.get()


REFUSAL = (
    "Protokollet kan inte publiceras utan sammanträdesdatum. Uppgiften hittades inte i "
    "protokollet: fyll i den under ”Rätta och publicera” och publicera igen."
)


@pytest.mark.django_db
def test_a_reading_without_date_shows_why_and_cannot_be_published(clerk_client, clerk):
    pending = upload_without_date(clerk_client)
    html = review_html(clerk_client, pending)
    checks = checklist_of(html)
    assert "<strong>Sammanträdesdatum</strong>: hittades inte" in checks
    assert "<li>Sammanträdesdatumet hittades inte.</li>" in checks
    assert "Inläsningen har 1 avvikelse från texten" in checks
    assert REFUSAL in checks and 'href="#publicera"' in checks

    # Publishing with the date still blank is refused with the same words; nothing changes.
    response = publish(
        clerk_client, pending, body="Region Norrby", committee="Miljönämnden", date=""
    )
    assert response.status_code == 400
    assert REFUSAL in response.content.decode()
    assert "Ange sammanträdesdatum." in response.content.decode()
    with pytest.raises(upload_services.UploadError, match="kan inte publiceras utan"):
        upload_services.upload_publish(upload=pending, user=clerk)
    assert not models.Meeting.objects.exists()
    assert not models.Item.objects.exists()
    pending.refresh_from_db()
    assert pending.status == models.Upload.Status.PENDING
    assert pending.overrides == {} and pending.meeting is None


@pytest.mark.django_db
def test_the_clerk_supplies_the_missing_date_and_publishes(clerk_client):
    pending = upload_without_date(clerk_client)
    fields = {"body": "Region Norrby", "committee": "Miljönämnden", "date": "2024-10-03"}
    saved = clerk_client.post(f"/protokollforare/granska/{pending.pk}/", fields)
    assert saved.status_code == 302
    checks = checklist_of(review_html(clerk_client, pending))
    assert "<strong>Sammanträdesdatum</strong>: hittades inte" in checks
    assert "ifyllt av dig: 2024-10-03" in checks
    assert "kan inte publiceras" not in checks

    response = publish(clerk_client, pending, **fields)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = models.Meeting.objects.get()
    assert meeting.date == dt.date(2024, 10, 3)
    assert sorted(meeting.items.values_list("number", flat=True)) == [10, 11, 12]


@pytest.mark.django_db
def test_a_protocol_read_in_full_has_no_refusal(clerk_client):
    response = upload(clerk_client, PROTOCOL.encode(), "miljonamnden.txt")
    assert response.status_code == 302
    checks = checklist_of(clerk_client.get(response["Location"]).content.decode())
    assert "check-gap" not in checks and "kan inte publiceras" not in checks


@pytest.mark.django_db
def test_invalid_meeting_fields_are_refused_with_swedish_messages(clerk_client):
    pending = upload_fixture(clerk_client)
    response = publish(clerk_client, pending, committee="", date="12/9 2024")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ange organ (nämnd, utskott eller styrelse)." in html
    assert "Skriv datumet som ÅÅÅÅ-MM-DD" in html
    assert not models.Meeting.objects.exists()
    pending.refresh_from_db()
    assert pending.status == models.Upload.Status.PENDING


@pytest.mark.django_db
def test_rejected_import_is_a_message_on_the_review_page(clerk_client, monkeypatch):
    pending = upload_fixture(clerk_client)

    def refuse(**kwargs):
        raise ImportRejected("Protokollet saknar sammanträdesdatum.")

    monkeypatch.setattr(upload_services, "meeting_import", refuse)
    response = publish(clerk_client, pending)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Protokollet kunde inte publiceras" in html
    assert "Protokollet saknar sammanträdesdatum." in html
    assert "§ 51 Bidrag till studieförbund 2025" in html, "the review is shown again"
    pending.refresh_from_db()
    assert pending.status == models.Upload.Status.PENDING


@pytest.mark.django_db
def test_integrity_error_half_way_leaves_nothing_written(clerk_client, monkeypatch):
    pending = upload_fixture(clerk_client)
    body = models.Body.objects.create(name="Region Halvvägs", slug="region-halvvags")

    def break_half_way(**kwargs):
        committee = models.Committee.objects.create(body=body, name="Halv", slug="halv")
        models.Meeting.objects.create(
            committee=committee, date=dt.date(2024, 1, 1), sha256="b" * 64
        )
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(upload_services, "meeting_import", break_half_way)
    response = publish(clerk_client, pending)
    assert response.status_code == 409
    assert "Inget har sparats" in response.content.decode()
    assert not models.Meeting.objects.exists()
    assert not models.Committee.objects.exists()
    pending.refresh_from_db()
    assert pending.status == models.Upload.Status.PENDING


@pytest.mark.django_db
def test_publish_and_cancel_only_answer_post(clerk_client):
    pending = upload_fixture(clerk_client)
    for action in ("publicera", "avbryt"):
        assert (
            clerk_client.get(f"/protokollforare/granska/{pending.pk}/{action}/").status_code == 405
        )
    assert clerk_client.get("/protokollforare/granska/999999/").status_code == 404


# --- Cancel ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_cancel_leaves_nothing_behind(clerk_client, media_root, django_capture_on_commit_callbacks):
    pending = upload_fixture(clerk_client)
    assert len(stored_files(media_root)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk_client.post(f"/protokollforare/granska/{pending.pk}/avbryt/")
    assert response.status_code == 302
    assert response["Location"] == "/protokollforare/"
    pending.refresh_from_db()
    assert pending.status == models.Upload.Status.CANCELLED
    assert stored_files(media_root) == []
    assert not models.Meeting.objects.exists()
    listing = clerk_client.get("/protokollforare/").content.decode()
    assert "är avbruten. Inget publicerades." in listing
    assert f"/protokollforare/granska/{pending.pk}/" not in listing
    # A cancelled upload can no longer be published.
    response = publish(clerk_client, pending)
    assert response.status_code == 302
    assert not models.Meeting.objects.exists()


@pytest.mark.django_db
def test_utf16_text_without_a_byte_order_mark_is_taken(clerk_client, media_root):
    """Notepad's "Unicode big/little endian" saved without a BOM is text, not binary."""
    response = upload(clerk_client, protocol_text().encode("utf-16-le"))
    assert response.status_code == 302, response.content.decode()[:2000]
    (pending,) = models.Upload.objects.all()
    assert pending.status == models.Upload.Status.PENDING
