"""The whole archive as data: `export_data` writes every public table as gzipped CSV and
JSON Lines with a README and a schema; nothing unpublished is in it; the CSVs load back
into an empty PostgreSQL schema with COPY; /data/ lists the newest complete export."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from minutes.selectors.data_tables import DATA_TABLES
from minutes.services import data_export as data_export_module
from minutes.services.data_export import data_export
from tests import factories as f
from tests.browse_data import Archive, build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive() -> Archive:
    """The browse archive, with the unpublished meeting given one row of every kind and
    a person, a party, a case and a body that appear nowhere else."""
    archive = build_archive()
    hidden_item = archive.hidden_item
    other_body = f.BodyFactory(name="Dolda kommunen", slug="dolda-kommunen")
    hidden_committee = f.CommitteeFactory(body=other_body, name="Dolda nämnden", slug="dn")
    f.MeetingFactory(committee=hidden_committee, date=dt.date(2024, 7, 1), is_published=False)
    secret = f.PersonFactory(body=archive.body, name="Hemlig Hemligsson", slug="hemlig")
    secret_party = f.PartyFactory(abbreviation="HP", name="Hemliga partiet")
    f.AttendanceFactory(meeting=archive.hidden, person=secret, party=secret_party)
    decision = f.DecisionFactory(item=hidden_item)
    f.ClauseFactory(decision=decision, position=0, text="hemlig att-sats")
    yrkande = f.YrkandeFactory(item=hidden_item, text="hemligt yrkande")
    f.YrkandePersonFactory(yrkande=yrkande, person=secret, party=secret_party)
    f.ReservationFactory(item=hidden_item, person=secret, party=secret_party, reason="hemlig")
    vote = f.VoteFactory(item=hidden_item, text="hemlig votering")
    f.VoteCastFactory(vote=vote, person=secret, party=secret_party, choice="ja")
    f.NoteFactory(item=hidden_item, text="hemlig anteckning").persons.add(secret)
    f.CaseFactory(body=other_body, dnr="24DN1", key="24dn1").items.add(hidden_item)
    return archive


def read_csv(folder: Path, table: str) -> str:
    with gzip.open(folder / f"{table}.csv.gz", "rt", encoding="utf-8") as handle:
        return handle.read()


def read_jsonl(folder: Path, table: str) -> list[dict]:
    with gzip.open(folder / f"{table}.jsonl.gz", "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_the_export_holds_no_row_of_an_unpublished_meeting(archive, tmp_path):
    result = data_export(root=tmp_path)
    folder = result.folder
    everything = "".join(read_csv(folder, t.name) for t in DATA_TABLES)
    for secret in ("Hemlig", "hemlig", "HP", "Dolda", "24DN1", "Samverkan, fullmäktige"):
        assert secret not in everything, secret
    meetings = read_jsonl(folder, "meetings")
    assert archive.hidden.pk not in {m["id"] for m in meetings}
    assert {m["date"] for m in meetings} == {"2024-03-05", "2024-04-10", "2024-05-14"}
    items = read_jsonl(folder, "items")
    assert sorted(i["number"] for i in items) == [12, 20, 21, 40]
    # The chair attended the unpublished meeting too: only the published attendance is out.
    attendances = read_jsonl(folder, "attendances")
    assert {a["meeting_id"] for a in attendances} == {archive.first.pk}
    people = {p["name"] for p in read_jsonl(folder, "people")}
    assert "Lena Asplund" in people and "Katarina Nylén" in people  # substituted for
    assert {p["abbreviation"] for p in read_jsonl(folder, "parties")} == {"S", "M"}
    assert [b["name"] for b in read_jsonl(folder, "bodies")] == ["Region Testvik"]
    # Every row counted where the page shows it, and nothing but the published rows.
    rows = {t.name: t.rows for t in result.tables}
    assert rows["items"] == 4 and rows["clauses"] == 2 and rows["vote_casts"] == 1
    assert rows["reservations"] == 1 and rows["note_persons"] == 1 and rows["cases"] == 1


def test_json_lines_keep_lists_text_and_dates_as_json(archive, tmp_path):
    folder = data_export(root=tmp_path).folder
    (item,) = [i for i in read_jsonl(folder, "items") if i["number"] == 12]
    assert item["dnr"] == ["24RS100"]
    assert item["sections"][0] == {"heading": "Ärendebeskrivning", "text": "Sedan 2018 har"}
    first = next(m for m in read_jsonl(folder, "meetings") if m["id"] == archive.first.pk)
    assert first["start_time"] == "09:15:00" and first["adjusters"] == ["Roger Byström"]
    clauses = [c["text"] for c in read_jsonl(folder, "clauses")]
    assert clauses == ["godkänna avtalet", "uppdra åt direktören att teckna det"]


def test_a_quote_newline_and_backslash_survive_both_formats(archive, tmp_path):
    awkward = 'Rad ett\nrad "två" med \\ och ;,'
    archive.item.text = awkward
    archive.item.save()
    folder = data_export(root=tmp_path).folder
    (item,) = [i for i in read_jsonl(folder, "items") if i["number"] == 12]
    assert item["text"] == awkward
    assert '"Rad ett\nrad ""två"" med \\ och ;,"' in read_csv(folder, "items")


def test_the_csv_files_load_back_into_an_empty_schema_with_copy(archive, tmp_path):
    result = data_export(root=tmp_path)
    folder = result.folder
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA export_reload")
        cursor.execute("SET LOCAL search_path TO export_reload")
        cursor.execute((folder / "schema.sql").read_text())
        for table in DATA_TABLES:
            with (
                gzip.open(folder / f"{table.name}.csv.gz", "rb") as data,
                cursor.copy(f"COPY {table.name} FROM STDIN WITH (FORMAT csv, HEADER)") as copy,
            ):
                while chunk := data.read(65536):
                    copy.write(chunk)
        loaded = {}
        for table in DATA_TABLES:
            cursor.execute(f"SELECT count(*) FROM {table.name}")
            loaded[table.name] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT i.title, c.text, p.name, pa.abbreviation FROM items i"
            " JOIN decisions d ON d.item_id = i.id JOIN clauses c ON c.decision_id = d.id"
            " JOIN reservations r ON r.item_id = i.id JOIN people p ON p.id = r.person_id"
            " JOIN parties pa ON pa.id = r.party_id ORDER BY c.position LIMIT 1"
        )
        joined = cursor.fetchone()
        cursor.execute(
            "SELECT adjusters, notice_posted_on FROM meetings WHERE id = %s", [archive.first.pk]
        )
        adjusters, posted = cursor.fetchone()
        cursor.execute("SET LOCAL search_path TO DEFAULT")
    assert loaded == {t.name: t.rows for t in result.tables}
    assert joined == ("Fördjupad samverkan", "godkänna avtalet", "Per Persson", "S")
    assert adjusters == ["Roger Byström"] and posted is None  # NULL stays NULL


def test_every_column_of_the_archive_is_exported_or_named_as_internal():
    """A field added to a model must be placed: exported (and described) or kept out."""
    with connection.cursor() as cursor:
        for table in DATA_TABLES:
            description = connection.introspection.get_table_description(cursor, table.source)
            stored = {column.name for column in description}
            exported = {c.name for c in table.columns if not c.expression}
            assert exported | set(table.internal) == stored, table.name
            assert all(str(c.description) for c in table.columns), table.name


def test_the_readme_describes_every_table_and_column_with_its_row_count(archive, tmp_path):
    folder = data_export(root=tmp_path).folder
    readme = (folder / "README.md").read_text()
    assert "CC0 1.0" in readme and "allmänna handlingar" in readme
    assert "| items | 4 |" in readme
    for table in DATA_TABLES:
        assert f"### {table.name}" in readme
        for column in table.columns:
            assert f"| `{column.name}` | {column.type} |" in readme


def test_a_failed_export_leaves_the_last_complete_one_listed(archive, tmp_path, monkeypatch):
    first = data_export(root=tmp_path).folder

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(data_export_module, "readme_text", broken)
    with pytest.raises(OSError):
        data_export(root=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [first.name]


def test_older_exports_are_removed_after_a_new_one(archive, tmp_path):
    folders = [data_export(root=tmp_path, keep=2).folder for _ in range(3)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in folders[1:])


def test_the_command_writes_into_the_setting_and_reports_the_counts(archive, tmp_path, settings):
    settings.DATA_EXPORT_ROOT = tmp_path / "data"
    out = io.StringIO()
    call_command("export_data", stdout=out)
    assert "items: 4 rader" in out.getvalue()
    (folder,) = (tmp_path / "data").iterdir()
    assert re.fullmatch(r"\d{8}T\d{6}Z", folder.name)
    assert (folder / "items.csv.gz").is_file() and (folder / "items.jsonl.gz").is_file()


def test_data_page_lists_files_sizes_row_counts_and_the_licence(
    archive, tmp_path, settings, client
):
    settings.DATA_EXPORT_ROOT = tmp_path
    empty = client.get("/data/").content.decode()
    assert "Ingen export har gjorts ännu" in empty
    result = data_export(root=tmp_path)
    markup = client.get("/data/").content.decode()
    assert "CC0 1.0" in markup and "allmänna handlingar" in markup
    assert 'href="/data/README.md"' in markup and 'href="/data/schema.sql"' in markup
    items_row = re.search(r"<tr>\s*<th scope=\"row\">items<br>.*?</tr>", markup, re.S)[0]
    size = next(f.bytes for t in result.tables if t.name == "items" for f in t.files)
    assert '<td class="number">4</td>' in items_row
    assert 'href="/data/items.csv.gz"' in items_row and 'href="/data/items.jsonl.gz"' in items_row
    with translation.override("sv"):
        assert f"({filesizeformat(size)})" in items_row


def test_data_files_download_and_nothing_else_does(archive, tmp_path, settings, client):
    settings.DATA_EXPORT_ROOT = tmp_path
    data_export(root=tmp_path)
    response = client.get("/data/items.csv.gz")
    assert response.status_code == 200 and response["Content-Type"] == "application/gzip"
    body = gzip.decompress(b"".join(response.streaming_content)).decode()
    assert body.startswith("id,meeting_id,number,title")
    readme = client.get("/data/README.md")
    assert readme["Content-Type"].startswith("text/markdown")
    assert json.loads(client.get("/data/manifest.json").getvalue())["tables"][0]["name"]
    for name in ("..%2Fsecret_key", "finns-inte.csv.gz", "%00", "schema.sql.bak"):
        assert client.get(f"/data/{name}").status_code == 404, name


def test_the_api_docs_link_the_data_page():
    docs = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text()
    assert "/data/" in docs and "export_data" in docs


def test_a_half_written_export_is_never_listed(archive, tmp_path, settings, client):
    settings.DATA_EXPORT_ROOT = tmp_path
    data_export(root=tmp_path)
    half = tmp_path / ".tmp-abc"
    half.mkdir()
    (half / "manifest.json").write_text('{"created_at": "2099-01-01T00:00:00+00:00", "tables": []}')
    markup = client.get("/data/").content.decode()
    assert "2099" not in markup and 'href="/data/items.csv.gz"' in markup
