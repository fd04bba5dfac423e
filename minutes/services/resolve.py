"""Which Body, Committee, Person, Party and Case a name in a protocol is.

The parser returns names as printed; here they are matched to rows (whitespace normalized,
case-insensitive) or created, so the same person or case is one row however many
protocols name it. An `ImportCache` keeps what was looked up during one run of imports so
a folder of a thousand protocols does not ask the database the same questions again.

Matching is done in Python on keys (`casefold`), not with SQL `UPPER`/`LOWER`, because the
database may run under the C locale where `lower('Å')` is `Å`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.text import slugify

from minutes.models import Body, Case, Committee, Party, Person
from minutes.parsing.dnr import normalize_dnr

from .import_warnings import StoredWarning, warning_add
from .parties import is_no_party, party_code, party_name

# Column widths of the models: a longer value is a misreading, cut rather than refused.
NAME_LENGTH = 200
DNR_LENGTH = 100
SLUG_LENGTH = 200


def name_normalize(value: str | None) -> str:
    """A name as it should be stored: whitespace joined, cut to the column width."""
    return " ".join((value or "").split())[:NAME_LENGTH]


def name_key(value: str | None) -> str:
    """The key two spellings of one name share: `Lena  ASPLUND` and `Lena Asplund`."""
    return name_normalize(value).casefold()


def slug_unique(name: str, taken: set[str], fallback: str) -> str:
    """A slug for `name` not in `taken` (`lena-asplund`, then `lena-asplund-2`, …); adds it."""
    # Leave room for the suffix within the column.
    base = slugify(name)[: SLUG_LENGTH - 8].strip("-") or fallback
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


@dataclass
class PeopleOfBody:
    """The people of one body already in the database: key → id, and the slugs in use."""

    ids: dict[str, int] = field(default_factory=dict)
    slugs: set[str] = field(default_factory=set)


@dataclass
class ImportCache:
    """Rows looked up or created during a run of imports, so each is asked for once.

    Share one cache between consecutive `meeting_import` calls that each commit on their
    own (the import command). It must be cleared when a transaction that added to it rolls
    back — `meeting_import` does this — and must not be shared across calls wrapped in one
    outer transaction that may roll back as a whole.
    """

    bodies: dict[str, Body] | None = None
    committees: dict[int, dict[str, Committee]] = field(default_factory=dict)
    parties: dict[str, Party] | None = None
    people: dict[int, PeopleOfBody] = field(default_factory=dict)
    cases: dict[tuple[int, str], int] = field(default_factory=dict)

    def clear(self) -> None:
        """Forget everything: after a rollback some cached rows may no longer exist."""
        self.bodies = None
        self.committees.clear()
        self.parties = None
        self.people.clear()
        self.cases.clear()


def body_resolve(*, name: str, cache: ImportCache) -> Body:
    """The Body called `name` (case-insensitive), created with a unique slug if new."""
    if cache.bodies is None:
        cache.bodies = {name_key(b.name): b for b in Body.objects.all()}
    key = name_key(name)
    body = cache.bodies.get(key)
    if body is None:
        taken = set(Body.objects.values_list("slug", flat=True))
        body = Body.objects.create(
            name=name_normalize(name), slug=slug_unique(name, taken, "huvudman")
        )
        cache.bodies[key] = body
    return body


def committee_resolve(*, body: Body, name: str, cache: ImportCache) -> Committee:
    """The Committee of `body` called `name` (case-insensitive), created if new."""
    known = cache.committees.get(body.pk)
    if known is None:
        known = {}
        for committee in Committee.objects.filter(body=body):
            committee.body = body  # spares a query for each meeting's body later
            known[name_key(committee.name)] = committee
        cache.committees[body.pk] = known
    key = name_key(name)
    committee = known.get(key)
    if committee is None:
        taken = {c.slug for c in known.values()}
        committee = Committee.objects.create(
            body=body, name=name_normalize(name), slug=slug_unique(name, taken, "organ")
        )
        committee.body = body
        known[key] = committee
    return committee


def party_resolve(
    *, printed: str | None, cache: ImportCache, warnings: list[StoredWarning]
) -> Party | None:
    """The Party of a printed code (`S`, `(kd)`), None for no party.

    A code outside the catalogue is created with `is_known=False`, and `warnings` says so;
    a value that cannot be a code is dropped with a warning rather than stored as a party.
    """
    code = party_code(printed)
    if code is None:
        if not is_no_party(printed):
            warning_add(warnings, "import_party_unreadable", party=printed, counted=False)
        return None
    if cache.parties is None:
        cache.parties = {p.abbreviation.upper(): p for p in Party.objects.all()}
    party = cache.parties.get(code)
    if party is None:
        full_name = party_name(code)
        party = Party.objects.create(
            abbreviation=code, name=full_name or "", is_known=full_name is not None
        )
        cache.parties[code] = party
    if not party.is_known:
        warning_add(warnings, "import_party_unknown", party=code, counted=False)
    return party


def people_resolve(*, body: Body, names: Iterable[str], cache: ImportCache) -> dict[str, int]:
    """Person ids of `body` by `name_key`, for every name; the new ones in one insert."""
    people = cache.people.get(body.pk)
    if people is None:
        people = PeopleOfBody()
        for pk, name, slug in Person.objects.filter(body=body).values_list("id", "name", "slug"):
            people.ids[name_key(name)] = pk
            people.slugs.add(slug)
        cache.people[body.pk] = people
    new: dict[str, Person] = {}
    for name in names:
        key = name_key(name)
        if key and key not in people.ids and key not in new:
            clean = name_normalize(name)
            new[key] = Person(
                body=body, name=clean, slug=slug_unique(clean, people.slugs, "person")
            )
    if new:
        Person.objects.bulk_create(new.values())
        people.ids.update((key, person.pk) for key, person in new.items())
    return people.ids


def cases_resolve(*, body: Body, dnrs: Iterable[str], cache: ImportCache) -> dict[str, int]:
    """Case ids of `body` by `normalize_dnr` key for the given diarienummer, created if new.

    The first spelling seen becomes the case's printed `dnr`; later spellings with the same
    key (`21 RS 7612`, `21RS7612`) link to the same case.
    """
    wanted: dict[str, str] = {}
    for dnr in dnrs:
        key = normalize_dnr(dnr)[:DNR_LENGTH]
        if key and key not in wanted:
            wanted[key] = dnr[:DNR_LENGTH]
    found = {key: cache.cases[(body.pk, key)] for key in wanted if (body.pk, key) in cache.cases}
    missing = [key for key in wanted if key not in found]
    if missing:
        # One statement finds or creates them all: on a key already stored the no-op
        # update makes PostgreSQL return the existing row's id (the printed dnr is kept).
        rows = Case.objects.bulk_create(
            [Case(body=body, key=key, dnr=wanted[key]) for key in missing],
            update_conflicts=True,
            unique_fields=["body", "key"],
            update_fields=["key"],
        )
        found.update((case.key, case.pk) for case in rows)
        cache.cases.update(((body.pk, key), pk) for key, pk in found.items())
    return found
