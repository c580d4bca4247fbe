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
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.extract.agents import state_stand_ins
from claimgraph.extract.attribution import claim_attribution, reporting_cues
from claimgraph.extract.context import DocContext
from claimgraph.data import load_yaml
from claimgraph.extract.dates import AFTER_WORDS, BEFORE_WORDS, DateFinder
from claimgraph.extract.events_counts import PeopleCounter, is_irrealis_infinitive, stated_number
from claimgraph.extract.events_lexicon import Trigger, intent_table, lexicon
from claimgraph.extract.modality import is_anaphoric_denial, is_negated, modality_of
from claimgraph.extract.syntax import (
    PLURAL_PRONOUNS,
    Actors,
    adverbial_subject,
    char_span,
    conjuncts,
    is_passive,
    places_of,
    preps_of,
    subject_of,
)
from claimgraph.model import Claim, DateInterval

if TYPE_CHECKING:
    from spacy.tokens import Token

EXTRACTOR = "claimgraph.events"
VERSION = "1.0.0"

#: entity types that can be an event's source or target (Group: unnamed collectives, extract/agents.py)
_ACTOR_TYPES = ("Person", "Organization", "Location", "Group")
#: event types whose clause complement is their content, not a separate event
_CONTENT_TAKING = frozenset({"REQUEST", "AGREE", "THREATEN", "REJECT", "ACCUSE", "CONCEDE"})
#: nominal events whose "of" phrase names the actor, not the one acted on ("withdrawal of troops")
_AGENTIVE_OF = frozenset({"RETREAT", "MOBILIZE", "PROTEST", "RELOCATE", "CONSULT", "COOPERATE", "AGREE"})
#: event types whose target, when none is named, is the place acted upon
_PLACE_TARGETED = frozenset({"CONCEDE", "RETREAT", "SANCTION", "COERCE", "AID", "SUPPORT", "MOBILIZE", "THREATEN", "AGREE", "REJECT", "ASSAULT"})
#: verbs that carry a nominal event ("launched attacks", "carried out raids")
_LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "make", "hold", "commit", "perpetrate",
                          "claim", "execute", "undertake", "begin", "start", "continue", "intensify", "step", "order",
                          "lodge", "issue", "open", "file", "take", "impose", "announce", "declare", "resume",
                          "remain", "stage", "organise", "organize", "lead", "call"})
#: verbs whose complement is a planned action ("plans to impose restrictions")
_PLANNING_VERBS = frozenset({"plan", "intend", "decide", "prepare", "aim", "seek", "want", "expect"})
#: auxiliaries that make an event an announced intention ("will withdraw", "would allow")
_INTENT_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
#: nouns that stand for participants even when no entity names them ("Afghan rebels", "students")
_PARTICIPANT_NOUNS = frozenset({"rebel", "militant", "fighter", "insurgent", "guerrilla", "soldier", "troop", "force",
                                "police", "army", "government", "official", "authority", "minister", "leader",
                                "protester", "demonstrator", "student", "worker", "activist", "civilian", "refugee",
                                "prisoner", "people", "villager", "resident", "militia", "militiaman", "bomber",
                                "gunman", "attacker", "hacker", "parliament", "ministry", "court", "opposition",
                                "party", "group", "movement", "coalition", "union", "supporter", "terrorist",
                                "jihadist", "extremist", "helicopter", "aircraft", "jet", "warship", "tank",
                                "bulldozer", "navy", "administration", "regime", "president", "delegation",
                                "negotiator", "diplomat", "envoy", "fundamentalist", "separatist", "kurd", "albanian",
                                "serb", "muslim", "islamist", "person", "man", "woman", "child"})
_TARGET_PREPS = {
    "default": ("on", "against", "at"),
    "CONSULT": ("with", "to", "between"),
    "COOPERATE": ("with",),
    "AGREE": ("with", "to"),
    "AID": ("to", "for"),
    "SUPPORT": ("for", "with", "to"),
    "REQUEST": ("from",),
    "SANCTION": ("on", "against", "to", "for"),
    "RELOCATE": (),
}
_NOUN_TARGET_PREPS = ("on", "against", "of", "at", "with", "to")
_PLACE_PREPS = ("in", "at", "near", "across", "inside", "outside", "around", "throughout")



