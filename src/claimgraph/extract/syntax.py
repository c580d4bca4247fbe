"""Shared parse helpers for the claim stages (attribution, relations, events).

The claim stages all ask the same questions of the dependency parse: which
entity does this noun phrase name, who is the subject of this verb (through
passives, coordination, relative clauses and control verbs), which clause does
a token belong to. Answering them once here keeps the stages short and makes
them agree with each other.

Entity lookups go through the mentions that the entity stage put in the
context (``ctx.mentions``); nothing here invents an actor.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimgraph.data import load_yaml
from claimgraph.extract.agents import AGENT_LABEL

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from claimgraph.extract.context import DocContext

SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
OBJ_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp", "parataxis"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
SINGULAR_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
ORG_PRONOUNS = frozenset({"it", "its"})
STATE_GROUPS = frozenset({"insurgency", "parliament", "cabinet", "ministry", "minister", "court", "council",
                          "assembly", "senate", "congress", "spokesman", "envoy", "ambassador", "president",
                          "rebel", "insurgent", "militant", "fighter", "guerrilla", "government", "force", "army", "military", "police", "troop", "authority", "regime", "administration", "soldier", "official", "leadership", "delegation"})
MILITANT_NOUNS = frozenset({"militant", "fighter", "insurgent", "jihadist", "rebel", "extremist", "terrorist", "guerrilla"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "envoy", "representative", "ambassador"})
ADVERBIAL_MARKS = frozenset({"after", "before", "when", "since", "while", "once", "until", "as"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor"})


def relations_data() -> dict:
    return load_yaml("relations.yaml")


def group_nouns() -> frozenset[str]:
    words = {w.lower() for w in relations_data()["group_nouns"]}
    # lemmas too ("soldiers" → "soldier"), so singular and plural heads both match
    return frozenset(words | {w[:-1] for w in words if w.endswith("s") and len(w) > 4})


@dataclass
class Actors:
    """Token → entity lookups for one document, built once per stage from ``ctx.mentions``."""

    ctx: DocContext
    tok_ent: list[str | None] = field(default_factory=list)
    entity_types: dict[str, str] = field(default_factory=dict)
    groups: frozenset[str] = frozenset()
    #: token → unnamed group (``extract.agents``), the fallback where no name fills a role
    tok_agent: list[str | None] = field(default_factory=list)
    use_agents: bool = True
    instruments: frozenset[str] = frozenset()
    quantities: frozenset[str] = frozenset()

    @classmethod
    def build(cls, ctx: DocContext, *, agents: bool = True) -> Actors:
        """``agents``: fall back to the unnamed groups of ``extract.agents`` where no name fills a
        phrase (events, speakers); relations between named actors pass False."""
        from claimgraph.extract.agents import lexicon

        sdoc = ctx.sdoc
        tok_ent: list[str | None] = [None] * len(sdoc)
        tok_agent: list[str | None] = [None] * len(sdoc)
        width: list[int] = [0] * len(sdoc)
        starts = [t.idx for t in sdoc]
        # names first; descriptor mentions ("the Taliban's interior minister") only fill tokens
        # no name covers, so the group inside a descriptor stays the group
        ordered = sorted((m for m in ctx.mentions if m.entity_id and m.label != AGENT_LABEL),
                         key=lambda m: m.label == "DESCRIPTOR")
        for m in ctx.mentions:
            if m.entity_id and m.label == AGENT_LABEL:
                span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and len(span):
                    tok_agent[span[-1].i] = m.entity_id  # the head: "Afghan rebels" → rebels
        for m in ordered:
            if m.label == "DESCRIPTOR":
                width = [w if tok_ent[k] is None else 10**9 for k, w in enumerate(width)]
            i = max(0, bisect.bisect_right(starts, m.start) - 1)
            w = m.end - m.start
            while i < len(sdoc) and sdoc[i].idx < m.end:
                t = sdoc[i]
                if t.idx + len(t.text) > m.start and not (t.is_punct and t.text != "-") and w > width[i]:
                    if t.lower_ not in ("the", "'s", "’s"):
                        tok_ent[i] = m.entity_id
                        width[i] = w
                i += 1
        types = {e.id: e.type for e in ctx.entities}
        groups = group_nouns() | frozenset(lexicon().nouns)
        return cls(ctx=ctx, tok_ent=tok_ent, entity_types=types, groups=groups, tok_agent=tok_agent,
                   use_agents=agents, instruments=lexicon().instruments, quantities=lexicon().quantities)

    def non_state_group(self, tok: Token) -> bool:
        """Is ``tok`` the head of an unnamed group that does not act for a state (rebels,
        militants, protesters: any sector outside ``state_sectors`` of agents.yaml)?"""
        from claimgraph.extract.agents import state_sectors

        agent = self.agent_at(tok)
        if agent is None:
            return False
        entity = self.ctx.entity(agent)
        return entity is not None and entity.external_ids.get("sector") not in state_sectors()

    def agent_at(self, tok: Token) -> str | None:
        """The unnamed group whose phrase holds ``tok`` (None when agents are off)."""
        return self.tok_agent[tok.i] if self.use_agents else None

    def at(self, tok: Token) -> str | None:
        return self.tok_ent[tok.i]

    def type_of(self, entity_id: str | None) -> str | None:
        return self.entity_types.get(entity_id or "")

    def in_span(self, start: int, end: int) -> list[str]:
        """Entity ids of tokens [start, end), in order, distinct."""
        out: list[str] = []
        for i in range(start, end):
            e = self.tok_ent[i]
            if e and e not in out:
                out.append(e)
        return out

    def of_np(self, tok: Token, *, allow_groups: bool = True, _depth: int = 0) -> list[str]:
        """The entity of the noun phrase headed by ``tok``: a named one (:meth:`named_np`), else
        the unnamed group of ``extract.agents`` whose head it is ("protesters", "Afghan rebels")."""
        named = self.named_np(tok, allow_groups=allow_groups, _depth=_depth)
        if named or not self.use_agents:
            return named
        agent = self.tok_agent[tok.i]
        if agent is not None and tok.pos_ in ("NOUN", "PROPN"):
            return [agent]
        return []

    def named_np(self, tok: Token, *, allow_groups: bool = True, _depth: int = 0) -> list[str]:
        """The entity named by the noun phrase headed by ``tok`` (without its conjuncts).

        "Pakistan" → pakistan; "Pakistani Taliban leaders" → the group in the modifier;
        "members of the TTP" → ttp; "the Taliban's interior minister" → whatever the entity
        stage linked the phrase to (descriptor coreference), else nothing.
        """
        e = self.at(tok)
        if e:
            return [e]
        if _depth > 3:
            return []
        # a mention covering the phrase's own left part (descriptor mentions linked by the entity stage)
        left = tok.left_edge
        m = self.ctx.mention_at(left.idx, tok.idx + len(tok.text))
        if m is not None and m.label == AGENT_LABEL:
            m = None
        if m is not None and m.start <= tok.idx and m.end >= tok.idx + len(tok.text) and m.entity_id:
            return [m.entity_id]
        if tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            return []
        lemma = tok.lemma_.lower()
        if tok.lower_ in self.quantities:
            # "thousands of students", "a crowd of protesters": the people counted
            for _, p in preps_of(tok, ("of",)):
                return self.of_np(p, allow_groups=allow_groups, _depth=_depth + 1)
        if lemma in self.instruments and tok.pos_ == "NOUN":
            # "U.N. helicopters evacuated …", "Israeli warplanes struck …": the named user
            for child in tok.children:
                if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < tok.i:
                    e = self.at(child)
                    if e and self.type_of(e) in ("Organization", "Location"):
                        return [e]
        if allow_groups and (lemma in self.groups or tok.lower_ in self.groups):
            for child in tok.children:
                if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                    owner = self.possessor(tok)
                    if owner:
                        return owner
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < tok.i]
            # a group named in the phrase beats a country ("Afghanistan's Taliban insurgency" → the Taliban)
            for child in sorted(mods, key=lambda c: self.type_of(self.at(c)) == "Location"):
                e = self.at(child)
                if e and (self.type_of(e) != "Location" or lemma in STATE_GROUPS and not self.non_state_group(tok)):
                    return [e]
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for p in child.children:
                        if p.dep_ == "pobj":
                            # "members of the TTP", "the leader of Afghanistan's Taliban insurgency"
                            return self.of_np(p, allow_groups=True, _depth=_depth + 1)
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "for" and lemma in SPOKESPEOPLE:
                    # "a spokesman for the ministry" speaks for it
                    for p in child.children:
                        if p.dep_ == "pobj":
                            ents = self.of_np(p, allow_groups=True, _depth=_depth + 1)
                            if ents:
                                return ents
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "from" and lemma not in STATE_GROUPS:
                    # "activists from the Fatah party", "doctors from Médecins Sans Frontières"
                    for p in child.children:
                        e = self.at(p) if p.dep_ == "pobj" else None
                        if e and self.type_of(e) == "Organization":
                            return [e]
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "from") and lemma in STATE_GROUPS \
                        and not self.non_state_group(tok):
                    # "officials from Kenya": the country's own; "rebels in the Ivory Coast" are a group
                    # of their own when the agents stage found them
                    for p in child.children:
                        e = self.at(p) if p.dep_ == "pobj" else None
                        if e and self.type_of(e) == "Location":
                            return [e]
        # "Pakistani militants": a nationality modifier on a fighters noun names the one armed
        # group of the document whose name starts with that nationality ("Pakistani Taliban")
        if lemma in MILITANT_NOUNS:
            for child in tok.children:
                if child.dep_ in ("amod", "compound") and child.i < tok.i and child.text[:1].isupper():
                    e = self.group_by_demonym(child.text)
                    if e:
                        return [e]
        # appositive: "Shekau, the leader of ..." is handled by relations; an unnamed head
        # with a named apposition ("the group's leader, X") names X
        if self.at(tok) is None and tok.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ == "appos":
                    e = self.at(child)
                    if e:
                        return [e]
        return []

    def country_before(self, tok: Token, sentences: int = 3) -> str | None:
        """The country named last before ``tok`` in its sentence or the ``sentences`` before it
        (a bounded look-back, never a scan of the whole document)."""
        from claimgraph.extract.agents import country_code

        start = tok.sent.start
        for _ in range(sentences):
            if start > 0:
                start = tok.doc[start - 1].sent.start
        seen: set[str] = set()
        for j in range(tok.i - 1, start - 1, -1):
            e = self.tok_ent[j]
            if e is None or e in seen or self.type_of(e) != "Location" or tok.doc[j].pos_ != "PROPN":
                continue  # a country named as such ("Mali"), not "French forces" folded into France
            seen.add(e)
            entity = self.ctx.entity(e)
            if entity is not None and (entity.kind == "country" or entity.kind is None and country_code(entity.name)):
                return e
        return None

    def town_before(self, tok: Token, sentences: int = 3) -> str | None:
        """The place below country level named last before ``tok`` in its sentence or the
        ``sentences`` before it ("… in Belfast. The bombs went off across the city"): a bounded
        look-back, never a scan of the whole document."""
        from claimgraph.extract.agents import country_code

        start = tok.sent.start
        for _ in range(sentences):
            if start > 0:
                start = tok.doc[start - 1].sent.start
        for j in range(tok.i - 1, start - 1, -1):
            e = self.tok_ent[j]
            if e is None or self.type_of(e) != "Location" or tok.doc[j].pos_ != "PROPN":
                continue
            entity = self.ctx.entity(e)
            if entity is not None and entity.kind != "country" and country_code(entity.name) is None:
                return e
        return None

    def nearest_before(self, tok: Token, types: tuple[str, ...]) -> list[str]:
        """The nearest entity of one of ``types`` before ``tok`` in its sentence, else in the
        previous sentence's subject ("Shekau lived in Sambisa. He went …")."""
        sent = tok.sent
        for j in range(tok.i - 1, sent.start - 1, -1):
            e = self.at(tok.doc[j])
            if e and self.type_of(e) in types:
                return [e]
        if sent.start > 0:
            prev = tok.doc[sent.start - 1].sent
            for t in prev:
                if t.dep_ in ("nsubj", "nsubjpass"):
                    ents = [e for e in self.of_np(t) if self.type_of(e) in types]
                    if ents:
                        return ents
        return []

    def pronoun(self, tok: Token) -> list[str]:
        """he/she → a person, it → a group or state, as :meth:`nearest_before` finds them."""
        low = tok.lower_
        if low in ("he", "she", "him", "her"):
            return self.nearest_before(tok, ("Person",))
        if low in ("it",):
            return self.nearest_before(tok, ("Organization", "Location"))
        return []

    def possessor(self, tok: Token) -> list[str]:
        """"The Syrian government denied that its forces …": "its" is the subject of the nearest
        governing clause whose subject is not the phrase itself."""
        for verb in governing_verbs(tok):
            subj = subject_of(verb)
            if subj is None or subj.i == tok.i or tok in list(subj.subtree):
                continue
            ents = [e for e in self.of_np(subj, allow_groups=True, _depth=3) if self.type_of(e) != "Person"]
            if ents:
                return ents[:1]
        return []

    def group_by_demonym(self, demonym: str) -> str | None:
        """The one armed group of the document named after a nationality ("Pakistani militants" →
        the Pakistani Taliban); a party or government body of that name is no militant group
        ("Rwandan rebels" are not the Rwandan Patriotic Front)."""
        prefix = demonym.lower() + " "
        found = {
            e.id
            for e in self.ctx.entities
            if e.type == "Organization" and e.kind == "armed_group"
            and any(a.lower().startswith(prefix) for a in [e.name, *e.aliases])
        }
        return found.pop() if len(found) == 1 else None

    def of_phrase(self, tok: Token) -> list[str]:
        """Entities of the phrase headed by ``tok`` and its conjuncts ("A, B and C")."""
        if tok.pos_ == "PRON" and (tok.lower_ in ("he", "she", "him", "her") or (tok.lower_ == "it" and tok.dep_ != "expl")):
            return self.pronoun(tok)
        out: list[str] = []
        for t in (tok, *conjuncts(tok)):
            for e in self.of_np(t):
                if e not in out:
                    out.append(e)
            if t.lower_ in ("including", "especially") or t.dep_ == "prep" and t.lower_ in ("including",):
                continue
            # "leaders, including Abu Mohammed al-Julani"
            for child in t.children:
                if child.dep_ == "prep" and child.lower_ in ("including", "especially", "notably"):
                    for p in child.children:
                        if p.dep_ == "pobj":
                            for e in self.of_phrase(p):
                                if e not in out:
                                    out.append(e)
        return out


