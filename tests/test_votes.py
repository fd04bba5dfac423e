"""Who voted how reaches the reader: import and bulk load store the printed roll, the §
page shows it, the person page lists the person's votes, the JSON API returns them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from minutes import models
from minutes.parsing import parse_file, parse_text
from minutes.services.bulk_load import protocols_bulk_load
from minutes.services.importing import meeting_import
from tests.browse_data import build_archive
from tests.parsing.test_votelists import PROTOCOL, PULLED_APART

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
XSS = "<b>x</b>"
# Who voted how in the invented protocol of tests/parsing/test_votelists.py.
ROLL = [
    ("Anna Ek", "S", "ja"),
    ("Bo Berg", "M", "nej"),
    ("Cia Ås", "C", "ja"),
    ("Dan Lund", "V", "nej"),
    ("Eva Holm", None, "avstår"),
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    """Stored protocol files go to a temporary MEDIA_ROOT, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def protocol_text(printed: str = PULLED_APART) -> str:
    tally = "2 ja-röster mot 2 nej-röster och 1 som avstår"
    return PROTOCOL.format(tally=tally, printed=printed)


def import_text(text: str, filename: str = "kf-2025-03-10.txt") -> models.Meeting:
    data = text.encode("utf-8")
    return meeting_import(parsed=parse_text(text), data=data, filename=filename).meeting


def stored_roll(meeting: models.Meeting) -> list[tuple[str, str | None, str]]:
    casts = models.VoteCast.objects.filter(vote__item__meeting=meeting).order_by("id")
    return [
        (c.person.name, c.party.abbreviation if c.party else None, c.choice)
        for c in casts.select_related("person", "party")
    ]


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_import_stores_the_printed_roll_in_printed_order():
    meeting = import_text(protocol_text())
    assert stored_roll(meeting) == ROLL
    vote = models.Vote.objects.get(item__meeting=meeting)
    assert (vote.yes, vote.no, vote.abstain) == (2, 2, 1)
    # the voters are the meeting's people: one Person each, shared with the attendance
    assert models.Person.objects.filter(name="Bo Berg").count() == 1


def test_a_list_that_does_not_add_up_stores_no_roll_and_keeps_the_warning():
    printed = PULLED_APART.replace("2    2    1", "2    3    0")
    meeting = import_text(protocol_text(printed))
    assert stored_roll(meeting) == []
    assert models.Vote.objects.get(item__meeting=meeting).yes == 2
    assert "Totalt" in str(meeting.parse_warnings)


def test_bulk_load_stores_the_same_roll():
    stats = protocols_bulk_load([("kf-2025-03-10.txt", protocol_text())], jobs=1)
    assert stats.protocols == 1 and stats.failed == []
    assert stored_roll(models.Meeting.objects.get()) == ROLL


def test_real_protocol_roll_is_imported():
    """Lomma SN 2025-10-07 § 82: eleven members, the marks printed apart from the names."""
    path = CORPUS / "lomma" / "sn-2025-10-07.txt"
    if not path.is_file():
        pytest.fail(f"{path} is missing: check out ../shared beside the project")
    meeting = meeting_import(
        parsed=parse_file(path), data=path.read_bytes(), filename=path.name
    ).meeting
    roll = stored_roll(meeting)
    assert len(roll) == 11
    assert [choice for *_, choice in roll].count("ja") == 7
    assert roll[0] == ("Jens Thystrup", "M", "ja")
    assert ("Ida Alm", "L", "nej") in roll


def test_item_page_shows_who_voted_how_escaped_with_a_caption(client):
    meeting = import_text(protocol_text())
    models.Person.objects.filter(name="Cia Ås").update(name=f"Cia Ås{XSS}")
    item = meeting.items.get()
    markup = page(client, item.get_absolute_url())
    assert "<caption>Omröstningslista: hur 5 ledamöter röstade</caption>" in markup
    assert '<th scope="col">Ledamot</th><th scope="col">Parti</th><th scope="col">Röst</th>' in (
        markup
    )
    rows = re.findall(r'<tr><th scope="row"><a href="[^"]+">([^<]+)</a></th>', markup)
    assert rows == ["Anna Ek", "Bo Berg", "Cia Ås&lt;b&gt;x&lt;/b&gt;", "Dan Lund", "Eva Holm"]
    assert "<b>x</b>" not in markup
    assert '<td><a href="/parti/M/">M</a></td><td>nej</td>' in markup
    assert "<caption>Röster per parti</caption>" in markup
    assert '<th scope="row">utan parti</th><td>0</td><td>0</td><td>1</td><td>0</td>' in markup


def test_person_page_lists_the_persons_votes(client):
    meeting = import_text(protocol_text())
    person = models.Person.objects.get(name="Bo Berg")
    markup = page(client, person.get_absolute_url())
    section = markup.split('id="roster"')[1].split("</section>")[0]
    assert "Röster i voteringar" in markup and "(1)" in section
    assert f'href="{meeting.items.get().get_absolute_url()}"' in section
    assert "§ 12 Budget 2026" in section
    assert "<td>nej</td>" in section
    assert "ja 2, nej 2, avstår 1" in section


def test_absent_members_are_stored_and_shown(client):
    printed = (
        "Ledamot        Ja   Nej  Frånvarande\n"
        "Anna Ek (S)    X\n"
        "Bo Berg (M)         X\n"
        "Cia Ås (C)               X\n"
        "Dan Lund (V)   X\n"
        "Eva Holm (-)   X\n"
    )
    text = protocol_text(printed).replace("och 1 som avstår", "och 0 som avstår")
    text = text.replace("2 ja-röster mot 2 nej-röster", "3 ja-röster mot 1 nej-röst")
    meeting = import_text(text)
    assert ("Cia Ås", "C", "frånvarande") in stored_roll(meeting)
    markup = page(client, meeting.items.get().get_absolute_url())
    assert "<td>frånvarande</td>" in markup


def test_api_returns_the_roll_and_the_persons_votes(client):
    import_text(protocol_text())
    item = models.Item.objects.get()
    data = client.get(f"/api/v1/items/{item.pk}/").json()
    (vote,) = data["votes"]
    assert [(c["name"], c["party"], c["vote"]) for c in vote["roll"]] == ROLL
    bo = models.Person.objects.get(name="Bo Berg")
    assert vote["roll"][1]["api_url"] == f"http://testserver/api/v1/people/{bo.pk}/"
    person = client.get(f"/api/v1/people/{bo.pk}/").json()
    assert person["counts"]["votes"] == 1
    votes = client.get(person["votes_url"]).json()
    assert votes["count"] == 1
    (cast,) = votes["results"]
    assert (cast["vote"], cast["party"]) == ("nej", "M")
    assert cast["votering"]["yes"] == 2 and cast["item"]["number"] == 12
    assert cast["item"]["meeting"]["date"] == "2025-03-10"
    assert client.get("/api/v1/people/999999/votes/").status_code == 404


def test_unpublished_votes_are_not_listed(client):
    archive = build_archive()
    vote = models.Vote.objects.create(item=archive.hidden_item, yes=1, no=0, abstain=0)
    models.VoteCast.objects.create(vote=vote, person=archive.reserver, party=archive.s, choice="ja")
    markup = page(client, archive.reserver.get_absolute_url())
    assert "Samverkan, fullmäktige" not in markup
    votes = client.get(f"/api/v1/people/{archive.reserver.pk}/votes/").json()
    assert [v["item"]["number"] for v in votes["results"]] == [12]
