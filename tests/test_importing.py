"""Importing a parsed protocol: what lands in the archive, idempotency, replacement, rollback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.postgres.search import SearchQuery

from minutes import models
from minutes.parsing import parse_bytes, parse_file
from minutes.parsing import records as r
from minutes.parsing.warning_codes import warn
from minutes.services.corrections import item_mark_corrected
from minutes.services.importing import ImportRejected, meeting_import
from minutes.services.resolve import ImportCache
from minutes.warning_texts import in_swedish
from tests.seeds import seed_path

FIXTURES = Path(__file__).parent / "fixtures" / "protocols"
UTSKOTT = FIXTURES / "import_utskott_2024-03-05.txt"
STYRELSE = FIXTURES / "import_styrelse_2024-04-10.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    """Stored protocol files go to a temporary MEDIA_ROOT, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def import_path(path: Path, **options):
    return meeting_import(
        parsed=parse_file(path), data=path.read_bytes(), filename=path.name, **options
    )


def import_text(text: str, filename: str, **options):
    data = text.encode("utf-8")
    return meeting_import(
        parsed=parse_bytes(data, filename), data=data, filename=filename, **options
    )


def table_counts() -> dict[str, int]:
    """Rows in every table of the app, many-to-many tables included."""
    counts = {}
    for model in apps.get_app_config("minutes").get_models(include_auto_created=True):
        counts[model._meta.db_table] = model.objects.count()
    return counts


def item(meeting: models.Meeting, number: int) -> models.Item:
    return meeting.items.get(number=number)


def clause_texts(it: models.Item) -> list[str]:
    return [
        c.text for d in it.decisions.order_by("position") for c in d.clauses.order_by("position")
    ]


def reservations(it: models.Item) -> list[tuple[str, str | None]]:
    return [
        (res.person.name, res.party.abbreviation if res.party else None)
        for res in it.reservations.select_related("person", "party").order_by("id")
    ]


def protocol(**fields) -> r.ParsedProtocol:
    """A hand-made reading, independent of the parser."""
    base = dict(
        body="Region Provvik",
        committee="Provnämnden",
        date=dt.date(2024, 5, 14),
        start_time=dt.time(9, 0),
        items=(r.Item(number=1, title="Val av justerare"),),
    )
    return r.ParsedProtocol(**{**base, **fields})


# --- the reference protocols (../shared/seeds) ---------------------------------------


def test_seed_000_meeting_items_clauses_attendance_and_notes():
    result = import_path(seed_path("000"))
    meeting = result.meeting
    assert result.status == "imported"
    assert meeting.committee.name == "Hälso- och sjukvårdsutskottet"
    assert meeting.committee.body.name == "Region Västernorrland"
    assert meeting.date == dt.date(2021, 11, 11)
    assert meeting.start_time == dt.time(9, 15)
    assert list(meeting.items.values_list("number", flat=True)) == [68, 69, 70, 71]
    samverkan = item(meeting, 70)
    assert samverkan.dnr == ["21HSN3638"]
    assert list(samverkan.cases.values_list("key", flat=True)) == ["hsn20213638"]
    clauses = clause_texts(samverkan)
    assert len(clauses) == 2
    assert clauses[1].startswith("i övrigt lägga informationen till handlingarna")
    assert samverkan.decisions.get().kind == models.Decision.Kind.PROPOSES
    note = samverkan.notes.get()
    assert sorted(note.persons.values_list("name", flat=True)) == ["Pia Lundin", "Roger Byström"]
    chair = meeting.attendances.get(role=models.Attendance.Role.CHAIR)
    assert (chair.person.name, chair.party.abbreviation) == ("Lena Asplund", "M")
    substitute = meeting.attendances.get(person__name="Camilla Nilsson")
    assert substitute.role == models.Attendance.Role.SERVING_SUBSTITUTE
    assert substitute.substitute_for.name == "Katarina Nylén"
    pia = meeting.attendances.get(person__name="Pia Lundin").party
    assert (pia.abbreviation, pia.name, pia.is_known) == (
        "SJVP",
        "Sjukvårdspartiet Västernorrland",
        True,
    )
    assert meeting.source_file.read() == seed_path("000").read_bytes()


def test_seed_001_reservations_with_parties_and_withdrawn_item():
    meeting = import_path(seed_path("001")).meeting
    assert meeting.committee.name == "Finansutskottet"
    assert meeting.date == dt.date(2021, 12, 1)
    assert list(meeting.items.values_list("number", flat=True)) == list(range(207, 223))
    assert reservations(item(meeting, 209)) == [("Jonny Lundin", "C"), ("Mattias Rösberg", "SJVP")]
    assert item(meeting, 220).withdrawn
    assert list(item(meeting, 212).cases.values_list("dnr", flat=True)) == ["21RS13287"]


