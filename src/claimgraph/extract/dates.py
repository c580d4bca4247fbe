"""Dates with the precision the text gives, and intervals where it gives only a bound.

* Absolute and partial dates keep their precision: "April 2022" → ``2022-04``
  (month), "2019" → ``2019`` (year), "3 May 2021" → ``2021-05-03`` (day).
* Expressions relative to the publication date: "yesterday", "on Monday",
  "last week", "over the past three years" (→ an interval ``after``/``before``).
  For "over the past N units" we bound the interval by the publication date and
  the same date N units earlier — our own rule, documented here.
* "after"/"since"/"before"/"until" around a date turn it into a bound.
* Relative to other events: "after the death of X", "before returning to
  power" bind to a dated anchor only when ``data/events.anchors.yaml`` lists one
  (with its source); otherwise the interval stays open (no date).

Events without a date of their own: an episode noun ("an operation … yesterday") takes
the date of its clause; a later definite mention ("during the operation", "during the
search") takes the episode's date, or, with no earlier mention of that noun, the
main-clause date of the sentence before; and a main-clause event after a dated episode
keeps the episode's time until the text names another (the narrative's reference time —
our rule). Release numbers ("2010-04-CA-015") and the dateline are never event dates.

Absolute dates are read with our own month/day/year patterns and keep the precision
the text shows. A date without a year ("June 14") takes the year that puts it nearest
the publication date, days in the future counting twice (:func:`nearest_year`); with no
publication date it gives no date at all: a year is never taken from the clock.

The text-only part (what a phrase says about time) is :mod:`claimgraph.extract.dates_expressions`;
this module attaches those dates to claims (:class:`DateFinder`).

Day words resolve against the publication day: "today"/"tonight" → that day,
"yesterday"/"last night"/"overnight" → the day before, a weekday name → the latest
such day on or before the publication day (a Sunday story's "Sunday" is that Sunday;
"last Sunday" a week earlier). Against a month-only publication date they stay at
month precision (see :func:`parse_expression`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.extract.syntax import adverbial_subject
from claimgraph.extract.dates_expressions import (  # noqa: F401  (re-exported: the text-only half of this module)
    AFTER_WORDS,
    BEFORE_WORDS,
    date_mentions,
    days_back,
    nearest_year,
    parse_expression,
    parse_published,
    published_precision,
    said_of_future,
)
from claimgraph.model import DateInterval

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from claimgraph.extract.context import DocContext


@lru_cache(maxsize=1)
def anchors() -> tuple[dict[str, Any], ...]:
    return tuple(load_yaml("events.anchors.yaml") or ())


@lru_cache(maxsize=1)
def _report_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs ("confirm", "announce"; ``data/reporting.yaml``)."""
    return frozenset(str(v) for v in load_yaml("reporting.yaml")["verbs"])


def _lemma_text(tokens: Any) -> str:
    return " ".join(t.lemma_.lower() for t in tokens)


def anchor_date(expr_tokens: Any, sentence: SpacySpan) -> str | None:
    """The date of a listed anchor event named by ``expr_tokens`` (e.g. "returning to power")."""
    lem = " " + _lemma_text(expr_tokens) + " "
    raw = " " + " ".join(t.lower_ for t in expr_tokens) + " "
    sent_low = sentence.text.lower()
    for a in anchors():
        if any((" " + p + " ") in lem or (" " + p + " ") in raw or (" " + p) in raw for p in a["phrases"]):
            if any(n in sent_low for n in a["names"]):
                return str(a["date"])
    return None


def _definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "its", "their")
               for c in tok.children)


def _as_bound(d: DateInterval, bound: str | None) -> DateInterval:
    if bound is None or d.value is None:
        return d
    if bound == "after":
        return DateInterval(after=d.value, precision=d.precision, text=d.text, span=d.span)
    return DateInterval(before=d.value, precision=d.precision, text=d.text, span=d.span)


