"""Kommun layouts that neither the seeds nor the corpus print quite like this: invented
protocols of the kinds seen in Meetings Plus and Netpublicator exports, each exercising the
rules for the kind of layout (not one file's wording)."""

from __future__ import annotations

import datetime as dt

from minutes.parsing import parse_text

# Date only in the running page header, organ wrapped over two lines, times under the
# place, a table of contents, `§ n dnr ORG` headings, `§9` without a space, a heading
# continued on the next page, an e-signing stamp in a column beside the text.
RUNNING_HEADER = """\
Miljö- och
byggnadsnämnden
Protokoll
2026-04-14
Plats och tid\tKommunhuset, sal 2\tParagrafer §§8-10
\tkl 13.00-15.45
Beslutande Maja Ek (C) (ordförande)
Tor Lund (S) (vice ordförande)
Sara Björk (M)
Ali Hassan (S) ersätter Rut Sten (S)
Ej tjänstgörande
ersättare
Lena Vik (L)
Övriga deltagare\tEkonomichef Lisa Strand
\tKarin Dalberg (kommundirektör)
Utses att justera\tTor Lund (S)
Sekreterare
Olof Näslund
1\fMiljö- och
byggnadsnämnden
Protokoll
2026-04-14
§ 8\tInformation från förvaltningen
§9\tBygglov för Norrgården 1:4
§ 10\tDelegationsbeslut
2\fMiljö- och
byggnadsnämnden
Protokoll
2026-04-14
§ 8
Information från förvaltningen
Ärendebeskrivning
Förvaltningschefen informerar om budgetläget.
Beslut
Informationen noteras.
3\fMiljö- och
byggnadsnämnden
Protokoll
2026-04-14
§9 2026.041 MBN
Bygglov för Norrgården 1:4
Ärendebeskrivning
Ansökan gäller en tillbyggnad.
Förslag till beslut på sammanträdet
Sara Björk (M) föreslår att ansökan avslås.
Tor Lund (S) yrkar bifall till förvaltningens förslag.
4\fMiljö- och
byggnadsnämnden
Protokoll
2026-04-14
MBN § 9 (forts.)
Beslutsgång
Ordföranden ställer förslagen mot varandra och finner att nämnden bifaller förvaltningens förslag.
Beslut
Bygglov beviljas.        Document reference: 1f2e3d4c-0000-1111-2222-333344445555
Avgiften fastställs till 12 000 kronor.
Reservation
Sara Björk (M) reserverar sig mot beslutet till förmån för eget förslag.
5\fMiljö- och
byggnadsnämnden
Protokoll
2026-04-14
§ 10 2026.002 MBN
Delegationsbeslut
Beslut
Förslag till beslut i kommunfullmäktige
Delegationsordningen revideras enligt bilaga.
\f"""


def test_running_header_layout_meeting() -> None:
    parsed = parse_text(RUNNING_HEADER)
    assert parsed.committee == "Miljö- och byggnadsnämnden"
    assert parsed.date == dt.date(2026, 4, 14)
    assert (parsed.start_time, parsed.end_time) == (dt.time(13, 0), dt.time(15, 45))
    assert parsed.secretary == "Olof Näslund"
    assert parsed.adjusters == ("Tor Lund",)


def test_running_header_layout_roster() -> None:
    people = {a.name: a for a in parse_text(RUNNING_HEADER).attendees}
    assert people["Maja Ek"].role == "ordförande"
    assert people["Tor Lund"].role == "vice ordförande"
    assert (people["Ali Hassan"].role, people["Ali Hassan"].substitute_for) == (
        "tjänstgörande ersättare",
        "Rut Sten",
    )
    assert "Rut Sten" not in people  # absent: replaced
    assert people["Lena Vik"].role == "ersättare"  # the wrapped `Ej tjänstgörande ersättare`
    assert (people["Lisa Strand"].role, people["Lisa Strand"].note) == (
        "övrig närvarande",
        "Ekonomichef",
    )
    assert people["Karin Dalberg"].note == "kommundirektör"


