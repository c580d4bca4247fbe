"""When two event claims state the same event: what rules it out, and what says it is the same.

:mod:`claimgraph.resolve.crossdoc` groups claims; this module holds the comparison it makes,
split in two questions so a group can be checked against all its members and joined through
one of them:

* :func:`conflict` — a stated argument that differs (another type or trigger word, another
  source or target, dates that do not overlap, places neither of which holds the other). Any
  conflict with any member keeps a claim out of a group: one report's two attacks on two
  places stay two facts; within a report, different numbers of people killed (or captured…)
  too, while two reports may well disagree on a toll.
* :func:`anchor` — the evidence that two claims free of conflict are one event, as a sentence
  the store keeps beside the membership (the decision, not a rewrite of the claims). Within one
  report the same trigger word is enough ("arrested" … "the arrest"), else an actor shared in
  the same role (a synonym alone is not: "an attack" … "shot dead by police"); across reports the evidence must be *informative*: a named
  actor shared in the same role with a date of at most a month stated in both or a place stated
  in both, or — when the trigger words agree — a named person shared in the same role (a
  person, unlike an army or a country, is rarely the actor of two same-worded events at once),
  or the same day and the same place stated in both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date as _date

from claimgraph.data import load_yaml
from claimgraph.export.common import ClaimView, Corpus, normalise_name
from claimgraph.model import DateInterval
from claimgraph.resolve.crossdoc_triggers import same_trigger, trigger_key

_RULES = load_yaml("crossdoc.yaml")
#: modalities that state the fact happened / holds, and those that say it did not
SUPPORTING = frozenset(_RULES["supporting_modalities"])
OPPOSING = frozenset(_RULES["opposing_modalities"])
#: joint PLOVER categories: the parties may be named in either role
RECIPROCAL = frozenset(_RULES["reciprocal_event_types"])
#: a stated date helps recognise one event in two reports when it allows at most this many days
INFORMATIVE_DAYS = int(_RULES["informative_date_days"])

OPEN_START = "0000-01-01"
OPEN_END = "9999-12-31"
_PER_REPORT = "group:"  # canonical keys of collectives, which are never the same across reports
_COUNTRY_FEATURES = frozenset({"country"})
_PROVINCE_FEATURES = frozenset({"province"})


def _lower(value: str) -> str:
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value[:10]


def upper(value: str) -> str:
    """The last day an ISO date of any precision allows, as text ("-31" closes any month when compared as text)."""
    if len(value) >= 10:
        return value[:10]
    if len(value) == 7:
        return value + "-31"
    return value[:4] + "-12-31"


def interval(date: DateInterval | None) -> tuple[str, str] | None:
    """The days a date may stand for, as ISO text ``(first, last)``; None when undated.

    A stated date spans its precision (``2022-04`` → 2022-04-01 … 2022-04-31 as
    text); ``after``/``before`` bounds are open on their other side.
    """
    if date is None:
        return None
    if date.value:
        return _lower(date.value), upper(date.value)
    if date.after or date.before:
        return (_lower(date.after) if date.after else OPEN_START, upper(date.before) if date.before else OPEN_END)
    return None


def overlaps(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def _days(span: tuple[str, str]) -> int | None:
    """How many days a closed span allows (a month's "-31" end is read as its last day); None when open."""
    try:
        start = _date.fromisoformat(span[0])
        y, m, d = (int(x) for x in span[1].split("-"))
        for day in range(d, min(d, 28) - 1, -1):  # "-31" of a 30-day month is its 30th
            try:
                end = _date(y, m, day)
                break
            except ValueError:
                continue
        else:
            return None
    except ValueError:
        return None
    return (end - start).days + 1


# --------------------------------------------------------------------------- places


@dataclass
class Places:
    """What is known about canonical places: stated parents and gazetteer facts."""

    parents: dict[str, set[str]] = field(default_factory=dict)
    info: dict[str, tuple[str | None, str | None, str | None]] = field(default_factory=dict)  # feature, country, admin1

    def ancestors(self, key: str) -> set[str]:
        seen: set[str] = set()
        todo = [key]
        while todo:
            for parent in self.parents.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def contains(self, outer: str, inner: str) -> bool:
        if outer in self.ancestors(inner):
            return True
        o, i = self.info.get(outer), self.info.get(inner)
        if o is None or i is None or not o[1] or o[1] != i[1]:
            return False
        if o[0] in _COUNTRY_FEATURES:
            return i[0] not in _COUNTRY_FEATURES
        if o[0] in _PROVINCE_FEATURES and o[2]:
            return i[2] == o[2] and i[0] not in _COUNTRY_FEATURES | _PROVINCE_FEATURES
        return False

    def compatible(self, a: str | None, b: str | None) -> bool:
        return a is None or b is None or a == b or self.contains(a, b) or self.contains(b, a)


def places_of(corpus: Corpus) -> Places:
    from claimgraph.export.common import canonical_key

    out = Places()
    for entities in corpus.doc_entities.values():
        keys = {e.id: canonical_key(e) for e in entities}
        for e in entities:
            p = e.place
            if p is None:
                continue
            if p.parent and p.parent in keys and keys[p.parent] != keys[e.id]:
                out.parents.setdefault(keys[e.id], set()).add(keys[p.parent])
            if p.resolved and (p.country or p.feature):
                out.info.setdefault(keys[e.id], (p.feature, p.country, p.admin1))
    return out


# --------------------------------------------------------------------------- people named in part


def _part_of(short: list[str], full: list[str]) -> bool:
    """``short`` names ``full`` in part: the same surname, and its other words among the full name's
    in order, an initial standing for a word ("Chohan", "Raj Chohan", "R. Chohan" of "Raj K. Chohan")."""
    if len(short) >= len(full) or not short or short[-1] != full[-1]:
        return False
    rest = iter(full[:-1])
    return all(any(w == x or (len(w) == 1 and x.startswith(w)) for x in rest) for w in short[:-1])


def person_aliases(people: dict[str, str]) -> dict[str, str]:
    """Person key -> the key of the one longer name it is part of (``people``: key -> name).

    "Jackson" in one report and "Vincent Jackson" in another are one person only when no other
    person of the corpus is a "… Jackson": an ambiguous part of a name stays itself.
    """
    words = {k: normalise_name(n).split() for k, n in people.items()}
    out: dict[str, str] = {}
    for k, short in words.items():
        fuller = {f for f, full in words.items() if f != k and _part_of(short, full)}
        longest = {f for f in fuller if not any(_part_of(words[f], words[g]) for g in fuller)}
        if len(longest) == 1:
            out[k] = longest.pop()
    return out


# --------------------------------------------------------------------------- signatures


@dataclass(frozen=True)
class Sig:
    """What event matching compares, computed once per claim."""

    predicate: str
    sources: frozenset[str]
    targets: frozenset[str]
    target_places: frozenset[str]  # places a report names as what was hit ("struck Kharkiv")
    span: tuple[str, str] | None
    location: str | None
    doc: str = ""
    dated: bool = False  # the text states a date (``span`` may also be bounded by the publication date)
    informative: bool = False  # the stated date allows at most INFORMATIVE_DAYS days
    day: bool = False  # the stated date is one day
    named: frozenset[str] = frozenset()  # its actors that are named, so can be recognised in another report
    persons: frozenset[str] = frozenset()  # its named actors that are people
    trigger: str = ""  # the trigger's stems (crossdoc_triggers.trigger_key); '' when the claim has no trigger
    word: str = ""  # the trigger as written, for the reasons
    counts: dict[str, int] = field(default_factory=dict, hash=False, compare=False)  # people killed, captured…

    @classmethod
    def of(cls, v: ClaimView, named: frozenset[str] | set[str] | None = None,
           persons: frozenset[str] | set[str] = frozenset(), aliases: dict[str, str] | None = None,
           place_keys: frozenset[str] | set[str] = frozenset()) -> Sig:
        """``aliases``: person keys written with part of a name, to the one full name they stand for;
        ``place_keys``: the keys of places, which as targets are compared as places ("struck Kharkiv"
        fits "struck a hospital in Kharkiv")."""
        al = aliases or {}
        sources = frozenset(al.get(k, k) for k in v.source_keys)
        every = frozenset(al.get(k, k) for k in v.target_keys)
        targets, target_places = every - place_keys, every & place_keys
        stated = interval(v.claim.date)
        span = stated
        if span is None and v.document.published and v.modality in SUPPORTING | OPPOSING:
            span = (OPEN_START, upper(v.document.published))  # what a report says happened, happened before it
        days = _days(stated) if stated else None
        actors = set(sources | every)
        shown = set(actors if named is None else actors & named)
        t = v.claim.trigger
        word = v.document.text[t[0]:t[1]] if t else ""
        return cls(v.claim.predicate, sources, targets, target_places, span, v.location_key,
                   v.document.id, stated is not None, days is not None and days <= INFORMATIVE_DAYS, days == 1,
                   frozenset(shown), frozenset(shown & set(persons)), trigger_key(word), word, dict(v.claim.counts))


def _overlap_if_both(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or bool(a & b)


def shared_actors(a: Sig, b: Sig) -> frozenset[str]:
    """Actors both claims name in the same role (for joint types, as parties in either role)."""
    if a.predicate in RECIPROCAL:
        return (a.sources | a.targets | a.target_places) & (b.sources | b.targets | b.target_places)
    return (a.sources & b.sources) | (a.targets & b.targets) | (a.target_places & b.target_places)


def _opt(key: str | None) -> frozenset[str]:
    return frozenset((key,)) if key else frozenset()


def conflict(a: Sig, b: Sig, places: Places) -> str | None:
    """Why the two claims cannot state one event, else None (see the module docstring)."""
    if a.predicate != b.predicate:
        return "different event types"
    if a.trigger and b.trigger and same_trigger(a.trigger, b.trigger, a.predicate) is None:
        return "different trigger words"
    # across reports only named actors can be told apart: "police" here and "police" there are not
    # known to be the same, nor known to differ, and a collective ("Somali pirates") is one only
    # within its report (export.common.canonical_key)
    def comparable(keys: frozenset[str]) -> frozenset[str]:
        if a.doc == b.doc:
            return keys
        return frozenset(k for k in keys & (a.named | b.named) if not k.startswith(_PER_REPORT))

    if a.predicate in RECIPROCAL:
        pa = comparable(a.sources | a.targets | a.target_places)
        pb = comparable(b.sources | b.targets | b.target_places)
        if pa and pb and not (pa <= pb or pb <= pa):
            return "different parties"  # "A agreed" fits "A and B agreed", not "A and C agreed"
    else:
        if not _overlap_if_both(comparable(a.sources), comparable(b.sources)):
            return "different sources"
        if not _overlap_if_both(comparable(a.targets), comparable(b.targets)):
            return "different targets"
        # a place named as the target ("struck Kharkiv") says where, not whom: it is compared as a place,
        # with the other's target places and location, and does not differ from a target that is no place
        for xs, ys in ((a.target_places | _opt(a.location), b.target_places), (a.target_places, _opt(b.location))):
            if xs and ys and not any(places.compatible(x, y) for x in xs for y in ys):
                return "different places"
    if not overlaps(a.span, b.span):
        return "different dates"
    if not places.compatible(a.location, b.location):
        return "different places"
    if a.doc == b.doc and any(a.counts.get(k, n) != n for k, n in b.counts.items()):
        return "different numbers"  # one report's "a man was killed" and "six people were killed"
    return None


def anchor(a: Sig, b: Sig, name: Callable[[str], str] = str) -> str | None:
    """Why claim ``a`` states the event ``b`` states (free of conflict), as a sentence; None when nothing says so."""
    words = same_trigger(a.trigger, b.trigger, a.predicate) if a.trigger and b.trigger else None
    said = f"{words} ({a.word!r} ~ {b.word!r})" if words else ""
    shared = shared_actors(a, b)
    if a.predicate in RECIPROCAL and not ((a.sources | a.targets | a.target_places)
                                          and (b.sources | b.targets | b.target_places)):
        shared = frozenset()  # a joint act with no party named is known by nothing
    listed = lambda keys: ", ".join(sorted(name(k) for k in keys))  # noqa: E731
    if a.doc == b.doc:
        if words == "same word":
            return f"{said} in the same report"
        if shared:
            return f"{said + ', ' if said else ''}same report, shared actor {listed(shared)}"
        return None
    named = shared & a.named & b.named
    if named and ((a.informative and b.informative) or (a.location and b.location)):
        which = "a date of at most a month" if a.informative and b.informative else "a place"
        return "; ".join(x for x in (said, f"shared named actor {listed(named)} and {which} stated in both") if x)
    if not said:
        return None
    people = shared & a.persons & b.persons
    if people:
        return f"{said}; shared named person {listed(people)}"
    if a.day and b.day and a.location and a.location == b.location:
        return f"{said}; the same day and place ({name(a.location)}) stated in both"
    return None