def _open_path(tok: Token) -> bool:
    """True when ``tok`` is in its sentence's main clause (not a reported or relative clause)."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "relcl", "acl", "csubj", "parataxis"):
            return False
        t = t.head
    return True


class DateFinder:
    """Dates for claims in one document: DATE entities parsed once, then attached per trigger."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.published = ctx.document.published
        self.by_token: dict[int, tuple[Any, DateInterval]] = {}
        for ent, parsed in date_mentions(ctx.sdoc, self.published):
            if parsed is None:
                continue
            for t in ent:
                self.by_token[t.i] = (ent, parsed)
        # episodes ("an operation … yesterday") that later definite mentions refer back to
        self.episode_nouns = frozenset(load_yaml("events.episodes.yaml")["episode_nouns"])
        self.episodes: list[tuple[int, str, DateInterval]] = []
        for tok in ctx.sdoc:
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.episode_nouns and not _definite(tok):
                d = self._own_date(tok) or self._clause_date(tok) or self._sentence_date(tok, clause_free=True)
                if d is not None:
                    self.episodes.append((tok.idx, tok.lemma_.lower(), d))

    def _path(self, tok: Token, trigger: Token) -> list[Token] | None:
        """Tokens from ``tok`` up to (excluding) ``trigger``; None when the path crosses a nested clause."""
        path: list[Token] = []
        t = tok
        while t.i != trigger.i:
            if t.dep_ in ("ccomp", "relcl", "acl", "csubj", "advcl") and t.pos_ in ("VERB", "AUX"):
                return None
            path.append(t)
            if t.head.i == t.i or len(path) > 25:
                return None
            t = t.head
        return path

    def for_trigger(self, trigger: Token, scope: tuple[int, int] | None = None) -> DateInterval | None:
        """The date of the event or state triggered at ``trigger``.

        Looks for a DATE expression governed by the trigger (not through a nested
        clause), then for "after/before <event>" clauses: a dated nominal event
        ("after the airstrikes in April 2022") or a listed anchor ("after the death of X").
        Falls back through coordinated and controlling verbs ("summoned … and asked").
        """
        t: Token | None = trigger
        hops = 0
        while t is not None and hops < 3:
            found = self._direct(t)
            if found is not None:
                return found
            if t.dep_ in ("conj", "xcomp") and t.head.i != t.i:
                t = t.head
                hops += 1
                continue
            if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.head.pos_ in ("VERB", "AUX"):
                t = t.head.head  # "proposed at Pakistan's request" happens when the proposal does
                hops += 1
                continue
            break
        return self._reported_nominal_date(trigger) or self._sentence_date(trigger) or \
            self._episode_date(trigger) or self._narrative_date(trigger)

    def _reported_nominal_date(self, trigger: Token) -> DateInterval | None:
        """"ISAF today confirmed the capture of a facilitator in Zabul province, June 14": a nominal
        event a reporting verb announces happened when the text after the noun says, not on the
        day of the announcement ("today" dates "confirmed"). The first day-or-month date after the
        noun in its sentence, outside a relative clause, is the event's."""
        if trigger.pos_ != "NOUN" or not any(a.lemma_.lower() in _report_verbs() for a in trigger.ancestors):
            return None
        sent = trigger.sent
        for i in range(trigger.i + 1, sent.end):
            hit = self.by_token.get(i)
            if hit is None:
                continue
            ent, parsed = hit
            relative = any(a.dep_ == "relcl" and a.i > trigger.i for a in ent.root.ancestors)
            if parsed.value and parsed.precision in ("day", "month") and not relative:
                return parsed
        return None

    def _narrative_date(self, trigger: Token) -> DateInterval | None:
        """A report's narrative keeps the time of the episode it opened with until it names
        another: "In Borno last night, a force searched a compound …. The force captured a
        facilitator …" — a main-clause event with no date of its own, after a dated episode
        and with no other date in between, happens in that episode."""
        if not _open_path(trigger):
            return None
        sent = trigger.sent
        earlier = [(start, d) for start, _, d in self.episodes if start < sent.start_char and d.value]
        if not earlier:
            return None
        start, d = earlier[-1]
        episode_sent = self.ctx.sdoc.char_span(start, start + 1, alignment_mode="expand")
        if episode_sent is None:
            return None
        for i in range(episode_sent.sent.end, sent.end):
            if i in self.by_token:
                return None  # a new time named since the episode
        return d

    def _own_date(self, noun: Token) -> DateInterval | None:
        """A date inside the episode's own phrase: "a security operation detaining four suspects
        in Logar province yesterday" — not one of an episode nested in it, nor one in a relative
        clause, which tells the episode as background."""
        for t in noun.subtree:
            hit = self.by_token.get(t.i)
            if hit is None or t.i == noun.i or not hit[1].value:
                continue
            inner = [a for a in t.ancestors if a.i != noun.i and noun in a.ancestors]
            if any(a.dep_ == "relcl" for a in inner):
                continue  # "an attack that killed four soldiers in Kabul Dec. 19" is told as background
            if not any(a.pos_ == "NOUN" and a.lemma_.lower() in self.episode_nouns for a in inner):
                return hit[1]
        return None

    def _clause_date(self, noun: Token) -> DateInterval | None:
        """The date of the clause an episode noun sits in: "efforts to seek sanctuary during two
        operations in Zabul yesterday" — "yesterday" goes with "seek", and so with the operations."""
        head = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if head is None:
            return None
        found = self._direct(head)
        return found if found is not None and found.value else None

    def _episode_date(self, trigger: Token) -> DateInterval | None:
        """"During the operation, the force killed …": the date of the episode referred back to.

        A definite episode noun with no earlier mention of its own ("In Kunduz last night, a
        force went to the village … During the search the force detained …") refers to what
        the sentence before narrates, and takes that sentence's main-clause date."""
        sent = trigger.sent
        for t in sent:
            lemma = t.lemma_.lower()
            if t.pos_ == "NOUN" and lemma in self.episode_nouns and _definite(t):
                earlier = [d for start, lem, d in self.episodes if lem == lemma and start < sent.start_char]
                if earlier:
                    return earlier[-1]
                if sent.start > 0 and not any(lem == lemma for start, lem, _ in self.episodes if start < sent.start_char):
                    before = self.ctx.sdoc[sent.start - 1].sent
                    return self._sentence_date(before.root)
        return None

    def _sentence_date(self, trigger: Token, clause_free: bool = False) -> DateInterval | None:
        """A date stated for the sentence's main clause ("Forces conducted an operation in X
        yesterday. … killed two insurgents") also dates the events of that clause, but never
        reaches into a reported or relative clause."""
        open_path = _open_path
        if not clause_free and not open_path(trigger):
            return None
        sent = trigger.sent
        for i in range(sent.start, sent.end):
            hit = self.by_token.get(i)
            if hit is None:
                continue
            ent, parsed = hit
            if parsed.value and open_path(ent.root) and not any(
                t.lower_ in AFTER_WORDS | BEFORE_WORDS for t in ent.root.ancestors
            ):
                return parsed
        return None

    def _direct(self, trigger: Token) -> DateInterval | None:
        seen: set[int] = set()
        best: tuple[int, DateInterval] | None = None
        for i in range(trigger.left_edge.i, trigger.right_edge.i + 1):
            hit = self.by_token.get(i)
            if hit is None:
                continue
            ent, parsed = hit
            if ent.start in seen:
                continue
            seen.add(ent.start)
            path = self._path(ent.root, trigger)
            if path is None or self._nested_episode(path, trigger):
                continue
            bound = None
            adv = adverbial_subject(trigger)
            if adv is not None and adv in path:
                mark = next(c for c in trigger.children if c.dep_ == "mark" and c.lower_ in AFTER_WORDS | BEFORE_WORDS | {"when", "while", "as", "once"})
                bound = "after" if mark.lower_ in AFTER_WORDS else "before" if mark.lower_ in BEFORE_WORDS else None
            for t in path:
                if t.lower_ in AFTER_WORDS or any(c.dep_ == "mark" and c.lower_ in AFTER_WORDS for c in t.children):
                    bound = "after"
                elif t.lower_ in BEFORE_WORDS or any(c.dep_ == "mark" and c.lower_ in BEFORE_WORDS for c in t.children):
                    bound = "before"
            parsed = _as_bound(parsed, bound)
            if best is None or len(path) < best[0]:
                best = (len(path), parsed)
        if best is not None:
            return best[1]
        return self._relative_clause(trigger)

    def _nested_episode(self, path: list[Token], trigger: Token) -> bool:
        """True when the date on ``path`` dates an episode nested in an argument's description,
        not the trigger: "targeted a leader responsible for an attack Jan. 7" — Jan. 7 is the
        attack's. An episode that is the trigger's own argument ("conducted an operation
        yesterday", "killed two during a raid Monday") passes its date on."""
        for t in path[1:]:
            if t.pos_ == "NOUN" and t.lemma_.lower() in self.episode_nouns:
                head = t.head.head if t.head.dep_ == "prep" else t.head
                if head.i != trigger.i:
                    return True
        return False

    def _relative_clause(self, trigger: Token) -> DateInterval | None:
        """"after the death of X" / "before returning to power" attached to ``trigger``."""
        for c in trigger.children:
            if not (c.dep_ in ("prep", "advcl", "mark") or c.dep_ == "advmod"):
                continue
            word = c.lower_
            head = c
            if c.dep_ == "advcl":
                marks = [m for m in c.children if m.dep_ in ("mark", "prep") and m.lower_ in AFTER_WORDS | BEFORE_WORDS]
                if not marks:
                    continue
                word = marks[0].lower_
            if word not in AFTER_WORDS and word not in BEFORE_WORDS:
                continue
            bound = "after" if word in AFTER_WORDS else "before"
            tokens = list(head.subtree)
            # a dated nested event ("after Pakistan's airstrikes … in April 2022")
            for t in tokens:
                hit = self.by_token.get(t.i)
                if hit is not None and hit[1].value:
                    ent, parsed = hit
                    return DateInterval(**{bound: parsed.value}, precision=parsed.precision,
                                        text=" ".join(x.text for x in tokens), span=(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
            anchored = anchor_date(tokens, trigger.sent)
            if anchored:
                return DateInterval(**{bound: anchored}, precision="day",
                                    text=" ".join(x.text for x in tokens), span=(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)))
        return None
