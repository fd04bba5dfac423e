"""The one exception the parser raises: the file cannot be read as a protocol at all."""


class ParseError(Exception):
    """The input cannot be read as a protocol (empty, garbage, encrypted, scanned, …).

    The message is shown to clerks as it is, so it is written in Swedish.
    """


# The start of every message about a file of the wrong kind.
NOT_READABLE = "Filen är inte en text, PDF eller DOCX"
