"""The shared state and output of the relation stage (:mod:`claimgraph.extract.relations`).

:class:`RelationsBase` loads the relation data, emits claims (one per subject, predicate,
object; evidence merged), and answers the questions every relation mechanism asks (which
agreement, which role, which organisation, which places); the mechanisms are its subclasses
in ``relations_roles`` (role statements) and ``relations_verbs`` (verb frames).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from claimgraph.extract.attribution import claim_attribution
from claimgraph.extract.context import DocContext
from claimgraph.extract.modality import modality_of
from claimgraph.extract.syntax import Actors, places_of, relations_data
from claimgraph.model import Claim, DateInterval

if TYPE_CHECKING:
    from spacy.tokens import Token

    from claimgraph.extract.dates import DateFinder

EXTRACTOR = "claimgraph.relations"
VERSION = "1.0.0"
_AGREEMENT_NOUNS = frozenset({"agreement", "accord", "deal", "pact", "treaty", "memorandum", "ceasefire", "truce"})
_GROUP_WORDS = frozenset({"group", "organization", "organisation", "movement", "militia", "insurgency"})
_PAST_MARKERS = frozenset({"former", "ex", "late", "then", "previous", "erstwhile", "onetime"})


class RelationsBase:
    """Shared state, helpers and claim output of the relation stage."""

    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.actors = Actors.build(ctx, agents=False)
        self.dates: DateFinder = ctx.date_finder()
        d = relations_data()
        self.leader = {n.lower() for n in d["leader_nouns"]}
        self.deputy = {n.lower() for n in d["deputy_nouns"]}
        self.roles = {n.lower() for n in d["member_roles"]}
        self.head_roles = {n.lower() for n in d.get("head_roles", [])}
        self.offices = {n.lower() for n in d.get("place_offices", [])}
        self.role_as_verbs = {n.lower() for n in d.get("role_as_verbs", [])}
        self.serving_verbs = {n.lower() for n in d.get("serving_verbs", [])}
        self.party_nouns = {n.lower() for n in d.get("party_nouns", [])}
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

    def group_antecedent(self, tok: Token, sentences: int = 3) -> str | None:
        """"the group is now being led by X": the armed group named last before ``tok`` in its sentence
        or the ``sentences`` before it, when ``tok`` is a definite "group"/"organization"/"movement" with
        no name of its own (a bounded look-back, never a scan of the whole document)."""
        if tok.lemma_.lower() not in _GROUP_WORDS or self.actors.at(tok) is not None:
            return None
        if [c.lower_ for c in tok.children if c.dep_ == "det"] != ["the"]:
            return None
        start = tok.sent.start
        for _ in range(sentences):
            if start > 0:
                start = tok.doc[start - 1].sent.start
        for j in range(tok.i - 1, start - 1, -1):
            e = self.actors.at(tok.doc[j])
            ent = self.ctx.entity(e) if e else None
            if ent is not None and ent.type == "Organization" and ent.kind == "armed_group":
                return ent.id
        return None

    def _place_in(self, inner: str, outer: str) -> bool:
        """Whether the text's "``inner`` in ``outer``" may be taken as part_of; the place mechanisms
        (``relations_places``) refine it with the gazetteer."""
        return inner != outer

    def _along_chain(self, predicate: str, subject: str, ev_start: int, outer: int | str) -> None:
        """Extend a relation along an address chain ("in A, B, C"); a no-op without the place mechanisms."""

    # -- mechanisms ---------------------------------------------------------------------


def _preps(tok: Token, words: Iterable[str]):
    ws = {w.lower() for w in words}
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in ws:
            for p in c.children:
                if p.dep_ in ("pobj",):
                    yield c, p


def _definite(role: Token) -> bool:
    """"the commander" (and no "senior", "a", "one of") — the role's only holder; a bare singular
    role after "as" ("appointed X as commander of Y") names the office too."""
    if role.dep_ == "pobj" and role.head.lower_ == "as" and role.tag_ == "NN" and not any(
            c.dep_ in ("det", "poss", "amod", "nummod") for c in role.children):
        return True
    dets = [c.lower_ for c in role.children if c.dep_ in ("det", "poss")]
    quals = [c for c in role.children if c.dep_ in ("amod", "nummod")]
    return bool(dets) and dets[0] in ("the", "its", "their", "'s") and not quals or any(c.dep_ == "poss" for c in role.children) and not quals
