"""The rows of one protocol as tuples for COPY, with the importer's own values and warnings.

Every value comes from the functions `reading_write` uses (`minutes/services/import_rows`),
and the tables are walked in the same order (attendance, items, cases, decisions,
yrkanden, reservations, votes, notes), so a bulk-loaded protocol has the same rows and the
same warnings as one brought in by `meeting_import`.
"""

from __future__ import annotations

from collections.abc import Sequence

from psycopg.types.json import Jsonb

from minutes.models import Party
from minutes.parsing import records

from .bulk_copy import IdBlocks, Rows
from .import_rows import (
    Context,
    attendance_values,
    casts_of,
    decision_values,
    item_case_ids,
    item_values,
    movers_of,
    note_kind,
    note_person_ids,
    reservation_values,
)


def _pk(party: Party | None) -> int | None:
    return party.pk if party is not None else None


def reading_rows(
    *,
    ctx: Context,
    meeting_id: int,
    protocol: records.ParsedProtocol,
    items: Sequence[records.Item],
    ids: IdBlocks,
    rows: Rows,
) -> list[int]:
    """Queue the attendance and `items` of `protocol` under `meeting_id`; return the item ids."""
    _attendance_rows(ctx, meeting_id, protocol, ids, rows)
    pairs = []
    for item in items:
        item_id = ids.next("minutes_item")
        pairs.append((item_id, item))
        values = item_values(item)
        rows.add(
            "minutes_item",
            (
                item_id, meeting_id, values["number"], values["title"], values["dnr"],
                values["responsible"], values["handlers"], values["withdrawn"],
                values["tabled"], Jsonb(values["sections"]), values["text"],
            ),
        )  # fmt: skip
    links = sorted((item_id, case) for item_id, item in pairs for case in item_case_ids(ctx, item))
    for item_id, case in links:
        rows.add("minutes_item_cases", (ids.next("minutes_item_cases"), item_id, case))
    _decision_rows(pairs, ids, rows)
    _yrkande_rows(ctx, pairs, ids, rows)
    _reservation_rows(ctx, pairs, ids, rows)
    _vote_rows(ctx, pairs, ids, rows)
    _note_rows(ctx, pairs, ids, rows)
    return [item_id for item_id, _ in pairs]


def _attendance_rows(ctx, meeting_id, protocol, ids: IdBlocks, rows: Rows) -> None:
    for v in attendance_values(ctx, protocol.attendees):
        rows.add(
            "minutes_attendance",
            (
                ids.next("minutes_attendance"), meeting_id, v["person_id"], _pk(v["party"]),
                v["role"], v["substitute_for_id"], v["municipality"], v["note"], v["position"],
            ),
        )  # fmt: skip


def _decision_rows(pairs, ids: IdBlocks, rows: Rows) -> None:
    for item_id, item in pairs:
        for position, decision in enumerate(item.decisions):
            decision_id = ids.next("minutes_decision")
            v = decision_values(decision)
            rows.add(
                "minutes_decision",
                (
                    decision_id, item_id, position, v["decided_by"], v["kind"],
                    v["proposed_to"], v["immediately_adjusted"],
                ),
            )  # fmt: skip
            for clause_position, text in enumerate(decision.clauses):
                rows.add(
                    "minutes_clause",
                    (ids.next("minutes_clause"), decision_id, clause_position, text),
                )


def _yrkande_rows(ctx, pairs, ids: IdBlocks, rows: Rows) -> None:
    for item_id, item in pairs:
        for position, yrkande in enumerate(item.yrkanden):
            yrkande_id = ids.next("minutes_yrkande")
            rows.add("minutes_yrkande", (yrkande_id, item_id, position, yrkande.text, yrkande.won))
            for person, party in movers_of(ctx, yrkande.persons):
                rows.add(
                    "minutes_yrkandeperson",
                    (ids.next("minutes_yrkandeperson"), yrkande_id, person, _pk(party)),
                )


def _reservation_rows(ctx, pairs, ids: IdBlocks, rows: Rows) -> None:
    for item_id, item in pairs:
        for v in reservation_values(ctx, item):
            rows.add(
                "minutes_reservation",
                (
                    ids.next("minutes_reservation"), item_id, v["person_id"], _pk(v["party"]),
                    v["reason"], v["written"], v["text"],
                ),
            )  # fmt: skip


def _vote_rows(ctx, pairs, ids: IdBlocks, rows: Rows) -> None:
    for item_id, item in pairs:
        for position, vote in enumerate(item.votes):
            vote_id = ids.next("minutes_vote")
            rows.add(
                "minutes_vote",
                (
                    vote_id, item_id, position, vote.text, vote.yes, vote.no, vote.abstain,
                    vote.chair_decided,
                ),
            )  # fmt: skip
            for person, party, choice in casts_of(ctx, item.number, vote.roll):
                rows.add(
                    "minutes_votecast",
                    (ids.next("minutes_votecast"), vote_id, person, _pk(party), choice),
                )


def _note_rows(ctx, pairs, ids: IdBlocks, rows: Rows) -> None:
    for item_id, item in pairs:
        for note in item.notes:
            note_id = ids.next("minutes_note")
            rows.add("minutes_note", (note_id, item_id, note_kind(note.kind), note.text))
            for person in sorted(note_person_ids(ctx, note.persons)):
                rows.add(
                    "minutes_note_persons", (ids.next("minutes_note_persons"), note_id, person)
                )
