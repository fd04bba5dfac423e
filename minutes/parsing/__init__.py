"""Read a protocol file into a `ParsedProtocol`. Pure Python: no Django, no database.

Public API: `parse_file(path)` and `parse_bytes(data)` for files, `parse_text(text)` for text
already extracted, `extract_text(path)` / `extract_bytes(data)` for the text alone,
`ParseError` (a Swedish message for clerks), and `protocol_to_dict` / `protocol_from_dict`
for the protocol JSON.
"""

from .api import parse_bytes, parse_file
from .document import parse_text
from .errors import ParseError
from .extract import Extracted, extract_bytes, extract_text
from .records import FORMAT_VERSION, ParsedProtocol, protocol_to_dict
from .restore import protocol_from_dict

__all__ = [
    "FORMAT_VERSION",
    "Extracted",
    "ParseError",
    "ParsedProtocol",
    "extract_bytes",
    "extract_text",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "protocol_from_dict",
    "protocol_to_dict",
]
