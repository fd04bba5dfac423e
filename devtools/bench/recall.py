"""Recall of the widened search (minutes.search.expansion) against the text itself: of the
items whose title or text holds a word in a compound or an inflected form, how many the
search finds, with the exact words alone and widened; and whether the items holding the
exact word still come first."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, TextField, Value
from django.db.models.functions import Concat, Lower

from minutes.models import Item
from minutes.search.expansion import exact_query
from minutes.search.query import item_search, search_window
from minutes.selectors.browse import published_items

# The words of issue 17: compound heads and words whose definite form the stemmer keeps.
RECALL_WORDS = (
    "skjuts",
    "bidrag",
    "stöd",
    "vård",
    "taxa",
    "budget",
    "nämnd",
    "plan",
    "protokoll",
    "ärende",
)
# A Swedish noun's endings as written (`nämnd|erna`, `protokoll|ets`, `tax|orna`).
_ENDINGS = (
    "", "n", "t", "s", "en", "et", "ar", "er", "or", "na", "ns", "ts", "an", "ans",
    "ens", "ets", "ars", "ers", "ors", "arna", "erna", "orna", "arnas", "ernas", "ornas",
)  # fmt: skip
_LETTER = "a-zåäöéü"


@dataclass(frozen=True)
class Recall:
    """One word's figures (item counts)."""

    word: str
    substring: int  # items whose text holds the letters anywhere (`planera`, `stödja` too)
    reference: int  # items holding the word in a compound or an inflected form
    exact: int  # of the reference items, found by the exact word
    widened: int  # of the reference items, found by the widened search
    forms: int  # lexemes the word was widened to
    exact_first: bool  # no item without the exact word ranks above one with it

    @property
    def exact_recall(self) -> float:
        return self.exact / self.reference if self.reference else 1.0

    @property
    def widened_recall(self) -> float:
        return self.widened / self.reference if self.reference else 1.0


def word_pattern(word: str) -> str:
    """A regular expression for `word` as the head of a word: after nothing or a first part
    of three letters or more, before one of the endings (`taxa` also as `tax|or`)."""
    stems = [word] + ([word[:-1]] if word[-1] in "ae" else [])
    endings = "|".join(_ENDINGS)
    return f"(^|[^{_LETTER}])([{_LETTER}]{{3,}})?({'|'.join(stems)})({endings})([^{_LETTER}]|$)"


def word_recall(word: str) -> Recall:
    """Count, in one pass over the published items, what `Recall` holds for `word`."""
    search = item_search(query=word, filters={})
    exact = exact_query(word)
    reference = Q(body__regex=word_pattern(word))
    counts = (
        published_items()
        .annotate(body=Lower(Concat("title", Value(" "), "text", output_field=TextField())))
        .aggregate(
            substring=Count("pk", filter=Q(body__contains=word)),
            reference=Count("pk", filter=reference),
            exact=Count("pk", filter=reference & Q(search_vector=exact)),
            widened=Count("pk", filter=reference & Q(search_vector=search.search_query)),
        )
    )
    forms = len(search.expansion.added) if search.expansion else 0
    return Recall(word=word, forms=forms, exact_first=_exact_first(search, exact), **counts)


def _exact_first(search, exact) -> bool:
    """True when, in the ranked window the result pages show, every item holding the exact
    word comes before every item that holds only its compounds or forms."""
    window = list(search_window(search))
    holding = set(
        Item.objects.filter(pk__any=window, search_vector=exact).values_list("pk", flat=True)
    )
    return set(window[: len(holding)]) == holding
