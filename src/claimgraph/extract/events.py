"""PLOVER events (+ RELOCATE) from a trigger lexicon and the dependency parse.

The trigger lexicon (``data/events.tsv``, sourced from the CAMEO→PLOVER table) maps
verb and noun lemmas to a PLOVER type and mode. For each trigger:

* **who**: the subject (through coordination, control and relative clauses) is the
  source, the object or an "on/against/with" phrase the target; in the passive the
  subject is the target and the "by" phrase the source. Coordinated phrases give
  compound actors ("Abubakar Shekau and Sergei Shoigu asked …"). Plural pronouns
  ("asked them") take the nearest preceding actor phrase of the sentence.
* **nominal events**: "Pakistan's airstrikes on its militants" — the possessor or a
  national modifier is the source, "on/against/of" the target; a light verb
  ("launched attacks") lends its subject.
* **embedded clauses**: a request, promise, threat, accusation or refusal is the event;
  what is requested/promised/threatened is its content, not a second event
  ("asked them to stop their attacks" → one REQUEST, modality requested).
* **where and when**: the first place in an "in/at/near" phrase of the trigger or its
  arguments; RELOCATE takes "to" as its location and "from" as its origin, and needs
  one of them. Dates come from :class:`~claimgraph.extract.dates.DateFinder`.
* **counts**: "killed two insurgents" → ``{"killed": 2}``, "detained three suspects"
  → ``{"captured": 3}``; a singular named or definite victim counts one.

An event is emitted only when at least one of its actors is an entity of the
document: no invented actors.

The work is split by responsibility: :mod:`~claimgraph.extract.events_triggers` (which token is
an event), :mod:`~claimgraph.extract.events_actors` (who does it to whom),
:mod:`~claimgraph.extract.events_places` (where, and the evidence span),
:mod:`~claimgraph.extract.events_participants` (is anyone there when no entity is named), and this
module, which assembles and emits the claims (and reads quoted demands and answered accusations).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.extract.agents import state_stand_ins
from claimgraph.extract.attribution import claim_attribution
from claimgraph.extract.context import DocContext
from claimgraph.extract.events_actors import ACTOR_TYPES, EventActors
from claimgraph.extract.events_counts import PeopleCounter, is_irrealis_infinitive, stated_number
from claimgraph.extract.events_lexicon import Trigger, intent_table
from claimgraph.extract.events_participants import acts_on_people, has_participant, is_incident
from claimgraph.extract.events_places import EventPlaces, date_from_related_events, evidence
from claimgraph.extract.events_triggers import LIGHT_VERBS, Triggers, argument_slot
from claimgraph.extract.modality import cues, is_anaphoric_denial, is_negated, modality_of
from claimgraph.extract.syntax import Actors, subject_of
from claimgraph.model import Claim

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimgraph.extract.dates import DateFinder

EXTRACTOR = "claimgraph.events"
VERSION = "1.0.0"

#: event types whose target, when none is named, is the place acted upon
_PLACE_TARGETED = frozenset({"CONCEDE", "RETREAT", "SANCTION", "COERCE", "AID", "SUPPORT", "MOBILIZE", "THREATEN", "AGREE", "REJECT", "ASSAULT"})


class _Events:
    """One document's event pass: triggers, actors and places assembled into claims."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.actors = Actors.build(ctx)
        self.stand_ins = state_stand_ins(ctx)
        self.dates: DateFinder = ctx.date_finder()
        self.triggers = Triggers()
        self.who = EventActors(ctx, self.actors, self.triggers)
        self.where = EventPlaces(self.actors)
        self.claims: list[Claim] = []
        self.last_accusation: Claim | None = None
        self.accusations: list[Claim] = []
        self.counter = PeopleCounter()
        #: head lemma -> [(token index, number)] of numbered noun phrases, for re-mentions
        self.numbered: dict[str, list[tuple[int, int]]] = {}
        for t in ctx.sdoc:
            if t.pos_ == "NOUN":
                n = stated_number(t)
                if n is not None:
                    self.numbered.setdefault(t.lemma_.lower(), []).append((t.i, n))

    def quoted_demand(self, verb: Token) -> tuple[str, Token] | None:
        """'"… they must stop killing civilians," X told VOA': an obligation a named speaker lays on
        someone else in quoted or reported speech is X's demand (PLOVER REQUEST, CAMEO 10) — (speaker
        entity, the subject who is to act). Not in the outlet's own voice, not "we must" (a
        commitment), and not where "X said that Y must" already makes the reporting verb the demand."""
        if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children):
            return None
        subj = subject_of(verb)
        if subj is None or subj.lower_ in ("we", "i", "us", "me", "you"):
            return None
        if verb.dep_ == "ccomp" and self.triggers.must_clause(verb.head) is verb:
            return None
        if self.triggers.is_content(verb):
            return None
        aid = claim_attribution(self.ctx, verb.idx, verb.idx + len(verb.text))
        att = next((a for a in self.ctx.attributions if a.id == aid), None)
        if att is None or len(att.chain) < 2 or att.chain[-1].entity_id is None:
            return None
        return att.chain[-1].entity_id, subj

    def run(self) -> None:
        demanded: set[int] = set()  # tokens inside a quoted demand: its content, not events of their own
        for tok in self.ctx.sdoc:
            if tok.i in demanded:
                continue
            demand = self.quoted_demand(tok)
            if demand is not None:
                speaker, subj = demand
                demanded.update(t.i for t in tok.subtree if t.i != tok.i and t.i > subj.i)
                targets = [e for e in self.who.phrase(subj) if e != speaker]
                targets = list(dict.fromkeys(self.stand_ins.get(e, e) for e in targets))
                req = Trigger(tok.lemma_.lower(), "VERB", "REQUEST", None, None, None, False)
                self.emit(tok, req, [speaker], [e for e in targets if e != speaker], None, None, subj,
                          modality="requested")
                continue
            trig = self.triggers.trigger_of(tok)
            if trig is None:
                continue
            m = self.actors.at(tok)
            if m is not None:
                continue  # inside a name ("the Minsk Agreement")
            if self.triggers.is_content(tok):
                continue
            if tok.pos_ == "VERB" and tok.lemma_.lower() in LIGHT_VERBS and any(
                self.triggers.trigger_of(n) is not None for n in self.carried_nouns(tok)
            ):
                continue  # "imposed sanctions", "launched attacks": the noun is the event
            if tok.pos_ == "ADJ":
                # "Syria is ready to withdraw its troops": the copula's subject; the type follows the action
                host = tok.head if tok.head.pos_ in ("AUX", "VERB") else tok
                sources = self.who.subject_phrase(subject_of(host))
                inner = next((c for c in tok.children if c.dep_ == "xcomp"), None)
                inner_trig = self.triggers.trigger_of(inner) if inner is not None else None
                if inner is not None and inner_trig is not None:
                    trig = Trigger(trig.lemma, "ADJ", intent_table().get(inner_trig.type, (trig.type, None))[0],
                                   inner_trig.mode, None, None, False)
                    _, targets, target_tok = self.who.verb_actors(inner, inner_trig)
                else:
                    targets, target_tok = [], None
                targets = [t for t in targets if t not in sources]
            elif tok.pos_ == "NOUN":
                if any(c.dep_ == "det" and c.lower_ in ("these", "those", "this", "that", "such") for c in tok.children):
                    continue  # "denied these accusations" refers back to an event already stated
                if tok.dep_ == "dobj" and is_anaphoric_denial(tok.head):
                    continue  # "rejected the accusations": the accusation was stated before
                head_trig = self.triggers.trigger_of(tok.head) if tok.dep_ in ("dobj", "nsubjpass") else None
                if head_trig is not None and head_trig.type == trig.type and tok.head.lemma_.lower() not in LIGHT_VERBS:
                    continue  # "fought a battle": one event; "praised the withdrawal" is two
                if any(a.lower_ == "according" or (a.lower_ == "to" and a.head.lower_ == "according") for a in tok.ancestors):
                    continue  # "according to X's investigation" names a source, not an event
                sources, targets, target_tok = self.who.noun_actors(tok, trig)
            else:
                sources, targets, target_tok = self.who.verb_actors(tok, trig)
                if trig.type == "ASSAULT" and not sources:
                    sources = self.attack_authors(tok)
                if trig.type == "REJECT" and not targets and is_anaphoric_denial(tok):
                    # "denied these accusations": rejects the accuser of the last accusation, or the
                    # speaker of a later quoted blame ("'… the army shelled our positions,' X said")
                    blamer = self.blamer_before(tok)
                    if blamer is not None:
                        targets = [blamer] if blamer not in sources else []
                    elif self.last_accusation:
                        targets = [s for s in self.last_accusation.sources if s not in sources]
            if trig.needs_person and not acts_on_people(self.actors, targets, target_tok):
                continue  # "the projects were executed by army engineers"
            if trig.type == "PROTEST" and not targets:
                targets = self.who.protested(tok, sources)
            sources = list(dict.fromkeys(self.stand_ins.get(s, s) for s in sources if self.actors.type_of(s) in ACTOR_TYPES))
            targets = list(dict.fromkeys(self.stand_ins.get(t, t) for t in targets if self.actors.type_of(t) in ACTOR_TYPES))
            targets = [t for t in targets if t not in sources]
            if trig.type == "ACCUSE" and not sources and tok.dep_ == "acl" and tok.tag_ == "VBN":
                continue  # "an attack blamed on Boko Haram": the attack's author, no accusation by anyone
            if trig.type == "REJECT" and not targets and sources:
                # "Malian officials accused JNIM of the attack … The militant group denied involvement":
                # a denial by the accused answers the latest accusation against it
                targets = self.accusers_of(sources)
            unresolved = False
            if not sources and not targets:
                # no entity names a participant: keep the event only when a participant phrase exists
                # ("Afghan rebels kidnapped advisers"), with empty actor lists — never an invented actor
                if trig.type == "RELOCATE":
                    continue
                if not has_participant(tok, counted=trig.count is not None) and not (
                    trig.type == "ASSAULT" and (tok.pos_ == "NOUN" and self.where.places(tok, trig)[0] or is_incident(tok))
                ):
                    continue  # a participant phrase, or a violent incident placed ("blasts in Kabul") or dated
                unresolved = True
            trig = self.triggers.recode(tok, trig)
            location, origin = self.where.places(tok, trig)
            if trig.type == "RELOCATE" and location is None and origin is None:
                continue
            if location == "":
                location = None  # several destinations: no single location (located_in relations carry them)
            if trig.type == "RELOCATE" and not sources:
                continue
            if location in sources or location in targets:
                location = None
            if not targets and trig.type in _PLACE_TARGETED:
                # "lifted the curfew in Montenegro": the place stands for its people and authorities
                place = location or self.where.content_place(tok, trig)
                targets = [place] if place and place not in sources else []
            self.emit(tok, trig, sources, targets, location, origin, target_tok, unresolved=unresolved)

    def emit(self, tok: Token, trig: Trigger, sources: list[str], targets: list[str], location: str | None,
             origin: str | None, target_tok: Token | None, unresolved: bool = False,
             modality: str | None = None) -> None:
        if trig.mode is None and tok.pos_ == "VERB":
            # "engaged the insurgents with a precision airstrike", "killed in an air strike":
            # the instrument names the mode
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "in", "by", "during", "using"):
                    for p in prep.children:
                        inst = self.triggers.trigger_of(p) if p.dep_ == "pobj" else None
                        if inst is not None and inst.mode and inst.type == trig.type:
                            trig = Trigger(trig.lemma, trig.pos, trig.type, inst.mode, trig.count, trig.particle,
                                           trig.needs_place)
        if modality is None:
            modality = modality_of(tok)
            if trig.type == "REQUEST" and modality == "asserted" and self.triggers.must_clause(tok) is not None:
                modality = "requested"  # "X said that Y must …": a demand, as "X demanded that …" is
        if trig.type == "REJECT" and modality == "denied" and is_negated(tok):
            modality = "asserted"  # "will not accept refugees" is a refusal, stated as such
        ev = evidence(tok)
        trigger_span = (tok.idx, tok.idx + len(tok.text))
        att = claim_attribution(self.ctx, *trigger_span)
        date = self.dates.for_trigger(tok)
        # counts come from reported actions (verbs); a nominal event is usually a reference
        # ("responsible for the assassination of …") to something counted elsewhere, if at all
        nominal_reference = tok.pos_ == "NOUN" and tok.dep_ == "pobj"  # "responsible for the assassination of …"
        # only realised outcomes count: "an operation to capture a leader" states a purpose
        realis = modality == "asserted" and not nominal_reference and not is_irrealis_infinitive(tok)
        counts = self.counter.count(trig, target_tok, self.numbered) if realis else {}
        confidence = 0.4 if unresolved else 0.55 + 0.15 * bool(sources) + 0.15 * bool(targets)
        c = Claim(
            id=Claim.make_id(self.ctx.document.id, "event", trig.type, None, None, sources, targets, [ev], modality),
            doc_id=self.ctx.document.id,
            kind="event",
            predicate=trig.type,
            evidence=[ev],
            attribution=att,
            modality=modality,
            sources=sources,
            targets=targets,
            mode=trig.mode,
            location=location,
            origin=origin,
            date=date,
            historical=False,
            trigger=trigger_span,
            counts=counts,
            extractor=EXTRACTOR,
            extractor_version=VERSION,
            confidence=round(confidence, 2),
        )
        self.claims.append(c)
        if trig.type == "ACCUSE" and sources:
            self.last_accusation = c
            self.accusations.append(c)

    def attack_authors(self, verb: Token) -> list[str]:
        """"Fighters were killed in IS attacks", "died during a Saudi airstrike", "a Turkish drone
        strike killed a commander": a killing or wounding with no agent of its own is done by the
        authors of the attack it happened in, or that did it."""
        for prep in verb.children:
            if prep.dep_ == "nsubj":
                inner = self.triggers.trigger_of(prep)
                if inner is not None and inner.type == "ASSAULT":
                    return self.who.noun_actors(prep, inner)[0]
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for noun in prep.children:
                inner = self.triggers.trigger_of(noun) if noun.dep_ == "pobj" else None
                if inner is not None and inner.type == "ASSAULT":
                    return self.who.noun_actors(noun, inner)[0]
        return []

    def carried_nouns(self, verb: Token) -> list[Token]:
        """The nouns a light verb's object slot holds: "launched attacks" → attacks, "carried out a
        series of airstrikes" → airstrikes."""
        out = []
        for d in verb.children:
            if d.dep_ == "dobj":
                out.append(d)
                out += [p for prep in d.children if prep.dep_ == "prep" and prep.lower_ == "of"
                        for p in prep.children if p.dep_ == "pobj" and argument_slot(p) is d]
                out += [c for c in d.children if c.dep_ == "compound" and argument_slot(c) is d]
        return out

    def blamer_before(self, denial: Token) -> str | None:
        """The speaker of the latest hostile act a named speaker asserted (``blaming_types`` in
        modality.yaml) after the last accusation event, in the denial's or the two previous sentences."""
        hostile = cues().blaming_types
        lo_tok = denial.sent.start
        for _ in range(2):
            if lo_tok > 0:
                lo_tok = self.ctx.sdoc[lo_tok - 1].sent.start
        lo = self.ctx.sdoc[lo_tok].idx
        if self.last_accusation is not None and self.last_accusation.trigger:
            lo = max(lo, self.last_accusation.trigger[1])
        atts = {a.id: a for a in self.ctx.attributions}
        for c in reversed(self.claims):
            if c.trigger is None or c.trigger[0] < lo:
                break
            att = atts.get(c.attribution or "")
            if c.predicate in hostile and c.modality == "asserted" and c.sources and att is not None \
                    and len(att.chain) > 1 and att.chain[-1].entity_id:
                return att.chain[-1].entity_id
        return None

    def accusers_of(self, accused: list[str]) -> list[str]:
        """The sources of the latest accusation stated so far against one of ``accused``."""
        for c in reversed(self.accusations):
            if set(c.targets) & set(accused):
                return [s for s in c.sources if s not in accused]
        return []


def find_events(ctx: DocContext) -> None:
    """Add PLOVER event claims (see the module docstring) to ``ctx.claims``."""
    e = _Events(ctx)
    e.run()
    date_from_related_events(ctx, e.claims)
    seen: dict[str, Claim] = {}
    for c in e.claims:
        kept = seen.get(c.id)
        if kept is None:
            seen[c.id] = c
            ctx.claims.append(c)
        else:
            # "a Friday blast which injured several people": the relative clause tells the same
            # incident (same actors, same evidence); its casualty counts belong to the one claim
            for key, n in c.counts.items():
                kept.counts.setdefault(key, n)