def places_of(actors: Actors, tok: Token) -> list[str]:
    """Location entities named by a place phrase: "Borno state", "an area in Maiduguri",
    "the provinces of Idlib, Hama and Aleppo", "the border areas of Gao region"."""
    out: list[str] = []
    for t in (tok, *conjuncts(tok)):
        e = actors.at(t)
        if e and actors.type_of(e) == "Location":
            if e not in out:
                out.append(e)
            continue
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.lemma_.lower() == "country" and [c.lower_ for c in t.children] == ["the"]:
            # "the withdrawal of troops from the country": the country just named
            e = actors.country_before(t)
            if e and e not in out:
                out.append(e)
            continue
        for c in t.children:
            if c.dep_ == "compound":
                ce = actors.at(c)
                if ce and actors.type_of(ce) == "Location" and ce not in out:
                    out.append(ce)
        if out:
            continue
        for word in ("of", "in"):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == word and not out:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            for e2 in places_of(actors, p):
                                if e2 not in out:
                                    out.append(e2)
            if out:
                break
    return out


def conjuncts(tok: Token) -> list[Token]:
    """Coordinated heads of ``tok`` (its own conjuncts, following "and"/"or" chains)."""
    out: list[Token] = []
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def verb_conj_head(verb: Token) -> Token:
    """The first verb of a coordination ("summoned X and asked them" → summoned)."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of ``verb``: its own, a coordinated verb's, a controller's
    (xcomp), or the noun a relative clause / participle modifies."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        if adverbial_subject(v) is not None:
            return _stranded_subject(v, loose=True)
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return v.head
                return c
        if v.dep_ == "relcl":
            return v.head
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            # "accused X of supporting Y" / "blamed X for attacking": the object does it;
            # "X was accused of …" / "X insisted on …": the subject does
            gov = v.head.head
            obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
            v = gov
            continue
        if v.dep_ == "acl" and v.tag_ in ("VBN", "VBG"):
            return v.head
        if v.dep_ not in ("conj", "xcomp", "advcl") and any(c.dep_ == "prep" and c.i < v.i for c in v.children):
            # "after the death of X, A and B asked …": A and B parsed into the preceding phrase
            stranded = _stranded_subject(v, loose=True)
            if stranded is not None and stranded.dep_ in ("conj", "appos"):
                return stranded
        if v.dep_ == "conj":
            stranded = _stranded_subject(v)
            if stranded is not None:
                return stranded
        if v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
            v = v.head
            continue
        if v.dep_ == "advcl" and v.tag_ == "VBG":
            v = v.head
            continue
        return None
    return None


def adverbial_subject(verb: Token) -> Token | None:
    """The parser's "subject" that is really an adverbial clause: in "after X's airstrikes …,
    Y summoned Z" the nominal "airstrikes" gets nsubj and "after" becomes the verb's mark."""
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ADVERBIAL_MARKS]
    if not marks:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i > marks[0].i and c.pos_ == "NOUN":
            return c
    return None


