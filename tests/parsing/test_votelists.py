"""Printed voting lists: who voted how, read from rows, X columns and pulled-apart lists.

The invented snippets show each layout once; the corpus tests read the real Lomma lists
(pdftotext -layout, names and X marks pulled apart) against the hand-checked golds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutes.parsing import parse_file, parse_text
from minutes.parsing.motions import read_motions
from minutes.parsing.normalize import normalize
from minutes.parsing.records import RollCall
from minutes.parsing.votelists import find_vote_lists, mark_vote_columns, vote_list_heading

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
GOLDS = Path(__file__).resolve().parent / "golds"


def lines_of(text: str) -> list[str]:
    """The lines as the item readers get them: normalized (marks given their column's word)
    and stripped."""
    return normalize(text).split("\n")


def motions_of(*blocks: tuple[str | None, str]):
    return read_motions([(heading, lines_of(text)) for heading, text in blocks])


def roll(*rows: str) -> tuple[RollCall, ...]:
    """`"Anna Ek S ja"` → RollCall("Anna Ek", "S", "ja"); `-` for no party."""
    calls = []
    for row in rows:
        *name, party, vote = row.split()
        calls.append(RollCall(" ".join(name), None if party == "-" else party, vote))
    return tuple(calls)


# ---------------------------------------------------------------- step 1: the columns

MARK_ROWS = [
    (
        # an X on a line of its own gets the word of the column it stands under
        "Ledamot        Ja   Nej  Avstår\nAnna Ek (S)\nBo Berg (M)\n               X\n"
        "                         X",
        "Ledamot        Ja   Nej  Avstår\nAnna Ek (S)\nBo Berg (M)\n               Ja\n"
        "                         Avstår",
    ),
    (
        # the Totalt row's figures get their column's word, and end the list
        "Ledamot          Ja  Nej\nBo Berg (M)      X\nTotalt\n                 1   0\n"
        "                 X",
        "Ledamot          Ja  Nej\nBo Berg (M)      Ja\nTotalt\n                 Ja 1   Nej 0\n"
        "                 X",
    ),
    (
        # a Word table: the X's tab cell tells its column
        "Ledamot\tJa\tNej\tAvstår\nNils Tjäder (C)\t\t\tX",
        "Ledamot\tJa\tNej\tAvstår\nNils Tjäder (C)\t\t\tAvstår",
    ),
    (
        # an X halfway between two columns stands under neither: left as printed
        "Ledamot   Ja     Nej\nAnna Ek (S)\n              X",
        "Ledamot   Ja     Nej\nAnna Ek (S)\n              X",
    ),
    (
        # running text ends the list: an X after it is not a vote
        "Ledamot         Ja  Nej\nAnna Ek (S)     X\n"
        "Därefter beslutar fullmäktige att anta förslaget i sin helhet.\n                X",
        "Ledamot         Ja  Nej\nAnna Ek (S)     Ja\n"
        "Därefter beslutar fullmäktige att anta förslaget i sin helhet.\n                X",
    ),
    (
        # without a header there are no columns: nothing changes
        "Anna Ek (S)     X\nBo Berg (M)          X",
        "Anna Ek (S)     X\nBo Berg (M)          X",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARK_ROWS)
def test_marks_get_the_word_of_their_column(text: str, expected: str) -> None:
    assert mark_vote_columns(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Voteringslista", ("Voteringslista", "")),
        (
            "Voteringsprotokoll                Ja  Nej  Avstår",
            ("Voteringsprotokoll", "Ja  Nej  Avstår"),
        ),
        ("Voteringsprotokoll                    Nej", ("Voteringsprotokoll", "Nej")),
        ("Voteringsprotokollet justeras senare av ordföranden.", None),
        ("Votering begärs", None),
    ],
)
def test_a_list_title_opens_a_list(line: str, expected) -> None:
    assert vote_list_heading(line) == expected


# ---------------------------------------------------------------- step 2: the rolls

# A list pulled apart by pdftotext -layout: the X of Anna Ek stands on Bo Berg's row, the
# others on lines of their own, in the names' order (invented, in the layout of Lomma KF).
PULLED_APART = """\
Voteringslista                Ja   Nej  Avstår

 Ledamot                      X
 Anna Ek (S)
 Bo Berg (M)                       X
 Cia Ås (C)
 Dan Lund (V)
 Eva Holm (-)
                              X

                                   X

                                        X
 Totalt
                              2    2    1
"""

ROLL_ROWS = [
    (
        # names in order, marks in order, each vote by the column its X stands under
        [("Votering", "Med 2 ja-röster mot 2 nej-röster och 1 som avstår bifalls förslaget.")],
        PULLED_APART,
        roll("Anna Ek S ja", "Bo Berg M nej", "Cia Ås C ja", "Dan Lund V nej", "Eva Holm - avstår"),
    ),
    (
        # the X on each member's own row, columns by offset
        [("Votering", "Votering begärs. Med 1 ja-röst mot 1 nej-röst bifalls förslaget.")],
        "Ledamot        Ja   Nej  Avstår\nAnna Ek (S)    X\nBo Berg (M)         X\n",
        roll("Anna Ek S ja", "Bo Berg M nej"),
    ),
    (
        # a Word table keeps its empty cells: the X's tab cell is its column
        [("Votering", "Votering begärs. Med 1 ja-röst mot 1 nej-röst bifalls förslaget.")],
        "Ledamot\tJa\tNej\tAvstår\nAnna Ek (S)\tX\nBo Berg (M)\t\tX",
        roll("Anna Ek S ja", "Bo Berg M nej"),
    ),
    (
        # the vote as a word, the party in a cell of its own (a Word table)
        [("Omröstning", "Omröstning begärs. Voteringen utfaller med 1 ja-röst mot 1 nej-röst.")],
        "Ledamot\tParti\tRöst\nAnna Ek\tS\tJa\nBo Berg\tM\tNej",
        roll("Anna Ek S ja", "Bo Berg M nej"),
    ),
    (
        # `Namn (P): Nej`: name and vote in one cell
        [("Votering", "Votering begärs. Med 1 ja-röst mot 1 nej-röst bifalls förslaget.")],
        "Anna Ek (S): Ja\nBo Berg (M): Nej",
        roll("Anna Ek S ja", "Bo Berg M nej"),
    ),
    (
        # a member listed as absent in a column of their own
        [("Votering", "Votering begärs. Med 1 ja-röst mot 0 nej-röster bifalls förslaget.")],
        "Ledamot        Ja   Nej  Frånvarande\nAnna Ek (S)    X\nBo Berg (M)              X\n",
        roll("Anna Ek S ja", "Bo Berg M frånvarande"),
    ),
]


@pytest.mark.parametrize(("blocks", "printed", "expected"), ROLL_ROWS)
def test_roll_is_read(blocks, printed: str, expected) -> None:
    heading, text = blocks[0]
    found = motions_of((heading, f"{text}\n\n{printed}"))
    (vote,) = found.votes
    assert vote.roll == expected
    assert found.warnings == []


WARNED_ROWS = [
    (
        # a name more than marks: the pairing would be a guess
        PULLED_APART.replace(" Eva Holm (-)\n", " Eva Holm (-)\n Fia Berg (L)\n"),
        "voting list with 6 names and 5 votes: they cannot be paired, no roll read",
    ),
    (
        # the marks do not add up to the printed Totalt row
        PULLED_APART.replace("2    2    1", "3    1    1"),
        "voting list votes (ja 2, nej 2, avstår 1) do not add up to its Totalt row"
        " (ja 3, nej 1, avstår 1): no roll read",
    ),
    (
        # an X under no column (pulled apart, its indentation lost): no vote to read
        "Ledamot  Ja  Nej\nAnna Ek (S)\nX",
        "roll row without a readable column: X",
    ),
    (
        # PDF text puts one tab in any gap: `Bo Berg<TAB>X` may be under Ja, Nej or Avstår
        "Ledamot\tJa\tNej\tAvstår\nAnna Ek (S)\tX\nBo Berg (M)\tX\nCia Ås (C)\tX",
        "roll row without a readable column: Anna Ek (S) X",
    ),
    (
        # the same member twice: two lists run together, or a misread
        PULLED_APART.replace(" Cia Ås (C)\n", " Anna Ek (S)\n"),
        "voting list names Anna Ek twice: no roll read",
    ),
]


@pytest.mark.parametrize(("printed", "warning"), WARNED_ROWS)
def test_a_list_that_does_not_add_up_gives_a_warning_and_no_roll(printed: str, warning) -> None:
    found = motions_of(
        ("Votering", "Med 2 ja-röster mot 2 nej-röster och 1 som avstår bifalls förslaget."),
        (None, printed),
    )
    (vote,) = found.votes
    assert (vote.yes, vote.no, vote.abstain, vote.roll) == (2, 2, 1, ())
    assert [w.message for w in found.warnings] == [warning]


def test_a_roll_against_the_stated_counts_is_warned_and_left_out() -> None:
    found = motions_of(
        ("Votering", "Med 3 ja-röster mot 2 nej-röster bifalls förslaget."),
        (None, PULLED_APART),
    )
    (vote,) = found.votes
    assert (vote.yes, vote.no, vote.roll) == (3, 2, ())
    ((code, params),) = [(w.code, w.params) for w in found.warnings]
    assert code == "roll_mismatch"
    assert params == {"roll": "ja 2, nej 2, avstår 1", "stated": "ja 3, nej 2"}


def test_lists_go_to_the_voteringar_in_order() -> None:
    first = "Ledamot         Ja  Nej\nAnna Ek (S)     X\nBo Berg (M)         X\n"
    second = "Ledamot         Ja  Nej\nAnna Ek (S)         X\nBo Berg (M)         X\n"
    found = motions_of(
        (
            "Propositionsordning",
            "Votering begärs. Med 1 ja-röst mot 1 nej-röst avslås återremissen.\n\n"
            "Votering begärs i sak. Med 0 ja-röster mot 2 nej-röster avslås förslaget.",
        ),
        ("Voteringslista", f"{first}\nTotalt   1   1"),
        ("Voteringslista", second),
    )
    assert [(v.yes, v.no) for v in found.votes] == [(1, 1), (0, 2)]
    assert [[c.vote for c in v.roll] for v in found.votes] == [["ja", "nej"], ["nej", "nej"]]


def test_a_list_without_a_votering_in_the_text_is_a_votering_of_its_own() -> None:
    found = motions_of(("Omröstningsresultat", "Anna Ek (S)   Ja\nBo Berg (M)   Ja"))
    (vote,) = found.votes
    assert (vote.yes, vote.no, vote.abstain) == (2, 0, 0)
    assert [w.code for w in found.warnings] == [
        "roll_list_without_votering",
        "roll_counts_computed",
    ]


def test_the_list_is_no_note_and_no_yrkande() -> None:
    """The names of a list printed under a Protokollsanteckning are not the note's."""
    found = motions_of(
        ("Votering", "Med 2 ja-röster mot 2 nej-röster och 1 som avstår bifalls förslaget."),
        ("Protokollsanteckning", f"Pia Lind (MP) lämnar en anteckning.\n\n{PULLED_APART}"),
    )
    assert [[p.name for p in n.persons] for n in found.notes] == [["Pia Lind"]]
    assert "Totalt" not in found.notes[0].text
    assert found.yrkanden == [] and found.reservations == []
    assert len(found.votes[0].roll) == 5


def test_find_vote_lists_gives_the_span() -> None:
    lines = ["Votering begärs.", "", *lines_of(PULLED_APART), "Beslut"]
    (printed,) = find_vote_lists(lines)
    assert lines[printed.start].startswith("Voteringslista")
    assert lines[printed.end - 1].startswith("Ja 2")
    assert printed.totals == (2, 2, 1)


# ---------------------------------------------------------------- a whole protocol

PROTOCOL = """\
BJÖRKÅS KOMMUN                                  SAMMANTRÄDESPROTOKOLL
Kommunfullmäktige
Sammanträdesdatum: 2025-03-10

Plats och tid        Kommunhuset, Björkås, kl. 18.00–20.00

Beslutande           Anna Ek (S), ordförande
                     Bo Berg (M)
                     Cia Ås (C)
                     Dan Lund (V)
                     Eva Holm (-)

Övriga närvarande    Lotta Frisk, sekreterare

Justerare            Bo Berg (M)

§ 12 Budget 2026
Dnr KS 2025/12

Ärendebeskrivning
Ekonomiavdelningen har tagit fram ett förslag till budget för 2026.

Votering
Votering begärs och genomförs. Voteringen utfaller enligt bifogad voteringslista med
{tally} och budgeten bifalls.

{printed}
Beslut
Kommunfullmäktige beslutar

att anta budgeten för 2026.
"""


def test_invented_protocol_with_a_pulled_apart_list() -> None:
    text = PROTOCOL.format(
        tally="2 ja-röster mot 2 nej-röster och 1 som avstår", printed=PULLED_APART
    )
    (item,) = parse_text(text).items
    (vote,) = item.votes
    assert vote.roll == roll(
        "Anna Ek S ja", "Bo Berg M nej", "Cia Ås C ja", "Dan Lund V nej", "Eva Holm - avstår"
    )
    assert item.decisions[0].clauses == ("anta budgeten för 2026.",)
    assert not any(n.persons for n in item.notes)


def test_invented_protocol_with_a_mismatching_total() -> None:
    printed = PULLED_APART.replace("2    2    1", "2    3    0")
    text = PROTOCOL.format(tally="2 ja-röster mot 2 nej-röster och 1 som avstår", printed=printed)
    parsed = parse_text(text)
    (item,) = parsed.items
    (vote,) = item.votes
    assert (vote.yes, vote.no, vote.abstain, vote.roll) == (2, 2, 1, ())
    (warning,) = [w for w in parsed.warnings if w.code.startswith("roll")]
    assert (warning.code, warning.item) == ("roll_list_total_mismatch", 12)
    assert warning.params == {"roll": "ja 2, nej 2, avstår 1", "total": "ja 2, nej 3, avstår 0"}


# ---------------------------------------------------------------- the corpus


def _corpus_file(folder: str, name: str) -> Path:
    path = CORPUS / folder / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: check out ../shared beside the project")
    return path


def _gold_rolls(name: str) -> dict[int, list[tuple[RollCall, ...]]]:
    gold = json.loads((GOLDS / "lomma.json").read_text(encoding="utf-8"))[name]
    return {
        int(number): [
            tuple(RollCall(n, p, v) for n, p, v in vote.get("roll", [])) for vote in item["votes"]
        ]
        for number, item in gold["items"].items()
        if item["votes"]
    }


def test_kf_2025_lists_read_from_the_text() -> None:
    """The three two-page lists of Lomma KF 2025-08-28 (Bilaga A, B after § 53, Bilaga
    after § 54): 45 names each, marks pulled apart from the names, Totalt 23 22."""
    text = _corpus_file("lomma", "kf-2025-08-28.txt").read_text(encoding="utf-8")
    printed = find_vote_lists(lines_of(text))
    gold = _gold_rolls("kf-2025-08-28.txt")
    assert [p.roll for p in printed] == [*gold[53], *gold[54]]
    assert [(len(p.roll), p.sums(), p.totals) for p in printed] == [
        (45, (23, 22, 0), (23, 22, None))
    ] * 3
    assert all(p.warnings == () for p in printed)


def test_sn_2025_item_82_roll() -> None:
    """Lomma SN 2025-10-07 § 82: the header beside the second name, the marks below the
    Totalt row, the figures 7 4 0 last."""
    parsed = parse_file(_corpus_file("lomma", "sn-2025-10-07.txt"))
    item = next(i for i in parsed.items if i.number == 82)
    (vote,) = item.votes
    assert (vote.yes, vote.no, vote.abstain) == (7, 4, 0)
    assert [vote.roll] == _gold_rolls("sn-2025-10-07.txt")[82]
    assert [r.name for r in item.reservations] == ["Ida Alm"]
    assert not any(w.code.startswith("roll") for w in parsed.warnings)


def test_kf_2025_rolls_reach_the_items() -> None:
    """The lists stand after `Beslutet expedieras till` (a description block): they reach
    the votes once items.py gives a list title a block of its own (see the report)."""
    parsed = parse_file(_corpus_file("lomma", "kf-2025-08-28.txt"))
    items = {i.number: i for i in parsed.items}
    gold = _gold_rolls("kf-2025-08-28.txt")
    for number in (53, 54):
        assert [v.roll for v in items[number].votes] == gold[number], number
        assert not any(p.name == "Robert Wenglén" for n in items[number].notes for p in n.persons)


def test_the_sentence_above_a_list_stays_the_votering() -> None:
    found = motions_of(("Votering", "Omröstning begärs.\nAnna Ek (S)   Ja\nBo Berg (M)   Nej"))
    (vote,) = found.votes
    assert vote.text == "Omröstning begärs."
    assert [c.vote for c in vote.roll] == ["ja", "nej"]


def test_a_role_after_the_party_is_no_part_of_the_name() -> None:
    found = motions_of(
        ("Votering", "Votering begärs. Med 1 ja-röst mot 1 nej-röst bifalls förslaget."),
        (
            None,
            "Ledamot                    Ja   Nej\n"
            "Anna Ek (S), ordförande    X\n"
            "Bo Berg (M)                     X",
        ),
    )
    assert found.votes[0].roll == roll("Anna Ek S ja", "Bo Berg M nej")


def test_a_checklist_with_ja_and_nej_columns_is_no_voting_list() -> None:
    found = motions_of(
        (
            "Barnkonsekvensanalys",
            "Fråga                          Ja   Nej\nBerörs barn av beslutet?             X\n",
        )
    )
    assert (found.votes, found.warnings) == ([], [])


def test_a_list_without_parties_pairs_bare_names() -> None:
    found = motions_of(
        ("Votering", "Votering begärs. Med 1 ja-röst mot 1 nej-röst bifalls förslaget."),
        (None, "Ledamot        Ja   Nej\nAnna Ek        X\nBo Berg             X"),
    )
    assert found.votes[0].roll == roll("Anna Ek - ja", "Bo Berg - nej")
