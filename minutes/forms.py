"""Forms of the clerks' pages: the protocol upload and the meeting fields a clerk may correct.

The upload form does all the checking a file needs before anything is stored: its size,
its kind by content (never by name) and a full reading by the parser (in a child process
held to a memory and time limit: `services.bounded_parse`), so a bad file ends as
a Swedish message on the upload page and leaves no row and no file behind.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .parsing import ParsedProtocol, ParseError
from .parsing.extract import megabytes_apart, utf16_without_bom
from .services.bounded_parse import parse_upload

# Kinds of file clerks send by mistake, by their first bytes, so the message names them.
FOREIGN_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", _("en bild (PNG)")),
    (b"\xff\xd8\xff", _("en bild (JPEG)")),
    (b"GIF8", _("en bild (GIF)")),
    (b"II*\x00", _("en bild (TIFF)")),
    (b"MM\x00*", _("en bild (TIFF)")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", _("ett äldre Office-dokument (.doc eller .xls)")),
    (b"{\\rtf", _("ett RTF-dokument")),
    (b"\x1f\x8b", _("en gzip-packad fil")),
    (b"Rar!", _("en RAR-packad fil")),
    (b"7z\xbc\xaf", _("en 7-Zip-packad fil")),
    (b"\x7fELF", _("ett program")),
    (b"MZ", _("ett Windows-program")),
)
SNIFF_BYTES = 8192  # enough to see a PDF header after junk and NUL bytes of a binary file
SUPPORTED = _("Ladda upp protokollet som PDF, DOCX eller textfil (TXT eller MD).")


def file_kind(data: bytes) -> str:
    """Tell a protocol file's kind by its content: `pdf`, `docx` or `text`.

    Raise `forms.ValidationError` for anything else, naming what the file seems to be.
    """
    head = data[:SNIFF_BYTES]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        check_word_document(data)
        return "docx"
    for signature, what in FOREIGN_SIGNATURES:
        if head.startswith(signature):
            raise forms.ValidationError(
                _("Filen är %(what)s, inte ett protokoll. %(supported)s"),
                code="wrong_type",
                params={"what": what, "supported": SUPPORTED},
            )
    # Text never holds NUL bytes, except UTF-16/32 (with a byte order mark, or UTF-16 told
    # by its pattern of NULs).
    boms = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
    if b"\x00" in head and not head.startswith(boms) and utf16_without_bom(head) is None:
        raise forms.ValidationError(
            _("Filen är ingen text, PDF eller DOCX utan binära data. %(supported)s"),
            code="wrong_type",
            params={"supported": SUPPORTED},
        )
    return "text"


def check_word_document(data: bytes) -> None:
    """Accept a ZIP only when it is a Word document (it holds `word/document.xml`)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        raise forms.ValidationError(
            _("Filen ser ut som en DOCX-fil men är skadad. %(supported)s"),
            code="broken_docx",
            params={"supported": SUPPORTED},
        ) from error
    if "word/document.xml" not in names:
        raise forms.ValidationError(
            _("Filen är en ZIP-fil men inget Word-dokument (DOCX). %(supported)s"),
            code="wrong_type",
            params={"supported": SUPPORTED},
        )


def check_is_protocol(parsed: ParsedProtocol) -> None:
    """Refuse a readable text that holds nothing of a protocol: no §, no organ, no date."""
    if not parsed.items and not (parsed.committee and parsed.date):
        raise forms.ValidationError(
            _(
                "Filen går att läsa men ser inte ut som ett protokoll: varken paragrafer (§), "
                "organ eller sammanträdesdatum hittades."
            ),
            code="not_a_protocol",
        )


class UploadForm(forms.Form):
    """One protocol file; valid only when the parser could read it."""

    file = forms.FileField(
        label=_("Protokollfil"),
        help_text=_("PDF, DOCX eller textfil (TXT eller MD)."),
        allow_empty_file=True,  # `clean_file` says so in its own words
        error_messages={
            "required": _("Välj en fil att ladda upp."),
            "invalid": _("Filen kom inte fram. Försök igen."),
            "missing": _("Filen kom inte fram. Försök igen."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.data_bytes: bytes = b""
        self.parsed: ParsedProtocol | None = None

    def clean_file(self):
        """Check the size, the kind by content and the reading; keep the bytes and reading."""
        upload = self.cleaned_data["file"]
        limit = settings.MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("Filen är för stor (%(size)s MB). Största tillåtna storlek är %(limit)s MB."),
                code="too_big",
                params=dict(
                    zip(("size", "limit"), megabytes_apart(upload.size, limit), strict=True)
                ),
            )
        data = b"".join(upload.chunks())
        if not data.strip():
            raise forms.ValidationError(_("Filen är tom."), code="empty")
        file_kind(data)
        try:
            parsed = parse_upload(data, upload.name)
        except ParseError as error:
            # The parser's messages are written for clerks, in Swedish.
            raise forms.ValidationError(str(error), code="unreadable") from error
        check_is_protocol(parsed)
        self.data_bytes, self.parsed = data, parsed
        return upload


class MeetingFieldsForm(forms.Form):
    """The meeting fields a clerk may correct before publishing: body, committee and date."""

    body = forms.CharField(
        label=_("Huvudman"),
        max_length=200,
        help_text=_("Regionen eller kommunen, t.ex. Region Västernorrland."),
        error_messages={"required": _("Ange huvudman (region eller kommun).")},
    )
    committee = forms.CharField(
        label=_("Organ"),
        max_length=200,
        help_text=_("Nämnden, utskottet eller styrelsen som sammanträdde."),
        error_messages={"required": _("Ange organ (nämnd, utskott eller styrelse).")},
    )
    date = forms.DateField(
        label=_("Sammanträdesdatum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": _("Ange sammanträdesdatum."),
            "invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2024-04-17."),
        },
    )

    def overrides(self, parsed: ParsedProtocol) -> dict[str, str]:
        """The cleaned fields that differ from the reading, as JSON-ready values."""
        changed: dict[str, str] = {}
        for name in ("body", "committee"):
            if self.cleaned_data[name] != (getattr(parsed, name) or ""):
                changed[name] = self.cleaned_data[name]
        if self.cleaned_data["date"] != parsed.date:
            changed["date"] = self.cleaned_data["date"].isoformat()
        return changed


class PublishForm(MeetingFieldsForm):
    """The meeting fields again (so unsaved corrections are not lost) and, for a protocol
    that replaces a published one, the clerk's choices and reason."""

    discard_corrections = forms.BooleanField(
        label=_("Skriv över rättelserna"),
        help_text=_(
            "Gäller när protokollet ersätter en tidigare inläsning: utan kryss behålls "
            "paragrafer och mötesuppgifter som rättats i administrationen."
        ),
        required=False,
    )
    allow_older = forms.BooleanField(
        label=_("Ersätt ändå den publicerade versionen"),
        help_text=_("Krävs när filen ser ut att vara äldre än den publicerade versionen."),
        required=False,
    )
    reason = forms.CharField(
        label=_("Skäl till ersättningen"),
        help_text=_("Sparas i importloggen, t.ex. ”justerad version med rättad § 12”."),
        max_length=500,
        required=False,
    )


def initial_meeting_fields(parsed: ParsedProtocol, overrides: dict) -> dict[str, object]:
    """The form's starting values: the clerk's saved corrections over the parser's reading."""
    date = overrides.get("date")
    return {
        "body": overrides.get("body", parsed.body or ""),
        "committee": overrides.get("committee", parsed.committee or ""),
        "date": dt.date.fromisoformat(date) if date else parsed.date,
    }