def _stranded_subject(verb: Token, loose: bool = False) -> Token | None:
    """A coordinated verb's own subject that the parser hung on the previous clause:
    "A went to P and B, who lived in Q, went to R" (B parsed as a conjunct of P)."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and (doc[j].is_punct or doc[j].is_space):
        j -= 1
    if j < 0:
        return None
    t = doc[j]
    if loose and t.pos_ in ("PROPN", "NOUN", "PRON"):
        return t
    for _ in range(10):
        if t.dep_ in ("relcl", "acl") and t.head.i < verb.i:
            t = t.head
            break
        if t.head.i == t.i or t.head.i > verb.i or t.head.i < verb.head.i:
            break
        t = t.head
    if loose and t.pos_ in ("PROPN", "NOUN", "PRON") and t.dep_ in ("conj", "appos", "pobj", "compound"):
        return t
    if t.pos_ in ("PROPN", "NOUN") and t.dep_ == "conj" and t.head.dep_ in ("pobj", "dobj", "conj") and t.i > verb.head.i:
        if any(c.dep_ == "cc" for c in t.head.children) or any(c.dep_ == "cc" for c in t.children):
            return t
        if t.i > 0 and any(doc[k].dep_ == "cc" for k in range(max(0, t.left_edge.i - 1), t.left_edge.i)):
            return t
    return None


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def objects_of(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]


def preps_of(tok: Token, words: Iterable[str]) -> Iterator[tuple[Token, Token]]:
    """(preposition, object) pairs under ``tok`` whose preposition is one of ``words``."""
    ws = {w.lower() for w in words}
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in ws:
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    yield c, p


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("advmod", "neg", "det")) for c in verb.children)


def is_past(verb: Token) -> bool:
    """Simple past or past perfect of a finite verb ("lived", "had asked"); present perfect is not past."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "'s", "'ve", "will", "would", "shall") for a in auxes):
        return False
    if any(a.lower_ in ("was", "were", "had", "did") for a in auxes):
        return True
    if verb.tag_ == "VBD":
        return True
    if verb.lemma_ == "be" and verb.tag_ == "VBD":
        return True
    return False