def test_seed_002_same_person_across_two_protocols_of_one_body():
    first = import_path(seed_path("000")).meeting
    second = import_path(seed_path("002")).meeting
    assert second.committee == first.committee
    assert second.date == dt.date(2025, 3, 13)
    assert list(second.items.values_list("number", flat=True)) == list(range(18, 33))
    pia = models.Person.objects.get(name="Pia Lundin")
    assert set(pia.attendances.values_list("meeting", flat=True)) == {first.pk, second.pk}
    assert second.attendances.get(person=pia).note == "deltar ej i § 26"


def test_seed_003_prefixed_dnr_becomes_a_case_and_reservation_has_a_party():
    meeting = import_path(seed_path("003")).meeting
    assert meeting.committee.body.name == "Region Västerbotten"
    assert meeting.committee.name == "Hälso- och sjukvårdsnämndens arbetsutskott"
    assert list(meeting.items.values_list("number", flat=True)) == list(range(201, 227))
    case = models.Case.objects.get(key="hsn2024571")
    assert case.dnr == "HSN 571-2024"
    assert list(case.items.values_list("number", flat=True)) == [206]
    assert reservations(item(meeting, 224)) == [("Håkan Andersson", "C")]


def test_seed_004_attendance_keeps_municipality_and_note():
    meeting = import_path(seed_path("004")).meeting
    assert meeting.committee.body.name == "Region Jämtland Härjedalen"
    assert meeting.committee.name == "Regionens samverkansråd"
    assert list(meeting.items.values_list("number", flat=True)) == list(range(70, 79))
    member = meeting.attendances.get(person__name="Therese Kärngård")
    assert (member.party.abbreviation, member.municipality) == ("S", "Bergs kommun")
    assert meeting.attendances.get(person__name="Lars Gunnar Nordlander").note == "§§70-76"


# --- invented protocols (tests/fixtures/protocols/import_*.txt) -------------------------


def test_fixture_protocol_is_stored_whole():
    result = import_path(UTSKOTT)
    meeting = result.meeting
    assert (meeting.committee.body.name, meeting.committee.name) == (
        "Region Norrvik",
        "Hälso- och sjukvårdsutskottet",
    )
    assert (meeting.date, meeting.start_time, meeting.end_time) == (
        dt.date(2024, 3, 5),
        dt.time(9, 0),
        dt.time(11, 30),
    )
    assert (meeting.chair, meeting.secretary, meeting.adjusters) == (
        "Anna Lindqvist",
        "Helena Berg",
        ["Cecilia Norberg"],
    )
    assert meeting.source_filename == UTSKOTT.name
    assert meeting.is_published
    vardcentral = item(meeting, 13)
    assert clause_texts(vardcentral) == [
        "inrätta en vårdcentral i Norrby från och med den 1 januari 2025, samt",
        "finansiera hyran inom hälso- och sjukvårdens ram.",
    ]
    decision = vardcentral.decisions.get()
    assert (decision.kind, decision.proposed_to) == ("föreslår", ["regionstyrelsen"])
    assert reservations(vardcentral) == [("Bertil Ohlsson", "M"), ("David Ek", "BLP")]
    movers = [(y.persons.get().name, y.won) for y in vardcentral.yrkanden.order_by("position")]
    assert movers == [("Bertil Ohlsson", False), ("Anna Lindqvist", True)]
    assert {s["heading"] for s in vardcentral.sections} >= {"Ärendebeskrivning"}
    note = item(meeting, 14).notes.get()
    assert list(note.persons.values_list("name", flat=True)) == ["Cecilia Norberg"]
    serving = meeting.attendances.get(role=models.Attendance.Role.SERVING_SUBSTITUTE)
    assert (serving.person.name, serving.substitute_for.name) == ("Eva Strand", "Fredrik Holm")
    record = meeting.import_records.get()
    assert (record.action, record.sha256) == ("imported", meeting.sha256)


def test_unknown_party_is_kept_flagged_and_warned_about():
    result = import_path(UTSKOTT)
    party = models.Party.objects.get(abbreviation="BLP")
    assert not party.is_known
    # Once, however many lines name the party.
    assert [w for w in result.warnings if w["code"] == "import_party_unknown"] == [
        {
            "code": "import_party_unknown",
            "message": "unknown party 'BLP': stored and flagged as unknown",
            "item": None,
            "count": 1,
            "params": {"party": "BLP"},
        }
    ]
    stored = models.Meeting.objects.get(pk=result.meeting.pk).parse_warnings
    assert stored == list(result.warnings)
    assert models.Party.objects.get(abbreviation="S").is_known