def test_running_header_layout_items() -> None:
    items = {item.number: item for item in parse_text(RUNNING_HEADER).items}
    assert sorted(items) == [8, 9, 10]  # the table of contents is not read as items
    assert items[9].title == "Bygglov för Norrgården 1:4"
    assert items[9].dnr == ("2026.041 MBN",)
    assert [d.kind for d in items[8].decisions] == ["informationen noteras"]
    # the `(forts.)` page belongs to § 9; the signing stamp is not part of the clause
    assert [c for d in items[9].decisions for c in d.clauses] == [
        "Bygglov beviljas.",
        "Avgiften fastställs till 12 000 kronor.",
    ]
    assert [p.name for y in items[9].yrkanden for p in y.persons] == ["Sara Björk", "Tor Lund"]
    assert [(r.name, r.party) for r in items[9].reservations] == [("Sara Björk", "M")]
    assert [(d.kind, d.proposed_to) for d in items[10].decisions] == [
        ("föreslår", ("Kommunfullmäktige",))
    ]


# Labels and values in two columns far apart; the roster on the next page (`Se nästa
# sida`); organ-prefixed headings with the dnr at the right; bullets that open with the
# organ; a tally row; a clause that quotes its statement after a colon.
TWO_COLUMNS = """\
BILDNINGSNÄMNDEN                                         SAMMANTRÄDESPROTOKOLL
Plats:                                                   Sida 1 av 3
Tid:
                                                         Sammanträdesdatum
                                                         2025-11-20
                    Skolan, Aulan
                    2025-11-20, klockan 18:30-20:05
Beslutande ledamöter:     Se nästa sida
Utses att justera:        Eva Holm
                          Ersättare: Bo Lind
Justerande                               Utdragsbestyrkande
\fBILDNINGSNÄMNDEN                                         SAMMANTRÄDESPROTOKOLL
                                                         Sida 2 av 3
Beslutande ledamöter:
Carl Ek (M), Ordförande
Eva Holm (s), 1:e vice ordförande
Bo Lind (S)
Jon Dahl (KD)
Tjänstgörande ersättare:
Ida Ny (L) ersätter Per Al (L)

BIN § 41                                 BIN/2025:88

Val av skolskjutsregler

Beslut:
    - Bildningsnämnden beslutar att anta reglerna enligt bilaga.
    - Bildningsnämnden beslutar att uppdra åt förvaltningen att följa upp reglerna:

         Uppföljningen redovisas för nämnden i juni 2026.

Votering begärs. Den som bifaller ordförandens förslag röstar ja.
Ja: 3, Nej: 2

Justerande                               Utdragsbestyrkande
\fBILDNINGSNÄMNDEN                                         SAMMANTRÄDESPROTOKOLL
                                                         Sida 3 av 3
BIN § 42                                 BIN/2025:90

Läsårstider

Beslut:
    - Bildningsnämnden fastställer läsårstiderna.
Justerande                               Utdragsbestyrkande
\f"""


def test_two_column_layout_meeting_and_roster() -> None:
    parsed = parse_text(TWO_COLUMNS)
    assert parsed.committee == "Bildningsnämnden"
    assert parsed.date == dt.date(2025, 11, 20)
    assert (parsed.start_time, parsed.end_time) == (dt.time(18, 30), dt.time(20, 5))
    roles = {a.name: (a.party, a.role) for a in parsed.attendees}
    assert roles == {
        "Carl Ek": ("M", "ordförande"),
        "Eva Holm": ("S", "vice ordförande"),
        "Bo Lind": ("S", "ledamot"),  # not the adjuster's stand-in `Ersättare: Bo Lind`
        "Jon Dahl": ("KD", "ledamot"),
        "Ida Ny": ("L", "tjänstgörande ersättare"),
    }


def test_two_column_layout_items() -> None:
    items = {item.number: item for item in parse_text(TWO_COLUMNS).items}
    assert sorted(items) == [41, 42]
    assert items[41].dnr == ("BIN/2025:88",)
    assert items[41].title == "Val av skolskjutsregler"
    assert [c for d in items[41].decisions for c in d.clauses] == [
        "anta reglerna enligt bilaga.",
        "uppdra åt förvaltningen att följa upp reglerna: "
        "Uppföljningen redovisas för nämnden i juni 2026.",
    ]
    assert [(v.yes, v.no, v.abstain) for v in items[41].votes] == [(3, 2, 0)]
    assert [c for d in items[42].decisions for c in d.clauses] == [
        "Bildningsnämnden fastställer läsårstiderna."
    ]