class _Events:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.actors = Actors.build(ctx)
        self.stand_ins = state_stand_ins(ctx)
        self.dates = DateFinder(ctx)
        self.lex = lexicon()
        self.claims: list[Claim] = []
        self.last_accusation: Claim | None = None
        self.counter = PeopleCounter()
        #: head lemma -> [(token index, number)] of numbered noun phrases, for re-mentions
        self.numbered: dict[str, list[tuple[int, int]]] = {}
        for t in ctx.sdoc:
            if t.pos_ == "NOUN":
                n = stated_number(t)
                if n is not None:
                    self.numbered.setdefault(t.lemma_.lower(), []).append((t.i, n))
        self.reporting_verbs = reporting_cues().verbs | {"reiterate", "conclude", "demand", "insist"}

    # -- trigger detection ----------------------------------------------------------------

    def trigger_of(self, tok: Token) -> Trigger | None:
        if tok.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in tok.children):
            pos = "ADJ"
        elif tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            pos = "VERB"
        elif tok.pos_ in ("NOUN",) or (tok.pos_ == "PROPN" and tok.lemma_.lower() in ("airstrike",)):
            pos = "NOUN"
        else:
            return None
        cands = self.lex.get((tok.lemma_.lower(), pos)) or self.lex.get((tok.lower_, pos))
        if not cands and pos == "VERB" and self._must_clause(tok) is not None:
            # "X said that Y must …": a demand, PLOVER REQUEST (CAMEO 10 "Demand")
            return Trigger(tok.lemma_.lower(), "VERB", "REQUEST", None, None, None, False)
        if not cands:
            return None
        if pos == "ADJ":
            return cands[0]
        if pos == "VERB":
            parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")}
            with_p = [t for t in cands if t.particle and t.particle in parts]
            if with_p:
                return with_p[0]
            plain = [t for t in cands if not t.particle]
            return plain[0] if plain else None
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
        with_m = [t for t in cands if t.particle and t.particle in mods]
        if with_m:
            return with_m[0]
        plain = [t for t in cands if not t.particle]
        return plain[0] if plain else None

    def _must_clause(self, verb: Token) -> Token | None:
        """The complement clause of a reporting verb that says someone must or should act."""
        if verb.lemma_.lower() not in self.reporting_verbs:
            return None
        for c in verb.children:
            if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children):
                return c
        return None

    def is_content(self, tok: Token) -> bool:
        """Is ``tok`` inside the content clause of a governing speech-act event?"""
        child = tok
        via_that = False
        for _ in range(6):
            head = child.head
            if head.i == child.i:
                return False
            if child.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                via_that = True  # "promised fighters that roads would be built", parsed as a relative clause
            if child.dep_ in ("xcomp", "ccomp", "pcomp") or (child.dep_ == "prep" and child.lower_ in ("of", "for", "to")) or (via_that and child.dep_ in ("dobj", "dative")):
                trig = self.trigger_of(head) if head.pos_ in ("VERB", "AUX", "ADJ") else None
                if trig is not None and trig.type in _CONTENT_TAKING:
                    # what is accused or denied is a claim of its own (alleged / denied);
                    # what is requested, promised, threatened or refused is the event's content
                    stated = child.dep_ in ("ccomp", "pcomp") or (child.dep_ == "prep" and child.lower_ == "of")
                    if trig.type in ("ACCUSE", "REJECT") and stated:
                        return False
                    return True
            if child.dep_ in ("ccomp",) or head.pos_ in ("VERB", "AUX") and child.dep_ not in ("prep", "pobj", "pcomp", "xcomp", "dobj", "relcl", "acl"):
                return False
            child = head
        return False

    # -- actors ---------------------------------------------------------------------------

    def phrase(self, tok: Token | None) -> list[str]:
        if tok is None:
            return []
        if tok.lower_ in PLURAL_PRONOUNS and tok.pos_ == "PRON":
            return self.antecedent(tok)
        if tok.lower_ in ("it", "he", "she") and tok.pos_ == "PRON":
            return self.singular_antecedent(tok)
        if tok.lower_ in ("we", "i", "us", "me") and tok.pos_ == "PRON":
            return self.speaker_of(tok)
        return self.actors.of_phrase(tok)

    def speaker_of(self, pron: Token) -> list[str]:
        """"We … urge that …," said X: a first-person pronoun in reported speech is its speaker."""
        aid = claim_attribution(self.ctx, pron.idx, pron.idx + len(pron.text))
        att = next((a for a in self.ctx.attributions if a.id == aid), None)
        if att is None or len(att.chain) < 2 or att.chain[-1].entity_id is None:
            return []
        return [att.chain[-1].entity_id]

    def singular_antecedent(self, pron: Token) -> list[str]:
        """"Hungary said it will support …": a subject pronoun in a reported clause is the reporter;
        otherwise the nearest preceding entity of a fitting type in the sentence."""
        want = ("Person",) if pron.lower_ in ("he", "she") else ("Organization", "Location", "Group")
        verb = pron.head
        if pron.dep_ in ("nsubj", "nsubjpass") and verb.dep_ in ("ccomp", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            rep = subject_of(verb.head)
            if rep is not None and rep.i != pron.i:
                ents = [e for e in self.actors.of_phrase(rep) if self.actors.type_of(e) in want]
                if ents:
                    return ents
        return self.actors.nearest_before(pron, want)

    def antecedent(self, pron: Token) -> list[str]:
        """Plural pronoun → the nearest preceding actor phrase in its sentence that is not the
        pronoun's own clause subject ("summoned Taliban leaders … and asked them")."""
        verb = pron.head
        own_subj = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        own = set(self.actors.of_phrase(own_subj)) if own_subj is not None and own_subj.i != pron.i else set()
        # "summoned X … and asked them": the object of the coordinated verb
        if verb.dep_ == "conj" and pron.dep_ in ("dobj", "dative"):
            for c in verb.head.children:
                if c.dep_ == "dobj":
                    ents = [e for e in self.actors.of_phrase(c) if e not in own]
                    if ents:
                        return ents
        sent = pron.sent
        for j in range(pron.i - 1, sent.start - 1, -1):
            t = pron.doc[j]
            if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "poss"):
                continue
            if t.dep_ == "conj":
                continue
            ents = self.actors.of_phrase(t)
            if ents and not set(ents) <= own:
                return [e for e in ents if e not in own]
        return []

    def subject_phrase(self, subj: Token | None) -> list[str]:
        """Actors of a subject phrase; a subject the parser left as the last conjunct of a
        coordination ("…, Abubakar Shekau and Sergei Shoigu asked") brings its siblings."""
        ents = self.phrase(subj)
        if subj is not None and not ents and subj.pos_ == "NOUN" and subj.dep_ == "dobj" \
                and subj.head.pos_ == "VERB" and subj.head.lemma_.lower() in _LIGHT_VERBS:
            # "X issued a declaration demanding …": the one who issued it
            return self.subject_phrase(subject_of(subj.head))
        if subj is None or not ents:
            return ents
        t = subj
        kind = self.actors.type_of(ents[0])
        while t.dep_ == "conj" and t.head.i != t.i:
            h = t.head
            he = self.actors.of_np(h)
            if not he or self.actors.type_of(he[0]) != kind or h.dep_ == "pobj":
                break
            t = h
        if t is not subj:
            ents = list(dict.fromkeys([*self.actors.of_phrase(t), *ents]))
        return ents

    def protested(self, tok: Token, sources: list[str]) -> list[str]:
        """Whom a protest is against, said anywhere in its clause: "staged rallies … against the
        party's leader X", "a hunger strike to protest against Sweden's decision", "demanding
        reforms from X's government"."""
        host = tok.head if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX") else tok
        for words in (("against",), ("from", "by")):
            for t in host.subtree:
                if t.dep_ != "prep" or t.lower_ not in words:
                    continue
                for p in t.children:
                    if p.dep_ == "pobj":
                        ents = [e for e in self.phrase(p) or self.owners(p) if e not in sources]
                        if ents:
                            return ents
        return []

    def owners(self, noun: Token) -> list[str]:
        """The named actor whose thing an object is, when the object itself is no actor: "rejected an
        Indian proposal" → India, "dismissed an appeal from President X" → X, "beat Palestinian
        detainees" → the Palestinians' entity. Only names; nothing for an unmodified noun."""
        if noun.pos_ != "NOUN" or self.trigger_of(noun) is not None and not noun.children:
            return []
        out: list[str] = []
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < noun.i:
                e = self.actors.at(c) or self.actors.agent_at(c)
                if e and self.actors.type_of(e) in _ACTOR_TYPES and e not in out:
                    out.append(e)
        if not out:
            for _, p in preps_of(noun, ("by", "from", "for")):
                for e in self.actors.of_phrase(p):
                    if self.actors.type_of(e) in _ACTOR_TYPES and e not in out:
                        out.append(e)
        return out

    def verb_actors(self, verb: Token, trig: Trigger) -> tuple[list[str], list[str], Token | None]:
        """(sources, targets, the phrase that holds the targets) for a verb trigger."""
        passive = is_passive(verb)
        if passive:
            agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            sources = self.phrase(agent)
            subj = next((c for c in verb.children if c.dep_ in ("nsubjpass",)), None)
            if subj is None and verb.dep_ == "acl":
                subj = verb.head
            if subj is None:
                subj = subject_of(verb)
            target_tok = subj
            targets = self.phrase(subj) if trig.type != "RELOCATE" else []
            if not targets and subj is not None and trig.type in ("ASSAULT", "COERCE"):
                targets = self.owners(subj)  # "a camp for refugees was attacked": the refugees
            if trig.type == "RELOCATE":
                sources = self.phrase(subj) or sources
            elif trig.type == "RETREAT" and not sources and targets:
                # "guerrillas have been demobilized", "troops were withdrawn": they retreat
                sources, targets = targets, []
        else:
            subj = subject_of(verb)
            sources = self.subject_phrase(subj)
            target_tok = None
            targets = []
            for c in verb.children:
                if c.dep_ == "dobj" and c.i > verb.i and not self.actors.of_phrase(c):
                    nominal = self.trigger_of(c)
                    if nominal is not None and nominal.pos == "NOUN":
                        # "praised the withdrawal of U.S. troops": aimed at those who withdraw
                        ns, nt, _ = self.noun_actors(c, nominal)
                        targets += [e for e in (ns or nt) if e not in targets]
                if c.dep_ in ("dobj", "dative", "iobj") and c.i > verb.i:
                    if trig.type == "AGREE" and self.actors.type_of(next(iter(self.actors.of_np(c)), None)) == "Agreement":
                        continue
                    if trig.type == "AGREE" and c.lemma_.lower() in ("agreement", "accord", "deal", "pact", "treaty"):
                        continue
                    if target_tok is None:
                        target_tok = c
                    targets += self.phrase(c) or self.owners(c)
            if trig.type == "RELOCATE":
                moved = [t for t in targets if self.actors.type_of(t) != "Location"]
                # "al-Qaeda transferred some of its members": the mover is the subject's own people
                if not moved and target_tok is not None and any(t.lower_ in ("its", "their") for t in target_tok.subtree):
                    moved = []
                elif moved:
                    sources = moved
                targets = []
        preps = _TARGET_PREPS.get(trig.type, _TARGET_PREPS["default"])
        holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj",)]
        for h in holders:
            for c in h.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            for e in self.phrase(p) or self.owners(p):
                                if self.actors.type_of(e) != "Location" or trig.type in ("ASSAULT", "COERCE", "SANCTION", "ACCUSE", "REQUEST", "THREATEN", "CONSULT", "AGREE", "SUPPORT", "AID", "REJECT"):
                                    if e not in targets and (h is verb or trig.type in ("AGREE", "CONSULT", "COOPERATE", "SUPPORT", "ASSAULT", "AID", "SANCTION")):
                                        targets.append(e)
        if not targets and trig.type in _CONTENT_TAKING:
            # "offered to hand over to Britain …", "demanded that the US cancel …": the one the
            # requested/promised action is aimed at, or who is to act
            for c in verb.children:
                if c.dep_ in ("xcomp", "ccomp"):
                    if c.dep_ == "ccomp":
                        cs = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                        targets += [e for e in self.phrase(cs) if e not in sources]
                    if not targets:
                        inner = self.trigger_of(c)
                        if inner is not None and inner.type != "RELOCATE":
                            _, inner_targets, _ = self.verb_actors(c, inner)
                            targets += [e for e in inner_targets if e not in sources]
                    if not targets:
                        # the recipient or counterpart of the content action ("hand over … to Britain",
                        # "cut off electricity to X", "break relations with Russia")
                        for h in [c, *(o for o in c.children if o.dep_ == "dobj")]:
                            for p in h.children:
                                if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "with", "against", "on"):
                                    for o in p.children:
                                        if o.dep_ == "pobj":
                                            targets += [e for e in self.phrase(o) or self.owners(o) if e not in sources]
                    if not targets and c.dep_ == "xcomp":
                        # "threatened to ban opposition candidates": whom the content action is done to
                        for o in c.children:
                            if o.dep_ == "dobj":
                                targets += [e for e in self.phrase(o) or self.owners(o) if e not in sources]
                    break
        # co-actors: "fought alongside X", "together with X"
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("alongside",):
                for p in c.children:
                    if p.dep_ == "pobj":
                        sources += [e for e in self.phrase(p) if e not in sources]
        # "summoned Taliban leaders, including X": phrase() already follows "including"
        targets = [t for t in targets if t not in sources]
        return list(dict.fromkeys(sources)), list(dict.fromkeys(targets)), target_tok

    def noun_actors(self, noun: Token, trig: Trigger) -> tuple[list[str], list[str], Token | None]:
        sources: list[str] = []
        targets: list[str] = []
        target_tok = None
        for c in noun.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                sources += self.actors.of_np(c)
            elif c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
                e = self.actors.at(c)
                if e and self.actors.type_of(e) != "Agreement":
                    sources.append(e)
        by_agent: list[str] = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                for p in c.children:
                    if p.dep_ == "pobj":
                        by_agent += self.phrase(p)
                        sources += by_agent
            elif c.dep_ == "prep" and c.lower_ == "of" and trig.type in _AGENTIVE_OF:
                # "the withdrawal of U.S. troops": the troops withdraw
                for p in c.children:
                    if p.dep_ == "pobj":
                        sources += self.phrase(p)
            elif c.dep_ == "prep" and c.lower_ in _NOUN_TARGET_PREPS:
                if c.lower_ == "with" and trig.type not in ("AGREE", "CONSULT", "COOPERATE", "ASSAULT"):
                    continue
                for p in c.children:
                    if p.dep_ == "pobj":
                        ents = [e for e in self.phrase(p) if self.actors.type_of(e) != "Location" or c.lower_ != "in"]
                        if target_tok is None and (ents or c.lower_ == "of"):
                            target_tok = p
                        targets += ents
        if not sources and noun.dep_ in ("dobj",) and noun.head.pos_ in ("VERB", "AUX") \
                and noun.head.lemma_.lower() not in self.reporting_verbs:
            # "launched attacks", "tightened the blockade", "lifted the curfew": the verb's subject acts
            sources = self.subject_phrase(subject_of(noun.head))
        if not targets and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _LIGHT_VERBS:
            # "opened fire on protesters", "launched an attack against the base": the light verb's phrase
            for c, p in preps_of(noun.head, ("on", "against", "at", "upon")):
                ents = [e for e in self.phrase(p) if e not in sources]
                if ents and target_tok is None:
                    target_tok = p
                targets += ents
            if not targets and trig.type in ("ASSAULT", "COERCE"):
                # "opened fire to disperse demonstrators": whom the purpose clause acts on
                for v in noun.head.children:
                    if v.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in v.children if a.dep_ == "aux"):
                        for o in v.children:
                            if o.dep_ == "dobj":
                                targets += [e for e in self.phrase(o) or self.owners(o) if e not in sources]
        if not targets and noun.dep_ == "nsubj" and trig.type in ("ASSAULT", "COERCE"):
            # "a roadside bombing killed one U.S. soldier": the verb's object is the one hit
            verb_trig = self.trigger_of(noun.head) if noun.head.pos_ == "VERB" else None
            if verb_trig is not None and verb_trig.type in ("ASSAULT", "COERCE"):
                for o in noun.head.children:
                    if o.dep_ == "dobj":
                        targets += [e for e in self.phrase(o) or self.owners(o) if e not in sources]
        if noun.dep_ == "pobj" and noun.head.lower_ in ("at", "upon", "on") and noun.head.head.pos_ in ("VERB", "AUX"):
            # "proposed at Pakistan's request": the request was made to the one who acts on it
            if not targets:
                targets = self.subject_phrase(subject_of(noun.head.head))
        if by_agent:
            # "the withdrawal of forces by America": the unnamed forces are America's own
            sources = [s for s in sources if s in by_agent or self.actors.type_of(s) != "Group"]
        targets = [t for t in targets if t not in sources]
        return list(dict.fromkeys(sources)), list(dict.fromkeys(targets)), target_tok

    # -- where ---------------------------------------------------------------------------

    def places(self, trigger: Token, trig: Trigger) -> tuple[str | None, str | None]:
        """(location, origin) entity ids."""
        if trig.type == "RELOCATE":
            to = self._prep_places(trigger, ("to", "into", "towards", "toward"))
            frm = self._prep_places(trigger, ("from",))
            if to is None:
                to = self._prep_places(trigger, ("in", "at")) if trigger.lemma_.lower() == "arrive" else None
            return to, frm
        loc = self._prep_places(trigger, _PLACE_PREPS)
        if loc is None:
            loc = self.shared_place(trigger)
        if loc is None:
            for c in trigger.children:
                if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("with", "on", "against")):
                    arg = c if c.dep_ != "prep" else next((p for p in c.children if p.dep_ == "pobj"), None)
                    if arg is not None:
                        for a in (arg, *conjuncts(arg)):
                            loc = self._prep_places(a, _PLACE_PREPS)
                            if loc:
                                break
                if loc:
                    break
        return loc, None

    def shared_place(self, trigger: Token) -> str | None:
        """"killed two insurgents and detained three in Nad Ali": coordinated verbs share the place."""
        if trigger.pos_ != "VERB":
            return None
        sibs = [c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
            sibs.append(trigger.head)
        for v in sibs:
            loc = self._prep_places(v, _PLACE_PREPS)
            if loc:
                return loc
        return None

    def _prep_places(self, tok: Token, words: tuple[str, ...]) -> str | None:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in words:
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = places_of(self.actors, p)
                        if len(found) > 1 and words[0] in ("to",):
                            return ""
                        if found:
                            return found[0]
        return None

    # -- evidence and assembly -----------------------------------------------------------

    def evidence(self, trigger: Token) -> tuple[int, int]:
        doc = trigger.doc
        if trigger.pos_ == "NOUN":
            return char_span(doc, trigger.left_edge.i, trigger.right_edge.i + 1)
        subj = subject_of(trigger)
        lo = trigger.i
        if subj is not None and subj.sent.start == trigger.sent.start:
            lo = min(lo, subj.left_edge.i if subj.i < trigger.i else lo)
        lo = max(lo, trigger.sent.start)
        hi = trigger.i + 1
        for c in trigger.children:
            if c.i > trigger.i and c.dep_ not in ("conj", "cc", "punct", "advcl", "parataxis", "ccomp"):
                hi = max(hi, c.right_edge.i + 1)
        return char_span(doc, lo, min(hi, trigger.sent.end))

    def run(self) -> None:
        for tok in self.ctx.sdoc:
            trig = self.trigger_of(tok)
            if trig is None:
                continue
            m = self.actors.at(tok)
            if m is not None:
                continue  # inside a name ("the Minsk Agreement")
            if self.is_content(tok):
                continue
            if tok.pos_ == "VERB" and tok.lemma_.lower() in _LIGHT_VERBS and any(
                c.dep_ == "dobj" and self.trigger_of(c) is not None for c in tok.children
            ):
                continue  # "imposed sanctions", "launched attacks": the noun is the event
            if tok.pos_ == "ADJ":
                # "Syria is ready to withdraw its troops": the copula's subject; the type follows the action
                host = tok.head if tok.head.pos_ in ("AUX", "VERB") else tok
                sources = self.subject_phrase(subject_of(host))
                inner = next((c for c in tok.children if c.dep_ == "xcomp"), None)
                inner_trig = self.trigger_of(inner) if inner is not None else None
                if inner is not None and inner_trig is not None:
                    trig = Trigger(trig.lemma, "ADJ", intent_table().get(inner_trig.type, (trig.type, None))[0],
                                   inner_trig.mode, None, None, False)
                    _, targets, target_tok = self.verb_actors(inner, inner_trig)
                else:
                    targets, target_tok = [], None
                targets = [t for t in targets if t not in sources]
            elif tok.pos_ == "NOUN":
                if any(c.dep_ == "det" and c.lower_ in ("these", "those", "this", "that", "such") for c in tok.children):
                    continue  # "denied these accusations" refers back to an event already stated
                if tok.dep_ == "dobj" and is_anaphoric_denial(tok.head):
                    continue  # "rejected the accusations": the accusation was stated before
                head_trig = self.trigger_of(tok.head) if tok.dep_ in ("dobj", "nsubjpass") else None
                if head_trig is not None and head_trig.type == trig.type and tok.head.lemma_.lower() not in _LIGHT_VERBS:
                    continue  # "fought a battle": one event; "praised the withdrawal" is two
                if any(a.lower_ == "according" or (a.lower_ == "to" and a.head.lower_ == "according") for a in tok.ancestors):
                    continue  # "according to X's investigation" names a source, not an event
                sources, targets, target_tok = self.noun_actors(tok, trig)
            else:
                sources, targets, target_tok = self.verb_actors(tok, trig)
                if trig.type == "REJECT" and not targets and is_anaphoric_denial(tok) and self.last_accusation:
                    # "denied these accusations": rejects the accuser of the last accusation
                    targets = [s for s in self.last_accusation.sources if s not in sources]
            if trig.type == "PROTEST" and not targets:
                targets = self.protested(tok, sources)
            sources = list(dict.fromkeys(self.stand_ins.get(s, s) for s in sources if self.actors.type_of(s) in _ACTOR_TYPES))
            targets = list(dict.fromkeys(self.stand_ins.get(t, t) for t in targets if self.actors.type_of(t) in _ACTOR_TYPES))
            targets = [t for t in targets if t not in sources]
            unresolved = False
            if not sources and not targets:
                # no entity names a participant: keep the event only when a participant phrase exists
                # ("Afghan rebels kidnapped advisers"), with empty actor lists — never an invented actor
                if trig.type == "RELOCATE":
                    continue
                if not self.has_participant(tok) and not (
                    trig.type == "ASSAULT" and tok.pos_ == "NOUN" and self.places(tok, trig)[0]
                ):
                    continue  # a participant phrase, or a violent incident placed somewhere ("blasts in Kabul")
                unresolved = True
            trig = self.recode(tok, trig)
            location, origin = self.places(tok, trig)
            if trig.type == "RELOCATE" and location is None and origin is None:
                continue
            if location == "":
                location = None  # several destinations: no single location (located_in relations carry them)
            if trig.type == "RELOCATE" and not sources:
                continue
            if location in sources or location in targets:
                location = None
            if not targets and location and trig.type in _PLACE_TARGETED:
                # "lifted the curfew in Montenegro": the place stands for its people and authorities
                targets = [location]
            self.emit(tok, trig, sources, targets, location, origin, target_tok, unresolved=unresolved)

    def has_participant(self, tok: Token) -> bool:
        """Does the trigger have a subject, object or agent phrase that names a participant?"""
        host = tok.head if tok.pos_ == "ADJ" else tok
        cands = [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "poss", "compound", "amod")]
        subj = subject_of(host) if host.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            cands.append(subj)
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") and tok.head.pos_ in ("VERB", "AUX"):
            s2 = subject_of(tok.head)
            if s2 is not None:
                cands.append(s2)
        for c in list(cands):
            if c.dep_ == "agent":
                cands.extend(p for p in c.children if p.dep_ == "pobj")
            # "Thousands of Iraqi Kurds", "Up to 1,000 ethnic Turks"
            for prep in c.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    cands.extend(p for p in prep.children if p.dep_ == "pobj")
        for c in cands:
            for t in (c, *conjuncts(c)):
                if t.lemma_.lower() in _PARTICIPANT_NOUNS or t.ent_type_ in ("NORP", "ORG", "GPE", "PERSON"):
                    return True
                if t.pos_ in ("NOUN", "PROPN") and any(x.ent_type_ in ("NORP", "GPE", "ORG") for x in t.children):
                    return True
        return False

    def recode(self, tok: Token, trig: Trigger) -> Trigger:
        """PLOVER's coding of announced and refused events (``data/events.intent.tsv``)."""
        # "would tighten the blockade", "plans to impose restrictions": the verb carrying a nominal
        # event, or a planning verb above the action, marks the intent
        host = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else tok
        if host.pos_ != "VERB":
            return trig
        intent, refused = intent_table().get(trig.type, (trig.type, None))
        if refused and is_negated(host):
            return Trigger(trig.lemma, trig.pos, refused, trig.mode, None, None, trig.needs_place)
        planned = host.dep_ == "xcomp" and host.head.lemma_.lower() in _PLANNING_VERBS
        if intent != trig.type and (planned or any(c.dep_ == "aux" and c.lower_ in _INTENT_AUX for c in host.children)):
            return Trigger(trig.lemma, trig.pos, intent, trig.mode, None, None, trig.needs_place)
        return trig

    def emit(self, tok: Token, trig: Trigger, sources: list[str], targets: list[str], location: str | None,
             origin: str | None, target_tok: Token | None, unresolved: bool = False) -> None:
        if trig.mode is None and tok.pos_ == "VERB":
            # "engaged the insurgents with a precision airstrike", "killed in an air strike":
            # the instrument names the mode
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "in", "by", "during", "using"):
                    for p in prep.children:
                        inst = self.trigger_of(p) if p.dep_ == "pobj" else None
                        if inst is not None and inst.mode and inst.type == trig.type:
                            trig = Trigger(trig.lemma, trig.pos, trig.type, inst.mode, trig.count, trig.particle,
                                           trig.needs_place)
        modality = modality_of(tok)
        if trig.type == "REJECT" and modality == "denied" and is_negated(tok):
            modality = "asserted"  # "will not accept refugees" is a refusal, stated as such
        ev = self.evidence(tok)
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


