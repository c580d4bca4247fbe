"""Verb frames as relations: "signed the agreement with A, B and C" (party_to), "has supported X"
(supports), "fought alongside X" (allied_with), "lived in / was transferred to P" (located_in)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.extract.syntax import char_span, is_passive, is_past, subject_of
from claimgraph.extract.relations_base import RelationsBase, _preps

if TYPE_CHECKING:
    from spacy.tokens import Token


class VerbRelations(RelationsBase):
    def verb_frames(self) -> None:
        for tok in self.ctx.sdoc:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            spec = self.verbs.get(tok.lemma_.lower())
            if spec is None:
                continue
            pred = spec["predicate"]
            if pred == "party_to":
                self._party_to(tok)
            elif pred == "located_in":
                self._located(tok, spec)
            else:
                self._simple(tok, spec)
        self._presence()

    def _subjects(self, verb: Token) -> list[str]:
        if is_passive(verb):
            agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            return self.actors.of_phrase(agent) if agent is not None else []
        subj = subject_of(verb)
        return self.actors.of_phrase(subj) if subj is not None else []

    def _evidence(self, verb: Token) -> tuple[int, int]:
        subj = subject_of(verb)
        lo = min(verb.i, subj.left_edge.i) if subj is not None and subj.sent.start == verb.sent.start else verb.i
        hi = verb.i + 1
        for c in verb.children:
            if c.i > verb.i and c.dep_ not in ("conj", "cc", "punct", "advcl", "ccomp", "parataxis"):
                hi = max(hi, c.right_edge.i + 1)
        if subj is not None and subj.i < verb.i and subj.dep_ != "nsubj" and subj.head.i != verb.i:
            lo = min(lo, subj.i)
        return char_span(verb.doc, lo, hi)

    def _party_to(self, verb: Token) -> None:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objs and verb.dep_ in ("relcl", "acl"):
            objs = [verb.head]  # "the pact the United States negotiated with the insurgents"
        agreement = None
        for o in objs:
            agreement = self.agreement_of(o)
            if agreement:
                break
        if agreement is None:
            return
        parties = [] if is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children) else self._subjects(verb)
        for o in objs:
            if self.agreement_of(o) == agreement:
                for _, p in _preps(o, ("with", "between", "among")):
                    parties += self.actors.of_phrase(p)
            else:
                parties += self.actors.of_phrase(o)
        for _, p in _preps(verb, ("with", "between", "among")):
            parties += self.actors.of_phrase(p)
        ev = self._evidence(verb)
        for party in dict.fromkeys(parties):
            if self.actors.type_of(party) in ("Person", "Organization", "Location"):
                self.emit("party_to", party, agreement, ev, verb, historical=False)

    def _simple(self, verb: Token, spec: dict) -> None:
        pred = spec["predicate"]
        frame = spec["frame"]
        subjects = self._subjects(verb)
        if not subjects:
            return
        objects: list[str] = []
        if frame == "dobj":
            if is_passive(verb):
                subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
                if subj is None and verb.dep_ == "acl":
                    subj = verb.head  # "the High Transitional Authority, led by Andry Rajoelina"
                objects = self.actors.of_phrase(subj) if subj is not None else []
                if not objects and subj is not None and pred == "leader_of":
                    # "the group is now being led by X": the armed group just named
                    objects = [g for g in [self.group_antecedent(subj)] if g]
            else:
                for o in (c for c in verb.children if c.dep_ == "dobj"):
                    objects += self.actors.of_phrase(o)
        elif frame.startswith("prep:"):
            for _, p in _preps(verb, (frame[5:],)):
                objects += self.actors.of_phrase(p)
        want = spec.get("object_type")
        ev = self._evidence(verb)
        for subj_id in subjects:
            for obj_id in objects:
                if want and self.actors.type_of(obj_id) != want:
                    continue
                self.emit(pred, subj_id, obj_id, ev, verb, historical=is_past(verb))

    def _moved(self, verb: Token) -> list[str]:
        """Who ends up somewhere: the subject of "went", the object of "transferred X"
        (an object like "some of its members" stands for its owner), the passive subject."""
        if is_passive(verb):
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subj is None and verb.dep_ == "acl" or subj is not None and subj.lower_ in ("who", "which", "that") \
                    and verb.dep_ == "relcl":
                subj = verb.head  # "Mumin, who has been based in Somalia"
            return self.actors.of_phrase(subj) if subj is not None else []
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            ents = self.actors.of_phrase(obj)
            if ents:
                return ents
            # "some of its members", "its fighters" → the owner is the subject
            owner = [t for t in obj.subtree if t.lower_ in ("its", "their", "his", "her")]
            if owner:
                return self._subjects(verb)
            return []
        return self._subjects(verb)

    def _located(self, verb: Token, spec: dict) -> None:
        movers = self._moved(verb)
        if not movers:
            return
        to_word = spec["frame"][5:]
        ev = self._evidence(verb)
        past = is_past(verb)
        dests: list[str] = []
        for _, p in _preps(verb, (to_word,)):
            dests += self.places_of(p)
        for m in movers:
            for d in dests:
                if self.actors.type_of(m) == "Location":
                    # "Mosul is located in Nineveh": a place in a place is part_of; places do not move
                    if to_word == "in" and self._place_in(m, d):
                        self.emit("part_of", m, d, ev, verb, outlet_voice=True, modality="asserted")
                        self._along_chain("part_of", m, ev[0], d)
                    continue
                # a residence in the past is historical; a destination is where the actor now is
                self.emit("located_in", m, d, ev, verb, historical=past and to_word == "in")
        origin = spec.get("origin")
        if origin and not all(self.actors.type_of(m) == "Location" for m in movers):
            for _, p in _preps(verb, (origin[5:],)):
                for o in self.places_of(p):
                    for m in movers:
                        self.emit("located_in", m, o, ev, verb, historical=True)

    def _presence(self) -> None:
        """"X's residence in P", "the presence of X in P"."""
        for tok in self.ctx.sdoc:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.presence:
                continue
            who: list[str] = []
            for c in tok.children:
                if c.dep_ == "poss":
                    who = self.actors.of_np(c)
            if not who:
                for _, p in _preps(tok, ("of",)):
                    who = self.actors.of_np(p)
            places: list[str] = []
            for _, p in _preps(tok, ("in", "at")):
                places += self.places_of(p)
            if who and places:
                ev = char_span(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
                for w in who:
                    for pl in places:
                        if self.actors.type_of(w) != "Location":
                            self.emit("located_in", w, pl, ev, tok, historical=False)
