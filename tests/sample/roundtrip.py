"""Compare what the parser read from a generated protocol with what the generator put in it.

Used by the round-trip tests and, with larger counts, to measure per-field accuracy:
`python -m tests.sample.roundtrip 600` prints the share of items right per field.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from devtools.sample import generate_protocol_specs, pdf_indices, render_pages, render_text
from devtools.sample.pdf import write_pdf
from devtools.sample.spec import ItemSpec, ProtocolSpec
from minutes.parsing import parse_file
from minutes.parsing.records import Item, ParsedProtocol

# Separators the layouts put after a clause; the parser may keep or drop them.
CLAUSE_END_RE = re.compile(r"(?:[\s,;.:]|\bsamt\b)+$")
# Page furniture of the three layouts; none of it may reach a title, clause or section.
FURNITURE_RE = re.compile(
    r"Ordförandens\s+sign|Justerandens\s+sign|\bExp\s+den\b|bestyrkande|Sammanträdesdatum"
    r"|Signeringstjänst|Referensnummer|\bSida\s*\d+\s*\(\d+\)|(?:^|\s)\d+\s?\(\d+\)(?:\s|$)"
    r"|-{5,}|\bPROTOKOLL\b|\bDatum\s+\d{4}-\d\d-\d\d\s+Dnr\b",
)

FIELDS = (
    "numbers",
    "title",
    "dnr",
    "clauses",
    "kinds",
    "reservations",
    "yrkanden",
    "withdrawn",
    "immediately_adjusted",
    "furniture",
)


def normalize_clause(clause: str) -> str:
    """A clause without trailing punctuation or `samt`, whitespace joined."""
    return CLAUSE_END_RE.sub("", " ".join(clause.split()))


def write_protocol(spec: ProtocolSpec, folder: Path, as_pdf: bool) -> Path:
    """Render the spec into `folder` as a PDF or a text file; returns its path."""
    if as_pdf:
        path = folder / f"{spec.file_stem}.pdf"
        write_pdf(render_pages(spec), path)
    else:
        path = folder / f"{spec.file_stem}.txt"
        path.write_text(render_text(spec), encoding="utf-8")
    return path


def _item_fields(want: ItemSpec, got: Item) -> dict[str, tuple[object, object]]:
    """(expected, read) per field of one §."""
    decision = want.decision
    return {
        "title": (" ".join(want.title.split()), got.title),
        "dnr": (list(want.dnr), list(got.dnr)),
        "clauses": (
            [normalize_clause(c) for c in decision.clauses] if decision else [],
            [normalize_clause(c) for d in got.decisions for c in d.clauses],
        ),
        "kinds": ([decision.kind] if decision else [], [d.kind for d in got.decisions]),
        "reservations": (
            [(r.name, r.party) for r in want.reservations],
            [(r.name, r.party) for r in got.reservations],
        ),
        "yrkanden": (
            [[(p.name, p.party) for p in y.persons] for y in want.yrkanden],
            [[(p.name, p.party) for p in y.persons] for y in got.yrkanden],
        ),
        "withdrawn": (want.withdrawn, got.withdrawn),
        "immediately_adjusted": (
            bool(decision and decision.immediately_adjusted),
            any(d.immediately_adjusted for d in got.decisions),
        ),
        "furniture": ([], _furniture_in(got)),
    }


def _furniture_in(item: Item) -> list[str]:
    """Every title, clause or section line that holds page furniture."""
    texts = [item.title, *(c for d in item.decisions for c in d.clauses)]
    texts += [line for s in item.sections for line in s.text.split("\n")]
    return [t for t in texts if FURNITURE_RE.search(t)]


def compare(spec: ProtocolSpec, parsed: ParsedProtocol) -> Iterator[tuple[str, str, bool, str]]:
    """(where, field, right, detail) for the protocol's § numbers and every field of every §."""
    numbers = ([i.number for i in spec.items], [i.number for i in parsed.items])
    yield spec.file_stem, "numbers", numbers[0] == numbers[1], f"{numbers}"
    by_number = {i.number: i for i in parsed.items}
    for want in spec.items:
        where = f"{spec.file_stem} ({spec.layout}/{spec.variant}) § {want.number}"
        got = by_number.get(want.number)
        for name, (expected, read) in (_item_fields(want, got) if got else {}).items():
            yield where, name, expected == read, f"want {expected!r}\n      got  {read!r}"
        if got is None:
            for name in FIELDS[1:]:
                yield where, name, False, "§ not read"


def run(count: int, seed: int, pdf_share: float, folder: Path) -> list[tuple[str, str, bool, str]]:
    """Generate, write and parse `count` protocols; every comparison row."""
    as_pdf = pdf_indices(count, seed, pdf_share)
    rows = []
    for index, spec in enumerate(generate_protocol_specs(count, seed)):
        parsed = parse_file(write_protocol(spec, folder, index in as_pdf))
        suffix = "pdf" if index in as_pdf else "txt"
        rows += [(f"{w} [{suffix}]", f, ok, d) for w, f, ok, d in compare(spec, parsed)]
    return rows


def accuracy(rows: list[tuple[str, str, bool, str]]) -> dict[str, tuple[int, int]]:
    """(right, total) per field."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for _, name, ok, _ in rows:
        total[name] += 1
        right[name] += ok
    return {name: (right[name], total[name]) for name in FIELDS if total[name]}


def main() -> None:
    """Print per-field accuracy and the first misreadings of each field."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.25
    with tempfile.TemporaryDirectory() as folder:
        rows = run(count, seed, share, Path(folder))
    for name, (right, total) in accuracy(rows).items():
        print(f"{name:22} {right:6}/{total:<6} {100 * right / total:6.2f} %")
    shown: Counter[str] = Counter()
    for where, name, ok, detail in rows:
        if not ok and shown[name] < 3:
            shown[name] += 1
            print(f"- {name} {where}\n      {detail}")


if __name__ == "__main__":
    main()
