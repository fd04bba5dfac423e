"""Read the protocol JSON (`protocol_to_dict`) back into a `ParsedProtocol`.

A reading is kept as JSON where it must outlive the request that made it (an upload waits
for review and publishing); this rebuilds the frozen records from it, or says it cannot.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import dacite

from .quality import Quality
from .records import FORMAT_VERSION, ParsedProtocol

__all__ = ["protocol_from_dict"]

_CONFIG = dacite.Config(
    type_hooks={dt.date: dt.date.fromisoformat, dt.time: dt.time.fromisoformat},
    cast=[tuple],  # JSON lists back into the records' tuples
    forward_references={"Quality": Quality},
)


def protocol_from_dict(data: dict[str, Any]) -> ParsedProtocol:
    """The `ParsedProtocol` of protocol JSON of the current format version; `ValueError`
    for another version or JSON that does not fit the records."""
    if data.get("format_version") != FORMAT_VERSION:
        raise ValueError(f"protocol JSON of format {data.get('format_version')!r}")
    try:
        return dacite.from_dict(ParsedProtocol, data, config=_CONFIG)
    except (dacite.DaciteError, TypeError, ValueError) as error:
        raise ValueError(f"protocol JSON does not fit the records: {error}") from error
