"""The fixed query mix of the benchmark, drawn from the loaded data with a seeded RNG.

Words come from the archive itself (`ts_stat` over a sample of the stored vectors), so the
mix fits whatever the generator wrote: common and rare words (each rare query a different
word), the last part of compounds (`plan` of detaljplan) and words with a definite form of
their own (`ärend` of ärendet), which the search widens (minutes.search.expansion),
phrases from titles, negations, diarienummer (exact, respelled, prefix), words with
filters, filters alone.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Max, Min

from minutes.models import Body, Case, Item, Party
from minutes.services.search_index import SEARCH_CONFIG

KINDS = (
    "common",
    "rare",
    "compound",
    "inflected",
    "phrase",
    "negation",
    "dnr",
    "dnr-prefix",
    "query+filter",
    "filter",
)
# The stemmer's leftovers of a definite form (`ärend|et`, `tax|an`, `ärend|en`).
_DEFINITE_ENDINGS = ("et", "an", "en")
_WORD_RE = re.compile(r"^[a-zåäöé]{5,}$")


@dataclass(frozen=True)
class BenchQuery:
    """One search as a user would type it: the `/sok/` parameters and what kind it is."""

    kind: str
    params: tuple[tuple[str, str], ...]

    @property
    def query(self) -> str:
        return dict(self.params).get("q", "")

    @property
    def filters(self) -> dict[str, str]:
        return {k: v for k, v in self.params if k != "q"}

    @property
    def path(self) -> str:
        return "/sok/?" + urlencode(self.params)


def _lexemes(sample_percent: float) -> list[tuple[str, int]]:
    """The sample's lexemes a user could search for, with how many items hold each.

    A lexeme is a stem, and the stemmer shortens some stems again when they are searched
    for (`ekfor`, of `ekforum`, finds nothing): only those it leaves as they are count.
    """
    sample = (
        f"SELECT search_vector FROM minutes_item TABLESAMPLE SYSTEM ({sample_percent:.4f}) "
        "REPEATABLE (7)"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT word, ndoc FROM ts_stat(%s)"
            f" WHERE plainto_tsquery('{SEARCH_CONFIG}', word)::text = quote_literal(word)"
            " ORDER BY ndoc DESC, word",
            [sample],
        )
        return [(w, n) for w, n in cursor.fetchall() if _WORD_RE.match(w)]


def _sample_percent() -> float:
    # About 5,000 items, whatever the archive's size.
    total = max(Item.objects.count(), 1)
    return min(100.0, 5000 * 100.0 / total)


def _compound_heads(words: list[str]) -> list[str]:
    """Words that end at least two other words after a first part of three letters or more
    (`plan`: detaljplan, översiktsplan), commonest first."""
    heads = []
    for head in words:
        compounds = [w for w in words if w.endswith(head) and len(w) - len(head) >= 3]
        if len(head) >= 4 and len(compounds) >= 2:
            heads.append(head)
    return heads


def _inflected_bases(words: list[str]) -> list[str]:
    """Words whose definite form the stemmer keeps apart (`ärend` beside `ärendet`)."""
    known = set(words)
    return [w for w in words if any(w + ending in known for ending in _DEFINITE_ENDINGS)]


def _distinct(rng: random.Random, pool: list[str], count: int) -> Iterator[str]:
    """`count` different words of `pool` (repeating only when it has fewer)."""
    picks = rng.sample(pool, min(count, len(pool))) if pool else []
    while True:
        yield from picks


def _sampled_titles(rng: random.Random, count: int) -> list[str]:
    """Titles of about `count` items picked by `rng`: the same on the same data, unlike
    ORDER BY random(), so a run's phrases can be measured again."""
    bounds = Item.objects.aggregate(low=Min("pk"), high=Max("pk"))
    if bounds["low"] is None:
        return []
    picks = {rng.randint(bounds["low"], bounds["high"]) for _ in range(count * 2)}
    return list(Item.objects.filter(pk__in=picks).order_by("pk").values_list("title", flat=True))


def _respell(dnr: str, rng: random.Random) -> str:
    variants = (dnr, dnr.lower(), " ".join(re.findall(r"\d+|[^\W\d_]+", dnr)), dnr.replace(" ", ""))
    return rng.choice(variants)


def build_query_mix(*, seed: int = 42, per_kind: int = 7) -> list[BenchQuery]:
    """At least 70 queries (10 kinds × per_kind) fitted to the data in the database."""
    rng = random.Random(seed)
    lexemes = _lexemes(_sample_percent())
    words = [w for w, _ in lexemes]
    common = words[:60]
    # The sample's rarest words, each asked once: the generator's vocabulary is small, so
    # "in at most two sampled items" held a single word.
    rare = _distinct(rng, words[::-1][: max(per_kind * 5, 40)], per_kind)
    compound = _distinct(rng, _compound_heads(words)[:40] or common, per_kind)
    inflected = _distinct(rng, _inflected_bases(words)[:40] or common, per_kind)
    titles = _sampled_titles(rng, 200)
    dnrs = list(Case.objects.order_by("key").values_list("dnr", flat=True)[:2000])
    bodies = list(Body.objects.values_list("slug", flat=True))
    parties = list(Party.objects.filter(is_known=True).values_list("abbreviation", flat=True))
    years = [str(y) for y in range(2019, 2027)]

    def phrase() -> str:
        # Two words that stand side by side in a title (`av` between two long words would
        # make a phrase no item holds).
        for _ in range(50):
            words = re.findall(r"[^\W\d_]+", rng.choice(titles))
            pairs = [p for p in pairwise(words) if min(map(len, p)) > 3]
            if pairs:
                return '"{} {}"'.format(*rng.choice(pairs)).lower()
        return rng.choice(common)

    def a_filter() -> tuple[str, str]:
        return rng.choice(
            [
                ("huvudman", rng.choice(bodies)),
                ("parti", rng.choice(parties)),
                ("ar", rng.choice(years)),
                ("typ", rng.choice(["beslutar", "foreslar", "information"])),
                ("reservation", "ja"),
            ]
        )

    makers = {
        "common": lambda: (("q", rng.choice(common)),),
        "rare": lambda: (("q", next(rare)),),
        "compound": lambda: (("q", next(compound)),),
        "inflected": lambda: (("q", next(inflected)),),
        "phrase": lambda: (("q", phrase()),),
        "negation": lambda: (("q", f"{rng.choice(common)} -{rng.choice(common)}"),),
        "dnr": lambda: (("q", _respell(rng.choice(dnrs), rng)),),
        "dnr-prefix": lambda: (("q", (d := rng.choice(dnrs))[: max(4, len(d) - 2)]),),
        "query+filter": lambda: (("q", rng.choice(common)), a_filter()),
        "filter": lambda: (a_filter(),),
    }
    return [BenchQuery(kind, makers[kind]()) for kind in KINDS for _ in range(per_kind)]