# A chained proposal ending in the organ with the clauses as dashes, a motion printed as
# `Name (P): att …` under its heading, a vote counted in words, a written reservation with
# its text after a colon, an oral one with a concurring member.
MOTIONS = """\
Kommunstyrelsen
Sammanträdesdatum 2026-03-02

Beslutande ledamöter
Anna Berg (S), Ordförande
Per Holm (M)
Eva Lind (C)
Olle Ek (V)

§ 12 Budget 2027

Beslut
Kommunstyrelsens arbetsutskott beslutar föreslå Kommunstyrelsen besluta föreslå Kommunfullmäktige
- att anta budget 2027 enligt bilaga, och
- att fastställa skattesatsen till 21,50 kronor.

Tilläggsyrkande
Per Holm (M): att kommunstyrelsen ska återrapportera i juni.

Votering
Votering begärs och följande voteringsproposition godkänns: Ja-röst för arbetsutskottets \
förslag, Nej-röst för Per Holms tilläggsyrkande.
Med åtta ja-röster mot fem nej-röster beslutar kommunstyrelsen enligt arbetsutskottets förslag.

Reservation
Per Holm (M) lämnar följande skriftliga reservation:
Vi anser att budgeten saknar en plan för skolan.
Eva Lind (C) reserverar sig muntligen till förmån för eget yrkande, med instämmande av Olle Ek (V).
"""


def test_motions_votes_and_reservations_in_words() -> None:
    (item,) = parse_text(MOTIONS).items
    (decision,) = item.decisions
    assert (decision.kind, decision.proposed_to) == (
        "föreslår",
        ("Kommunstyrelsen", "Kommunfullmäktige"),
    )
    assert decision.clauses == (
        "anta budget 2027 enligt bilaga, och",
        "fastställa skattesatsen till 21,50 kronor.",
    )
    (yrkande,) = item.yrkanden
    assert ([p.name for p in yrkande.persons], yrkande.won) == (["Per Holm"], False)
    assert [(v.yes, v.no) for v in item.votes] == [(8, 5)]
    assert [(r.name, r.written, r.text) for r in item.reservations] == [
        ("Per Holm", True, "Vi anser att budgeten saknar en plan för skolan."),
        ("Eva Lind", False, None),
        ("Olle Ek", False, None),
    ]


# Mixed-case organ prefixes with a labelled dnr at the right, an organ's own headings for
# the proposal and the decision, an intro with `för egen del`, a reference to a § that is
# not an item.
OWN_HEADINGS = """\
Kommunstyrelsen
Sammanträdesdatum 2026-05-04

Ks § 61                                   Dnr KS.2026.118

Taxa för bygglov

Arbetsutskottets förslag till beslut
Kommunstyrelsen beslutar att anta taxan.

Kommunstyrelsens beslut
Kommunstyrelsen beslutar för egen del att anta taxan från den 1 juli 2026.
Se § 58 Ärendet om avgifter.

Ks § 62                                   Dnr KS.2026.120

Delegationsbeslut

Kommunstyrelsens beslut
Redovisningen läggs till handlingarna.
"""


def test_own_headings_and_mixed_case_prefixes() -> None:
    items = {item.number: item for item in parse_text(OWN_HEADINGS).items}
    assert sorted(items) == [61, 62]  # `Se § 58` is a reference
    assert items[61].dnr == ("KS.2026.118",)
    assert items[61].title == "Taxa för bygglov"
    # the decision is the organ's own, not the arbetsutskott's proposal
    assert [c for d in items[61].decisions for c in d.clauses] == [
        "anta taxan från den 1 juli 2026."
    ]
    assert [c for d in items[62].decisions for c in d.clauses] == [
        "Redovisningen läggs till handlingarna."
    ]


def test_roster_as_a_table_without_the_absent() -> None:
    """Name, party and role in columns of their own; the absent listed after are no
    attendees."""
    text = (
        "Kommunstyrelsen\nSammanträdesdatum 2026-03-02\n\nNärvarande ledamöter\n"
        "Anna Berg\tS\tOrdförande\nPer Holm\tM\tVice ordförande\nEva Lind\tC\tLedamot\n"
        "Frånvarande\nOlle Ek (V)\n\n§ 1 Val av justerare\nBeslut\n"
        "Per Holm utses att justera protokollet.\n"
    )
    assert [(a.name, a.party, a.role) for a in parse_text(text).attendees] == [
        ("Anna Berg", "S", "ordförande"),
        ("Per Holm", "M", "vice ordförande"),
        ("Eva Lind", "C", "ledamot"),
    ]