def test_same_dnr_links_items_of_two_committees_and_people_are_matched():
    utskott = import_path(UTSKOTT).meeting
    styrelse = import_path(STYRELSE).meeting
    assert utskott.committee != styrelse.committee
    case = models.Case.objects.get(key="rs20241234")
    linked = case.items.order_by("meeting__date")
    assert [(i.meeting_id, i.number) for i in linked] == [(utskott.pk, 13), (styrelse.pk, 46)]
    # Printed `24 RS 1234` in styrelsen: kept as printed on the item, same case.
    assert (case.dnr, linked[1].dnr) == ("24RS1234", ["24 RS 1234"])
    assert models.Person.objects.filter(name="Bertil Ohlsson").count() == 1
    ohlsson = models.Person.objects.get(name="Bertil Ohlsson")
    assert ohlsson.reservations.count() == 2
    assert models.Party.objects.filter(abbreviation="M").count() == 1


def test_imported_items_are_searchable_at_once():
    meeting = import_path(UTSKOTT).meeting
    query = SearchQuery("ambulansflyget", config="swedish", search_type="websearch")
    assert list(
        models.Item.objects.filter(search_vector=query).values_list("number", flat=True)
    ) == [14]
    assert not meeting.items.filter(search_vector__isnull=True).exists()


# --- idempotency and replacement --------------------------------------------------------


def test_same_file_twice_is_unchanged_and_writes_nothing():
    first = import_path(UTSKOTT)
    before = table_counts()
    second = import_path(UTSKOTT)
    assert second.status == "unchanged"
    assert second.meeting.pk == first.meeting.pk
    assert table_counts() == before


def test_corrected_version_replaces_the_reading_as_a_whole(django_user_model):
    clerk = django_user_model.objects.create_user("sekreterare")
    original = import_path(UTSKOTT)
    old_item_ids = set(original.meeting.items.values_list("pk", flat=True))
    text = UTSKOTT.read_text(encoding="utf-8")
    corrected = text.replace("inom hälso- och sjukvårdens ram", "inom regionstyrelsens ram")
    corrected = corrected.replace("§ 14 Avtal om ambulansflyg", "§ 15 Avtal om ambulansflyg")
    result = import_text(corrected, "rattat.txt", user=clerk)
    meeting = result.meeting
    assert result.status == "replaced"
    assert meeting.pk == original.meeting.pk
    assert models.Meeting.objects.count() == 1
    assert not models.Item.objects.filter(pk__in=old_item_ids).exists()
    assert list(meeting.items.values_list("number", flat=True)) == [12, 13, 15]
    assert clause_texts(item(meeting, 13))[1] == "finansiera hyran inom regionstyrelsens ram."
    assert meeting.attendances.count() == 7
    assert meeting.source_filename == "rattat.txt"
    records = list(meeting.import_records.order_by("id"))
    assert [rec.action for rec in records] == ["imported", "replaced"]
    assert records[1].replaced_sha256 == original.meeting.sha256
    assert (records[1].user, records[1].filename) == (clerk, "rattat.txt")
    assert models.Person.objects.filter(name="Bertil Ohlsson").count() == 1


def corrected_and_reimported(keep: bool) -> models.Meeting:
    """Import, let a clerk correct § 13 in the admin's way, import a new version."""
    meeting = import_path(UTSKOTT).meeting
    clause = models.Clause.objects.get(decision__item__meeting=meeting, position=1)
    clause.text = "finansiera hyran enligt rättelse."
    clause.save()
    item_mark_corrected(item_id=clause.decision.item_id)
    text = UTSKOTT.read_text(encoding="utf-8").replace("Tjänsteskrivelse", "Skrivelse")
    text = text.replace("ansluta Region Norrvik", "ansluta hela Region Norrvik")
    import_text(text, "version2.txt", keep_corrections=keep)
    return meeting


def test_keep_corrections_keeps_the_corrected_item_and_replaces_the_rest():
    meeting = corrected_and_reimported(keep=True)
    corrected = item(meeting, 13)
    assert corrected.corrected_at is not None
    assert clause_texts(corrected)[1] == "finansiera hyran enligt rättelse."
    assert clause_texts(item(meeting, 14)) == [
        "ansluta hela Region Norrvik till det gemensamma ambulansflyget."
    ]
    assert list(meeting.items.values_list("number", flat=True)) == [12, 13, 14]


