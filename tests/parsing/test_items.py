"""One § read by `read_item`: invented snippets first, then the five real seeds."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes.parsing.items import read_item
from minutes.parsing.records import Item, PersonRef, Reservation
from tests.seeds import seed_text

HEADER_ROWS = [
    (
        # dnr on the line after the title
        "§ 12 Taxa för bygglov\nBN 231-2024\n\nSammanfattning\n\nEn ny taxa föreslås.",
        "Taxa för bygglov",
        ("BN 231-2024",),
    ),
    (
        # title wrapped over two lines, then the dnr line
        "§ 13 Upphandling av skolskjuts för\nperioden 2025 till 2029\nBUN 88-2024\n\n"
        "Sammanfattning\n\nText.",
        "Upphandling av skolskjuts för perioden 2025 till 2029",
        ("BUN 88-2024",),
    ),
    (
        # marker without space and the title on its own line after a blank
        "§7\n\nMötet öppnas\n\nSammanfattning\n\nOrdföranden öppnar mötet.",
        "Mötet öppnas",
        (),
    ),
    (
        # leftover bold markup around a wrapped title
        "**§ 40 Yttrande över remiss om\nvattenplan**\n\nDiarienummer: 24KS118\n\n"
        "Ärendebeskrivning\n\nText.",
        "Yttrande över remiss om vattenplan",
        ("24KS118",),
    ),
    (
        # a dnr printed at the right of the marker line, the title on the next line
        "§ 31                                         Dnr KS 2024/58\n\nVal av justerare\n\n"
        "Kommunstyrelsen beslutar\n\natt utse Maja Holm (C) att justera.",
        "Val av justerare",
        ("KS 2024/58",),
    ),
    (
        # a wrapped title whose last word is also a heading word (`underlag`)
        "§ 14 Beslut om fastställande av\nunderlag\nHSN 12-2024\n\nSammanfattning\n\nText.",
        "Beslut om fastställande av underlag",
        ("HSN 12-2024",),
    ),
    (
        # several diarienummer, labelled and bare
        "§ 15 Två ärenden\nDiarienummer: 24KS1, 24KS2\nKS 2024/3\n\nÄrendebeskrivning\n\nText.",
        "Två ärenden",
        ("24KS1", "24KS2", "KS 2024/3"),
    ),
    (
        # the body starts right after a one-line title (no blank line): a sentence is no title
        "§ 16 Information\nFörvaltningen informerar om läget.",
        "Information",
        (),
    ),
]


@pytest.mark.parametrize(("text", "title", "dnr"), HEADER_ROWS)
def test_title_and_dnr(text: str, title: str, dnr: tuple[str, ...]) -> None:
    marker = re.search(r"§\s*(\d+)", text)
    assert marker is not None
    item, _ = read_item(int(marker.group(1)), text)
    assert (item.title, item.dnr) == (title, dnr)


OFFICIAL_ROWS = [
    # both spellings of ärendeansvarig, handläggare separated by comma
    (
        "Ärendeansvarig: Lisa Ek\nHandläggare: Bo Ström, Eva Ny",
        ("Lisa Ek",),
        ("Bo Ström", "Eva Ny"),
    ),
    ("Ärendansvarig: Lisa Ek, Per Al", ("Lisa Ek", "Per Al"), ()),
    # handläggare separated by och, semicolon and slash
    ("Handläggare: Bo Ström och Eva Ny", (), ("Bo Ström", "Eva Ny")),
    ("Handläggare: Bo Ström; Eva Ny", (), ("Bo Ström", "Eva Ny")),
    ("Handläggare: Bo Ström / Eva Ny", (), ("Bo Ström", "Eva Ny")),
    # an empty handläggare line
    ("Handläggare:", (), ()),
    # header lines separated by blank lines
    (
        "Diarienummer: 24KS5\n\nÄrendansvarig: Lisa Ek\n\nHandläggare: Bo Ström",
        ("Lisa Ek",),
        ("Bo Ström",),
    ),
]


@pytest.mark.parametrize(("header", "responsible", "handlers"), OFFICIAL_ROWS)
def test_officials(header: str, responsible: tuple[str, ...], handlers: tuple[str, ...]) -> None:
    item, _ = read_item(5, f"§ 5 Ett ärende\n\n{header}\n\nÄrendebeskrivning\n\nText.")
    assert (item.responsible, item.handlers) == (responsible, handlers)


FLAG_ROWS = [
    # withdrawn from the agenda
    ("§ 9 Ett ärende\n\nÄrendet utgår.", True, False),
    # a list of withdrawn items in another § does not withdraw this one
    (
        "§ 2 Dagordning\n\nEtt ärende utgår: § 9.\n\nNämnden beslutar\n\n"
        "att fastställa dagordningen.",
        False,
        False,
    ),
    # tabled on a line of its own
    ("§ 9 Ett ärende\n\nÄrendet bordläggs till nästa sammanträde.", False, True),
    # tabled by the decision (layout without att)
    ("§ 9 Protokoll\n\nBeslut\n\nFöregående protokoll bordläggs.", False, True),
    # tabled by an att-clause
    ("§ 9 Ett ärende\n\nNämnden beslutar\n\natt bordlägga ärendet.", False, True),
]


@pytest.mark.parametrize(("text", "withdrawn", "tabled"), FLAG_ROWS)
def test_withdrawn_and_tabled(text: str, withdrawn: bool, tabled: bool) -> None:
    item, _ = read_item(int(text.split()[1]), text)
    assert (item.withdrawn, item.tabled) == (withdrawn, tabled)


def test_sections_and_text() -> None:
    text = (
        "§ 3 Ny taxa\n\nÄrendebeskrivning:\n\nFörvaltningen har sett över\ntaxan.\n\n"
        "- Punkt ett\n- Punkt två\n\nBeslutsunderlag: Tjänsteskrivelse\n\n"
        "Förslag till beslut\n\nTaxan antas.\n\nBeslut\n\nTaxan antas.\n\n"
        "Särskilda frågor\n\nEn okänd rubrik avslutar beslutet.\n\nDelges\n\nEkonomichef\nKansliet"
    )
    item, warnings = read_item(3, text)
    assert [(s.heading, s.text) for s in item.sections] == [
        ("Ärendebeskrivning", "Förvaltningen har sett över taxan.\n- Punkt ett\n- Punkt två"),
        ("Beslutsunderlag", "Tjänsteskrivelse"),
        ("Förslag till beslut", "Taxan antas."),
        (
            "Beslut",
            "Taxan antas.\nSärskilda frågor\nEn okänd rubrik avslutar beslutet.",
        ),
        ("Delges", "Ekonomichef\nKansliet"),
    ]
    assert item.text.startswith("Ärendebeskrivning:\nFörvaltningen har sett över taxan.\n")
    assert [d.clauses for d in item.decisions] == [("Taxan antas.",)]
    assert warnings == []


def test_proposal_without_decision_is_warned() -> None:
    item, warnings = read_item(4, "§ 4 Ett ärende\n\nFörslag till beslut\n\nTaxan antas.")
    assert item.decisions == ()
    assert [(w.code, w.item) for w in warnings] == [("only_proposal", 4)]


def test_leftover_page_furniture_is_removed_and_warned() -> None:
    text = (
        "§ 8 Ett ärende\n\nNämnden beslutar\n\natt anta planen enligt\n\n"
        "Ordförandens sign\tJusterandens sign\tExp den\tUtdragsbestyrkande\n\nbilaga 2."
    )
    item, warnings = read_item(8, text)
    assert item.decisions[0].clauses == ("anta planen enligt bilaga 2.",)
    assert ("item_furniture_removed", 8) in [(w.code, w.item) for w in warnings]
    assert "sign" not in item.text


def test_marker_number_mismatch_is_warned() -> None:
    _, warnings = read_item(9, "§ 10 Ett ärende\n\nText.")
    assert [(w.code, w.item, w.params) for w in warnings] == [
        ("marker_number_differs", 9, {"marked": "10"})
    ]


def test_no_marker_is_warned_not_raised() -> None:
    item, warnings = read_item(9, "Bara text utan paragraftecken.")
    assert item.title == ""
    assert (warnings[0].code, warnings[0].item) == ("no_marker_line", 9)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_read_item_never_raises(text: str) -> None:
    item, warnings = read_item(1, text)
    assert isinstance(item, Item) and all(w.code and w.message for w in warnings)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "§ 1 Titel",
                "Beslut",
                "Beslut:",
                "att ",
                "- att",
                "Nämnden beslutar",
                "Anna Ek (S) yrkar",
                "reserverar sig",
                "Votering",
                "Med 3 ja-röster",
                "Ledamot\tJa\tNej",
                "Anna Ek (S)\tX",
                "",
                "**",
                "Dnr",
                "HSN 1-2024",
                "finner att",
            ]
        ),
        max_size=30,
    )
)
def test_read_item_never_raises_on_vocabulary(lines: list[str]) -> None:
    item, _ = read_item(1, "\n".join(lines))
    assert isinstance(item, Item)


def test_long_item_is_fast() -> None:
    paragraph = "Förvaltningen har sett över taxan och föreslår ändringar i flera delar. " * 40
    text = "§ 1 Lång text\n\nÄrendebeskrivning\n\n" + "\n\n".join([paragraph] * 200)
    start = time.perf_counter()
    read_item(1, text)
    assert time.perf_counter() - start < 5


# ---------------------------------------------------------------- the five real seeds


def seed_items(prefix: str) -> dict[int, Item]:
    """The seed read by the document level (which cleans furniture and cuts items)."""
    from minutes.parsing.document import parse_text

    return {item.number: item for item in parse_text(seed_text(prefix)).items}


def test_seed_000_decisions_yrkande_and_note() -> None:
    items = seed_items("000")
    assert sorted(items) == [68, 69, 70, 71]
    assert items[68].decisions[0].clauses == (
        "utse Roger Byström (C) att jämte ordföranden justera protokollet.",
    )
    assert items[69].decisions[0].decided_by == "Hälso- och sjukvårdsutskottet"
    item = items[70]
    assert item.title == "Fördjupad samverkan mellan Region Västernorrland och Mittuniversitetet"
    assert (item.dnr, item.responsible, item.handlers) == (
        ("21HSN3638",),
        ("Åsa Bellander",),
        ("Susanne Sahlin", "Hanna Wahlund"),
    )
    (decision,) = item.decisions
    assert (decision.kind, decision.proposed_to) == ("föreslår", ("Hälso- och sjukvårdsnämnden",))
    assert len(decision.clauses) == 2
    assert decision.clauses[0].startswith("Hälso- och sjukvårdsnämnden vill uppmärksamma")
    assert decision.clauses[0].endswith("inom detta område; samt")
    assert decision.clauses[1] == "i övrigt lägga informationen till handlingarna."
    (yrkande,) = item.yrkanden
    assert (yrkande.persons, yrkande.won) == ((PersonRef("Lena Asplund", "M"),), True)
    assert "tilläggs att-sats" in yrkande.text
    (note,) = item.notes
    assert note.kind == "noteras"
    assert note.persons == (PersonRef("Pia Lundin", "SJVP"), PersonRef("Roger Byström", "C"))
    assert "Beslutsunderlag" in [s.heading for s in item.sections]
    assert items[71].title == (
        "Lägesrapport om utredning av möjligheten att ge viss Cytostatikabehandling "
        "vid sjukhuset i Sollefteå"
    )
    assert items[71].dnr == ("19HSN316",)
    assert items[71].handlers == ("Anneli Fahlén", "Ulrika Rönningås")


def test_seed_001_chain_nested_bullets_reservations_withdrawn() -> None:
    items = seed_items("001")
    assert sorted(items) == list(range(207, 223))
    motion = items[209]
    assert motion.dnr == ("21RS7612",)
    (decision,) = motion.decisions
    assert (decision.decided_by, decision.kind, decision.proposed_to) == (
        "Finansutskottet",
        "föreslår",
        ("regionstyrelsen", "regionfullmäktige"),
    )
    assert decision.clauses == (
        "den första att-satsen i motionen anses besvarad; samt",
        "den andra att-satsen i motionen avslås.",
    )
    assert [([p.party for p in y.persons], y.text, y.won) for y in motion.yrkanden] == [
        (["C", "SJVP"], "bifall till motionen.", False),
        (["S"], "bifall till beredningens förslag.", True),
    ]
    reason = "till förmån för eget bifallsyrkande till motionen"
    assert motion.reservations == (
        Reservation("Jonny Lundin", "C", reason=reason),
        Reservation("Mattias Rösberg", "SJVP", reason=reason),
    )
    # `föreslår regionstyrelsen beslutar föreslå att regionfullmäktige` (no att after föreslår)
    assert items[212].decisions[0].proposed_to == ("regionstyrelsen", "regionfullmäktige")
    for number in (210, 211, 215):
        assert items[number].decisions[0].kind == "överlämnar utan eget förslag"
        assert items[number].decisions[0].proposed_to == ("regionstyrelsen",)
    assert items[214].decisions[0].clauses == (
        "fastställa riktlinjen Tillämpningsanvisningar – ägarstyrning och uppsikt.",
    )
    assert items[217].title == (
        "Fördelning av medel inom överenskommelsen; Jämlik och effektiv cancervård med "
        "kortare väntetider 2021"
    )
    assert (items[217].responsible, items[217].handlers) == (("Lena Lindgren", "Lars Halén"), ())
    assert items[218].handlers == ("Susanne Sahlin", "Hanna Wahlund")
    assert items[221].handlers == ("Eva Strömsten", "Dick Rytterdahl")
    assert len(items[221].decisions[0].clauses) == 3
    assert items[220].withdrawn and items[220].decisions == ()
    assert not items[208].withdrawn
    nested = items[222].decisions[0].clauses
    assert len(nested) == 4
    assert nested[0].endswith("beslutar att ge regiondirektören i uppdrag:")
    assert nested[1].startswith("vidare utreda samt riskbedöma")
    assert nested[3].startswith("återkomma i Regionstyrelsen i april 2022")


def test_seed_002_decision_before_description() -> None:
    items = seed_items("002")
    assert sorted(items) == list(range(18, 33))
    item = items[21]
    assert item.dnr == ("25HSN293",)
    (decision,) = item.decisions
    assert decision.proposed_to == ("Hälso- och sjukvårdsnämnden", "regionstyrelsen")
    assert decision.clauses == (
        "begära dispens hos Centrala Arbetstidsnämnden för arbete i kombination med jour från "
        "20 timmar upp till som högst 24 timmar vid anestesiläkarenheten på sjukhuset i "
        "Örnsköldsvik.",
    )
    assert [s.heading for s in item.sections][:3] == ["Beslut", "Ärendebeskrivning", "Bakgrund"]
    assert items[20].decisions[0].kind == "överlämnar utan eget förslag"
    assert items[19].decisions[0].clauses == (
        "fastställa upprättat förslag till föredragningslista.",
    )
    assert items[24].withdrawn and items[24].dnr == ("24HSN2531",)
    assert (
        items[24].title
        == "Mammografin – uppdrag att undersöka mobiliteten för kvarvarande verksamhet"
    )
    assert items[25].title == (
        "Yttrande över remiss från Socialdepartementet; betänkandet Stärkt medicinsk kompetens "
        "i kommunal hälso- och sjukvård (SOU 2024:72)"
    )
    for number in (25, 26, 28):
        assert items[number].decisions[0].immediately_adjusted
    assert not items[22].decisions[0].immediately_adjusted
    assert items[22].decisions[0].kind == "föreslår"  # lägga informationen inside a proposal
    (note,) = items[26].notes
    assert note.kind == "noteras"
    assert note.persons == (PersonRef("Pia Lundin", "SJVP"), PersonRef("Erica Stenberg", "SD"))
    assert items[29].handlers == ("Karin Nyman", "Susanne Forsman")
    assert items[32].decisions[0].clauses == (
        "utse hälso- och sjukvårdsnämndens presidium till att delta i ovanstående konferenser.",
    )


def test_seed_003_beslut_without_att() -> None:
    items = seed_items("003")
    assert sorted(items) == list(range(201, 227))
    assert items[201].dnr == ("HSN 27-2024",)
    assert items[201].decisions[0].clauses == (
        "Föredragningslista fastställs enligt upprättat förslag.",
    )
    assert items[202].decisions[0].clauses == (
        "Håkan Andersson (C) justerar protokollet tillsammans med ordförande.",
        "Justeringen sker digitalt den 3 december.",
    )
    assert items[203].decisions[0].kind == "informationen noteras"
    assert (
        items[205].title
        == "Dialogmöte – Arbetsutskottet och beredningen för primärvård och tandvård"
    )
    assert items[206].dnr == ("HSN 571-2024",)
    assert (
        items[208].title
        == "Upphandling - Nytt nutritionsavtal - Beslut om fastställande av underlag"
    )
    proposal = items[210].decisions
    assert [(d.decided_by, d.kind, d.proposed_to) for d in proposal] == [
        ("Arbetsutskottet", "föreslår", ("hälso- och sjukvårdsnämnden",))
    ]
    assert proposal[0].clauses == (
        "Upphandling av skopiutrustning startas.",
        "Beslut om att fastställa upphandlingsunderlagen överlämnas till nämnden.",
    )
    assert len(items[215].decisions[0].clauses) == 4
    assert items[218].decisions[0].clauses[0].startswith("i enlighet med Sveriges Kommuner")
    assert items[223].decisions[0].clauses == ("initiativärendet avslås.",)
    (note,) = items[223].notes
    assert (note.kind, note.persons) == ("deltar ej", (PersonRef("Håkan Andersson"),))
    motion = items[224]
    assert motion.decisions[0].proposed_to == ("hälso- och sjukvårdsnämnden", "regionfullmäktige")
    assert motion.decisions[0].clauses == ("Motionen anses besvarad.",)
    (yrkande,) = motion.yrkanden
    assert (yrkande.persons, yrkande.won) == ((PersonRef("Håkan Andersson", "C"),), False)
    assert motion.reservations == (
        Reservation("Håkan Andersson", "C", reason="till förmån för sitt eget yrkande"),
    )
    assert [(d.decided_by, len(d.clauses)) for d in items[225].decisions] == [
        (None, 2),
        ("Arbetsutskottet", 2),
    ]


def test_seed_004_samverkansrad() -> None:
    items = seed_items("004")
    assert sorted(items) == list(range(70, 79))
    assert items[70].title == "Mötet öppnas"
    assert items[70].decisions == ()
    assert items[71].decisions[0].clauses == ("Lennart Raswill (C) väljs att justera protokollet.",)
    assert items[73].tabled
    (decision,) = items[76].decisions
    assert (decision.decided_by, decision.clauses) == (
        "Regionens samverkansråd",
        (
            "Tillstyrker att det regionala arbetet inom infrastruktur drivs vidare i enlighet "
            "med föreslagna länsprioriteringar.",
        ),
    )
    assert items[77].decisions[0].clauses[0].endswith("socialtjänst och skola.")
    assert (
        "Expedieras till",
        "Chef HOSPA, Kommunförbundet Jämtland Härjedalen, länets kommuner",
    ) in [(s.heading, s.text) for s in items[77].sections]
    assert all(not d.immediately_adjusted for i in items.values() for d in i.decisions)