# The common template's front page as a PDF extractor lays it out: labels in a column of
# their own that wrap onto the next line, the secretary's name under a dotted line in the
# signature column, an official with a title before the name, and the ANSLAG/BEVIS box with
# two wrapped labels side by side.
SIGNATURE_COLUMNS = """\
Norrviks kommun                       SAMMANTRÄDESPROTOKOLL        1(2)
Tekniska nämnden                      Sammanträdesdatum 2025-09-03

Plats och tid          Stadshuset, rum Linden, kl. 13:00–15:10
Beslutande             Sven Åkesson (KD), ordförande
                       Nora Lind (S)
Övriga närvarande      Nämndsekreterare Ulla Berg
                       Teknisk chef Amir Said
Justeringens           Stadshuset 2025-09-08
plats och tid
Underskrifter          Sekreterare   ........................   Paragrafer 12–13
                                     Ulla Berg
                       Ordförande    ........................
                                     Sven Åkesson
                                 ANSLAG/BEVIS
Datum då anslaget      2025-09-09            Datum då anslaget     2025-10-01
sätts upp                                    tas ned
\f
§ 12                                    Dnr TN 2025/41
Gatubelysning i Norrvik
Tekniska nämndens beslut
Tekniska nämnden beslutar att byta armaturer längs Storgatan.
§ 13                                    Dnr TN 2025/7
Delårsrapport
Tekniska nämndens beslut
Rapporten godkänns.
"""


def test_signature_columns_and_wrapped_labels() -> None:
    protocol = parse_text(SIGNATURE_COLUMNS)
    assert protocol.secretary == "Ulla Berg"
    assert protocol.adjusted_on == dt.date(2025, 9, 8)
    assert protocol.notice_posted_on == dt.date(2025, 9, 9)
    assert protocol.notice_removed_on == dt.date(2025, 10, 1)
    roles = {a.name: a.role for a in protocol.attendees}
    assert roles["Ulla Berg"] == "sekreterare"
    assert roles["Amir Said"] == "övrig närvarande"
    assert [(i.number, i.dnr) for i in protocol.items] == [
        (12, ("TN 2025/41",)),
        (13, ("TN 2025/7",)),
    ]


# Items headed by their title with the § at the right margin, the dnr under it, and the
# meeting date's label in a column beside the body's name.
RIGHT_MARGIN_MARKERS = """\
Kulturnämnden                                  PROTOKOLL
Åsby kommun                                    Sammanträdesdatum 2024-10-02

Plats och tid   Biblioteket, kl. 17.00–19.00
Ledamöter       Tove Ek (MP), ordförande
                Johan Krantz (M)
Sekreterare     Maja Rudin

Val av justerare                                                    § 31
Kulturnämnden beslutar att utse Johan Krantz (M) att justera protokollet.

Bidrag till studieförbund 2025, enligt § 12                         § 32
                                                                 KN 2024/77
Beslut
Kulturnämnden beslutar att fördela bidragen enligt bilaga.
Reservation
Johan Krantz (M) reserverar sig mot beslutet.
"""


def test_right_margin_markers_and_date_label_in_a_column() -> None:
    protocol = parse_text(RIGHT_MARGIN_MARKERS)
    assert protocol.date == dt.date(2024, 10, 2)
    assert [(i.number, i.title) for i in protocol.items] == [
        (31, "Val av justerare"),
        (32, "Bidrag till studieförbund 2025, enligt § 12"),
    ]
    assert protocol.items[1].dnr == ("KN 2024/77",)
    assert [r.name for r in protocol.items[1].reservations] == ["Johan Krantz"]
    assert protocol.adjusters == ("Johan Krantz",)


# Motions written out in sentences of their own: a member joining another's motion, a
# motion by a name printed without party, and a votering whose counts stand under a
# heading of their own.
SENTENCE_MOTIONS = """\
Fritidsnämnden
Protokoll
Sammanträdesdatum 2024-02-08
Plats och tid Sporthallen kl 18.00-20.00
Beslutande Ida Berg (S), ordförande
Ola Hed (M)
Siv Trana (C)
Kim Roos (SD)

§ 7 Taxor för idrottshallar
Yrkanden
Ida Berg (S) yrkar bifall till förvaltningens förslag.
Ola Hed (M) yrkar avslag.
Kim Roos (SD) instämmer i Ola Heds yrkande.
Siv Trana yrkar att taxan för ungdomar sänks.
Omröstning
Omröstning begärs och genomförs. Den som bifaller Ida Bergs yrkande röstar ja.
Omröstningsresultat
Med 2 ja-röster mot 2 nej-röster och ordförandens utslagsröst beslutar nämnden enligt Ida
Bergs yrkande.
Beslut
Fritidsnämnden beslutar att fastställa taxorna enligt bilaga.
"""


