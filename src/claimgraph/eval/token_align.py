"""Character offsets of a gold set's tokens in the text our pipeline actually reads.

Token-based gold sets (WikiEvents, Re-DocRED) give token positions, not a text. We
rebuild a text from the tokens, and ingest then normalises it (NFC, line ends,
trailing spaces), which may shift offsets. Every gold span is therefore mapped
through :func:`realign` (:class:`~claimgraph.eval.align.OffsetMap`) onto ``Document.text`` as stored, so comparing our evidence
spans with gold spans is comparing the same characters.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.eval.align import OffsetMap

Span = tuple[int, int]

#: Tokens written without a space before them, and after which no space follows.
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re",
                              "'ve", "'ll", "'d", "'m", "''", "-RRB-"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "-LRB-"})


def join_tokens(sentences: Sequence[Sequence[str]], sentence_sep: str = " ") -> tuple[str, list[list[Span]]]:
    """A readable text from tokenised sentences and each token's ``[start, end)`` in it.

    Spacing follows English typography (no space before closing punctuation and
    clitics, none after opening brackets; straight double quotes alternate between
    opening and closing), so the parser sees ordinary prose rather than
    "Schneider ( born 1963 )".
    """
    parts: list[str] = []
    offsets: list[list[Span]] = []
    pos = 0
    for n, sent in enumerate(sentences):
        if n and parts:
            parts.append(sentence_sep)
            pos += len(sentence_sep)
        spans: list[Span] = []
        open_quote = False
        prev: str | None = None
        for tok in sent:
            glue = prev is None or tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER
            if tok == '"':
                glue = glue if not open_quote else True  # a closing quote hugs the word before it
                open_quote = not open_quote
            elif prev == '"' and open_quote:
                glue = True
            if not glue:
                parts.append(" ")
                pos += 1
            spans.append((pos, pos + len(tok)))
            parts.append(tok)
            pos += len(tok)
            prev = tok
        offsets.append(spans)
    return "".join(parts), offsets


def realign(built: str, stored: str, spans: Sequence[Span]) -> list[Span | None]:
    """``spans`` of ``built`` moved onto ``stored`` (the document text after ingest), by the one offset
    carrier the harness uses (:class:`claimgraph.eval.align.OffsetMap`); a span that cannot be carried
    is ``None``."""
    carrier = OffsetMap(built, stored)
    return [carrier.span(sp) for sp in spans]
