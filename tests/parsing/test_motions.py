"""Yrkanden, voteringar, reservations and notes on small invented snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes.parsing.items import read_item
from minutes.parsing.motions import persons_in, read_motions
from minutes.parsing.records import Note, PersonRef, Reservation, RollCall, Yrkande

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"


def motions_of(*blocks: tuple[str | None, str]):
    """Read motions from (heading, text) blocks."""
    return read_motions([(heading, text.split("\n")) for heading, text in blocks])


def P(name: str, party: str | None = None) -> PersonRef:
    return PersonRef(name, party)


YRKANDE_ROWS = [
    (
        # two persons of two parties move together
        [("Yrkanden", "Eva Lind (S) och Per Ek (V) yrkar bifall till motionen.")],
        [Yrkande((P("Eva Lind", "S"), P("Per Ek", "V")), "bifall till motionen.")],
    ),
    (
        # a role word before the name is not part of the name
        [(None, "Ordförande Maja Holm (C) yrkar bifall till utskottets förslag.")],
        [Yrkande((P("Maja Holm", "C"),), "bifall till utskottets förslag.")],
    ),
    (
        # a yrkande ending in a colon takes the quoted text that follows
        [
            (
                "Yrkande",
                'Maja Holm (C) yrkar på följande tillägg:\n\n"Nämnden vill betona tryggheten."',
            )
        ],
        [Yrkande((P("Maja Holm", "C"),), 'på följande tillägg: "Nämnden vill betona tryggheten."')],
    ),
    (
        # lower-case party code in older text is upper-cased
        [(None, "Anna Berg (m) yrkar avslag.")],
        [Yrkande((P("Anna Berg", "M"),), "avslag.")],
    ),
    (
        # a yrkande with instämmande adds the concurring person; what was moved is left
        [(None, "Anna Berg (M) yrkar avslag med instämmande av Olof Nyström (KD).")],
        [Yrkande((P("Anna Berg", "M"), P("Olof Nyström", "KD")), "avslag.")],
    ),
]


@pytest.mark.parametrize(("blocks", "expected"), YRKANDE_ROWS)
def test_yrkanden(blocks, expected) -> None:
    assert motions_of(*blocks).yrkanden == expected


WON_ROWS = [
    (
        # the chair finds for the committee's proposal: its supporter won, the motion lost
        "Eva Lind (S) yrkar bifall till motionen.\n\n"
        "Per Ek (M) yrkar bifall till utskottets förslag.",
        "Ordföranden ställer utskottets förslag mot Eva Linds (S) yrkande och finner att "
        "nämnden bifaller utskottets förslag.",
        [False, True],
    ),
    (
        # the chair finds for a named person's yrkande
        "Eva Lind (S) yrkar bifall till motionen.",
        "Ordföranden ställer liggande förslag mot Eva Linds (S) yrkande och finner att "
        "nämnden bifaller Eva Linds yrkande.",
        [True],
    ),
    (
        # liggande förslag wins over a motion
        "Eva Lind (S) yrkar bifall på motionen.",
        "Ordförande ställer liggande förslag mot Eva Linds (S) yrkande och finner att "
        "utskottet beslutar enligt liggande förslag.",
        [False],
    ),
    (
        # no outcome printed: unknown
        "Eva Lind (S) yrkar bifall till motionen.",
        "Ordföranden ställer proposition på yrkandena.",
        [None],
    ),
]


@pytest.mark.parametrize(("yrkanden", "order", "won"), WON_ROWS)
def test_yrkande_won(yrkanden: str, order: str, won: list[bool | None]) -> None:
    found = motions_of(("Yrkanden", yrkanden), ("Propositionsordning", order))
    assert [y.won for y in found.yrkanden] == won


RESERVATION_ROWS = [
    (
        # two persons reserve for their own motion: one Reservation each, with the reason
        [(None, "Eva Lind (S) och Per Ek (V) reserverar sig till förmån för eget yrkande.")],
        [
            Reservation("Eva Lind", "S", reason="till förmån för eget yrkande"),
            Reservation("Per Ek", "V", reason="till förmån för eget yrkande"),
        ],
    ),
    (
        # written reservation with instämmande: the concurring person is added, both written
        [
            (
                "Reservationer",
                "Anna Berg (M) reserverar sig skriftligt mot beslutet, med instämmande av "
                "Olof Nyström (KD).",
            )
        ],
        [
            Reservation("Anna Berg", "M", written=True),
            Reservation("Olof Nyström", "KD", written=True),
        ],
    ),
    (
        # a reservation handed in as an appendix is written
        [(None, "Anna Berg (M) reserverar sig mot beslutet, bilaga 3.")],
        [Reservation("Anna Berg", "M", written=True)],
    ),
    (
        # the person in the reason is not the one reserving
        [(None, "Mot beslutet reserverar sig Lars Ös (L) till förmån för Anna Bergs (M) yrkande.")],
        [Reservation("Lars Ös", "L", reason="till förmån för Anna Bergs (M) yrkande")],
    ),
    (
        # a Reservationer section that only lists persons
        [("Reservationer", "Anna Berg (M)\nOlof Nyström (KD)")],
        [Reservation("Anna Berg", "M"), Reservation("Olof Nyström", "KD")],
    ),
    (
        # members of a party without names: party kept, name empty (warned)
        [(None, "Ledamöterna från SD reserverar sig mot beslutet.")],
        [Reservation("", "SD")],
    ),
    (
        # the same person named twice gives one reservation with what both say
        [
            (None, "Anna Berg (M) reserverar sig mot beslutet."),
            ("Skriftlig reservation", "Vi vill ha en lägre taxa.\n\nAnna Berg (M)"),
        ],
        [
            Reservation(
                "Anna Berg", "M", written=True, text="Vi vill ha en lägre taxa.\nAnna Berg (M)"
            )
        ],
    ),
]


@pytest.mark.parametrize(("blocks", "expected"), RESERVATION_ROWS)
def test_reservations(blocks, expected) -> None:
    assert motions_of(*blocks).reservations == expected


_NOTED = (
    "Noteras till protokollet att Eva Lind (S) och Per Ek (C) avstår från att delta i beslutet."
)
_ABSTAINS = "Eva Lind (S) avstår från att delta i beslut. Återkommer i nämnden."
_JAV = "Per Ek (C) anmäler jäv och deltar inte i handläggningen."
_ANTECKNING = 'Mira Sand (MP) lämnar följande anteckning:\n\n"Vi saknar en plan."'

NOTE_ROWS = [
    (
        # `Noteras till protokollet att …` in running text
        [(None, _NOTED)],
        [Note("noteras", (P("Eva Lind", "S"), P("Per Ek", "C")), _NOTED)],
    ),
    (
        # a notes heading: one note per paragraph that names persons
        [("Noteras till protokollet", _ABSTAINS)],
        [Note("noteras", (P("Eva Lind", "S"),), _ABSTAINS)],
    ),
    (
        # a name without party that does not take part in the decision
        [("Deltagande av beslut", "Håkan Lund deltar ej i beslutet.")],
        [Note("deltar ej", (P("Håkan Lund"),), "Håkan Lund deltar ej i beslutet.")],
    ),
    (
        # jäv declared in a sentence
        [(None, _JAV)],
        [Note("jäv", (P("Per Ek", "C"),), _JAV)],
    ),
    (
        # protokollsanteckning with the text that follows it joined
        [("Protokollsanteckning", _ANTECKNING)],
        [Note("protokollsanteckning", (P("Mira Sand", "MP"),), _ANTECKNING.replace("\n\n", "\n"))],
    ),
]


@pytest.mark.parametrize(("blocks", "expected"), NOTE_ROWS)
def test_notes(blocks, expected) -> None:
    assert motions_of(*blocks).notes == expected


def test_vote_decided_by_the_chair() -> None:
    found = motions_of(
        (
            "Votering",
            "Votering begärs och genomförs.\n\nMed 22 ja-röster mot 22 nej-röster och 0 som "
            "avstår beslutar fullmäktige med ordförandens utslagsröst enligt styrelsens förslag.",
        )
    )
    assert [(v.yes, v.no, v.abstain, v.chair_decided) for v in found.votes] == [(22, 22, 0, True)]


def test_two_voteringar_in_one_item() -> None:
    found = motions_of(
        (
            None,
            "Votering begärs om återremiss. Med 10 ja-röster mot 5 nej-röster avgörs ärendet i dag."
            "\n\nVotering begärs i sak. Med 8 ja-röster mot 7 nej-röster bifalls förslaget.",
        )
    )
    assert [(v.yes, v.no, v.chair_decided) for v in found.votes] == [(10, 5, False), (8, 7, False)]


def test_roll_with_vote_words() -> None:
    found = motions_of(
        (
            "Omröstning",
            "Omröstning begärs.\n\nAnna Ek (S)   Ja\nBo Berg (M)   Nej\nCia Ås (C)   Avstår",
        )
    )
    (vote,) = found.votes
    assert vote.roll == (
        RollCall("Anna Ek", "S", "ja"),
        RollCall("Bo Berg", "M", "nej"),
        RollCall("Cia Ås", "C", "avstår"),
    )
    assert (vote.yes, vote.no, vote.abstain) == (1, 1, 1)  # computed from the roll, warned
    assert [w.code for w in found.warnings] == ["roll_counts_computed"]


def test_roll_aligned_with_spaces() -> None:
    table = (
        "Ledamot             Ja    Nej   Avstår\n"
        "Anna Ek (S)         X\n"
        "Bo Berg (M)               X\n"
        "Cia Ås (C)                      X"
    )
    found = motions_of(("Votering", f"Med 1 ja-röst mot 1 nej-röst och 1 som avstår.\n\n{table}"))
    assert [r.vote for r in found.votes[0].roll] == ["ja", "nej", "avstår"]


def test_ks_fixture_votering_with_printed_roll() -> None:
    text = (FIXTURES / "items_ks_votering.txt").read_text(encoding="utf-8")
    item, warnings = read_item(112, text)
    (vote,) = item.votes
    assert (vote.yes, vote.no, vote.abstain, vote.chair_decided) == (5, 5, 1, True)
    assert len(vote.roll) == 11
    assert vote.roll[0] == RollCall("Ingrid Falk", "S", "ja")
    assert vote.roll[5] == RollCall("Tomas Rydén", "M", "nej")
    assert vote.roll[-1] == RollCall("Karin Almgren", "C", "avstår")
    assert vote.text.startswith("Votering begärs och genomförs.")
    assert [y.won for y in item.yrkanden] == [True, False]
    assert [(r.name, r.party, r.reason) for r in item.reservations] == [
        ("Tomas Rydén", "M", "till förmån för eget yrkande"),
        ("Elsa Nordin", "KD", "till förmån för eget yrkande"),
    ]
    assert item.decisions[0].immediately_adjusted
    assert warnings == []


def test_kf_fixture_reservations_yrkanden_and_propositionsordning() -> None:
    text = (FIXTURES / "items_kf_reservationer.txt").read_text(encoding="utf-8")
    item, warnings = read_item(87, text)
    assert [([p.party for p in y.persons], y.won) for y in item.yrkanden] == [
        (["S", "C"], True),
        (["M"], False),
        (["V"], False),
        (["SD"], False),
    ]
    assert [(r.name, r.party, r.written, r.text is not None) for r in item.reservations] == [
        ("Anders Vik", "M", True, True),
        ("Eva Lund", "KD", True, True),
        ("Olle Berg", "L", True, False),
        ("Sara Björk", "V", False, False),
        ("", "SD", False, False),
    ]
    assert item.reservations[3].reason == "till förmån för Vänsterpartiets budgetförslag"
    assert [(n.kind, [p.name for p in n.persons]) for n in item.notes] == [
        ("protokollsanteckning", ["Mira Sand"]),
        ("jäv", ["Lars Holm"]),
    ]
    assert warnings == []  # the SD members are named from the attendance by the document


PERSON_ROWS = [
    # role words are dropped
    ("Vice ordförande Anna Ek (S) yrkar", [P("Anna Ek", "S")]),
    # a member without party
    ("Bo Berg (-) yrkar", [P("Bo Berg", "-")]),
    # double-barrelled names
    ("Ann-Marie Lind Ström (KD)", [P("Ann-Marie Lind Ström", "KD")]),
]


@pytest.mark.parametrize(("text", "expected"), PERSON_ROWS)
def test_persons_in(text: str, expected: list[PersonRef]) -> None:
    assert persons_in(text) == expected


def test_yrkande_with_addition_still_wins_with_its_proposal() -> None:
    found = motions_of(
        (
            "Yrkanden",
            "Eva Lind (S) yrkar bifall till styrelsens förslag med ett tillägg om uppföljning.",
        ),
        ("Beslutsgång", "Ordföranden finner att nämnden bifaller styrelsens förslag."),
    )
    assert [y.won for y in found.yrkanden] == [True]
