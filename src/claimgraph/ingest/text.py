"""Bytes to text, refusing what is not text, with the reason a user can act on."""

from __future__ import annotations

from typing import Any

from claimgraph.errors import IngestError
from claimgraph.ingest.dateline import find_dateline
from claimgraph.model import Document, normalise_text

#: signatures of common binary formats that may sit in a folder of articles
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (docx, xlsx, epub, ...)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(data: bytes, subject: str, fallback: str | None = None) -> str:
    """Decode ``data`` as UTF-8 (or UTF-16 with a byte-order mark).

    ``fallback`` is an encoding the file itself declares (an HTML page's
    ``<meta charset>``), used when the bytes are not UTF-8. Raises CG101 for no
    text at all, CG102 for binary data and CG103 for bytes that are not UTF-8
    (nor the declared encoding), naming the byte offset and line.
    """
    if not data.strip():
        raise IngestError("CG101", subject, "no bytes" if not data else "only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError("CG103", subject, f"bad {encoding} at byte {exc.start + len(bom)}") from exc
            return _non_empty(text, subject)
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise IngestError("CG102", subject, f"looks like a {kind}")
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise IngestError("CG102", subject, f"NUL byte at offset {nul}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if fallback and fallback != "utf-8":
            try:
                return _non_empty(data.decode(fallback), subject)
            except UnicodeDecodeError:
                pass
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise IngestError("CG103", subject, f"byte 0x{bad} at offset {exc.start}, line {line}", offset=exc.start) from exc
    return _non_empty(text, subject)


def _non_empty(text: str, subject: str) -> str:
    if not text.strip():
        raise IngestError("CG101", subject, "only whitespace")
    if "\x00" in text:
        raise IngestError("CG102", subject, "NUL character in text")
    return text


def build_document(text: str, subject: str, **meta: Any) -> Document:
    """A Document from decoded text, filling what the caller did not know from the text itself.

    Publication date, outlet and title given in ``meta`` win; missing ones come
    from the dateline and headline at the top of the text. ``meta["meta"]``
    records where each came from (``published_from``: argument | metadata | dateline).
    """
    norm = normalise_text(text)
    if not norm.strip():
        raise IngestError("CG101", subject, "only whitespace")
    extra: dict[str, Any] = dict(meta.pop("meta", None) or {})
    fields = {k: v for k, v in meta.items() if v is not None}
    line = find_dateline(norm)
    if "published" not in fields and line.published:
        fields["published"] = line.published
        extra["published_from"] = "dateline"
        extra["published_precision"] = line.precision
        if line.date_span:
            extra["dateline_span"] = list(line.date_span)
        if line.year_span:  # a yearless dateline's year: where the header states it
            extra["published_year_span"] = list(line.year_span)
    if "outlet" not in fields and line.outlet:
        fields["outlet"] = line.outlet
        extra["outlet_from"] = "dateline"
    if "title" not in fields and line.title:
        fields["title"] = line.title
    if extra:
        fields["meta"] = extra
    return Document.from_text(norm, **fields)
