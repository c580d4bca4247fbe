"""Pipeline component: blank lines end sentences.

News text puts headlines, datelines and subheadings on their own lines, with no
final full stop; the statistical parser then glues them to the next sentence
("Transporting Militants From Kabul Another source told ..."). This component
runs before the parser and marks the first token after a blank line (and after
a line that already ends a sentence) as a sentence start, which the parser respects.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "claimgraph_blank_lines"
_FINAL = (".", "!", "?", '"', "\u201d", "\u2019", ":")


_BREAK = re.compile(r"\n[ \t]*(\n\s*)?")


def mark_line_breaks(doc: Doc) -> Doc:
    text = doc.text
    for m in _BREAK.finditer(text):
        end = m.end()
        if end >= len(text) or text[end].isspace():
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j < 0:
            continue
        if m.group(1) is None and not text[j].endswith(_FINAL):
            continue
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


def register() -> None:
    """Register the component factory with spaCy (idempotent; called by ``load_nlp``)."""
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, assigns=["token.is_sent_start"], func=mark_line_breaks)