def test_without_keep_corrections_the_new_reading_wins():
    meeting = corrected_and_reimported(keep=False)
    fresh = item(meeting, 13)
    assert fresh.corrected_at is None
    assert clause_texts(fresh)[1] == "finansiera hyran inom hälso- och sjukvårdens ram."


def test_a_clause_edited_in_the_admin_marks_its_item_corrected(admin_client):
    meeting = import_path(UTSKOTT).meeting
    clause = models.Clause.objects.get(decision__item=item(meeting, 14))
    response = admin_client.post(
        f"/admin/minutes/clause/{clause.pk}/change/",
        {
            "decision": clause.decision_id,
            "position": 0,
            "text": "rättad att-sats",
            "change_reason": "felstavning",
        },
    )
    assert response.status_code == 302
    corrected = models.Item.objects.get(pk=clause.decision.item_id)
    assert corrected.corrected_at is not None
    assert models.Item.objects.filter(meeting=meeting, corrected_at__isnull=True).count() == 2
    query = SearchQuery("rättad", config="swedish")
    assert models.Item.objects.filter(search_vector=query).get() == corrected


# --- one transaction ------------------------------------------------------------------


def test_failure_half_way_leaves_the_database_and_storage_as_before(monkeypatch, media):
    import_path(STYRELSE)
    before = table_counts()
    files_before = sorted(p.name for p in media.rglob("*") if p.is_file())

    def fail(*args, **kwargs):
        raise RuntimeError("disken är full")

    monkeypatch.setattr(models.Clause.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        import_path(UTSKOTT)
    assert table_counts() == before
    assert sorted(p.name for p in media.rglob("*") if p.is_file()) == files_before


def test_failed_replacement_keeps_the_old_reading(monkeypatch):
    original = import_path(UTSKOTT).meeting
    before = table_counts()
    monkeypatch.setattr(models.Reservation.objects, "bulk_create", lambda *a, **k: 1 / 0)
    text = UTSKOTT.read_text(encoding="utf-8").replace("Norrby för", "Norrby, för")
    with pytest.raises(ZeroDivisionError):
        import_text(text, "trasig.txt")
    assert table_counts() == before
    assert models.Meeting.objects.get().sha256 == original.sha256


def test_a_shared_cache_stays_correct_after_a_rollback(monkeypatch):
    cache = ImportCache()
    newcomer = r.Attendee(name="Nina Nykomling", party="NYTT")
    failing = protocol(attendees=(newcomer,))
    with monkeypatch.context() as patch:
        patch.setattr(models.Attendance.objects, "bulk_create", lambda *a, **k: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            meeting_import(parsed=failing, data=b"first", filename="a.txt", cache=cache)
    result = meeting_import(parsed=failing, data=b"second", filename="b.txt", cache=cache)
    assert result.status == "imported"
    assert result.meeting.attendances.get().person.name == "Nina Nykomling"
    assert models.Party.objects.get(abbreviation="NYTT").is_known is False


def test_a_person_created_behind_the_cache_is_matched_not_duplicated():
    cache = ImportCache()
    meeting_import(parsed=protocol(), data=b"one", filename="one.txt", cache=cache)
    body = models.Body.objects.get()
    elsewhere = models.Person.objects.create(body=body, name="Nina Nykomling", slug="nina")
    later = protocol(date=dt.date(2024, 6, 1), attendees=(r.Attendee(name="Nina Nykomling"),))
    result = meeting_import(parsed=later, data=b"two", filename="two.txt", cache=cache)
    assert result.meeting.attendances.get().person == elsewhere
    assert models.Person.objects.count() == 1


# --- resolution and rejection ---------------------------------------------------------


def test_names_match_case_and_whitespace_insensitively_and_slugs_stay_unique():
    parsed = protocol(
        attendees=(
            r.Attendee(name="Lena Asplund", party="(m)", role="ordförande"),
            r.Attendee(name="Åsa Ek", party="kd"),
            r.Attendee(name="Asa Ek", party="-"),
        ),
        items=(
            r.Item(
                number=4,
                title="Budget",
                reservations=(r.Reservation(name="lena  ASPLUND", party="M"),),
            ),
        ),
    )
    meeting = meeting_import(parsed=parsed, data=b"x", filename="x.txt").meeting
    people = {p.name: p.slug for p in models.Person.objects.all()}
    assert people == {"Lena Asplund": "lena-asplund", "Åsa Ek": "asa-ek", "Asa Ek": "asa-ek-2"}
    assert item(meeting, 4).reservations.get().person.name == "Lena Asplund"
    parties = {a.person.name: a.party for a in meeting.attendances.select_related("party")}
    assert parties["Lena Asplund"].abbreviation == "M"
    assert (parties["Åsa Ek"].abbreviation, parties["Åsa Ek"].name) == ("KD", "Kristdemokraterna")
    assert parties["Asa Ek"] is None


def test_votes_with_roll_call_are_stored():
    vote = r.Vote(
        yes=1,
        no=1,
        chair_decided=True,
        text="bifall mot avslag",
        roll=(r.RollCall("Eva Lind", "S", "ja"), r.RollCall("Olle Berg", "M", "nej")),
    )
    parsed = protocol(items=(r.Item(number=9, title="Skattesats", votes=(vote,)),))
    meeting = meeting_import(parsed=parsed, data=b"v", filename="v.txt").meeting
    stored = item(meeting, 9).votes.get()
    assert (stored.yes, stored.no, stored.chair_decided) == (1, 1, True)
    roll = {(c.person.name, c.party.abbreviation, c.choice) for c in stored.roll.all()}
    assert roll == {("Eva Lind", "S", "ja"), ("Olle Berg", "M", "nej")}


def test_overrides_replace_the_parsed_meeting_fields():
    result = import_path(
        UTSKOTT,
        overrides={
            "body": "Region Rättvik",
            "committee": "Regionstyrelsen",
            "date": dt.date(2024, 3, 6),
        },
        publish=False,
    )
    meeting = result.meeting
    assert (meeting.committee.body.name, meeting.committee.name, meeting.date) == (
        "Region Rättvik",
        "Regionstyrelsen",
        dt.date(2024, 3, 6),
    )
    assert not meeting.is_published
    assert not models.Meeting.objects.published().exists()


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        ({"committee": None}, "organ"),
        ({"body": None}, "huvudman"),
        ({"date": None}, "sammanträdesdatum"),
        ({"items": ()}, "paragrafer"),
    ],
)
def test_a_protocol_without_what_a_meeting_needs_is_rejected(fields, missing):
    with pytest.raises(ImportRejected, match=f"saknar.*{missing}"):
        meeting_import(parsed=protocol(**fields), data=b"r", filename="r.txt")
    assert table_counts() == {name: 0 for name in table_counts()}


