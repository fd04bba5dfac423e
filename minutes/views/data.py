"""The `/data/` page: the newest bulk export's files with sizes and row counts, the
licence, and the files themselves (`/data/<name>`)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..selectors.data_files import data_export_latest
from ..services.data_readme import LICENCE_NAME, LICENCE_URL, licence_text

# Read in the browser; the table files are downloads.
_TEXT_TYPES = {
    ".md": "text/markdown; charset=utf-8",
    ".sql": "text/plain; charset=utf-8",
    ".json": "application/json",
}


def _root() -> Path:
    return Path(settings.DATA_EXPORT_ROOT)


def data_page(request: HttpRequest) -> HttpResponse:
    """Every file of the newest export, the licence, and how to read the files."""
    context = {
        "export": data_export_latest(root=_root()),
        "licence_text": licence_text(),
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
    }
    return render(request, "minutes/data/index.html", context)


def data_file(request: HttpRequest, name: str) -> FileResponse:
    """One file of the newest export, by its name; anything else is a 404."""
    export = data_export_latest(root=_root())
    path = export.path_of(name) if export else None
    if path is None:
        raise Http404(_("Filen finns inte."))
    try:
        handle = path.open("rb")
    except FileNotFoundError as error:  # removed by a newer export meanwhile
        raise Http404(_("Filen finns inte.")) from error
    text_type = _TEXT_TYPES.get(path.suffix)
    if text_type:
        return FileResponse(handle, content_type=text_type)
    # Served as the gzip file it is (no Content-Encoding), so it is saved compressed.
    return FileResponse(handle, as_attachment=True, filename=name, content_type="application/gzip")
