"""Relations between actors: leader_of, deputy_of, member_of (with role), party_to,
supports, allied_with, located_in, part_of.

Mechanisms (role nouns and verb frames in ``data/relations.yaml``), one module each:

* ``relations_roles`` — appositions ("Abu Mohammed al-Julani, leader of the Shura"), role
  premodifiers ("Taliban Defence Minister X", "former al-Qaeda leader X"), copulas ("X was the
  deputy of Y", past → historical; "The prime minister of Ethiopia is X"), "as" phrases ("served as
  mayor of Kharkiv", "appointed X as commander of Y"), descriptor mentions; mayors and governors
  of a place lead it; "the top official" leads;
* ``relations_members`` — membership with no role noun ("X of the Y party", "X's Y party",
  "Hezbollah is a member of the Axis of Resistance");
* ``relations_verbs`` — verb frames: party_to ("signed the agreement with A, B and C"), supports,
  allied_with, leader_of ("led by X", "the group is now led by X"), located_in ("lived in / went
  to / was transferred to P"; origin and past residence historical; "is located in P");
* ``relations_places`` — part_of between places (admin nesting and address chains checked by the
  gazetteer, "X is a city in Y", "the Syrian city of Idlib", chains of nestings stated apart) and
  located_in for organisations ("based / headquartered in", "Johns Hopkins University in Baltimore");
* here — the document-wide ones: "the U.S.-Taliban deal" (party_to), capitals.

Not relations, on purpose: a person "born in" / "died in" a place (biography, not presence: no
located_in), and a founder ("founded X", "the founder of X" — founding says nothing of who leads X;
MODEL.md has no founded_by predicate).

Who says so: a role or title that identifies a person is the writer's description
(the outlet); a relation stated by a verb takes the attribution of its clause.
"""

from __future__ import annotations

from claimgraph.extract.context import DocContext
from claimgraph.extract.relations_base import EXTRACTOR, VERSION, _AGREEMENT_NOUNS
from claimgraph.extract.relations_members import MemberRelations
from claimgraph.extract.relations_places import PlaceRelations
from claimgraph.extract.relations_roles import RoleRelations
from claimgraph.extract.relations_verbs import VerbRelations
from claimgraph.extract.syntax import char_span


class _Relations(PlaceRelations, RoleRelations, VerbRelations, MemberRelations):
    """Every relation mechanism; the ones below need the whole document's places and agreements."""

    def agreement_modifiers(self) -> None:
        """"the U.S.-Taliban deal", "the Taliban's agreement with foreign groups": named parties."""
        for tok in self.ctx.sdoc:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _AGREEMENT_NOUNS:
                continue
            agreement = self.agreement_of(tok)
            if agreement is None or self.actors.at(tok) == agreement:
                continue
            parties: list[str] = []
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
                    parties += [e for t in c.subtree for e in [self.actors.at(t)] if e]
                elif c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                    parties += [e for p in c.children if p.dep_ == "pobj" for e in self.actors.of_phrase(p)]
            ev = char_span(tok.doc, tok.left_edge.i, tok.right_edge.i + 1)
            for party in dict.fromkeys(parties):
                if party != agreement and self.actors.type_of(party) in ("Person", "Organization", "Location"):
                    self.emit("party_to", party, agreement, ev, tok)

    def capitals(self) -> None:
        """"Qatar's capital, Doha", "Doha, the capital of Qatar", "Kabul's Dasht-e-Barchi neighborhood"."""
        loc = lambda t: self.actors.at(t) if self.actors.type_of(self.actors.at(t)) == "Location" else None  # noqa: E731
        for tok in self.ctx.sdoc:
            inner = loc(tok)
            if inner is None or (tok.head.i != tok.i and self.actors.at(tok.head) == inner):
                continue
            outer = None
            # "Kabul's western Dasht-e-Barchi neighborhood": a place possessed by a place
            head = tok.head if tok.dep_ == "compound" and tok.head.lemma_.lower() in self.capital_nouns else tok
            for c in head.children:
                if c.dep_ == "poss" and loc(c) and loc(c) != inner:
                    outer = loc(c)
            # "Doha, the capital of Qatar" / "Qatar's capital, Doha"
            for c in tok.children:
                if c.dep_ == "appos" and c.lemma_.lower() in self.capital_nouns and loc(c) is None:
                    for x in c.children:
                        if x.dep_ == "poss" and loc(x):
                            outer = loc(x)
                        if x.dep_ == "prep" and x.lower_ == "of":
                            outer = next((loc(p) for p in x.children if p.dep_ == "pobj" and loc(p)), outer)
            if tok.dep_ == "appos" and tok.head.lemma_.lower() in self.capital_nouns and loc(tok.head) is None:
                for x in tok.head.children:
                    if x.dep_ == "poss" and loc(x):
                        outer = loc(x)
            if outer and outer != inner:
                ev_tok = tok.head if tok.dep_ == "appos" else tok
                ev = char_span(tok.doc, min(ev_tok.left_edge.i, tok.left_edge.i), max(ev_tok.right_edge.i, tok.i) + 1)
                self.emit("part_of", inner, outer, ev, tok, outlet_voice=True, modality="asserted", confidence=0.7)


def find_relations(ctx: DocContext) -> None:
    """Add relation claims (see the module docstring) to ``ctx.claims``."""
    r = _Relations(ctx)
    r.admin_nesting()  # first: the address chains it finds extend the relations below
    r.person_roles()
    r.memberships()
    r.verb_frames()
    r.place_descriptions()
    r.organisations_in_places()
    r.agreement_modifiers()
    r.capitals()
    r.nesting_closure()  # last: over every nesting the mechanisms above found
    r.finish()


__all__ = ["EXTRACTOR", "VERSION", "find_relations"]
