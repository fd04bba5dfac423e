"""Diarienummer: finding them as printed, and the matching key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes.parsing.dnr import find_dnrs, normalize_dnr, read_dnr_line

READ_LINE_ROWS = [
    # labelled line, Region Västernorrland series
    ("Diarienummer: 21RS7612", ["21RS7612"]),
    # organ prefix, space and year after the serial, alone under the title
    ("HSN 571-2024", ["HSN 571-2024"]),
    # the same alone on a line, with trailing spaces and a period
    ("RS 912-2025. ", ["RS 912-2025"]),
    # slashes on both sides of the serial
    ("Dnr RS/699/2022", ["RS/699/2022"]),
    # year first after the organ
    ("Dnr: RJL 2016/1288", ["RJL 2016/1288"]),
    # organ glued to a two-digit year
    ("Dnr LD13/03336", ["LD13/03336"]),
    # two organ words and a colon serial
    ("Diarienummer: KS KF/2025:6", ["KS KF/2025:6"]),
    # organ, slash, colon serial
    ("Dnr SBN/2025:74", ["SBN/2025:74"]),
    # trailing classification code after a period
    ("Dnr KS-2014/742.912", ["KS-2014/742.912"]),
    # hyphens throughout
    ("Diarienummer: SLK-2026-00015", ["SLK-2026-00015"]),
    # bare number with a classification code after a space
    ("Dnr 00123/2021 2.6.", ["00123/2021 2.6."]),
    # one letter glued to the year, three groups
    ("Dnr T2012-050-05828", ["T2012-050-05828"]),
    # bare year/serial needs the label
    ("Dnr 2007/555", ["2007/555"]),
    # bare year-serial needs the label
    ("Diarienr 2022-00001", ["2022-00001"]),
    # several numbers on one labelled line
    ("Dnr: HSN 571-2024, RS 912-2025 och 21RS7612", ["HSN 571-2024", "RS 912-2025", "21RS7612"]),
    # whitespace is normalized, the printed form kept
    ("Diarienummer:\u00a0HSN  571-2024", ["HSN 571-2024"]),
    # a labelled line with nothing readable gives an empty list, not None
    ("Diarienummer:", []),
    # a date after a label is not a diarienummer
    ("Dnr 2024-11-28", []),
    # a bare year/serial alone on a line is too ambiguous (could be a wrapped title)
    ("2025-2027", None),
    # a statute reference is not a diarienummer
    ("SOU 2024:72", None),
    # a line of text is not a dnr line even when it contains one
    ("Se även beslut i HSN 725-2019 om ramavtal", None),
    # a heading is not a dnr line
    ("Ärendebeskrivning", None),
]


@pytest.mark.parametrize(("line", "expected"), READ_LINE_ROWS)
def test_read_dnr_line(line: str, expected: list[str] | None) -> None:
    assert read_dnr_line(line) == expected


FIND_ROWS = [
    # a dnr referred to inside running text, with an organ prefix
    ("enligt tidigare avtal (dnr 22RS1631) och", False, ["22RS1631"]),
    # the number wrapped over a line in the text keeps its printed parts
    ("se dnr HSN529-2022.", False, ["HSN529-2022"]),
    # a date with an organ word in front is not a dnr
    ("beslutet HSN 2024-03-27§33", False, []),
    # bare numbers only count in labelled text
    ("2007/555", False, []),
    ("2007/555", True, ["2007/555"]),
]


@pytest.mark.parametrize(("text", "labelled", "expected"), FIND_ROWS)
def test_find_dnrs(text: str, labelled: bool, expected: list[str]) -> None:
    assert find_dnrs(text, labelled=labelled) == expected


NORMALIZE_ROWS = [
    # the example of DESIGN.md, now organ, year, serial
    ("HSN 571-2024", "hsn2024571"),
    # the same number year first
    ("hsn 2024/571", "hsn2024571"),
    # spaces inside a glued series do not matter; a two-digit year is this century's
    ("21 RS 7612", "rs20217612"),
    ("21RS7612", "rs20217612"),
    ("RS 2021/7612", "rs20217612"),
    # case does not matter
    ("21rs7612", "rs20217612"),
    # a prefix of a glued series keys as a prefix of its numbers' keys
    ("21RS76", "rs202176"),
    # organ last (Formpipe Meetings Plus) and organ first
    ("2026.288 KS", "ks2026288"),
    ("KS/2026:288", "ks2026288"),
    # separators / : - . are dropped
    ("KS KF/2025:6", "kskf20256"),
    ("KS/2025:74", "ks202574"),
    # a classification code after the serial is not part of the case
    ("KS-2014/742.912", "ks2014742"),
    ("BUN-2020/602", "bun2020602"),
    ("BUN 2020/602 1.2.3", "bun2020602"),
    # a serial's leading zeros are padding
    ("SLK-2026-00015", "slk202615"),
    # serial before the year
    ("RS/699/2022", "rs2022699"),
    # a number with no organ keeps its letters and digits
    ("Dnr 00123/2021 2.6.", "00123202126"),
    ("Dnr 2007/555", "2007555"),
    # three groups that are not organ, year, serial keep their letters and digits
    ("T2012-050-05828", "t201205005828"),
    # a leading label is dropped
    ("Diarienummer: 21HSN3638", "hsn20213638"),
    # en dash and NBSP as printed in PDFs
    ("HSN\u00a0571–2024", "hsn2024571"),
    # Swedish letters are kept
    ("ÅRN 12/2024", "årn202412"),
    # empty in, empty out
    ("", ""),
    ("   ", ""),
]


@pytest.mark.parametrize(("value", "key"), NORMALIZE_ROWS)
def test_normalize_dnr(value: str, key: str) -> None:
    assert normalize_dnr(value) == key


def test_normalize_dnr_accepts_none() -> None:
    assert normalize_dnr(None) == ""  # type: ignore[arg-type]


@given(st.text())
def test_normalize_dnr_is_total_and_idempotent(value: str) -> None:
    key = normalize_dnr(value)
    assert isinstance(key, str)
    assert normalize_dnr(key) == key
    assert key == key.casefold()
    assert all(ch.isalnum() for ch in key)
    assert normalize_dnr(key) == key or key.startswith(("dnr", "diarienr", "diarienummer"))


@given(st.text())
def test_read_dnr_line_never_raises(line: str) -> None:
    result = read_dnr_line(line)
    assert result is None or all(isinstance(v, str) and v for v in result)


@given(st.sampled_from([v for v, _ in READ_LINE_ROWS if _]), st.sampled_from([" ", "  ", "\t"]))
def test_printed_and_respaced_forms_share_a_key(line: str, space: str) -> None:
    values = read_dnr_line(line) or []
    for value in values:
        assert normalize_dnr(value.replace(" ", space)) == normalize_dnr(value)


def test_a_dnr_line_may_end_in_its_classification_code() -> None:
    # Public 360-style numbers with the record plan's code after a dash.
    assert read_dnr_line("KS 2024-000123 - 1.4.2") == ["KS 2024-000123"]
    assert read_dnr_line("Budget 2024 - 1.2") is None
