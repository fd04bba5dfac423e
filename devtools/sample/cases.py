"""Invented cases (ärenden): title, diarienummer, clauses and the route through the organs.

A case is created at one committee and keeps its dnr and clauses while it travels
utskott → nämnd → styrelse → fullmäktige, as real cases do.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import vocabulary as voc
from .world import TIER_ORDER, Body, Committee, Official, Politician

# A clause in both forms: the att-form (`fastställa riktlinjen`) and the sentence form
# (`Riktlinjen fastställs`) for layouts without `att`.
Clause = tuple[str, str]

# Case kinds with the tier where they are finally decided and their weight.
_KINDS = (
    ("motion", "fullmäktige", 3),
    ("remiss", "nämnd", 3),
    ("upphandling", "nämnd", 2),
    ("riktlinje", "styrelse", 3),
    ("plan", "fullmäktige", 2),
    ("rapport", "styrelse", 2),
    ("taxa", "fullmäktige", 1),
    ("investering", "fullmäktige", 1),
    ("uppdrag", "nämnd", 2),
    ("detaljplan", "fullmäktige", 1),
    ("medborgarförslag", "styrelse", 1),
)


@dataclass
class Case:
    """A matter on its way through the organs."""

    dnr: str
    kind: str
    title: str
    topic: str
    clauses: tuple[Clause, ...]
    route: list[str]  # committee keys still to handle it, the last one decides
    responsible: str
    handlers: tuple[str, ...]
    paragraphs: list[str]
    basis: list[str]
    history: list[tuple[str, dt.date, int]] = field(default_factory=list)


def cap(text: str) -> str:
    """Upper-case the first letter only."""
    return text[:1].upper() + text[1:]


def _fill(rng: random.Random, template: str, topic: str, year: int, unit: str) -> str:
    return template.format(
        topic=topic,
        year=year,
        year2=year + 1,
        n=rng.randint(3, 40),
        amount=f"{rng.randint(1, 60)},{rng.randint(1, 9)}",
        unit=unit,
        unit_cap=cap(unit),
    )


def pick_kind(rng: random.Random, committee: Committee) -> tuple[str, str]:
    """A case kind fitting the committee, with the tier that decides it."""
    kinds = [k for k in _KINDS if committee.key in ("MBN", "KS", "KSAU") or k[0] != "detaljplan"]
    if committee.key not in ("KSAU", "KS", "BUN", "SN", "MBN"):
        kinds = [k for k in kinds if k[0] != "medborgarförslag"]
    kind, tier, _ = rng.choices(kinds, weights=[k[2] for k in kinds])[0]
    return kind, tier


def route_for(body: Body, committee: Committee, target_tier: str) -> list[str]:
    """The organs after `committee` up to the first one of at least `target_tier`."""
    route: list[str] = []
    current = committee
    while TIER_ORDER[current.tier] < TIER_ORDER[target_tier] and current.parent:
        current = body.committee(current.parent)
        route.append(current.key)
    return route


def new_case(
    rng: random.Random,
    body: Body,
    committee: Committee,
    dnr: str,
    day: dt.date,
    officials: tuple[Official, ...],
    politicians: tuple[Politician, ...],
) -> Case:
    """Invent a case that starts at `committee`."""
    year = day.year
    written = day - dt.timedelta(days=rng.randint(7, 50))
    kind, tier = pick_kind(rng, committee)
    domain = rng.choice(voc.COMMITTEE_DOMAINS[committee.key])
    topic = rng.choice(voc.TOPICS[domain])
    unit = rng.choice(voc.UNITS[body.kind])
    title, clauses, basis, intro = _shape(rng, kind, topic, year, unit, politicians, body)
    sentences = [_fill(rng, s, topic, year, unit) for s in rng.sample(voc.DESCRIPTION_SENTENCES, 5)]
    paragraphs = [intro + " " + " ".join(sentences[:2]), " ".join(sentences[2:])]
    responsible, *handlers = rng.sample(officials, rng.randint(2, 3))
    return Case(
        dnr=dnr,
        kind=kind,
        title=title,
        topic=topic,
        clauses=clauses,
        route=route_for(body, committee, tier),
        responsible=responsible.name,
        handlers=tuple(h.name for h in handlers),
        paragraphs=paragraphs,
        basis=[
            f"Tjänsteskrivelse {written.isoformat()}",
            *basis,
        ],
    )


# Kinds whose wording needs only the topic, the year (and a report's month): the title, the
# clauses (as proposed, as decided), the Beslutsunderlag lines and the opening sentence.
_PLAIN_KINDS: dict[str, tuple[str, tuple[Clause, ...], tuple[str, ...], str]] = {
    "medborgarförslag": (
        "Medborgarförslag om {topic}",
        (("anse medborgarförslaget besvarat", "Medborgarförslaget anses besvarat"),),
        ("Medborgarförslag",),
        "Ett medborgarförslag om {topic} har inkommit.",
    ),
    "rapport": (
        "Uppföljning per {month} {year} av {topic}",
        (
            (
                "godkänna uppföljningen per {month} {year}",
                "Uppföljningen per {month} {year} godkänns",
            ),
        ),
        ("Uppföljning per {month} {year}",),
        "Uppföljningen avser perioden januari–{month}.",
    ),
    "taxa": (
        "Taxa för {topic} {next}",
        (
            (
                "anta taxa för {topic} att gälla från och med 1 januari {next}",
                "Taxa för {topic} antas att gälla från och med 1 januari {next}",
            ),
        ),
        ("Förslag till taxa {next}",),
        "Taxan räknas upp med index för kommande år.",
    ),
}


def _filled(
    kind: tuple[str, tuple[Clause, ...], tuple[str, ...], str], **values: object
) -> tuple[str, tuple[Clause, ...], list[str], str]:
    """A plain kind's wording with the values filled in."""
    title, clauses, basis, intro = kind
    clauses = tuple(
        (proposed.format(**values), decided.format(**values)) for proposed, decided in clauses
    )
    return (
        title.format(**values),
        clauses,
        [line.format(**values) for line in basis],
        intro.format(**values),
    )


