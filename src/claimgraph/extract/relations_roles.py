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
            if pre and tok.left_edge.i > 0:
                pre = self._group_before(tok.left_edge.i) + pre
            if pre:
                # "King Abdullah II of Jordan": the title's group may follow the name
                after = [t for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
                self._role_phrase(e, tok, pre + after, historical=any(t.lower_ in _PAST_MARKERS for t in pre),
                                  outlet_voice=True)
            for c in tok.children:
                if c.dep_ == "appos" and self.actors.at(c) in (None, e):
                    self._role_np(e, c, outlet_voice=True)
            # copula: "X was the deputy of Y", "X is a member of Y"
            if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
                for c in tok.head.children:
                    if c.dep_ in ("attr", "acomp") and self.actors.at(c) in (None, e):
                        self._role_np(e, c, historical=is_past(tok.head), outlet_voice=False)
            # reversed copula: "The prime minister of Siam was X", "the commissioner of Y is X"
            if tok.dep_ == "attr" and tok.head.lemma_ == "be":
                for c in tok.head.children:
                    if c.dep_ == "nsubj" and c.pos_ == "NOUN" and self.actors.at(c) is None:
                        self._role_np(e, c, historical=is_past(tok.head), outlet_voice=False)
            self._role_as(e, tok)
        # a role noun with a named apposition: "the leader of the Taliban, Mullah X"
        for tok in doc:
            if self.actors.at(tok) is None and tok.pos_ == "NOUN":
                for c in tok.children:
                    e = self.actors.at(c) if c.dep_ == "appos" else None
                    if e and self.actors.type_of(e) == "Person":
                        self._role_np(e, tok, outlet_voice=True, group_before=True)
        # descriptor mentions linked to a person: "the Taliban's interior minister"
        for m in self.ctx.mentions:
            if m.entity_id and m.label == "DESCRIPTOR" and self.actors.type_of(m.entity_id) == "Person":
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    self._role_phrase(m.entity_id, span.root, list(span), historical=False, outlet_voice=True,
                                      skip_self=False)

    def _role_as(self, person: str, tok: Token) -> None:
        """"X served as mayor of Calgary", "reports identified X as a member of Y", "appointed X as
        commander of Y", "a politician who served as governor of Z": the role in the "as" phrase.

        Only verbs that state an office (``role_as_verbs``: serve, appoint, identify …), so that "X
        spoke as a member of Y" or "X was hailed as a hero" say nothing; serving in the past is
        historical, being named or identified is not (the office is still held as far as the text says)."""
        verbs: list[Token] = []
        if tok.dep_ in ("nsubjpass", "dobj") or tok.dep_ == "nsubj" and not any(
                c.dep_ == "dobj" for c in tok.head.children):  # "A appointed B as …" is B's role
            verbs.append(tok.head)
        # "X, who served as …" / "X was a politician who served as …"
        for c in tok.children:
            if c.dep_ == "relcl":
                verbs.append(c)
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            verbs += [r for a in tok.head.children if a.dep_ == "attr" for r in a.children if r.dep_ == "relcl"]
        for verb in verbs:
            if verb.lemma_.lower() not in self.role_as_verbs:
                continue
            if verb.i != tok.head.i and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that")
                                                for c in verb.children):
                continue
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "as":
                    for role in c.children:
                        if role.dep_ == "pobj" and self.actors.at(role) is None:
                            past = is_past(verb) and verb.lemma_.lower() in self.serving_verbs
                            self._role_np(person, role, historical=past, outlet_voice=False)

    def _group_before(self, i: int) -> list[Token]:
        """The tokens of a group or country named right before token ``i`` — "IS deputy caliph X",
        where the parser took the group's acronym for a verb and cut it off the title."""
        doc = self.ctx.sdoc
        e = self.actors.at(doc[i - 1])
        if e is None or self.actors.type_of(e) not in ("Organization", "Location"):
            return []
        j = i - 1
        while j > 0 and self.actors.at(doc[j - 1]) == e:
            j -= 1
        return list(doc[j:i])

    def _name_start(self, tok: Token, entity: str) -> int:
        """Where the name (not a descriptor) of ``entity`` that contains ``tok`` starts."""
        best = tok.idx
        for m in self.ctx.mentions:
            if m.entity_id == entity and m.label != "DESCRIPTOR" and m.start <= tok.idx < m.end:
                best = min(best, m.start)
        return best

    def _role_np(self, person: str, head: Token, *, historical: bool = False, outlet_voice: bool,
                 group_before: bool = False) -> None:
        """A role noun phrase headed by ``head`` ("the leader of the Taliban", "the Taliban's interior minister");
        ``group_before``: a title with the person's name in apposition may take its group from just before
        it ("IS deputy caliph X", see :meth:`_group_before`)."""
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
                        elif not ents:
                            # "a member of IS' delegated committee": the group that owns the body named
                            org = self.org_in([t for t in p.subtree if t.i < p.i], person)
        if org is None:
            org = self.org_in(left + [t for c in left for t in c.subtree], person)
        if org is None and group_before and head.left_edge.i > 0:
            org = self.org_in(self._group_before(head.left_edge.i), person)
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
        if pred == "member_of" and _top(tok):
            pred = "leader_of"  # "the top IS official", "its most senior commander": the one at the head
        elif pred == "member_of" and role.lower() in self.head_roles | self.offices and _definite(tok):
            pred = "leader_of"  # "the commander of X" leads X; "a commander of X" is one of them
        elif pred == "member_of" and role.lower() in self.offices and self.actors.type_of(org) == "Location" \
                and not _second_rank(tok):
            pred = "leader_of"  # "mayor of Kharkiv", "Borno State Governor X": the head of its government
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


def _second_rank(role: Token) -> bool:
    """"deputy governor", "Lieutenant Governor", "vice mayor": an office below the one named."""
    before = role.doc[role.i - 1] if role.i > 0 else None
    return before is not None and before.lower_ in ("deputy", "vice", "lieutenant", "assistant", "acting")


def _top(role: Token) -> bool:
    """"the top official", "the top IS official", "the group's highest commander": the single holder of
    the highest rank (not "one of the top officials", not "a top commander", not "top officials").
    Read on the words before the role, as a group acronym ("IS") often breaks the parse there."""
    if role.tag_ in ("NNS", "NNPS"):
        return False
    doc = role.doc
    left = list(doc[max(role.sent.start, role.i - 4) : role.i])
    tops = [t for t in left if t.lower_ in ("top", "highest", "supreme", "paramount")]
    if not tops:
        return False
    before = [t for t in left if t.i < tops[0].i]
    if not before or before[-1].lower_ not in ("the", "'s", "its", "their"):
        return False
    first = before[-1].i
    return not (first >= 2 and doc[first - 1].lower_ == "of" and doc[first - 2].lower_ in ("one", "among", "some"))
