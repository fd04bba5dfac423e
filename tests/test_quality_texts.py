"""The quality report reaches the clerk in Swedish: each gap a sentence, each check a line."""

from __future__ import annotations

import pytest

from minutes.parsing.quality import Gap, KindCounts, Quality
from minutes.quality_texts import checklist, gap_text, summary

GAPS = [
    (Gap("no_date"), "Sammanträdesdatumet hittades inte."),
    (Gap("no_organ"), "Organet (nämnd, utskott eller styrelse) hittades inte."),
    (Gap("no_chair"), "Ordföranden hittades inte."),
    (Gap("no_secretary"), "Sekreteraren hittades inte."),
    (Gap("no_attendance"), "Närvarolistan hittades inte."),
    (Gap("no_items", {"seen": 4}), "Inga paragrafer lästes, fast texten visar 4 §-rubriker."),
    (
        Gap("items_missing", {"seen": 12, "read": 10, "numbers": [14, 17]}),
        "Texten visar 12 §-rubriker men 10 paragrafer lästes: § 14 och § 17 saknas.",
    ),
    (
        Gap("items_unmarked", {"numbers": [85]}),
        "Lästa som paragrafer men utan §-rubrik i texten: § 85 (en rad ur ärendelistan eller"
        " en hänvisning?).",
    ),
    (
        Gap("decisions_unread", {"read": 3, "numbers": [4, 5, 9]}),
        "Texten anger ett beslut men inget beslut lästes i § 4, § 5 och § 9.",
    ),
    (
        Gap(
            "mentions_unread",
            {"kind": "reservation", "mentioned": 3, "read": 1, "numbers": [12, 14]},
        ),
        "Reservation nämns i § 12 och § 14 men lästes inte där (i texten: 3, lästa: 1).",
    ),
    (Gap("something_new", {"n": 1}), "something_new {'n': 1}"),
]


@pytest.mark.parametrize(("gap", "expected"), GAPS, ids=[gap.code for gap, _ in GAPS])
def test_each_gap_in_swedish(gap: Gap, expected: str) -> None:
    assert gap_text(gap) == expected


def quality(*gaps: Gap, date: bool = True) -> Quality:
    return Quality(
        date=date,
        organ=True,
        chair=True,
        secretary=False,
        attendance=True,
        section_marks_in_text=5,
        items=4,
        items_with_decision=4,
        mentions=KindCounts(reservation=2, yrkande=1),
        read=KindCounts(reservation=1, yrkande=1),
        gaps=gaps,
    )


def test_checklist_puts_each_reason_beside_its_check() -> None:
    report = quality(
        Gap("no_date"),
        Gap("no_secretary"),
        Gap("items_missing", {"seen": 5, "read": 4, "numbers": [3]}),
        Gap("mentions_unread", {"kind": "reservation", "mentioned": 2, "read": 1, "numbers": [2]}),
        date=False,
    )
    checks = {check.key: check for check in checklist(report)}
    assert list(checks) == [
        "date",
        "organ",
        "chair",
        "secretary",
        "attendance",
        "items",
        "decisions",
        "reservation",
        "yrkande",
        "votering",
        "protokollsanteckning",
    ]
    assert (checks["date"].ok, checks["date"].status) == (False, "hittades inte")
    assert checks["date"].reasons == ("Sammanträdesdatumet hittades inte.",)
    assert (checks["organ"].ok, checks["organ"].status) == (True, "hittades")
    assert checks["items"].status == "stämmer inte"
    assert checks["items"].detail == "4 lästa, 5 §-rubriker i texten"
    assert checks["items"].reasons[0].endswith("§ 3 saknas.")
    assert not checks["reservation"].ok and checks["yrkande"].ok
    assert checks["reservation"].detail == "nämns i 2 §§, lästa i 1"
    assert checks["yrkande"].detail == "nämns i 1 §, lästa i 1"
    assert checks["decisions"].detail == "4 av 4 paragrafer har beslut"


def test_summary_line_of_the_check_command() -> None:
    line = summary(quality(Gap("no_secretary")), warnings=1)
    assert line == (
        "4 §§ av 5 i texten, 4 med beslut · hittade: datum, organ, ordförande, närvaro;"
        " saknas: sekreterare · nämnda/lästa: reservationer 2/1, yrkanden 1/1, voteringar 0/0,"
        " protokollsanteckningar 0/0 · 1 varning"
    )


def test_a_gap_no_check_knows_is_still_listed() -> None:
    checks = checklist(quality(Gap("something_new", {"n": 1})))
    assert (checks[-1].key, checks[-1].ok, checks[-1].reasons) == (
        "other",
        False,
        ("something_new {'n': 1}",),
    )
