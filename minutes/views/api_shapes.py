"""The JSON shapes of the read-only API (docs/api.md): plain dicts from model instances.

Each function takes objects already fetched with what it needs (select_related /
prefetch_related in `views/api.py`), so building a page of results issues no queries.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from ..models import (
    Attendance,
    Body,
    Case,
    Committee,
    Decision,
    Item,
    Meeting,
    Party,
    Person,
    VoteCast,
)
from ..selectors.browse import clauses_number

Json = dict[str, Any]


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _time(value) -> str | None:
    return value.strftime("%H:%M") if value else None


def _date(value) -> str | None:
    return value.isoformat() if value else None


def party_ref(party: Party | None) -> str | None:
    """A party as its abbreviation (null for none)."""
    return party.abbreviation if party else None


def body_ref(body: Body) -> Json:
    """A body in brief."""
    return {"name": body.name, "slug": body.slug}


def committee_ref(committee: Committee) -> Json:
    """A committee in brief, with its body."""
    return {"name": committee.name, "slug": committee.slug, "body": body_ref(committee.body)}


def person_ref(request: HttpRequest, person: Person) -> Json:
    """A person in brief: id, name and where to read more."""
    return {
        "id": person.pk,
        "name": person.name,
        "url": _absolute(request, person.get_absolute_url()),
        "api_url": _absolute(request, reverse("minutes:api_person", args=[person.pk])),
    }


def meeting_summary(request: HttpRequest, meeting: Meeting) -> Json:
    """A meeting as listed: when, which committee, and its addresses."""
    return {
        "id": meeting.pk,
        "date": _date(meeting.date),
        "start_time": _time(meeting.start_time),
        "end_time": _time(meeting.end_time),
        "place": meeting.place,
        "protocol_dnr": meeting.protocol_dnr,
        "committee": committee_ref(meeting.committee),
        "url": _absolute(request, meeting.get_absolute_url()),
        "api_url": _absolute(request, reverse("minutes:api_meeting", args=[meeting.pk])),
    }


def attendance(request: HttpRequest, row: Attendance) -> Json:
    """One attendee: person, party, role and whom a substitute served for."""
    return {
        "person": person_ref(request, row.person),
        "party": party_ref(row.party),
        "role": row.role,
        "substitute_for": row.substitute_for.name if row.substitute_for else None,
        "municipality": row.municipality or None,
        "note": row.note or None,
    }


def meeting_detail(request: HttpRequest, meeting: Meeting, attendances, items) -> Json:
    """A meeting with its attendance and the summary of every §."""
    data = meeting_summary(request, meeting)
    data.update(
        adjusters=list(meeting.adjusters),
        secretary=meeting.secretary or None,
        adjusted_on=_date(meeting.adjusted_on),
        notice_posted_on=_date(meeting.notice_posted_on),
        notice_removed_on=_date(meeting.notice_removed_on),
        attendees=[attendance(request, row) for row in attendances],
        items=[item_summary(request, item, with_meeting=False) for item in items],
    )
    return data


def decision(row: Decision, item_url: str) -> Json:
    """A decision with its chain and its clauses, each with its permalink on the § page
    (numbered by `clauses_number`)."""
    return {
        "decided_by": row.decided_by,
        "kind": row.kind,
        "proposed_to": list(row.proposed_to),
        "immediately_adjusted": row.immediately_adjusted,
        "clauses": [
            {
                "id": clause.pk,
                "number": clause.number,
                "text": clause.text,
                "url": f"{item_url}#att-{clause.number}",
            }
            for clause in row.clauses.all()
        ],
    }


def item_summary(request: HttpRequest, item: Item, *, with_meeting: bool = True) -> Json:
    """An item as listed: number, title, dnr and its decisions."""
    url = _absolute(request, item.get_absolute_url())
    clauses_number(item.decisions.all())
    data: Json = {
        "id": item.pk,
        "number": item.number,
        "title": item.title,
        "dnr": list(item.dnr),
        "withdrawn": item.withdrawn,
        "tabled": item.tabled,
        "decisions": [decision(row, url) for row in item.decisions.all()],
        "url": url,
        "api_url": _absolute(request, reverse("minutes:api_item", args=[item.pk])),
    }
    if with_meeting:
        data["meeting"] = meeting_summary(request, item.meeting)
    return data


def item_detail(request: HttpRequest, item: Item) -> Json:
    """An item with everything the protocol says about it."""
    data = item_summary(request, item)
    data.update(
        responsible=list(item.responsible),
        handlers=list(item.handlers),
        sections=item.sections,
        cases=[case_ref(request, case) for case in item.cases.all()],
        yrkanden=[
            {
                "text": y.text,
                "won": y.won,
                "persons": [
                    {**person_ref(request, m.person), "party": party_ref(m.party)} for m in y.movers
                ],
            }
            for y in item.yrkanden.all()
        ],
        votes=[
            {
                "text": v.text,
                "yes": v.yes,
                "no": v.no,
                "abstain": v.abstain,
                "chair_decided": v.chair_decided,
                "roll": [
                    {**person_ref(request, c.person), "party": party_ref(c.party), "vote": c.choice}
                    for c in v.roll.all()
                ],
            }
            for v in item.votes.all()
        ],
        reservations=[
            {
                "person": person_ref(request, r.person),
                "party": party_ref(r.party),
                "reason": r.reason,
                "written": r.written,
                "text": r.text,
            }
            for r in item.reservations.all()
        ],
        notes=[
            {"kind": n.kind, "text": n.text, "persons": [p.name for p in n.persons.all()]}
            for n in item.notes.all()
        ],
    )
    return data


def case_api_url(case: Case) -> str:
    """The API address of a case: its body's, or for a case of no body its number's."""
    if case.body_id is None:
        return reverse("minutes:api_case_choice", args=[case.key])
    return reverse("minutes:api_case", args=[case.body.slug, case.key])


def case_ref(request: HttpRequest, case: Case) -> Json:
    """A case in brief: printed dnr, matching key, body and addresses."""
    return {
        "dnr": case.dnr,
        "key": case.key,
        "body": body_ref(case.body) if case.body_id is not None else None,
        "url": _absolute(request, case.get_absolute_url()),
        "api_url": _absolute(request, case_api_url(case)),
    }


def party(request: HttpRequest, row: Party) -> Json:
    """A party in brief."""
    return {
        "abbreviation": row.abbreviation,
        "name": row.name,
        "known": row.is_known,
        "url": _absolute(request, row.get_absolute_url()),
        "api_url": _absolute(request, reverse("minutes:api_party", args=[row.abbreviation])),
    }


def person_vote(request: HttpRequest, cast: VoteCast) -> Json:
    """How a person voted in one votering: the vote, the party, the votering and its §."""
    vote, item = cast.vote, cast.vote.item
    return {
        "vote": cast.choice,
        "party": party_ref(cast.party),
        "votering": {
            "position": vote.position,
            "text": vote.text,
            "yes": vote.yes,
            "no": vote.no,
            "abstain": vote.abstain,
            "chair_decided": vote.chair_decided,
        },
        "item": {
            "id": item.pk,
            "number": item.number,
            "title": item.title,
            "url": _absolute(request, item.get_absolute_url()),
            "api_url": _absolute(request, reverse("minutes:api_item", args=[item.pk])),
            "meeting": meeting_summary(request, item.meeting),
        },
    }
