"""Carrying character offsets from one rendering of a text to another.

The same article often exists twice: as a gold set stores it (tokens joined by spaces,
one sentence per line) and as a plain file or a normalised :class:`Document` text.
Gold spans are moved across by aligning the two texts' non-space characters: when
those agree (the usual case: only whitespace differs) every character maps exactly;
otherwise the longest common blocks are aligned (``difflib``) and a span whose ends
fall outside every block does not map.
"""

from __future__ import annotations

from bisect import bisect_left
from difflib import SequenceMatcher

Span = tuple[int, int]


class OffsetMap:
    """Maps ``[start, end)`` spans of ``src`` onto ``dst``; :meth:`span` returns None when it cannot."""

    def __init__(self, src: str, dst: str) -> None:
        self.identical = src == dst
        self._dst = dst
        self._src_pos = [i for i, ch in enumerate(src) if not ch.isspace()]
        self._dst_pos = [i for i, ch in enumerate(dst) if not ch.isspace()]
        self._map: dict[int, int] = {}
        self._mapped_dst: set[int] = set()
        if self.identical:
            return
        a = "".join(src[i] for i in self._src_pos)
        b = "".join(dst[i] for i in self._dst_pos)
        if a == b:
            self._map = dict(zip(self._src_pos, self._dst_pos))
            return
        shift = a.find(b) if b else -1
        if shift >= 0:  # dst is a part of src (a header left out)
            self._map = dict(zip(self._src_pos[shift:], self._dst_pos))
            return
        shift = b.find(a) if a else -1
        if shift >= 0:  # src is a part of dst
            self._map = dict(zip(self._src_pos, self._dst_pos[shift:]))
            return
        for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
            for k in range(block.size):
                self._map[self._src_pos[block.a + k]] = self._dst_pos[block.b + k]
        self._mapped_dst = set(self._map.values())

    def span(self, span: Span) -> Span | None:
        """The span in ``dst`` covering the mapped non-space characters of ``span`` in ``src``."""
        start, end = int(span[0]), int(span[1])
        if self.identical:
            return start, end
        lo = bisect_left(self._src_pos, start)
        hi = bisect_left(self._src_pos, end)
        mapped = [self._map[p] for p in self._src_pos[lo:hi] if p in self._map]
        if not mapped:
            return None
        start, end = mapped[0], mapped[-1] + 1
        if self._mapped_dst:
            # a character written differently at the edge of the span ("Cafe\u0301" stored as "Caf\u00e9")
            # maps to nothing: the span takes the unmapped letters touching it, never across white space
            dst = self._dst
            while start > 0 and not dst[start - 1].isspace() and start - 1 not in self._mapped_dst:
                start -= 1
            while end < len(dst) and not dst[end].isspace() and end not in self._mapped_dst:
                end += 1
        return start, end
