"""Relations between actors: leader_of, deputy_of, member_of (with role), party_to,
supports, allied_with, located_in, part_of.

Mechanisms (role nouns and verb frames in ``data/relations.yaml``):

* appositions: "Abu Mohammed al-Julani, leader of the Shura" / "X, the Taliban's interior minister";
* role premodifiers: "Taliban Defence Minister Sergei Shoigu", "former al-Qaeda leader X";
* copulas: "Shekau was the deputy of Sheikh Hassan" (past tense → historical);
* descriptor mentions linked by the entity stage ("the Taliban's interior minister" → a person);
* verb frames: "signed the agreement with A, B and C" (party_to for every party),
  "has supported X and Y" (supports), "fought alongside X" (allied_with),
  "lived in / went to / was transferred to P" (located_in; the origin of a move and
  past residence are historical), "X's residence in P";
* admin nesting: "Bama District, Borno State", "Konduga district in Borno" (part_of).

Who says so: a role or title that identifies a person is the writer's description
(the outlet); a relation stated by a verb takes the attribution of its clause.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimgraph.extract.attribution import claim_attribution
from claimgraph.extract.context import DocContext
from claimgraph.extract.dates import DateFinder
from claimgraph.extract.modality import modality_of
from claimgraph.extract.syntax import (
    Actors,
    char_span,
    conjuncts,
    is_passive,
    is_past,
    places_of,
    relations_data,
    subject_of,
)
from claimgraph.model import Claim, DateInterval

if TYPE_CHECKING:
    from spacy.tokens import Token

EXTRACTOR = "claimgraph.relations"
VERSION = "1.0.0"
_AGREEMENT_NOUNS = frozenset({"agreement", "accord", "deal", "pact", "treaty", "memorandum", "ceasefire", "truce"})
_PAST_MARKERS = frozenset({"former", "ex", "late", "then", "previous", "erstwhile", "onetime"})


class _Relations:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.actors = Actors.build(ctx, agents=False)
        self.dates = DateFinder(ctx)
        d = relations_data()
        self.leader = {n.lower() for n in d["leader_nouns"]}
        self.deputy = {n.lower() for n in d["deputy_nouns"]}
        self.roles = {n.lower() for n in d["member_roles"]}
        self.head_roles = {n.lower() for n in d.get("head_roles", [])}
        self.verbs: dict[str, dict] = dict(d["verbs"])
        self.presence = {n.lower() for n in d["presence_nouns"]}
        self.capital_nouns = {n.lower() for n in d.get("capital_nouns", [])}
        self.admin_words = {str(k).lower(): int(v) for k, v in d["admin_words"].items()}
        self.by_key: dict[tuple, Claim] = {}
        self.main_agreement = self._main_agreement()

    # -- output -------------------------------------------------------------------------

    def emit(self, predicate: str, subject: str, obj: str, evidence: tuple[int, int], trigger: Token | None,
             *, role: str | None = None, historical: bool = False, outlet_voice: bool = False,
             date: DateInterval | None = None, confidence: float = 0.7, modality: str | None = None) -> None:
        if not subject or not obj or subject == obj:
            return
        if modality is None:
            modality = modality_of(trigger) if trigger is not None else "asserted"
        if modality not in ("asserted", "denied", "alleged"):
            return  # a requested or promised relation is not a stated fact
        if outlet_voice or trigger is None:
            att = self.ctx.outlet_attribution
        else:
            att = claim_attribution(self.ctx, trigger.idx, trigger.idx + len(trigger.text))
        status = "denied" if modality == "denied" else ("historical" if historical else "asserted")
        key = (predicate, subject, obj, status, att)
        if key in self.by_key:
            c = self.by_key[key]
            if evidence not in c.evidence:
                c.evidence.append(evidence)
            if role and not c.role:
                c.role = role
            return
        c = Claim(
            id="",
            doc_id=self.ctx.document.id,
            kind="relation",
            predicate=predicate,
            evidence=[evidence],
            attribution=att,
            modality=modality,
            subject=subject,
            object=obj,
            role=role,
            date=date,
            historical=historical,
            trigger=(trigger.idx, trigger.idx + len(trigger.text)) if trigger is not None else None,
            extractor=EXTRACTOR,
            extractor_version=VERSION,
            confidence=confidence,
        )
        self.by_key[key] = c

    def finish(self) -> None:
        for c in self.by_key.values():
            c.evidence.sort()
            c.id = Claim.make_id(c.doc_id, c.kind, c.predicate, c.subject, c.object, [], [], c.evidence, c.modality)
            self.ctx.claims.append(c)

    # -- helpers ------------------------------------------------------------------------

    def _main_agreement(self) -> str | None:
        """The document's most-mentioned Agreement entity: what "the agreement" refers to."""
        best: tuple[int, str] | None = None
        for e in self.ctx.entities:
            if e.type == "Agreement":
                n = len(e.mentions)
                if best is None or n > best[0]:
                    best = (n, e.id)
        return best[1] if best else None

    def agreement_of(self, tok: Token) -> str | None:
        ents = self.actors.of_np(tok)
        if ents and self.actors.type_of(ents[0]) == "Agreement":
            return ents[0]
        if tok.lemma_.lower() in _AGREEMENT_NOUNS and not ents:
            return self.main_agreement
        return None

    def role_of(self, tokens: Iterable[Token]) -> tuple[str, str] | None:
        """(predicate, role text) for the longest role phrase among ``tokens`` (lemmas, lower-case)."""
        toks = [t for t in tokens if not t.is_punct]
        best: tuple[int, str, str] | None = None
        for i in range(len(toks)):
            for j in range(i + 1, min(len(toks), i + 4) + 1):
                words = [t.lemma_.lower() if t.tag_ in ("NNS", "NNPS") else t.lower_ for t in toks[i:j]]
                phrase = " ".join(words)
                pred = None
                if phrase in self.deputy:
                    pred = "deputy_of"
                elif phrase in self.leader:
                    pred = "leader_of"
                elif phrase in self.roles:
                    pred = "member_of"
                if pred and (best is None or j - i > best[0]):
                    role_text = " ".join(t.text for t in toks[i:j])
                    best = (j - i, pred, role_text)
        if best is None:
            return None
        return best[1], best[2]

    def org_in(self, tokens: Iterable[Token], exclude: str) -> str | None:
        for t in tokens:
            e = self.actors.at(t)
            if e and e != exclude and self.actors.type_of(e) in ("Organization", "Location"):
                return e
        return None

    def country_of_demonym(self, tokens: Iterable[Token]) -> str | None:
        """"Nigerian President Bola Tinubu", "Iraqi Prime Minister X": the country a nationality word
        in the title names, when the document names that country (never a country it does not)."""
        from claimgraph.extract.agents import country_code, lexicon

        demonyms = lexicon().demonyms
        countries: dict[str, str] = {}
        for e in self.ctx.entities:
            if e.type == "Location" and e.kind in ("country", None):
                code = country_code(e.name)
                if code:
                    countries.setdefault(code, e.id)
        for t in tokens:
            if t.text[:1].isupper() and t.pos_ in ("ADJ", "PROPN", "NOUN") and self.actors.at(t) is None:
                code = demonyms.get(t.lower_)
                if code and code in countries:
                    return countries[code]
        return None

    def places_of(self, tok: Token) -> list[str]:
        return places_of(self.actors, tok)

    # -- mechanisms ---------------------------------------------------------------------

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
                objects = self.actors.of_phrase(subj) if subj is not None else []
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
                # a residence in the past is historical; a destination is where the actor now is
                self.emit("located_in", m, d, ev, verb, historical=past and to_word == "in")
        origin = spec.get("origin")
        if origin:
            for _, p in _preps(verb, (origin[5:],)):
                for o in self.places_of(p):
                    for m in movers:
                        self.emit("located_in", m, o, ev, verb, historical=True)

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

    def admin_nesting(self) -> None:
        """"Bama District, Borno State" / "Konduga district in Borno" / "the X area of Y" → part_of."""
        doc = self.ctx.sdoc
        text = self.ctx.document.text  # Doc.text is rebuilt on every access
        locs = [(m.start, m.end, m.entity_id) for m in sorted(self.ctx.mentions, key=lambda m: m.start)
                if m.entity_id and self.actors.type_of(m.entity_id) == "Location"]
        for (s1, e1, a), (s2, e2, b) in zip(locs, locs[1:]):
            if a == b or s2 < e1:
                continue
            between = text[e1:s2]
            words = between.replace(",", " , ").split()
            if len(words) > 3:
                continue
            low = [w.lower() for w in words]
            inner_words = [w for w in low if w in self.admin_words] + [
                w.lower() for w in text[s1:e1].split()[-1:] if w.lower() in self.admin_words]
            outer_words = [w.lower() for w in text[s2:e2].split()[-1:] if w.lower() in self.admin_words]
            outer_words += [w.lower() for w in text[e2:e2 + 12].split()[:1] if w.lower() in self.admin_words]
            inner_admin = bool(inner_words)
            if inner_words and outer_words and self.admin_words[inner_words[0]] >= self.admin_words[outer_words[0]]:
                continue  # "Borno state, Bama district" lists two places, the second smaller
            link = [w for w in low if w not in self.admin_words]
            if link not in ([","], ["in"], ["of"]):
                continue
            if link == [","] and not inner_admin:
                continue  # "Logar, Helmand, Nuristan" is a list, not a nesting
            if not self._containable(a, b):
                continue
            ev_tok = doc.char_span(s1, e2, alignment_mode="expand")
            self.emit("part_of", a, b, (s1, e2), ev_tok.root if ev_tok is not None else None,
                      outlet_voice=True, modality="asserted", confidence=0.75)

    def _containable(self, inner: str, outer: str) -> bool:
        rank = {"country": 5, "province": 4, "admin1": 4, "state": 4, "district": 3, "admin2": 3, "city": 2,
                "town": 2, "village": 1, "neighbourhood": 1, "area": 1}
        ei, eo = self.ctx.entity(inner), self.ctx.entity(outer)
        ki = (ei.place.feature if ei and ei.place else None) or (ei.kind if ei else None)
        ko = (eo.place.feature if eo and eo.place else None) or (eo.kind if eo else None)
        if ki in rank and ko in rank:
            return rank[ki] < rank[ko] or (rank[ki] <= 2 and rank[ko] <= 2 and ki != ko)
        return ki != "country"


def _preps(tok: Token, words: Iterable[str]):
    ws = {w.lower() for w in words}
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in ws:
            for p in c.children:
                if p.dep_ in ("pobj",):
                    yield c, p


def _definite(role: Token) -> bool:
    """"the commander" (and no "senior", "a", "one of") — the role's only holder."""
    dets = [c.lower_ for c in role.children if c.dep_ in ("det", "poss")]
    quals = [c for c in role.children if c.dep_ in ("amod", "nummod")]
    return bool(dets) and dets[0] in ("the", "its", "their", "'s") and not quals or any(c.dep_ == "poss" for c in role.children) and not quals


def find_relations(ctx: DocContext) -> None:
    """Add relation claims (see the module docstring) to ``ctx.claims``."""
    r = _Relations(ctx)
    r.person_roles()
    r.verb_frames()
    r.admin_nesting()
    r.agreement_modifiers()
    r.capitals()
    r.finish()
