"""Files whose cost grows faster than their size, for the parse benchmark and the tests.

Each builder returns the bytes of one upload: a long text of `§` lines, a Word document
with many styles, Word documents whose XML unpacks to far more than the file (saying so,
or not), and a PDF whose one content stream inflates to hundreds of megabytes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
from docx.enum.style import WD_STYLE_TYPE

CHUNK = 1 << 20

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_START = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body>"
)
DOCUMENT_END = b"</w:body></w:document>"
TINY_PARAGRAPH = b"<w:p><w:r><w:t>\xc2\xa7 1</w:t></w:r></w:p>"


def section_lines(count: int) -> bytes:
    """A protocol text of `count` lines that each start with `§`, as in a long index."""
    head = "Kommunstyrelsen\nSammanträdesdatum 2024-05-14\n"
    lines = (f"§ {number} Ärende {number} om budget och verksamhet" for number in range(count))
    return (head + "\n".join(lines)).encode("utf-8")


def long_text(size: int) -> bytes:
    """An ordinary protocol text repeated to `size` bytes: §§ with decisions and motions."""
    item = (
        "§ {n} Detaljplan för kvarteret Lärkan {n}\nDnr KS 2024/{n}\n"
        "Ärendebeskrivning\nFörvaltningen har tagit fram ett förslag till detaljplan.\n"
        "Yrkanden\nAnna Berg (S) yrkar bifall till förslaget.\n"
        "Beslut\nKommunstyrelsen beslutar\natt anta detaljplanen, samt\n"
        "att uppdra åt förvaltningen att verkställa beslutet.\n"
        "Reservation\nPer Ek (M) reserverar sig mot beslutet.\n"
    )
    parts = ["Kommunstyrelsen\nProtokoll\nSammanträdesdatum 2024-05-14\n"]
    total, number = len(parts[0]), 1
    while total < size:
        parts.append(item.format(n=number))
        total += len(parts[-1].encode("utf-8"))
        number += 1
    # Cut at `size` bytes, but never inside a character (a cut å would read as cp1252).
    return "".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore").encode("utf-8")


def styled_docx(paragraphs: int = 2000, styles: int = 164) -> bytes:
    """A Word protocol of `paragraphs` paragraphs over `styles` paragraph styles, some
    headings, some bold, some numbered through their base style, with bold runs and
    character styles: the document whose every paragraph once scanned every style."""
    document = docx.Document()
    made = []
    for index in range(styles):
        name = f"Rubrik egen {index}" if index % 7 == 0 else f"Brödtext {index}"
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if made and index % 3 == 0:
            style.base_style = made[index // 2]
        if index % 5 == 0:
            style.font.bold = True
        made.append(style)
    strong = document.styles.add_style("Stark egen", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    list_style = document.styles["List Bullet"]
    for number in range(paragraphs):
        if number % 11 == 0:
            paragraph = document.add_paragraph(style=list_style)
        else:
            paragraph = document.add_paragraph(style=made[number % styles])
        paragraph.add_run(f"§ {number} Ärende om ")
        run = paragraph.add_run(f"verksamhet {number}")
        if number % 4 == 0:
            run.style = strong
        elif number % 4 == 1:
            run.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_package(document_xml_chunks, *, size_hint: int = 0) -> bytes:
    """A minimal DOCX whose `word/document.xml` is the chunks, deflated as they come."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = size_hint
        with archive.open(info, "w", force_zip64=size_hint > 0x7FFFFFFF) as member:
            for chunk in document_xml_chunks:
                member.write(chunk)
    return buffer.getvalue()


def docx_bomb(claimed: int = 1_100_000_000) -> bytes:
    """A DOCX of about a megabyte whose document.xml unpacks to `claimed` bytes of tiny
    paragraphs (a "zip bomb")."""
    return docx_package(_tiny_paragraphs(claimed), size_hint=claimed)


def dense_docx(unpacked: int = 150_000_000) -> bytes:
    """A DOCX whose document.xml is `unpacked` bytes of one-word paragraphs: under the
    old 200 MB cap on the whole package, yet gigabytes once parsed into a tree."""
    return docx_package(_tiny_paragraphs(unpacked), size_hint=unpacked)


def _tiny_paragraphs(size: int):
    yield DOCUMENT_START
    block = TINY_PARAGRAPH * (CHUNK // len(TINY_PARAGRAPH))
    room = size - len(DOCUMENT_START) - len(DOCUMENT_END)
    while room > 0:
        piece = block[: room - room % len(TINY_PARAGRAPH)] if room < len(block) else block
        if not piece:
            break
        yield piece
        room -= len(piece)
    yield b" " * max(room, 0) + DOCUMENT_END


def pdf_bomb(inflated: int = 600_000_000) -> bytes:
    """A one-page PDF of well under a megabyte whose content stream inflates to `inflated`
    bytes of text-showing operators."""
    operator = b"(x) Tj "
    block = operator * (CHUNK // len(operator))
    compressor = zlib.compressobj(9)
    pieces = [compressor.compress(b"BT /F1 12 Tf 72 712 Td ")]
    for _ in range(inflated // len(block)):
        pieces.append(compressor.compress(block))
    pieces.append(compressor.compress(b"ET"))
    pieces.append(compressor.flush())
    stream = b"".join(pieces)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def lying_docx(unpacked: int = 150_000_000, claimed: int = 100_000) -> bytes:
    """A dense DOCX whose document.xml declares only `claimed` bytes (and the checksum of
    those), though it inflates to `unpacked`: zipfile inflates all of it before cutting."""
    data = bytearray(dense_docx(unpacked))
    head = b"".join(_tiny_paragraphs(claimed + CHUNK))[:claimed]
    name = b"word/document.xml"
    entry = data.rfind(b"PK\x01\x02", 0, data.rfind(name))  # its central directory entry
    struct.pack_into("<I", data, entry + 16, zlib.crc32(head))
    struct.pack_into("<I", data, entry + 24, claimed)
    return bytes(data)
