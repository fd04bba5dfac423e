"""The parser's reading of an upload, as the review page and publishing use it.

The upload form parses the file once and the reading is stored with the upload (its
protocol JSON); the stored file is parsed again only when that reading is missing (an
upload from before readings were kept) or of an older format version, and then within the
same limits as an upload (services.bounded_parse): a web worker never reads a file whole.
"""

from __future__ import annotations

import logging

from ..models import Upload
from ..parsing import ParsedProtocol, protocol_from_dict
from ..services.bounded_parse import parse_upload

logger = logging.getLogger(__name__)


def upload_reading(*, upload: Upload) -> ParsedProtocol:
    """The upload's reading: the stored one, else its stored file parsed again.

    Raises `ParseError` when the file cannot be read as a protocol or within an upload's
    limits, and `OSError` or `ValueError` when the stored file is gone.
    """
    if upload.reading:
        try:
            return protocol_from_dict(upload.reading)
        except ValueError as error:
            logger.info("upload %s: stored reading not used (%s)", upload.pk, error)
    with upload.file.open("rb") as handle:
        data = handle.read()
    return parse_upload(data, upload.filename)
