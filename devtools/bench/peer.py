"""The benchmark's peer: the same published items and word queries in tantivy, a
Lucene-class engine (BM25, Swedish stemmer), timed alternately with this project's search
for the same work: the top 20 and a count.

tantivy indexes each item's title and § text; the project searches its stored vectors
(title, text, clauses, yrkanden, reservations). Filters have no counterpart in the peer's
index, so only queries without filters are run.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tantivy

from minutes.search.query import item_search
from minutes.selectors.browse import published_items

from .latency import Latency
from .queries import BenchQuery

ANALYZER = "svenska"
TOP = 20
WRITER_HEAP = 256_000_000


@dataclass(frozen=True)
class PeerFigures:
    """Milliseconds of each side over the same queries, run alternately."""

    project: Latency
    peer: Latency
    documents: int
    index_seconds: float


def _analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("swedish"))
        .build()
    )


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True)
    builder.add_text_field("title", tokenizer_name=ANALYZER)
    builder.add_text_field("text", tokenizer_name=ANALYZER)
    return builder.build()


def peer_index_build(directory: Path) -> tuple[tantivy.Index, int]:
    """Index every published item's title and text in `directory`; the index and its size."""
    index = tantivy.Index(_schema(), path=str(directory))
    index.register_tokenizer(ANALYZER, _analyzer())
    writer = index.writer(WRITER_HEAP, 1)
    documents = 0
    rows = published_items().order_by().values_list("pk", "title", "text")
    for pk, title, text in rows.iterator(chunk_size=2000):
        writer.add_document(tantivy.Document(id=pk, title=title, text=text))
        documents += 1
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index, documents


def _peer_search(index: tantivy.Index, text: str) -> None:
    query, _ = index.parse_query_lenient(text, ["title", "text"], conjunction_by_default=True)
    index.searcher().search(query, TOP, count=True)


def _project_search(text: str) -> None:
    found = item_search(query=text, filters={})
    found.ranked_window[:TOP]  # the best TOP, as the page lists them
    len(found.first_ids)  # the capped count


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def peer_measure(mix: Iterable[BenchQuery], *, repeats: int, scratch: Path) -> PeerFigures:
    """Build the peer's index in `scratch`, then run each word query without filters on
    both sides, one after the other, `repeats` times after a warm-up."""
    queries = [q.query for q in mix if q.query and not q.filters]
    start = time.perf_counter()
    index, documents = peer_index_build(scratch)
    index_seconds = time.perf_counter() - start
    for text in queries:
        _project_search(text)
        _peer_search(index, text)
    project, peer = [], []
    for _ in range(repeats):
        for text in queries:
            project.append(_timed(lambda t=text: _project_search(t)))
            peer.append(_timed(lambda t=text: _peer_search(index, t)))
    return PeerFigures(
        project=Latency("project", tuple(project)),
        peer=Latency("tantivy", tuple(peer)),
        documents=documents,
        index_seconds=index_seconds,
    )
