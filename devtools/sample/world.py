"""The invented world behind the sample protocols: bodies, committees, people, meeting days.

Everything is derived from the seed through `random.Random` seeded with strings, so the
same seed always gives the same world, independent of hash randomization.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import cache

from . import vocabulary as voc

FIRST_YEAR = 2019
# The sample archive ends with a whole year already past, like a real one would.
LAST_YEAR = 2025
PERIOD_START_YEARS = (2019, 2023)  # mandate periods after the 2018 and 2022 elections
TIER_ORDER = {"utskott": 0, "nämnd": 1, "styrelse": 2, "fullmäktige": 3}
_TIER_FIRST_DAY = {"utskott": 3, "nämnd": 10, "styrelse": 17, "fullmäktige": 24}
_FULLMAKTIGE_MONTHS = (2, 3, 4, 6, 9, 10, 11, 12)


@dataclass(frozen=True, slots=True)
class Committee:
    """An organ of a body and the organ it proposes to."""

    key: str
    name: str
    slug: str
    tier: str
    parent: str | None
    series: str
    size: int


@dataclass(frozen=True, slots=True)
class Body:
    """A region or kommun with its committees and house style."""

    name: str
    slug: str
    kind: str
    layout: str
    dnr_style: str
    local_party: str
    local_party_name: str
    seat: str
    committees: tuple[Committee, ...]

    def committee(self, key: str) -> Committee:
        """The committee with this key."""
        return next(c for c in self.committees if c.key == key)


@dataclass(frozen=True, slots=True)
class Politician:
    """An elected member with a party."""

    name: str
    party: str


@dataclass(frozen=True, slots=True)
class Official:
    """A tjänsteperson with a title."""

    name: str
    title: str


@dataclass(frozen=True, slots=True)
class Roster:
    """A committee's members in one mandate period: chair first, vice chair second."""

    members: tuple[Politician, ...]
    substitutes: tuple[Politician, ...]
    secretary: Official


@dataclass(frozen=True, slots=True)
class Staff:
    """The people of one body: rosters per (period, committee key), officials, pools."""

    rosters: dict[tuple[int, str], Roster]
    officials: tuple[Official, ...]
    politicians: dict[int, tuple[Politician, ...]]
    majority: dict[int, tuple[str, ...]]


def slugify(text: str) -> str:
    """An ASCII file-name slug: `Region Söderhav` → `region-soderhav`."""
    table = str.maketrans("åäöéüÅÄÖÉÜ", "aaoeuaaoeu")
    words = "".join(ch if ch.isalnum() else " " for ch in text.translate(table).lower())
    return "-".join(words.split())


def build_bodies(count: int) -> tuple[Body, ...]:
    """The fixed sample bodies plus invented kommuner until there are `count` of them."""
    rows = list(voc.BODIES)
    extra = [p + s for p in voc.EXTRA_PREFIXES for s in voc.EXTRA_SUFFIXES]
    layouts = ("plain", "kommun", "markdown")
    styles = ("series_yyyy_n", "series_yyyy_colon", "series_n_yyyy", "series_yyyy_n_class")
    for index, town in enumerate(extra[: max(0, count - len(rows))]):
        code = (town[:2] + town[-1]).upper()
        rows.append(
            (
                f"{town} kommun",
                "kommun",
                layouts[index % 3],
                styles[index % len(styles)],
                code,
                f"{town}listan",
                town,
            )
        )
    return tuple(_make_body(*row) for row in rows)


def _make_body(
    name: str, kind: str, layout: str, style: str, party: str, party_name: str, seat: str
) -> Body:
    rows = voc.REGION_COMMITTEES if kind == "region" else voc.KOMMUN_COMMITTEES
    return Body(
        name=name,
        slug=slugify(name),
        kind=kind,
        layout=layout,
        dnr_style=style,
        local_party=party,
        local_party_name=party_name,
        seat=seat,
        committees=tuple(Committee(*row) for row in rows),
    )


def period_of(year: int) -> int:
    """The mandate period (0 or 1) a year belongs to."""
    return 0 if year < PERIOD_START_YEARS[1] else 1


def build_staff(seed: int, bodies: tuple[Body, ...]) -> dict[str, Staff]:
    """Invent every body's people, in body order, with names unique across the world."""
    used: set[str] = set()
    return {body.slug: _staff_for(seed, body, used) for body in bodies}


def _new_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(voc.FIRST_NAMES)} {rng.choice(voc.LAST_NAMES)}"
        if name not in used:
            used.add(name)
            return name


def _party_weights(rng: random.Random, body: Body) -> dict[str, float]:
    weights = {p: w * rng.uniform(0.7, 1.3) for p, w in voc.PARTY_WEIGHTS.items()}
    weights[body.local_party] = voc.LOCAL_PARTY_WEIGHT * rng.uniform(0.5, 1.5)
    return weights


def allot_seats(weights: dict[str, float], seats: int) -> dict[str, int]:
    """Seats per party by largest remainder, in a stable party order."""
    total = sum(weights.values())
    quotas = {p: seats * w / total for p, w in weights.items()}
    result = {p: int(q) for p, q in quotas.items()}
    by_remainder = sorted(quotas, key=lambda p: (-(quotas[p] - result[p]), p))
    for party in by_remainder[: seats - sum(result.values())]:
        result[party] += 1
    return result


