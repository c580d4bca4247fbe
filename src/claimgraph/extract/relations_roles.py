"""Role statements as relations: "X, leader of Y", "Y Defence Minister X", "X was the deputy of Z"
(leader_of / deputy_of / member_of with the role; past tense or "former" → historical)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.extract.syntax import char_span, is_past
from claimgraph.extract.relations_base import _PAST_MARKERS, RelationsBase, _definite

if TYPE_CHECKING:
    from spacy.tokens import Token


class RoleRelations(RelationsBase):
    def person_roles(self) -> None:
        """Appositions, premodifying titles and copulas that give a person a role in a group."""
        doc = self.ctx.sdoc
        for tok in doc:
            e = self.actors.at(tok)
            if not e or self.actors.type_of(e) != "Person":
                continue
            # only the head token of the person's name
            if tok.head.i != tok.i and self.actors.at(tok.head) == e:
                continue
            # premodifying title: "Taliban Defence Minister Sergei Shoigu", "former al-Qaeda leader X"
            name_start = self._name_start(tok, e)
            pre = [t for t in doc[tok.left_edge.i : tok.i] if t.idx < name_start]
            if pre:
                self._role_phrase(e, tok, pre, historical=any(t.lower_ in _PAST_MARKERS for t in pre), outlet_voice=True)
            for c in tok.children:
                if c.dep_ == "appos" and self.actors.at(c) in (None, e):
                    self._role_np(e, c, outlet_voice=True)
            # copula: "X was the deputy of Y", "X is a member of Y"
            if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
                for c in tok.head.children:
                    if c.dep_ in ("attr", "acomp") and self.actors.at(c) in (None, e):
                        self._role_np(e, c, historical=is_past(tok.head), outlet_voice=False)
        # a role noun with a named apposition: "the leader of the Taliban, Mullah X"
        for tok in doc:
            if self.actors.at(tok) is None and tok.pos_ == "NOUN":
                for c in tok.children:
                    e = self.actors.at(c) if c.dep_ == "appos" else None
                    if e and self.actors.type_of(e) == "Person":
                        self._role_np(e, tok, outlet_voice=True)
        # descriptor mentions linked to a person: "the Taliban's interior minister"
        for m in self.ctx.mentions:
            if m.entity_id and m.label == "DESCRIPTOR" and self.actors.type_of(m.entity_id) == "Person":
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    self._role_phrase(m.entity_id, span.root, list(span), historical=False, outlet_voice=True,
                                      skip_self=False)

    def _name_start(self, tok: Token, entity: str) -> int:
        """Where the name (not a descriptor) of ``entity`` that contains ``tok`` starts."""
        best = tok.idx
        for m in self.ctx.mentions:
            if m.entity_id == entity and m.label != "DESCRIPTOR" and m.start <= tok.idx < m.end:
                best = min(best, m.start)
        return best

    def _role_np(self, person: str, head: Token, *, historical: bool = False, outlet_voice: bool) -> None:
        """A role noun phrase headed by ``head`` ("the leader of the Taliban", "the Taliban's interior minister")."""
        left = [t for t in head.lefts]
        toks = [t for t in head.doc[head.left_edge.i : head.i + 1]]
        found = self.role_of([t for t in toks if self.actors.at(t) in (None, person)])
        if found is None:
            return
        pred, role = found
        org = None
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        ents = self.actors.of_np(p)
                        if ents and ents[0] != person:
                            org = ents[0]
        if org is None:
            org = self.org_in(left + [t for c in left for t in c.subtree], person)
        if org is None:
            return
        historical = historical or any(t.lower_ in _PAST_MARKERS for t in toks)
        self._emit_role(pred, person, org, role, head, historical, outlet_voice)

    def _role_phrase(self, person: str, anchor: Token, tokens: list[Token], *, historical: bool,
                     outlet_voice: bool, skip_self: bool = True) -> None:
        found = self.role_of([t for t in tokens if self.actors.at(t) is None or not skip_self and self.actors.at(t) == person])
        if found is None:
            return
        org = self.org_in(tokens, person) or self.country_of_demonym(tokens)
        if org is None:
            return
        pred, role = found
        role_tok = next((t for t in tokens if t.lower_ == role.split()[-1].lower()), anchor)
        self._emit_role(pred, person, org, role, role_tok, historical, outlet_voice)

    def _emit_role(self, pred: str, person: str, org: str, role: str, tok: Token, historical: bool,
                   outlet_voice: bool) -> None:
        if pred == "member_of" and self.actors.type_of(org) not in ("Organization", "Location"):
            return
        if pred in ("leader_of", "member_of") and self.actors.type_of(org) == "Person":
            return
        if pred == "member_of" and role.lower() in self.head_roles and _definite(tok):
            pred = "leader_of"  # "the commander of X" leads X; "a commander of X" is one of them
        if pred == "deputy_of" and self.actors.type_of(org) != "Person":
            # "deputy leader of the Taliban" is a member role in the group
            pred = "member_of"
        start = min(tok.left_edge.idx, tok.idx)
        ev = char_span(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
        ev = (min(ev[0], start), ev[1])
        role_out = role.title() if pred == "member_of" else None
        # a title that identifies a person is the writer's description, not the reported content
        self.emit(pred, person, org, ev, tok, role=role_out, historical=historical, outlet_voice=outlet_voice,
                  confidence=0.8, modality=None if not outlet_voice else "asserted")
