"""The event trigger lexicon and its companion tables, loaded from data files.

(Counting people — ``data/events.quantities.yaml`` — lives in :mod:`claimgraph.extract.events_counts`.)

* ``data/events.tsv`` — lemma → PLOVER type, mode and count key (sourced from the CAMEO→PLOVER table);
* ``data/events.intent.tsv`` — how announced and refused events are coded (AGREE/THREATEN/REJECT);

Kept apart from :mod:`claimgraph.extract.events` so the stage reads as parse logic only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from claimgraph.data import load_tsv
from claimgraph.errors import ModelError
from claimgraph.model import EVENT_TYPES


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    mode: str | None
    count: str | None
    particle: str | None
    needs_place: bool
    #: a nominal whose possessor undergoes it ("X's killing", "his arrest"), see data/events.tsv
    possessor_patient: bool = False
    #: only an event when what it is done to is a person or group ("executed five prisoners")
    needs_person: bool = False


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], list[Trigger]]:
    """(lemma, POS) → triggers, from ``data/events.tsv``."""
    out: dict[tuple[str, str], list[Trigger]] = {}
    for row in load_tsv("events.tsv"):
        typ = row["type"]
        if typ == "-":
            continue  # a sense that is no event: see non_events()
        if typ not in EVENT_TYPES:
            raise ModelError("CG201", subject="events.tsv", detail=f"{row['lemma']}: unknown event type {typ!r}")
        if row["pos"] not in ("VERB", "NOUN", "ADJ"):
            raise ModelError("CG201", subject="events.tsv", detail=f"{row['lemma']}: pos must be VERB, NOUN or ADJ")
        words = row["lemma"].split()
        head, particle = words[0], (" ".join(words[1:]) or None)
        if row["pos"] == "NOUN" and len(words) > 1:
            head, particle = words[-1], " ".join(words[:-1])  # "air strike": modifier + head
        t = Trigger(lemma=row["lemma"], pos=row["pos"], type=typ, mode=None if row["mode"] == "-" else row["mode"],
                    count=None if row["count"] == "-" else row["count"], particle=particle,
                    needs_place="needs place" in row["notes"], possessor_patient="possessor patient" in row["notes"],
                    needs_person="needs person" in row["notes"])
        out.setdefault((head, row["pos"]), []).append(t)
    return out


@lru_cache(maxsize=1)
def non_events() -> frozenset[tuple[str, str]]:
    """(verb lemma, particle/preposition/object lemma) senses that are no event ("warn of",
    "share word"): rows of type ``-`` in ``data/events.tsv``."""
    out = set()
    for row in load_tsv("events.tsv"):
        words = row["lemma"].split()
        if row["type"] == "-" and row["pos"] == "VERB" and len(words) == 2:
            out.add((words[0], words[1]))
    return frozenset(out)


@lru_cache(maxsize=1)
def intent_table() -> dict[str, tuple[str, str | None]]:
    """type → (type when only announced, type when refused), from ``data/events.intent.tsv``."""
    out: dict[str, tuple[str, str | None]] = {}
    for row in load_tsv("events.intent.tsv"):
        for col in ("type", "intent"):
            if row[col] not in EVENT_TYPES:
                raise ModelError("CG201", subject="events.intent.tsv", detail=f"unknown event type {row[col]!r}")
        out[row["type"]] = (row["intent"], None if row["refused"] == "-" else row["refused"])
    return out