def clause_span(verb: Token) -> tuple[int, int]:
    """Token range [start, end) of the clause headed by ``verb``: its subtree, minus
    following coordinated clauses (which are clauses of their own)."""
    start = verb.left_edge.i
    end = verb.right_edge.i + 1
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i:
            cc_start = c.left_edge.i
            # include nothing from the conjunct, and drop the coordinator before it
            end = min(end, cc_start)
            while end - 1 > verb.i and verb.doc[end - 1].dep_ in ("cc", "punct"):
                end -= 1
    return start, end


def char_span(doc, start_i: int, end_i: int) -> tuple[int, int]:
    """Character span of tokens [start_i, end_i), trimmed of punctuation at the ends."""
    while start_i < end_i - 1 and doc[start_i].is_punct and doc[start_i].text not in ('"', "“", "‘", "'"):
        start_i += 1
    while end_i - 1 > start_i and (doc[end_i - 1].is_punct or doc[end_i - 1].is_space):
        end_i -= 1
    return doc[start_i].idx, doc[end_i - 1].idx + len(doc[end_i - 1].text)


def sentence_of_token(tok: Token) -> SpacySpan:
    return tok.sent


def governing_verbs(tok: Token) -> Iterator[Token]:
    """Verbs above ``tok`` in the parse, nearest first."""
    t = tok
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            yield t
