"""Phrase searches narrowed by the items' indexed word pairs: faster, never different.

The oracle is PostgreSQL's own match of the websearch query against the search vector:
whatever the word pairs narrow, the hits must be exactly the items it matches.
"""

from __future__ import annotations

import pytest
from django.contrib.postgres.search import SearchQuery

from minutes import models
from minutes.search.phrases import only_phrases, phrase_pairs_query, required_phrases
from minutes.search.query import item_search
from minutes.services.search_index import SEARCH_CONFIG, update_search_vectors
from tests import factories

pytestmark = pytest.mark.django_db

TITLES = [
    "Detaljplan för hamnen i Ekby",
    "Detaljplan vid hamnen, etapp två",
    "Hamnen och detaljplanen för kajen",
    "Förorenad mark vid gamla gasverket",
    "Mark som är förorenad sedan länge",
    "Ny vårdcentral i Norrby",
]
QUERIES = [
    '"detaljplan för hamnen"',
    '"detaljplan vid hamnen"',
    '"förorenad mark"',
    '"mark förorenad"',
    '"förorenad mark" gasverket',
    '"förorenad mark" -gasverket',
    'hamnen -"detaljplan för hamnen"',
    '"ny vårdcentral" OR "förorenad mark"',
    '"hamnen"',
    '"för och"',
    '"detaljplan för hamnen',
]


@pytest.fixture
def items():
    meeting = factories.MeetingFactory()
    made = [factories.ItemFactory(meeting=meeting, title=title) for title in TITLES]
    reserved = made[3]
    decision = factories.DecisionFactory(item=reserved)
    factories.ClauseFactory(decision=decision, position=0, text="sanera den förorenade marken")
    update_search_vectors()
    return made


def postgres_hits(query: str) -> set[int]:
    websearch = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
    return set(models.Item.objects.filter(search_vector=websearch).values_list("pk", flat=True))


@pytest.mark.parametrize("query", QUERIES)
def test_phrase_hits_are_exactly_what_postgresql_matches(items, query):
    found = set(item_search(query=query, filters={}).first_ids)
    assert found == postgres_hits(query)


def test_a_phrase_finds_the_items_holding_it_in_that_order(items):
    assert set(item_search(query='"förorenad mark"', filters={}).first_ids) == {items[3].pk}
    assert set(item_search(query='"mark förorenad"', filters={}).first_ids) == set()


def test_every_item_written_gets_its_word_pairs(items):
    pairs = models.Item.objects.values_list("phrase_vector", flat=True).get(pk=items[3].pk)
    assert "'föroren 1 mark'" in pairs
    # A stopword leaves a gap: the pair carries its distance.
    first = models.Item.objects.values_list("phrase_vector", flat=True).get(pk=items[0].pk)
    assert "'detaljplan 2 hamn'" in first


def test_a_pair_said_twice_is_stored_once():
    item = factories.ItemFactory(title="Förorenad mark, förorenad mark och mer förorenad mark")
    update_search_vectors([item.pk])
    pairs = models.Item.objects.values_list("phrase_vector", flat=True).get(pk=item.pk)
    assert pairs == "'föroren 1 mark' 'mark 1 föroren' 'mark 2 mer' 'mer 1 föroren'"


def test_only_required_phrases_narrow_the_search():
    assert required_phrases('"förorenad mark" gasverket') == ["förorenad mark"]
    assert required_phrases('hamnen -"detaljplan för hamnen"') == []
    assert required_phrases('"ny vårdcentral" OR "förorenad mark"') == []
    assert required_phrases('"ny vårdcentral" or mark') == []
    assert required_phrases('"ej avslutad') == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"förorenad mark"', True),
        ('"förorenad mark" -gasverket', True),
        ('"förorenad mark" "ny vårdcentral"', True),
        ('"förorenad mark" gasverket', False),
        ("förorenad mark", False),
        ('"ny vårdcentral" OR "förorenad mark"', False),
    ],
)
def test_a_query_of_phrases_only_is_told_apart(query, expected):
    assert only_phrases(query) is expected


def test_pairs_across_a_stopword_do_not_narrow(items):
    # `plan <2> hamn` matches `plan vid hamnen` too; a pair `plan 2 hamn` would not.
    assert phrase_pairs_query('"detaljplan för hamnen"') is None
    assert phrase_pairs_query('"förorenad mark"') == "'föroren 1 mark'"