def test_motions_joined_unlabelled_and_counted_under_their_own_heading() -> None:
    item = parse_text(SENTENCE_MOTIONS).items[0]
    movers = [[(p.name, p.party) for p in y.persons] for y in item.yrkanden]
    assert movers == [
        [("Ida Berg", "S")],
        [("Ola Hed", "M"), ("Kim Roos", "SD")],
        [("Siv Trana", "C")],
    ]
    assert [(v.yes, v.no, v.chair_decided) for v in item.votes] == [(2, 2, True)]


# A board's proposal to the council under a heading that names both; in the next §, the
# committee's proposal to the board stands before the board's own decision.
PROPOSAL_HEADINGS = """\
Kommunstyrelsen
Protokoll
Sammanträdesdatum 2024-06-10
Plats och tid Kommunhuset kl 13.00-16.00
Beslutande Eva Rask (S), ordförande
Nils Berg (M)

§ 80 Översiktsplan 2040
Kommunstyrelsens förslag till kommunfullmäktige
Kommunfullmäktige beslutar att anta översiktsplanen.

§ 81 Lokalförsörjningsplan
Arbetsutskottets förslag till kommunstyrelsen
Kommunstyrelsen beslutar att godkänna planen.
Kommunstyrelsens beslut
Kommunstyrelsen beslutar att godkänna planen med tillägget att skolorna prioriteras.
"""


def test_proposal_headings_naming_both_organs() -> None:
    plan, premises = parse_text(PROPOSAL_HEADINGS).items
    assert [(d.kind, d.decided_by, d.proposed_to, d.clauses) for d in plan.decisions] == [
        ("föreslår", "Kommunstyrelsen", ("Kommunfullmäktige",), ("anta översiktsplanen.",))
    ]
    assert [(d.kind, d.decided_by) for d in premises.decisions] == [("beslutar", "Kommunstyrelsen")]
    assert "skolorna prioriteras" in premises.decisions[0].clauses[0]


def test_reservations_by_a_party_named_in_full() -> None:
    text = PROPOSAL_HEADINGS.replace(
        "Nils Berg (M)\n", "Nils Berg (M)\nAnn Ek (M)\nBo Lax (SD)\n", 1
    ).replace(
        "skolorna prioriteras.\n",
        "skolorna prioriteras.\nReservation\nModeraternas ledamöter reserverar sig mot beslutet.\n",
    )
    premises = parse_text(text).items[1]
    assert sorted((r.name, r.party) for r in premises.reservations) == [
        ("Ann Ek", "M"),
        ("Nils Berg", "M"),
    ]


def test_reservations_by_parties_as_the_subject() -> None:
    text = PROPOSAL_HEADINGS.replace(
        "Nils Berg (M)\n", "Nils Berg (M)\nAnn Ek (M)\nBo Lax (SD)\n", 1
    ).replace(
        "skolorna prioriteras.\n",
        "skolorna prioriteras.\nReservation\n"
        "Moderaterna och SD reserverar sig mot beslutet till förmån för eget förslag.\n",
    )
    premises = parse_text(text).items[1]
    assert sorted((r.name, r.party) for r in premises.reservations) == [
        ("Ann Ek", "M"),
        ("Bo Lax", "SD"),
        ("Nils Berg", "M"),
    ]
    assert {r.reason for r in premises.reservations} == {"till förmån för eget förslag"}


def test_dnr_beside_or_after_the_title() -> None:
    base = PROPOSAL_HEADINGS.split("§ 80")[0]
    headings = {
        "§ 9\nBudget 2025                      Dnr SN 2024/233": "SN 2024/233",
        "§ 9 Budget 2025                  SN 2024/233": "SN 2024/233",
        "§ 9 Budget 2025 (SN 2024/233)": "SN 2024/233",
        "§ 9\nBudget 2025\nDnr 2024.233": "2024.233",
    }
    for heading, dnr in headings.items():
        item = parse_text(f"{base}{heading}\nBeslut\nNämnden beslutar att anta budgeten.\n").items[
            0
        ]
        assert (item.title, item.dnr) == ("Budget 2025", (dnr,)), heading
    statute = parse_text(f"{base}§ 9 Yttrande över remiss (SOU 2024:12)\nBeslut\nX.\n").items[0]
    assert (statute.title, statute.dnr) == ("Yttrande över remiss (SOU 2024:12)", ())


