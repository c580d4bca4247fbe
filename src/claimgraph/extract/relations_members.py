"""Membership stated without a role noun: "Kiril Marichkov of the band Shturtzite", "Pita Limjaroenrat,
of the Move Forward Party", "Netanyahu's Likud party", "Hamas is a member of the Axis of Resistance".

Why a module of its own: the role mechanisms (``relations_roles``) need a role noun ("leader",
"spokesman"); these patterns state belonging with a preposition, a possessive or a copula alone,
so they give member_of with no role. Each is narrow on purpose:

* "PERSON of (the) ORG" — the "of" phrase hangs on the name itself (not on a role or an event
  noun: "the killing of X of Hamas" is still X's), and ORG is an organisation, never a place
  ("Abu Bakr of Baghdad" is a provenance, not a membership);
* "PERSON's ORG" only when ORG's head noun is a party word (``party_nouns``): "Erdogan's AK Party"
  is his party, "Putin's army" or "Assad's regime" are not memberships;
* "ORG is a member of ORG" — an organisation in a coalition or federation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.extract.relations_base import RelationsBase
from claimgraph.extract.syntax import char_span, is_past

if TYPE_CHECKING:
    from spacy.tokens import Token


class MemberRelations(RelationsBase):
    """member_of from "X of Y", "X's Y party" and "Y is a member of Z" (see the module docstring)."""

    def memberships(self) -> None:
        for tok in self.ctx.sdoc:
            e = self.actors.at(tok)
            if e is None or tok.head.i != tok.i and self.actors.at(tok.head) == e:
                continue  # only the head token of a name
            kind = self.actors.type_of(e)
            if kind == "Person":
                self._of_group(e, tok)
            elif kind == "Organization":
                self._party_of(e, tok)
                self._member_copula(e, tok)

    def _group(self, tok: Token) -> str | None:
        g = self.actors.at(tok)
        return g if g is not None and self.actors.type_of(g) == "Organization" else None

    def _of_group(self, person: str, tok: Token) -> None:
        """"Rodrigo Fica of the Omega Foundation", "Pita Limjaroenrat, of the Move Forward Party"."""
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ != "of":
                continue
            for p in c.children:
                group = self._group(p) if p.dep_ == "pobj" else None
                if group is None or group == person:
                    continue
                ev = char_span(tok.doc, tok.left_edge.i, p.right_edge.i + 1)
                self.emit("member_of", person, group, ev, c, outlet_voice=True, modality="asserted", confidence=0.65)

    def _party_of(self, group: str, tok: Token) -> None:
        """"Netanyahu's Likud party", "Erdogan's AK Party" → member_of(person, party)."""
        head = tok
        if tok.dep_ == "compound" and self.actors.at(tok.head) in (None, group):
            head = tok.head  # "Likud" in "Netanyahu's Likud party"
        if head.lemma_.lower() not in self.party_nouns:
            return
        for c in head.children:
            if c.dep_ != "poss":
                continue
            owner = self.actors.at(c)
            if owner is not None and self.actors.type_of(owner) == "Person":
                ev = char_span(tok.doc, head.left_edge.i, head.i + 1)
                self.emit("member_of", owner, group, ev, head, outlet_voice=True, modality="asserted",
                          confidence=0.65)

    def _member_copula(self, org: str, tok: Token) -> None:
        """"Hamas is a member of the Axis of Resistance" (an organisation in a larger one)."""
        if tok.dep_ != "nsubj" or tok.head.lemma_ != "be":
            return
        for attr in tok.head.children:
            if attr.dep_ != "attr" or attr.lemma_.lower() != "member" or self.actors.at(attr) is not None:
                continue
            for c in attr.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        group = self._group(p) if p.dep_ == "pobj" else None
                        if group and group != org:
                            ev = char_span(tok.doc, tok.left_edge.i, p.right_edge.i + 1)
                            self.emit("member_of", org, group, ev, tok.head, historical=is_past(tok.head))
