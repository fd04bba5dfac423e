"""Decisions: intros, chains, kinds and clauses on small invented snippets."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes.parsing.decisions import read_decisions, read_intro
from minutes.parsing.text import split_sentences


@dataclass(frozen=True)
class Expect:
    decided_by: str | None
    kind: str
    clauses: tuple[str, ...]
    proposed_to: tuple[str, ...] = ()
    immediately_adjusted: bool = False


DECISION_ROWS = [
    (
        # plain beslutar with one att-clause
        "Tekniska nämnden beslutar\n\natt godkänna rapporten.",
        False,
        [Expect("Tekniska nämnden", "beslutar", ("godkänna rapporten.",))],
    ),
    (
        # bold att-clauses as markdown, each kept as printed with its connector
        "Kulturnämnden beslutar\n\n**att** anta planen; samt\n\n"
        "**att** uppdra åt förvaltningen att följa upp.",
        False,
        [
            Expect(
                "Kulturnämnden",
                "beslutar",
                ("anta planen; samt", "uppdra åt förvaltningen att följa upp."),
            )
        ],
    ),
    (
        # the whole clause in bold, the word att inside the bold
        "Kulturnämnden beslutar\n\n**att fastställa riktlinjen för bidrag.**",
        False,
        [Expect("Kulturnämnden", "beslutar", ("fastställa riktlinjen för bidrag.",))],
    ),
    (
        # subject after the verb: `Då inga extra ärenden föreligger beslutar X`
        "Då inga extra ärenden föreligger beslutar Miljöutskottet\n\natt fastställa dagordningen.",
        False,
        [Expect("Miljöutskottet", "beslutar", ("fastställa dagordningen.",))],
    ),
    (
        # decision chain: proposes to the board, which proposes to the council
        "Ekonomiutskottet föreslår att kommunstyrelsen beslutar föreslå att kommunfullmäktige "
        "beslutar\n\natt anta budgeten.",
        False,
        [
            Expect(
                "Ekonomiutskottet",
                "föreslår",
                ("anta budgeten.",),
                ("kommunstyrelsen", "kommunfullmäktige"),
            )
        ],
    ),
    (
        # decision chain without `att` after föreslår, and `besluta` in the infinitive
        "Ekonomiutskottet föreslår kommunstyrelsen besluta\n\natt anta taxan.",
        False,
        [Expect("Ekonomiutskottet", "föreslår", ("anta taxan.",), ("kommunstyrelsen",))],
    ),
    (
        # att-clause with nested bullets: every bullet a clause of its own, in order
        "Styrelsen beslutar\n\natt ge direktören i uppdrag:\n\n- **att** utreda frågan, samt\n"
        "- **att** återkomma i maj.",
        False,
        [
            Expect(
                "Styrelsen",
                "beslutar",
                ("ge direktören i uppdrag:", "utreda frågan, samt", "återkomma i maj."),
            )
        ],
    ),
    (
        # nested bullets without att under `enligt följande:`
        "Styrelsen beslutar\n\natt fördela medlen enligt följande:\n"
        "- Skolan 2 mnkr\n- Vården 3 mnkr",
        False,
        [
            Expect(
                "Styrelsen",
                "beslutar",
                ("fördela medlen enligt följande:", "Skolan 2 mnkr", "Vården 3 mnkr"),
            )
        ],
    ),
    (
        # att-clauses on consecutive lines without blank lines (DOCX text)
        "Kommunstyrelsen beslutar\natt godkänna redovisningen\natt lägga den till handlingarna",
        False,
        [
            Expect(
                "Kommunstyrelsen",
                "beslutar",
                ("godkänna redovisningen", "lägga den till handlingarna"),
            )
        ],
    ),
    (
        # a hard-wrapped att-clause whose second line happens to start with `att`
        "Kommunstyrelsen beslutar\n\natt uppdra åt kommundirektören och ekonomichefen i samverkan\n"
        "att ta fram en plan.",
        False,
        [
            Expect(
                "Kommunstyrelsen",
                "beslutar",
                ("uppdra åt kommundirektören och ekonomichefen i samverkan att ta fram en plan.",),
            )
        ],
    ),
    (
        # handing over without a proposal of its own
        "Vårdutskottet beslutar\n\n"
        "att överlämna ärendet till vårdnämnden utan eget förslag till beslut.",
        False,
        [
            Expect(
                "Vårdutskottet",
                "överlämnar utan eget förslag",
                ("överlämna ärendet till vårdnämnden utan eget förslag till beslut.",),
                ("vårdnämnden",),
            )
        ],
    ),
    (
        # laying information on the table inside a beslutar-decision stays beslutar
        "Vårdutskottet beslutar\n\natt lägga informationen till handlingarna.",
        False,
        [Expect("Vårdutskottet", "beslutar", ("lägga informationen till handlingarna.",))],
    ),
    (
        # Beslut without att: only taking note, nothing else
        "Informationen noteras.",
        False,
        [Expect(None, "informationen noteras", ("Informationen noteras.",))],
    ),
    (
        # Beslut without att: information delivered
        "Informationen är delgiven.",
        False,
        [Expect(None, "informationen noteras", ("Informationen är delgiven.",))],
    ),
    (
        # Beslut without att: each sentence a clause, hard-wrapped lines joined
        "Sammanträdet den 4 mars flyttas till den 6 mars.\nSammanträdet hålls i\nrådhuset.",
        False,
        [
            Expect(
                None,
                "beslutar",
                (
                    "Sammanträdet den 4 mars flyttas till den 6 mars.",
                    "Sammanträdet hålls i rådhuset.",
                ),
            )
        ],
    ),
    (
        # Beslut without att: intro sentence then plain sentences
        "Arbetsutskottet föreslår att skolnämnden beslutar\n\nUpphandling av skolskjuts startas.",
        False,
        [
            Expect(
                "Arbetsutskottet",
                "föreslår",
                ("Upphandling av skolskjuts startas.",),
                ("skolnämnden",),
            )
        ],
    ),
    (
        # Beslut without att: two intros in a row make one chain
        "Arbetsutskottet föreslår att skolnämnden beslutar\n\nSkolnämnden föreslår att "
        "kommunfullmäktige beslutar\n\nMotionen anses besvarad.",
        False,
        [
            Expect(
                "Arbetsutskottet",
                "föreslår",
                ("Motionen anses besvarad.",),
                ("skolnämnden", "kommunfullmäktige"),
            )
        ],
    ),
    (
        # Beslut without att: the organ's own decision, then a proposal to another organ
        "Utskottets möte i maj ställs in.\n\nArbetsutskottet föreslår att skolnämnden beslutar:\n\n"
        "Skolnämnden sammanträder den 2 juni.",
        False,
        [
            Expect(None, "beslutar", ("Utskottets möte i maj ställs in.",)),
            Expect(
                "Arbetsutskottet",
                "föreslår",
                ("Skolnämnden sammanträder den 2 juni.",),
                ("skolnämnden",),
            ),
        ],
    ),
    (
        # intro and clause in one sentence: `föreslår X att besluta att …`
        "Arbetsutskottet föreslår skolnämnden att besluta att initiativet avslås.",
        False,
        [Expect("Arbetsutskottet", "föreslår", ("initiativet avslås.",), ("skolnämnden",))],
    ),
    (
        # an aside between the intro and att: `beslutar, för kommunen, att …`
        "Arbetsutskottet föreslår att skolnämnden beslutar, för kommunens del, att betala\n"
        "medlemsavgiften.",
        False,
        [Expect("Arbetsutskottet", "föreslår", ("betala medlemsavgiften.",), ("skolnämnden",))],
    ),
    (
        # an organ line alone, then bullets (samverkansråd layout)
        "Länets samverkansråd\n\n- Tillstyrker att arbetet fortsätter.\n"
        "- Ger kansliet i uppdrag att sammanfatta.",
        False,
        [
            Expect(
                "Länets samverkansråd",
                "beslutar",
                ("Tillstyrker att arbetet fortsätter.", "Ger kansliet i uppdrag att sammanfatta."),
            )
        ],
    ),
    (
        # an organ line alone with only a page header's date after it is no decision
        "Länets samverkansråd\n\n2024-05-02",
        False,
        [],
    ),
    (
        # immediate adjustment as a clause
        "Fritidsnämnden beslutar\n\natt anta taxan, samt\n\n"
        "att förklara paragrafen omedelbart justerad.",
        False,
        [
            Expect(
                "Fritidsnämnden",
                "beslutar",
                ("anta taxan, samt", "förklara paragrafen omedelbart justerad."),
                immediately_adjusted=True,
            )
        ],
    ),
    (
        # immediate adjustment as a sentence after the clauses: a flag, not a clause
        "Fritidsnämnden beslutar\n\natt anta taxan.\n\nParagrafen förklaras omedelbart justerad.",
        False,
        [Expect("Fritidsnämnden", "beslutar", ("anta taxan.",), immediately_adjusted=True)],
    ),
    (
        # a reservation sentence under Beslut is not a clause (layout without att)
        "Taxan fastställs.\n\nOla Berg (M) reserverar sig mot beslutet.",
        False,
        [Expect(None, "beslutar", ("Taxan fastställs.",))],
    ),
    (
        # without a Beslut heading, text before the intro is not a clause
        "Ett ärende utgår:\n\n- § 24 Mammografi\n\nMed denna ändring beslutar Vårdutskottet\n\n"
        "att fastställa dagordningen.",
        True,
        [Expect("Vårdutskottet", "beslutar", ("fastställa dagordningen.",))],
    ),
    (
        # without a Beslut heading, a description mentioning a decision is not one
        "Därför föreslås regionstyrelsen besluta att utskottet yttrar sig.\n\n"
        "Regionstyrelsen beslutar om fördelningen i juni.",
        True,
        [],
    ),
    (
        # an att-clause split by a page break continues after the break
        "Kommunstyrelsen beslutar\n\natt genomföra omdisponeringen enligt\n\nbifogad förteckning.",
        False,
        [
            Expect(
                "Kommunstyrelsen",
                "beslutar",
                ("genomföra omdisponeringen enligt bifogad förteckning.",),
            )
        ],
    ),
    (
        # PDF text: the justering sentence glued onto the last att-clause is not part of it
        "Vårdnämnden beslutar\natt anta avtalet, samt\natt teckna avtalet för 2026. "
        "Paragrafen förklaras omedelbart justerad.",
        False,
        [
            Expect(
                "Vårdnämnden",
                "beslutar",
                ("anta avtalet, samt", "teckna avtalet för 2026."),
                immediately_adjusted=True,
            )
        ],
    ),
    (
        # layout without att: the justering sentence after the sentences is no clause
        "Planen antas.\n\nParagrafen förklaras omedelbart justerad.",
        False,
        [Expect(None, "beslutar", ("Planen antas.",), immediately_adjusted=True)],
    ),
    (
        # `Paragrafen är justerad` closes the clauses without making them immediate
        "Kultur- och fritidsnämnden beslutar\natt anta planen.\nParagrafen är justerad",
        False,
        [Expect("Kultur- och fritidsnämnden", "beslutar", ("anta planen.",))],
    ),
    (
        # a clause that itself adjusts the § stays a clause (lower case after att)
        "Tekniska nämnden beslutar\natt köpa fastigheten,\n"
        "att förklara paragrafen omedelbart justerad.",
        False,
        [
            Expect(
                "Tekniska nämnden",
                "beslutar",
                ("köpa fastigheten,", "förklara paragrafen omedelbart justerad."),
                immediately_adjusted=True,
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "require_intro", "expected"), DECISION_ROWS)
def test_read_decisions(text: str, require_intro: bool, expected: list[Expect]) -> None:
    decisions, _ = read_decisions(text.split("\n"), require_intro=require_intro)
    got = [
        Expect(d.decided_by, d.kind, d.clauses, d.proposed_to, d.immediately_adjusted)
        for d in decisions
    ]
    assert got == expected


def test_page_break_repair_is_reported() -> None:
    lines = ["Nämnden beslutar", "", "att genomföra planen enligt", "", "bifogad förteckning."]
    _, warnings = read_decisions(lines)
    assert [w.code for w in warnings] == ["att_clause_joined"]


INTRO_ROWS = [
    # genitive organ name
    ("Kommunstyrelsens arbetsutskott beslutar", "Kommunstyrelsens arbetsutskott"),
    # hyphenated organ name with `och`
    ("Barn- och utbildningsnämnden beslutar", "Barn- och utbildningsnämnden"),
    # printed without a space after the hyphen
    ("Vård-och omsorgsnämnden beslutar:", "Vård-och omsorgsnämnden"),
    # a noun that only looks like an organ word (`området`) decides nothing
    ("Området beslutar", None),
    # a sentence about a decision, not an intro
    ("Regionstyrelsen beslutar om rekvisering.", None),
    # a person proposing is not an organ deciding
    ("Ordförande Anna Ek (S) föreslår att presidiet utses.", None),
]


@pytest.mark.parametrize(("text", "organ"), INTRO_ROWS)
def test_read_intro_subject(text: str, organ: str | None) -> None:
    intro = read_intro(text)
    assert (intro.decided_by if intro else None) == organ


SENTENCE_ROWS = [
    # abbreviations do not end a sentence
    ("Kostnaden är ca. 200 000 kr. Beloppet avser t.ex. 2025.", 2),
    # a plain split
    ("Taxan fastställs. Den gäller från 1 juli.", 2),
    # no split inside a number or a section mark
    ("Enligt 5 kap. 60 § kommunallagen gäller detta.", 1),
]


@pytest.mark.parametrize(("text", "count"), SENTENCE_ROWS)
def test_split_sentences(text: str, count: int) -> None:
    assert len(split_sentences(text)) == count


@settings(max_examples=200)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), max_size=12))
def test_read_decisions_never_raises(lines: list[str]) -> None:
    decisions, warnings = read_decisions(lines)
    assert all(isinstance(c, str) and c for d in decisions for c in d.clauses)
    assert all(w.code and w.message for w in warnings)


def test_besluta_before_att_is_a_clerks_beslutar() -> None:
    decisions, _ = read_decisions(["Kommunfullmäktige besluta enhälligt att ärendet utgår."])
    assert [(d.decided_by, d.kind, d.clauses) for d in decisions] == [
        ("Kommunfullmäktige", "beslutar", ("ärendet utgår.",))
    ]