# A front page that names the organ and the kommun in a sentence and dates the meeting by
# its weekday, with no labels.
SENTENCE_FRONT_PAGE = """\
PROTOKOLL
fört vid sammanträde med miljönämnden i Hagby kommun
Onsdagen den 14 februari 2024, kl. 09.00–11.30
Plats: Kommunhuset, sal Björken
Beslutande Pia Holm (C), ordförande
Leo Ström (S)

§ 5 Tillsynsplan 2024
Beslut
Miljönämnden beslutar att anta tillsynsplanen.
"""


def test_front_page_in_sentences() -> None:
    protocol = parse_text(SENTENCE_FRONT_PAGE)
    assert (protocol.body, protocol.committee) == ("Hagby kommun", "Miljönämnden")
    assert protocol.date == dt.date(2024, 2, 14)
    assert (protocol.start_time, protocol.end_time) == (dt.time(9, 0), dt.time(11, 30))
    assert not [w for w in protocol.warnings if w.code in {"committee_inferred", "body_inferred"}]


# A fullmäktige's front page in sentences with colon labels: the date in words with its
# weekday, the members in an appendix but the role before the chair's name, the justering
# as `Justering: <place>, den <date>`.
COLON_LABELS = """\
SAMMANTRÄDESPROTOKOLL
Kommunfullmäktige
Sammanträdesdatum 2025-11-24                                   Sida 1 av 2

Tid och plats: Måndagen den 24 november 2025 kl. 18.00–21.30 i Folkets hus, Storsalen
Närvarande ledamöter: Se bilaga 1, närvaro- och voteringslista
Ordförande: Gun Torp (S)
Sekreterare: Ola Hed
Justerare: Stig Fält (KD) och Eva Ros (M)
Justering: Kommunkansliet, den 27 november 2025

KF § 90
Budget 2026
KS 2025/301
Kommunfullmäktiges beslut
Fullmäktige fastställer budget 2026 enligt kommunstyrelsens förslag.
Yrkanden
Eva Ros (M) yrkar bifall till Moderaternas budgetförslag.
Reservationer
Moderaterna reserverar sig mot beslutet till förmån för Eva Ros yrkande.
"""


def test_colon_labels_and_a_date_in_words() -> None:
    protocol = parse_text(COLON_LABELS)
    assert protocol.place == "Folkets hus, Storsalen"
    assert protocol.date == dt.date(2025, 11, 24)
    assert (protocol.start_time, protocol.end_time) == (dt.time(18, 0), dt.time(21, 30))
    assert protocol.adjusted_on == dt.date(2025, 11, 27)
    chair = next(a for a in protocol.attendees if a.name == "Gun Torp")
    assert (chair.party, chair.role) == ("S", "ordförande")
    (budget,) = protocol.items
    assert [(r.party, r.reason) for r in budget.reservations] == [
        ("M", "till förmån för Eva Ros yrkande")
    ]


# A small kommun's Word template: the roster a table with a presence column (the absent
# member's row left unmarked), abbreviated roles, `Beslut:` on the decision's own line,
# bulleted att-satser and the tally written counts first.
PRESENCE_COLUMN = """\
Vård- och omsorgsnämnden
PROTOKOLL
Sammanträdesdatum: 2025-05-20
Tid: 13.00 - 16.10

Ledamöter                  Parti   Närvarande
Ulla Grön, ordf.           S       x
Bo Sand, vice ordf.        M       x
Kerstin Alm                C       x
Rolf Lund                  SD
Ersättare
Tove Ek                    SD      tjänstgör för Rolf Lund

§ 41 GODKÄNNANDE AV DAGORDNING
Beslut: Dagordningen godkänns.

§ 42 AVGIFTER INOM ÄLDREOMSORGEN
Dnr VON 2025/33
Votering begärs och verkställs. Omröstningsresultat: 5 ja, 4 nej.
Beslut
Nämnden beslutar
• att anta nya avgifter från 1 januari 2026,
• att uppdra åt förvaltningen att informera brukarna.
"""