def date_from_related_events(ctx: DocContext, claims: list[Claim]) -> None:
    """"After the death of X, …": when the document itself dates an event against X
    ("X was killed on 31 July 2022"), an undated event placed after/before it gets that bound."""
    fate = frozenset(load_yaml("events.episodes.yaml")["fate_nouns"])
    dated: dict[str, str] = {}
    for c in sorted(claims, key=lambda c: c.trigger or (0, 0)):
        if c.date is not None and c.date.value and c.predicate in ("ASSAULT", "COERCE", "RETREAT"):
            for t in c.targets:
                dated.setdefault(t, c.date.value)
    if not dated:
        return
    actors = Actors.build(ctx)
    by_start = {t.idx: t for t in ctx.sdoc}
    for c in claims:
        tok = by_start.get(c.trigger[0]) if c.trigger else None
        if c.date is not None or tok is None:
            continue
        hosts = [tok, tok.head] if tok.dep_ == "conj" else [tok]  # "After X, A appointed … and attacked …"
        for prep in (p for h in hosts for p in h.children):
            word = prep.lower_
            if prep.dep_ != "prep" or word not in AFTER_WORDS | BEFORE_WORDS:
                continue
            for noun in (p for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in fate):
                for of in (x for x in noun.children if x.dep_ == "prep" and x.lower_ == "of"):
                    for who in (x for x in of.children if x.dep_ == "pobj"):
                        known = [dated[e] for e in actors.of_np(who) if e in dated]
                        if known:
                            bound = "after" if word in AFTER_WORDS else "before"
                            span = (prep.idx, noun.right_edge.idx + len(noun.right_edge.text))
                            c.date = DateInterval(**{bound: known[0]}, text=ctx.document.text[span[0]:span[1]],  # type: ignore[arg-type]
                                                  span=span)


def find_events(ctx: DocContext) -> None:
    """Add PLOVER event claims (see the module docstring) to ``ctx.claims``."""
    e = _Events(ctx)
    e.run()
    date_from_related_events(ctx, e.claims)
    seen: set[str] = set()
    for c in e.claims:
        if c.id not in seen:
            seen.add(c.id)
            ctx.claims.append(c)
