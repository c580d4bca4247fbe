"""HTML pages to Documents: the main text and metadata via trafilatura."""

from __future__ import annotations

import codecs
import re
from typing import Any

from claimgraph.errors import IngestError
from claimgraph.ingest.dateline import iso_date
from claimgraph.ingest.text import build_document
from claimgraph.model import Document

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
                         re.IGNORECASE)


def declared_html_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares in its first 4 KB (``<meta charset>``, XML declaration), if Python knows it."""
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:2000].lower()


def document_from_html(html: str, subject: str, **meta: Any) -> Document:
    """The article text of ``html`` with its title, date and site name as metadata.

    Arguments in ``meta`` win over the page's metadata, which wins over a
    dateline in the text. A page with no main text raises CG107.
    """
    import trafilatura

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = (getattr(result, "text", None) or "") if result is not None else ""
    if not text.strip():
        raise IngestError("CG107", subject)
    extra: dict[str, Any] = {}
    page_title = getattr(result, "title", None)
    page_date = getattr(result, "date", None)
    sitename = getattr(result, "sitename", None)
    url = getattr(result, "url", None)
    if meta.get("title") is None and page_title:
        meta["title"] = page_title
    if meta.get("published") is None and page_date:
        try:
            meta["published"] = iso_date(page_date, subject)
            extra["published_from"] = "metadata"
        except IngestError:
            extra["unparsed_date"] = page_date
    if meta.get("outlet") is None and sitename:
        meta["outlet"] = sitename
        extra["outlet_from"] = "metadata"
    if meta.get("url") is None and url:
        meta["url"] = url
    author = getattr(result, "author", None)
    if author:
        extra["author"] = author
    meta["meta"] = {**extra, **(meta.get("meta") or {})}
    return build_document(text, subject, source_format="html", **meta)