def test_a_roster_with_a_presence_column_and_abbreviated_roles() -> None:
    protocol = parse_text(PRESENCE_COLUMN)
    assert [(a.name, a.party, a.role, a.substitute_for) for a in protocol.attendees] == [
        ("Ulla Grön", "S", "ordförande", None),
        ("Bo Sand", "M", "vice ordförande", None),
        ("Kerstin Alm", "C", "ledamot", None),
        ("Tove Ek", "SD", "tjänstgörande ersättare", "Rolf Lund"),
    ]
    agenda, fees = protocol.items
    assert [c for d in agenda.decisions for c in d.clauses] == ["Dagordningen godkänns."]
    assert [(v.yes, v.no) for v in fees.votes] == [(5, 4)]
    assert [c for d in fees.decisions for c in d.clauses] == [
        "anta nya avgifter från 1 januari 2026,",
        "uppdra åt förvaltningen att informera brukarna.",
    ]


# A regionstyrelse's § with a concurring member inside the yrkande, and a votering whose
# result is written as votes for and against, in words, with a member abstaining.
VOTES_AGAINST = """\
Region Norrfjäll
Regionstyrelsen
Sammanträdesdatum 2025-10-21

Ledamöter
Helena Brandt (S), ordförande
Siv Lax (C)
Oskar Tunn (SD)

§ 181 Investering i nytt sjukhuskök
Dnr RS 2025/377
Yrkanden
Helena Brandt (S) yrkar, med instämmande av Siv Lax (C), bifall till förslaget.
Oskar Tunn (SD) yrkar avslag på förslaget.
Votering
Votering begärs och genomförs. Med åtta röster mot fyra beslutar regionstyrelsen att
bifalla förslaget. En ledamot avstår.
Beslut
Regionstyrelsen föreslår regionfullmäktige besluta
att godkänna investeringen om 120 miljoner kronor.
"""


def test_votes_for_and_against_and_a_concurring_member() -> None:
    (kitchen,) = parse_text(VOTES_AGAINST).items
    assert [(v.yes, v.no, v.abstain) for v in kitchen.votes] == [(8, 4, 1)]
    first = kitchen.yrkanden[0]
    assert [p.name for p in first.persons] == ["Helena Brandt", "Siv Lax"]
    assert first.text == "bifall till förslaget."


def test_an_outcome_that_points_back_at_what_was_put() -> None:
    votering = VOTES_AGAINST[VOTES_AGAINST.index("Votering\n") : VOTES_AGAINST.index("Beslut\n")]
    text = VOTES_AGAINST.replace(
        votering,
        "Beslutsgång\nOrdföranden ställer proposition på förslaget och finner det bifallet.\n",
    )
    (kitchen,) = parse_text(text).items
    assert [(y.persons[0].name, y.won) for y in kitchen.yrkanden] == [
        ("Helena Brandt", True),
        ("Oskar Tunn", False),
    ]


def test_a_continued_heading_joins_its_item_and_leaves_no_line() -> None:
    text = (
        "Kommunfullmäktige\nProtokoll 2025-06-16\n\n§ 70 Årsredovisning 2024\n"
        "Kommunfullmäktiges beslut\nÅrsredovisningen godkänns.\n\f"
        "§ 70 (forts.)\nYrkanden\nHans Ek (M) yrkar bifall till kommunstyrelsens förslag.\n"
        "§ 71 Fyllnadsval\nKommunfullmäktiges beslut\nTill ersättare väljs Nora Lind (S).\n"
    )
    report, election = parse_text(text).items
    assert (report.number, election.number) == (70, 71)
    assert "forts" not in report.text
    assert [p.name for y in report.yrkanden for p in y.persons] == ["Hans Ek"]


def test_punctuation_after_the_number_and_paragraf_spelled_out() -> None:
    for first, second in [
        ("§ 12. Budget 2026", "§ 13. Taxor 2026"),
        ("§12: Budget 2026", "§13: Taxor 2026"),
        ("§ 12 – Budget 2026", "§ 13 – Taxor 2026"),
        ("Paragraf 12 Budget 2026", "Paragraf 13 Taxor 2026"),
    ]:
        text = (
            f"Kommunstyrelsen\nSammanträdesdatum 2025-03-12\n\n{first}\nBeslut\n"
            f"Budgeten antas.\n\n{second}\nBeslut\nTaxorna antas.\n"
        )
        items = parse_text(text).items
        assert [(i.number, i.title) for i in items] == [
            (12, "Budget 2026"),
            (13, "Taxor 2026"),
        ], first