def test_duplicate_paragraph_numbers_keep_the_first_and_warn():
    parsed = protocol(
        items=(r.Item(number=3, title="Först"), r.Item(number=3, title="Sedan")),
    )
    result = meeting_import(parsed=parsed, data=b"d", filename="d.txt")
    assert list(result.meeting.items.values_list("title", flat=True)) == ["Först"]
    assert [(w["code"], w["item"], w["count"]) for w in result.warnings] == [
        ("import_duplicate_item", 3, 1)
    ]


def test_parser_and_importer_warnings_are_stored_as_data_with_codes():
    parsed = protocol(
        items=(r.Item(number=4, title="Först"), *[r.Item(number=4, title="Igen")] * 2),
        warnings=(
            warn("no_title", item=4),
            warn("furniture_removed", count=5, kind="page number", example="2 (9)", items=[4]),
        ),
    )
    meeting = meeting_import(parsed=parsed, data=b"w", filename="w.txt").meeting
    meeting.refresh_from_db()
    assert meeting.parse_warnings == [
        {"code": "no_title", "message": "§ 4: no title found", "item": 4, "count": 1, "params": {}},
        {
            "code": "furniture_removed",
            "message": "page number found inside the items and removed: '2 (9)' (5×)",
            "item": None,
            "count": 5,
            "params": {"kind": "page number", "example": "2 (9)", "items": [4]},
        },
        {
            "code": "import_duplicate_item",
            "message": "§ 4: the § number occurs more than once; only the first was stored (2×)",
            "item": 4,
            "count": 2,
            "params": {},
        },
    ]
    assert [in_swedish(w) for w in meeting.parse_warnings] == [
        "§ 4: ingen rubrik hittades",
        "sidnummer togs bort ur § 4 (5 gånger): ”2 (9)”",
        "§ 4: paragrafnumret förekommer flera gånger; bara den första sparades (2 gånger)",
    ]


def test_a_warning_found_while_writing_the_rows_is_stored_too():
    attendee = r.Attendee(name="Siv Berg", party="S", role="lekmannarevisor")
    meeting = meeting_import(parsed=protocol(attendees=(attendee,)), data=b"x", filename="x.txt")
    stored = models.Meeting.objects.get(pk=meeting.meeting.pk).parse_warnings
    assert [(w["code"], w["params"]) for w in stored] == [
        ("import_unknown_role", {"role": "lekmannarevisor"})
    ]
