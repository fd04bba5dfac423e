"""A word finds its compounds and inflected forms (minutes.search.expansion), the exact word
first, and the vocabulary it reads is kept by every import."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from devtools.sample.generate import generate_protocol_texts
from minutes.models import Lexeme
from minutes.parsing import parse_text
from minutes.search.expansion import is_form_of, query_expand
from minutes.search.query import item_search
from minutes.services.bulk_load import protocols_bulk_load
from minutes.services.corrections import item_mark_corrected
from minutes.services.importing import meeting_import
from minutes.services.search_index import update_search_vectors
from minutes.services.vocabulary import vocabulary_rebuild
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return factories.MeetingFactory()


def indexed(meeting, *titles: str) -> list[int]:
    """One item per title, indexed, with the vocabulary rebuilt; their ids."""
    items = [factories.ItemFactory(meeting=meeting, title=title, text="") for title in titles]
    update_search_vectors()
    vocabulary_rebuild()
    return [item.pk for item in items]


def found(query: str, **params) -> list[int]:
    search = item_search(query=query, filters={}, **params)
    return list(search.items.values_list("pk", flat=True))


def hit_ids(response) -> list[int]:
    return [item.pk for item in response.context["page"].object_list]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("skjuts", "Regler för skolskjuts"),  # the stemmer cuts skjuts to skjut
        ("skjuts", "Fler skolskjutsar"),
        ("bidrag", "Fördelning av statsbidrag"),  # the linking s stays with the first part
        ("bidrag", "Statsbidraget för 2025"),
        ("stöd", "Försörjningsstöd i december"),
        ("taxa", "Ny bygglovstaxa"),
        ("taxa", "Taxan höjs"),
        ("protokoll", "Protokollet justeras"),  # a definite form the stemmer keeps apart
        ("ärende", "Ärendet återremitteras"),
        ("ärende", "Initiativärenden från S"),
        ("skola", "Grundskolan i Bjärred"),
        ("nämnd", "Byggnadsnämndens budget"),
    ],
)
def test_a_word_finds_its_compounds_and_definite_forms(meeting, query, title):
    (item,) = indexed(meeting, title)
    assert found(query) == [item]
    assert found(query, exact=True) == []


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("plan", "Budget för planperioden"),  # plan is the first part, not the head
        ("stöd", "Vi vill stödja föreningarna"),  # a verb, not a form of stöd
        ("nämnd", "Den ovannämnda frågan"),  # a participle that ends in nämnd
        ("vård", "Vårdnad om barn"),
        ("Anna", "Förslaget avser en annan plats"),  # a name is searched as typed
    ],
)
def test_false_friends_are_not_found(meeting, query, title):
    indexed(meeting, title)
    assert found(query) == []


def test_a_long_word_finds_the_compounds_it_begins(meeting):
    begun, other = indexed(
        meeting,
        "Lägesrapport om cytostatikabehandling",  # cytostatik|a|behandling: a word too
        "Behandling i hemmet",
    )
    assert found("cytostatika") == [begun]
    assert query_expand("cytostatika").added == ["cytostatikabehandling"]
    assert other not in found("cytostatika")


def test_a_short_word_finds_no_compound_it_begins(meeting):
    indexed(meeting, "Planering av arbetet", "Arbetet i nämnden")  # plan|er|ing: no compound
    assert found("plan") == []


def test_a_surname_is_no_compound_of_the_word_it_ends_in(meeting):
    factories.PersonFactory(body=meeting.committee.body, name="Anna Engström")
    plain, compound, _ = indexed(
        meeting, "Ström till skolan", "Växelström och fjärrvärme", "Yttrande från Anna Engström"
    )
    assert query_expand("ström").added == ["växelström"]
    assert found("ström") == [plain, compound]


def test_the_first_part_must_have_three_letters(meeting):
    indexed(meeting, "Omstöd", "Hemstöd")
    assert query_expand("stöd").added == ["hemstöd"]
    assert not is_form_of("omstöd", "stöd")


def test_the_exact_word_ranks_above_its_compounds(meeting):
    compounds = indexed(
        meeting,
        "Statsbidrag statsbidrag statsbidrag till kommunerna",
        "Bidrag till föreningen",
        "Föreningsbidrag och statsbidrag",
    )
    ranked = found("bidrag")
    assert ranked[0] == compounds[1]
    assert set(ranked) == set(compounds)


def test_excluded_and_phrase_words_are_not_widened(meeting):
    plain, compound = indexed(meeting, "Ny taxa för avfall", "Renhållningstaxa för avfall")
    assert found("avfall -taxa") == [compound]
    assert found('"ny taxa"') == [plain]


def test_the_page_says_what_was_added_and_links_to_the_exact_word(client, meeting):
    exact, compound = indexed(meeting, "Skolskjuts", "Skolskjutsar i Lomma")
    response = client.get("/sok/", {"q": "skolskjuts"})
    assert set(hit_ids(response)) == {exact, compound}
    page = response.content.decode()
    assert "Även:" in page and "skolskjuts" in page
    assert "exakt=1" in page

    response = client.get("/sok/", {"q": "skolskjuts", "exakt": "1"})
    assert hit_ids(response) == [exact]
    assert "Sök även sammansättningar och böjda former" in response.content.decode()


def test_the_json_export_takes_exakt_too(client, meeting):
    indexed(meeting, "Skolskjuts", "Skolskjutsar i Lomma")
    widened = client.get("/sok/export.json", {"q": "skolskjuts"})
    exact = client.get("/sok/export.json", {"q": "skolskjuts", "exakt": "1"})
    assert len(json.loads(b"".join(widened.streaming_content))) == 2
    assert len(json.loads(b"".join(exact.streaming_content))) == 1


def test_a_malformed_exakt_is_a_widened_search_not_an_error(client, meeting):
    indexed(meeting, "Skolskjuts", "Skolskjutsar i Lomma")
    response = client.get("/sok/", {"q": "skolskjuts", "exakt": "\x00"})
    assert response.status_code == 200


TEXTS = list(generate_protocol_texts(6, 5))


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def vocabulary() -> dict[str, int]:
    return dict(Lexeme.objects.values_list("word", "items"))


def stored_lexemes() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM minutes_item')")
        return dict(cursor.fetchall())


def test_each_import_and_the_bulk_load_keep_the_vocabulary(media):
    for name, text in TEXTS[:3]:
        meeting_import(parsed=parse_text(text), data=text.encode(), filename=name)
    assert vocabulary() == stored_lexemes() != {}
    protocols_bulk_load(TEXTS[3:], jobs=1)
    assert vocabulary() == stored_lexemes()


def test_a_correction_adds_its_new_words(meeting):
    (item,) = indexed(meeting, "Taxa")
    factories.ItemFactory._meta.model.objects.filter(pk=item).update(title="Sophämtningstaxa")
    item_mark_corrected(item_id=item)
    assert "sophämtningstax" in vocabulary()
    assert found("taxa") == [item]


def test_rebuild_vocabulary_makes_the_counts_exact_again(meeting):
    indexed(meeting, "Taxa", "Renhållningstaxa")
    Lexeme.objects.update(items=99)
    Lexeme.objects.create(word="borttaget", items=1)
    call_command("rebuild_vocabulary", stdout=StringIO())
    assert vocabulary() == stored_lexemes() == {"tax": 1, "renhållningstax": 1}


def widened_line(response) -> str:
    """The text of the page's "Även:" line."""
    page = response.content.decode()
    return re.search(r'<p class="widened">(.*?)<a ', page, re.S)[1]


def test_the_added_forms_are_named_as_the_items_write_them(client, meeting):
    indexed(meeting, "Ny bygglovstaxa", "Taxan för hemtjänst höjs", "Taxa")
    line = widened_line(client.get("/sok/", {"q": "taxa"}))
    assert "bygglovstaxa" in line and "taxan" in line
    assert "bygglovstax," not in line and not line.rstrip().endswith("bygglovstax")


def test_a_form_only_an_unpublished_protocol_holds_is_not_named(client, meeting):
    hidden = factories.MeetingFactory(is_published=False)
    factories.ItemFactory(meeting=hidden, title="Hemlig parkeringstaxa", text="")
    indexed(meeting, "Ny bygglovstaxa", "Taxa")
    line = widened_line(client.get("/sok/", {"q": "taxa"}))
    assert "bygglovstaxa" in line
    assert "parkeringstax" not in line
