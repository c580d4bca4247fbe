"""Pipeline component: blank lines end sentences.

News text puts headlines, datelines and subheadings on their own lines, with no
final full stop; the statistical parser then glues them to the next sentence
("Transporting Militants From Kabul Another source told ..."). This component
runs before the parser and marks the first token after a blank line (and after
a line that already ends a sentence) as a sentence start, which the parser respects.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "claimgraph_blank_lines"
_FINAL = (".", "!", "?", '"', "\u201d", "\u2019", ":")


def mark_line_breaks(doc: Doc) -> Doc:
    for i, token in enumerate(doc[:-1]):
        ws = token.text if token.is_space else token.whitespace_
        if "\n" not in ws:
            continue
        nxt = doc[i + 1]
        if nxt.is_space:
            continue
        blank = ws.count("\n") >= 2
        if token.is_space and i > 0:
            prev = doc[i - 1]
            blank = blank or "\n" in prev.whitespace_
            last = prev.text
        else:
            last = token.text
        if blank or last.endswith(_FINAL):
            nxt.is_sent_start = True
    return doc


def register() -> None:
    """Register the component factory with spaCy (idempotent; called by ``load_nlp``)."""
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, assigns=["token.is_sent_start"], func=mark_line_breaks)
