"""Pipeline component: line structure ends sentences.

News text puts headlines, datelines and subheadings on their own lines, with no
final full stop; the statistical parser then glues them to the next sentence
("Transporting Militants From Kabul Another source told ..."). This component
runs before the parser and marks a sentence start at the first token of a line when

* a blank line (or a PARAGRAPH SEPARATOR, U+2029) precedes it,
* the line before already ends a sentence (".", "?", a closing quote ...), or
* the line before is header-like — a title-case or word-free line such as
  "For Immediate Release", "Sangin/Helmand", "KABUL, Afghanistan (Jan. 10, 2011) –"
  or a release number — and this line starts with a capital or a digit.

Line breaks are "\\n" and also the Unicode LINE SEPARATOR (U+2028), which press
releases copied from web pages use in place of "\\n" (and VT, FF, NEL). A single break
after an ordinary unfinished line ("The Syrian Democratic Forces said\\nthat the
convoy ...", or a hard-wrapped "... told the\\nPresident ...") does not end the sentence:
a line is header-like only when it has no lower-case word but short function words.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "claimgraph_blank_lines"
_FINAL = (".", "!", "?", '"', "\u201d", "\u2019", ":")

#: characters that end a line; U+2029 ends a paragraph (a blank line on its own)
_LINE_END = "\n\u2028\u2029\x0b\x0c\x85"
_PARAGRAPH = "\u2029"
#: horizontal space, no-break space included (a line holding only "\xa0" is blank)
_HSPACE = " \t\xa0\u2007\u202f"
_BREAK = re.compile(rf"[{_LINE_END}](?:[{_HSPACE}]*[{_LINE_END}])*[{_HSPACE}]*")
#: lower-case words a title-case header may hold ("Two Insurgents Killed in Helmand")
_FUNCTION_WORDS = frozenset(
    "a an and as at but by de del der des du el for from in into la le of on or over per the to up via vs with al".split()
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")


def header_like(line: str) -> bool:
    """True for a line that reads as a header, not as part of a sentence.

    A header has letters or digits and no lower-case word beyond short function
    words: "For Immediate Release", "ISAF Joint Command - Afghanistan", "2011-01-S-115",
    "KABUL, Afghanistan (Jan. 10, 2011) –". "told the" or "said" makes a line prose, and
    so does a line that opens in lower case or ends on a function word (a wrapped line).
    """
    stripped = line.strip(_HSPACE)
    if not stripped or not any(ch.isalnum() for ch in stripped) or stripped[0].islower():
        return False  # a line opening in lower case continues a wrapped sentence
    words = _WORD.findall(stripped)
    if words and words[-1].lower() in _FUNCTION_WORDS and stripped.endswith(words[-1]):
        return False  # "... by the" runs on into the next line
    return not any(w[0].islower() and w.lower() not in _FUNCTION_WORDS for w in words)


def _starts_line(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "\"'\u201c\u2018(["


def mark_line_breaks(doc: Doc) -> Doc:
    """Preset sentence starts after blank lines, finished lines and header lines (see module doc)."""
    text = doc.text
    line_start = 0
    for m in _BREAK.finditer(text):
        end = m.end()
        line = text[line_start : m.start()]
        line_start = end
        if end >= len(text) or not line.strip(_HSPACE):
            continue
        brk = m.group(0)
        blank = sum(brk.count(c) for c in _LINE_END) > 1 or _PARAGRAPH in brk
        last = line.rstrip(_HSPACE)[-1]
        if not blank and not last.endswith(_FINAL) and not (header_like(line) and _starts_line(text[end])):
            continue
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


def register() -> None:
    """Register the component factory with spaCy (idempotent; called by ``load_nlp``)."""
    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, assigns=["token.is_sent_start"], func=mark_line_breaks)