def _staff_for(seed: int, body: Body, used: set[str]) -> Staff:
    rng = random.Random(f"{seed}/people/{body.slug}")
    weights = _party_weights(rng, body)
    titles = voc.OFFICIAL_TITLES[body.kind]
    officials = tuple(Official(_new_name(rng, used), titles[i % len(titles)]) for i in range(24))
    rosters: dict[tuple[int, str], Roster] = {}
    pools: dict[int, tuple[Politician, ...]] = {}
    majority: dict[int, tuple[str, ...]] = {}
    previous: dict[str, list[Politician]] = {}
    for period in (0, 1):
        bloc = voc.LEFT_BLOC if rng.random() < 0.5 else voc.RIGHT_BLOC
        majority[period] = (*bloc, "C")
        pool = _party_pools(rng, body, weights, previous, used)
        previous = pool
        pools[period] = tuple(p for party in sorted(pool) for p in pool[party])
        for committee in body.committees:
            rosters[(period, committee.key)] = _roster(
                rng, committee, weights, pool, majority[period], used
            )
    return Staff(rosters=rosters, officials=officials, politicians=pools, majority=majority)


def _party_pools(
    rng: random.Random,
    body: Body,
    weights: dict[str, float],
    previous: dict[str, list[Politician]],
    used: set[str],
) -> dict[str, list[Politician]]:
    council = next(c for c in body.committees if c.tier == "fullmäktige")
    seats = allot_seats(weights, council.size)
    pool: dict[str, list[Politician]] = {}
    for party in sorted(weights):
        size = seats[party] * 2 + 3
        kept = [p for p in previous.get(party, []) if rng.random() < 0.5]
        fresh = [Politician(_new_name(rng, used), party) for _ in range(size - len(kept))]
        pool[party] = (kept + fresh)[:size]
    return pool


def _roster(
    rng: random.Random,
    committee: Committee,
    weights: dict[str, float],
    pool: dict[str, list[Politician]],
    majority: tuple[str, ...],
    used: set[str],
) -> Roster:
    seats = allot_seats(weights, committee.size)
    chair_party = max(majority, key=lambda p: (weights.get(p, 0), p))
    vice_party = max((p for p in weights if p not in majority), key=lambda p: (weights[p], p))
    for party in (chair_party, vice_party):
        if seats.get(party, 0) == 0:
            biggest = max(seats, key=lambda p: (seats[p], p))
            seats[biggest] -= 1
            seats[party] = 1
    members: list[Politician] = []
    substitutes: list[Politician] = []
    for party in sorted(seats):
        candidates = list(pool[party])
        if committee.tier != "fullmäktige":
            rng.shuffle(candidates)
        members.extend(candidates[: seats[party]])
        spare = (seats[party] * 2 + 2) // 3
        substitutes.extend(candidates[seats[party] : seats[party] + spare])
    chair = next(m for m in members if m.party == chair_party)
    vice = next(m for m in members if m.party == vice_party)
    rest = [m for m in members if m not in (chair, vice)]
    secretary = Official(_new_name(rng, used), voc.SECRETARY_TITLE)
    return Roster(members=(chair, vice, *rest), substitutes=tuple(substitutes), secretary=secretary)


@cache
def meeting_dates(seed: int, body_slug: str, key: str, tier: str, year: int) -> tuple[dt.date, ...]:
    """The days a committee meets in a year: ~10 (fullmäktige 8), on Tuesday–Thursday."""
    rng = random.Random(f"{seed}/calendar/{body_slug}/{key}/{year}")
    if tier == "fullmäktige":
        months = list(_FULLMAKTIGE_MONTHS)
    else:
        months = [m for m in range(1, 13) if m != 7]
        months.remove(rng.choice((1, 8)))
    dates = []
    for month in months:
        # December meetings come by mid-month: nobody meets in Christmas week.
        first_day = min(_TIER_FIRST_DAY[tier], 14) if month == 12 else _TIER_FIRST_DAY[tier]
        day = dt.date(year, month, first_day + rng.randint(0, 2))
        while day.weekday() not in (1, 2, 3):
            day += dt.timedelta(days=1)
        dates.append(day)
    return tuple(dates)


@cache
def item_count(seed: int, body_slug: str, key: str, tier: str, date: dt.date) -> int:
    """How many § a meeting has (5–25), fixed per meeting so numbering is stable."""
    rng = random.Random(f"{seed}/count/{body_slug}/{key}/{date.isoformat()}")
    low, high = {"utskott": (5, 12), "nämnd": (7, 18), "styrelse": (9, 22)}.get(tier, (8, 25))
    return rng.randint(low, high)


def first_number(seed: int, body_slug: str, committee: Committee, date: dt.date) -> int:
    """The first § number of a meeting: numbering runs through the year per committee."""
    earlier = (
        d
        for d in meeting_dates(seed, body_slug, committee.key, committee.tier, date.year)
        if d < date
    )
    return 1 + sum(item_count(seed, body_slug, committee.key, committee.tier, d) for d in earlier)


def format_dnr(style: str, series: str, year: int, serial: int, rng: random.Random) -> str:
    """A diarienummer in a body's house style (`23RS1234`, `HSN 571-2024`, `KS 2023/145`)."""
    if style == "yy_series_n":
        return f"{year % 100:02d}{series}{serial}"
    if style == "series_n_yyyy":
        return f"{series} {serial}-{year}"
    if style == "series_yyyy_n":
        return f"{series} {year}/{serial}"
    if style == "series_n_yyyy_slash":
        return f"{series}/{serial}/{year}"
    if style == "series_yyyy_n_class":
        return f"{series}-{year}/{serial}.{rng.choice((101, 214, 410, 609, 912))}"
    return f"{series}/{year}:{serial}"
