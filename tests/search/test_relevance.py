"""The relevance test set (tests/search/relevance.json): queries a journalist would type,
each with the items it must find and those it must rank in the first five, over the seeds,
../shared/corpus and generated protocols, loaded once for the module."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import override_settings

from devtools.bench.build import archive_empty
from devtools.sample.generate import generate_protocol_texts
from minutes.models import Item
from minutes.search.dnr import cases_by_dnr_prefix
from minutes.search.query import item_search, search_window
from minutes.selectors.browse import case_items
from minutes.services.bulk_load import protocols_bulk_load
from tests.seeds import SEEDS_DIR

# Marked so that pytest-django creates the test database even when this module runs alone:
# the module's archive is loaded outside the tests' transactions, and emptied after.
pytestmark = pytest.mark.django_db

TABLE = json.loads((Path(__file__).parent / "relevance.json").read_text(encoding="utf-8"))
CORPUS_DIR = SEEDS_DIR.parent / "corpus"
TOP = 5


def _protocol_files() -> list[Path]:
    """The seeds and the corpus (their README and SOURCES files left out); missing fails."""
    files = sorted(SEEDS_DIR.glob("*.txt")) + sorted(CORPUS_DIR.glob("*/*.*"))
    files = [path for path in files if path.suffix in (".txt", ".pdf")]
    if len(files) < 20:
        pytest.fail(f"the seeds and corpus are not all in {SEEDS_DIR.parent}")
    return files


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """The seeds, the corpus and the generated protocols, bulk loaded (which also fills the
    vocabulary); emptied again after the module."""
    generated = TABLE["generated"]
    texts = list(generate_protocol_texts(generated["protocols"], generated["seed"]))
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("m")):
        stats = protocols_bulk_load([*_protocol_files(), *texts], jobs=1)
        assert stats.failed == []
        refs = {
            f"{source} § {number}": pk
            for pk, source, number in Item.objects.values_list(
                "pk", "meeting__source_filename", "number"
            )
        }
        yield refs
        archive_empty()


def _hits(row: dict) -> list[int]:
    """What the search page shows for the row: the cases a dnr names, else the ranked hits."""
    if row["kind"] == "dnr":
        return [item.pk for item in case_items(cases=cases_by_dnr_prefix(row["q"]))]
    search = item_search(query=row["q"], filters=row.get("filters", {}))
    return list(search_window(search))


@pytest.mark.parametrize("row", TABLE["queries"], ids=[row["q"] for row in TABLE["queries"]])
def test_the_query_finds_its_items_and_ranks_the_best_first(archive, row):
    hits = _hits(row)
    missing = [ref for ref in row["found"] + row["top5"] if archive[ref] not in hits]
    assert missing == [], f"{row['q']!r} ({row['why']}) missed"
    top = set(hits[: max(TOP, len(row["top5"]))])
    below = [ref for ref in row["top5"] if archive[ref] not in top]
    assert below == [], f"{row['q']!r} ({row['why']}) ranked below {TOP}"


@pytest.mark.django_db(databases=[])
def test_the_set_is_large_and_covers_every_kind():
    kinds = {row["kind"] for row in TABLE["queries"]}
    assert len(TABLE["queries"]) >= 40
    assert {"compound", "inflection", "name", "dnr", "phrase", "party+word"} <= kinds