def _shape(
    rng: random.Random,
    kind: str,
    topic: str,
    year: int,
    unit: str,
    politicians: tuple[Politician, ...],
    body: Body,
) -> tuple[str, tuple[Clause, ...], list[str], str]:
    """Title, clauses, extra Beslutsunderlag lines and an opening sentence for a case kind."""
    task = rng.choice(voc.TASKS).format(topic=topic)
    assignment: Clause = (
        f"ge {unit} i uppdrag att {task}",
        f"{cap(unit)} får i uppdrag att {task}",
    )
    if kind in _PLAIN_KINDS:
        month = rng.choice(voc.REPORT_MONTHS) if kind == "rapport" else ""
        return _filled(_PLAIN_KINDS[kind], topic=topic, year=year, next=year + 1, month=month)
    if kind == "motion":
        author = rng.choice(politicians)
        who = f"{author.name} ({author.party})"
        verdict = rng.choice(
            (
                ("anse motionen besvarad", "Motionen anses besvarad"),
                ("avslå motionen", "Motionen avslås"),
                ("bifalla motionen", "Motionen bifalls"),
            )
        )
        clauses = (verdict, assignment) if verdict[0] == "bifalla motionen" else (verdict,)
        intro = f"{who} har i en motion föreslagit att {task}."
        return f"Motion från {who} om {topic}", clauses, [f"Motion från {who}"], intro
    if kind == "remiss":
        ministry = rng.choice(voc.MINISTRIES)
        ref = f"SOU {year}:{rng.randint(10, 99)}"
        title = f"Yttrande över remiss om {topic} ({ref})"
        clauses = (
            (
                "anta förvaltningens förslag till yttrande som sitt eget",
                "Förvaltningens förslag till yttrande antas som eget yttrande",
            ),
            (f"överlämna yttrandet till {ministry}", f"Yttrandet överlämnas till {ministry}"),
        )
        intro = f"{ministry} har gett {body.name} möjlighet att yttra sig över betänkandet."
        return title, clauses, [f"Remiss {ref}", "Förslag till yttrande"], intro
    if kind == "upphandling":
        product = rng.choice(voc.PRODUCTS)
        supplier = rng.choice(voc.SUPPLIERS)
        if rng.random() < 0.5:
            title = f"Upphandling av {product} – beslut om tilldelning"
            clauses = (
                (
                    f"tilldela {supplier} avtal om {product}",
                    f"{supplier} tilldelas avtal om {product}",
                ),
                (
                    "delegera till förvaltningschefen att underteckna avtalet",
                    "Förvaltningschefen får i uppdrag att underteckna avtalet",
                ),
            )
        else:
            title = f"Upphandling av {product} – fastställande av underlag"
            clauses = (
                (
                    f"fastställa upphandlingsunderlaget för {product}",
                    f"Upphandlingsunderlaget för {product} fastställs",
                ),
            )
        intro = f"Nuvarande avtal om {product} löper ut och en ny upphandling behövs."
        return title, clauses, ["Upphandlingsdokument"], intro
    if kind == "riktlinje":
        document = rng.choice(voc.DOCUMENTS).format(topic=topic)
        title = f"Revidering av {document}"
        starts = f"1 {rng.choice(('januari', 'mars', 'juli', 'september'))} {year + 1}"
        clauses = (
            (f"fastställa reviderad {document}", f"Reviderad {document} fastställs"),
            (
                f"dokumentet gäller från och med {starts}",
                f"Dokumentet gäller från och med {starts}",
            ),
        )
        intro = f"Nuvarande {document} antogs för flera år sedan och behöver uppdateras."
        return title, clauses, [f"Förslag till reviderad {document}"], intro
    if kind == "plan":
        title = f"Verksamhetsplan {year + 1}–{year + 3} med fokus på {topic}"
        clauses = (
            (
                f"anta verksamhetsplan för {year + 1}–{year + 3}",
                f"Verksamhetsplan för {year + 1}–{year + 3} antas",
            ),
            assignment,
        )
        intro = "Planen bygger på budgeten och målen i regionplanen."
        return title, clauses, ["Förslag till verksamhetsplan"], intro
    if kind == "investering":
        amount = f"{rng.randint(2, 90)},{rng.randint(0, 9)}"
        title = f"Investering avseende {topic}"
        clauses = (
            (
                f"godkänna en investering om {amount} miljoner kronor avseende {topic}",
                f"En investering om {amount} miljoner kronor avseende {topic} godkänns",
            ),
            (
                "finansiering sker inom befintlig investeringsram",
                "Finansiering sker inom befintlig investeringsram",
            ),
        )
        intro = f"Investeringen har prioriterats i budgeten för {year}."
        return title, clauses, ["Investeringskalkyl"], intro
    if kind == "detaljplan":
        place = rng.choice(voc.PLACES_FOR_PLANS)
        estate = f"{place} {rng.randint(1, 30)}:{rng.randint(1, 300)}"
        plan = f"detaljplan för del av {estate}, {rng.choice(voc.AREAS)}"
        clauses = (
            (f"anta {plan}", f"{cap(plan)} antas"),
            ("godkänna granskningsutlåtandet", "Granskningsutlåtandet godkänns"),
        )
        intro = "Planen har varit utställd för granskning."
        return cap(plan), clauses, ["Plankarta", "Granskningsutlåtande"], intro
    title = f"Uppdrag om {topic}"
    deadline = f"{rng.choice(('mars', 'juni', 'oktober', 'december'))} {year + 1}"
    clauses = (
        assignment,
        (f"uppdraget redovisas senast i {deadline}", f"Uppdraget redovisas senast i {deadline}"),
    )
    return title, clauses, [], f"Behovet av en översyn av {topic} har uppmärksammats."
