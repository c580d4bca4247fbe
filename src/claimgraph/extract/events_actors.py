"""Who does what to whom: an event trigger's source and target actors, read from the parse.

* **verbs**: the subject (through coordination, control and relative clauses) is the
  source, the object or an "on/against/with" phrase the target; in the passive the
  subject is the target and the "by" phrase the source. Coordinated phrases give
  compound actors. Plural pronouns take the nearest preceding actor phrase of the sentence.
* **nominal events**: the possessor or a national modifier is the source, "on/against/of"
  the target; a light verb ("launched attacks") lends its subject.
* **content clauses**: the one a requested/promised/threatened action is aimed at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.extract.attribution import claim_attribution
from claimgraph.extract.context import DocContext
from claimgraph.extract.events_lexicon import Trigger
from claimgraph.extract.events_places import is_town
from claimgraph.extract.events_triggers import CONTENT_TAKING, LIGHT_VERBS, Triggers, argument_slot
from claimgraph.extract.syntax import PLURAL_PRONOUNS, Actors, is_passive, places_of, preps_of, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

#: entity types that can be an event's source or target (Group: unnamed collectives, extract/agents.py)
ACTOR_TYPES = ("Person", "Organization", "Location", "Group")
#: nominal events whose "of" phrase names the actor, not the one acted on ("withdrawal of troops")
_AGENTIVE_OF = frozenset({"RETREAT", "MOBILIZE", "PROTEST", "RELOCATE", "CONSULT", "COOPERATE", "AGREE"})
_TARGET_PREPS = {
    "default": ("on", "against", "at"),
    "CONSULT": ("with", "to", "between"),
    "COOPERATE": ("with",),
    "AGREE": ("with", "to"),
    "AID": ("to", "for"),
    "SUPPORT": ("for", "with", "to"),
    "REQUEST": ("from",),
    # "complained over Israeli air raids", "protested about the detentions": whose doing it is
    "ACCUSE": ("on", "against", "at", "over", "about"),
    "SANCTION": ("on", "against", "to", "for"),
    "RELOCATE": (),
    # "withdrew its troops from Lebanon": the one withdrawn from
    "RETREAT": ("from", "on", "against"),
}
#: nominal events whose participants are the subject of the verb they attend ("joined the talks")
_PARTICIPATION = frozenset({"PROTEST", "CONSULT", "MOBILIZE", "COOPERATE"})
#: types whose target may be a place named as such ("attacked Kharkiv", "sanctions on Iran")
_PLACE_AS_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "ACCUSE", "REQUEST", "THREATEN", "CONSULT", "AGREE",
                              "SUPPORT", "AID", "REJECT", "COOPERATE", "RETREAT"})
#: types whose object's prepositional phrase names the target ("signed a deal with X", "sent aid to X")
_OBJECT_PHRASE_TARGETED = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "ASSAULT", "AID", "SANCTION"})
_NOUN_TARGET_PREPS = ("on", "against", "of", "at", "with", "to")

#: parts of an organisation that act for it ("the IRA's Belfast brigade")
_UNIT_NOUNS = frozenset({"brigade", "unit", "wing", "cell", "battalion", "regiment", "division", "squad", "faction",
                         "branch", "commando", "detachment", "platoon"})
#: RETREAT senses whose object is set free, not the one who retreats (CAMEO 0841)
_RELEASE_LEMMAS = frozenset({"release", "free", "hand over"})


class EventActors:
    """Actor finding for event triggers; ``actors`` maps parse tokens to document entities."""

    def __init__(self, ctx: DocContext, actors: Actors, triggers: Triggers):
        self.ctx = ctx
        self.actors = actors
        self.trigger_of = triggers.trigger_of
        self.reporting_verbs = triggers.reporting_verbs

    def phrase(self, tok: Token | None) -> list[str]:
        if tok is None:
            return []
        if tok.lower_ in PLURAL_PRONOUNS and tok.pos_ == "PRON":
            return self.antecedent(tok)
        if tok.lower_ in ("it", "he", "she") and tok.pos_ == "PRON":
            return self.singular_antecedent(tok)
        if tok.lower_ in ("we", "i", "us", "me") and tok.pos_ == "PRON":
            return self.speaker_of(tok)
        return self.actors.of_phrase(tok) or self.unit_owner(tok)

    def unit_owner(self, tok: Token) -> list[str]:
        """"The IRA's Belfast brigade", "Hezbollah's elite Radwan unit", "a Hamas armed wing": a unit
        no entity names acts for the organisation or group it belongs to (never a place: "the
        Belfast brigade" is not Belfast)."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _UNIT_NOUNS:
            return []
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "nmod") and c.i < tok.i:
                for e in self.actors.of_phrase(c):
                    if self.actors.type_of(e) in ("Organization", "Group"):
                        return [e]
        return []

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
        return self.previous_subject(pron)

    def previous_subject(self, pron: Token) -> list[str]:
        """"Taliban gunmen and suicide bombers attacked the camp. They killed 23 soldiers": a plural
        subject pronoun with no antecedent in its own sentence continues the previous sentence's
        main subject (its root's subject, not one inside a clause). A lone person is no "they"."""
        if pron.dep_ not in ("nsubj", "nsubjpass") or pron.sent.start == 0:
            return []
        prev = pron.doc[pron.sent.start - 1].sent
        subj = subject_of(prev.root) if prev.root.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.pos_ == "PRON":
            return []
        ents = self.actors.of_phrase(subj)
        if len(ents) == 1 and self.actors.type_of(ents[0]) == "Person":
            return []
        return ents

    def subject_phrase(self, subj: Token | None) -> list[str]:
        """Actors of a subject phrase; a subject the parser left as the last conjunct of a
        coordination ("…, Abubakar Shekau and Sergei Shoigu asked") brings its siblings."""
        ents = self.phrase(subj)
        if subj is not None and not ents and subj.pos_ == "NOUN" and subj.dep_ == "dobj" \
                and subj.head.pos_ == "VERB" and subj.head.lemma_.lower() in LIGHT_VERBS:
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
        for words in (("against",), ("from", "by"), ("of", "over", "at")):
            for t in host.subtree:
                if t.dep_ != "prep" or t.lower_ not in words:
                    continue
                if t.lower_ in ("of", "over", "at") and t.head.lemma_.lower() not in ("protest", "anger", "outrage"):
                    continue  # "in protest of X's refusal", "anger over the arrests"
                for p in t.children:
                    if p.dep_ == "pobj":
                        ents = [e for e in self.phrase(p) or self.owners(p) if e not in sources]
                        if ents:
                            return ents
        for v in host.subtree:
            trig = self.trigger_of(v) if v.dep_ in ("advcl", "xcomp", "acl") else None
            if trig is not None and trig.type == "REQUEST":
                # "a hunger strike to demand the resignation of President X": whom the demand is on
                for o in v.children:
                    if o.dep_ == "dobj":
                        ents = self.phrase(o) or self.owners(o) or [
                            e for _, q in preps_of(o, ("of",)) for e in self.phrase(q)]
                        ents = [e for e in ents if e not in sources]
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
                if e and self.actors.type_of(e) in ACTOR_TYPES and e not in out:
                    out.append(e)
        if not out:
            for _, p in preps_of(noun, ("by", "from", "for")):
                for e in self.actors.of_phrase(p):
                    if self.actors.type_of(e) in ACTOR_TYPES and e not in out:
                        out.append(e)
        return out

    def verb_actors(self, verb: Token, trig: Trigger) -> tuple[list[str], list[str], Token | None]:
        """(sources, targets, the phrase that holds the targets) for a verb trigger."""
        passive = is_passive(verb)
        if passive:
            agent = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            sources = self.phrase(agent)
            subj = next((c for c in verb.children if c.dep_ in ("nsubjpass",)), None)
            if subj is not None and subj.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                subj = verb.head  # "Kizza Besigye, who was arrested in Kampala": the one the clause is about
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
            elif trig.type == "RETREAT" and not sources and targets and trig.lemma not in _RELEASE_LEMMAS:
                # "guerrillas have been demobilized", "troops were withdrawn": they retreat
                # (not "they were released": those freed are acted on, CAMEO 0841)
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
        #: "beat up Palestinian detainees on the West Bank": with someone acted on, a place is the place
        has_object = any(self.actors.type_of(e) != "Location" for e in targets)
        holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj",)]
        for h in holders:
            # the object's own phrase names the target for these types, or when the object is part
            # of the trigger's idiom ("pointed a finger at X")
            via_object = h is verb or trig.type in _OBJECT_PHRASE_TARGETED or h.lemma_.lower() == trig.particle
            for c in h.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in preps and via_object:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            for e in self.phrase(p) or self.owners(p):
                                if self.actors.type_of(e) != "Location" or (
                                        trig.type in _PLACE_AS_TARGET and not has_object
                                        and not (trig.type == "RETREAT" and is_town(self.actors, e))):
                                    if e not in targets:
                                        targets.append(e)
        if not targets and trig.type in CONTENT_TAKING:
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
        if not targets and trig.type == "THREATEN":
            # "threatened to stop the talks if the United States goes ahead": the one the condition is on
            for v in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
                for c in v.children:
                    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                        targets += [e for e in self.phrase(subject_of(c)) if e not in sources]
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
        patient_poss = trig.possessor_patient and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        for c in noun.children:
            if c.dep_ == "poss" and c.pos_ != "PRON":
                if patient_poss:
                    # "al-Baghdadi's killing", "the commander's arrest": the one killed or arrested
                    if target_tok is None:
                        target_tok = c
                    targets += self.actors.of_np(c)
                else:
                    sources += self.actors.of_np(c)
            elif c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
                # "Israeli air raids": a nationality word is the raids' author
                e = self.actors.at(c) or self.actors.agent_at(c)
                if e and self.actors.type_of(e) != "Agreement" and not is_town(self.actors, e):
                    sources.append(e)  # "the Kharkiv attack": a town names the place, not the attacker
        by_agent: list[str] = []
        between = False
        framed = argument_slot(noun)
        # "a mediation effort between X and Y": the framing noun's phrases are the event's
        for c in [*noun.children, *(framed.children if framed is not noun and noun.dep_ == "compound" else ())]:
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in LIGHT_VERBS:
                # "an offensive launched by forces in Puntland": the agent of the light verb
                for _, p in preps_of(c, ("by",)):
                    by_agent += self.phrase(p)
                    sources += by_agent
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in ("blame", "attribute"):
                # "an attack blamed on Boko Haram": the one it is blamed on
                sources += [e for _, p in preps_of(c, ("on", "to")) for e in self.phrase(p)]
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
            elif c.dep_ == "prep" and (c.lower_ in _NOUN_TARGET_PREPS or c.lower_ == "from" and trig.type == "RETREAT"
                                       or c.lower_ == "between" and trig.type in ("CONSULT", "AGREE", "COOPERATE", "RETREAT")):
                # ("the withdrawal of troops from Lebanon": the one withdrawn from)
                if c.lower_ == "with" and trig.type not in ("AGREE", "CONSULT", "COOPERATE", "ASSAULT", "RETREAT"):
                    continue
                between = between or c.lower_ == "between"
                for p in c.children:
                    if p.dep_ == "pobj":
                        ents = [e for e in self.phrase(p) if self.actors.type_of(e) != "Location" or c.lower_ != "in"]
                        if c.lower_ == "from" and not ents:
                            ents = places_of(self.actors, p)  # "from the country": the one just named
                        if c.lower_ == "from":
                            # a country withdrawn from is a party; a town is only where it happened
                            ents = [e for e in ents if not is_town(self.actors, e)]
                        if target_tok is None and (ents or c.lower_ == "of"):
                            target_tok = p
                        targets += ents
        slot = argument_slot(noun)  # "carried out a series of airstrikes": as if "carried out airstrikes"
        if not sources and slot.dep_ in ("dobj",) and slot.head.pos_ in ("VERB", "AUX") \
                and slot.head.lemma_.lower() not in self.reporting_verbs \
                and not any(c.dep_ == "oprd" for c in slot.head.children) \
                and (slot.head.lemma_.lower() in LIGHT_VERBS or self.trigger_of(slot.head) is None):
            # ("condemned the attack", "praised the withdrawal": an event of its own about another's act;
            # "called the explosion an attack" names it, it does not carry it out)
            # "launched attacks", "tightened the blockade", "lifted the curfew": the verb's subject acts
            sources = self.subject_phrase(subject_of(slot.head))
        if not sources:
            sources = self.claimant(slot)
        own = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in noun.children)
        if not sources and own and slot.dep_ == "dobj" and slot.head.pos_ in ("VERB", "AUX"):
            # "the ILO reiterated its demand", "the rebels continued their hunger strike": the owner acts
            sources = self.subject_phrase(subject_of(slot.head))
        host = slot.head.head if slot.dep_ == "pobj" else None
        if not sources and host is not None and trig.type in _PARTICIPATION and slot.head.lower_ in ("for", "in", "into", "on") \
                and host.pos_ in ("VERB", "AUX") and not is_passive(host) and host.lemma_.lower() not in self.reporting_verbs:
            # (not "told X in a meeting": the setting of what is reported)
            # "converged for a rally", "took part in talks", "remained on alert": the participants
            sources = self.subject_phrase(subject_of(host))
        if not sources and host is not None and slot.head.lower_ == "with" and trig.type in ("ASSAULT", "COERCE", "SANCTION") \
                and host.pos_ == "VERB" and not is_passive(host) and self.trigger_of(host) is None \
                and host.lemma_.lower() not in self.reporting_verbs:
            # "the air force responded with strikes on Sanaa", "retaliated with sanctions": the
            # subject acts by the event (not "killed in clashes with", not "was hit with")
            sources = self.subject_phrase(subject_of(host))
        if not targets and trig.type in ("REQUEST", "ACCUSE", "THREATEN"):
            # "its demand that Israel ease restrictions": who is to act
            for c in noun.children:
                if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) \
                        and not is_passive(c):  # ("a request that militants be transferred": not who is asked)
                    targets += [e for e in self.phrase(subject_of(c)) if e not in sources]
        if not targets and slot.dep_ == "dobj" and slot.head.lemma_.lower() in LIGHT_VERBS:
            # "opened fire on protesters", "launched an attack against the base": the light verb's phrase
            words = ("on", "against", "at", "upon") + (
                ("with", "between") if trig.type in ("CONSULT", "AGREE", "COOPERATE", "RETREAT") else ())
            for c, p in preps_of(slot.head, words):  # "launched a mediation effort … between X and Y"
                ents = [e for e in self.phrase(p) or self.owners(p) if e not in sources]
                if ents and target_tok is None:
                    target_tok = p
                targets += ents
            if not targets and trig.type in ("ASSAULT", "COERCE"):
                # "opened fire to disperse demonstrators": whom the purpose clause acts on
                for v in slot.head.children:
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
        if between and not sources and len(targets) >= 2:
            # "talks between Ethiopia and Eritrea": one side and the other
            sources, targets = targets[:1], targets[1:]
        return list(dict.fromkeys(sources)), list(dict.fromkeys(targets)), target_tok

    def claimant(self, slot: Token) -> list[str]:
        """Who claims a nominal event as their own: "Al-Shabaab claimed the attack", "claimed
        responsibility for the bombing", "said it was responsible for the attack"."""
        head = slot.head
        if slot.dep_ == "dobj" and head.lemma_.lower() == "claim":
            return self.subject_phrase(subject_of(head))
        if slot.dep_ == "nsubjpass" and head.lemma_.lower() == "claim":
            # "past attacks were claimed by Islamic State"
            return [e for _, p in preps_of(head, ("by",)) for e in self.phrase(p)]
        if slot.dep_ == "pobj" and head.lower_ == "for":
            owner = head.head
            if owner.lemma_.lower() == "responsibility" and owner.dep_ == "dobj":
                return self.subject_phrase(subject_of(owner.head))  # "claimed/took responsibility for"
            if owner.lemma_.lower() == "responsible" and owner.dep_ == "acomp":
                return self.subject_phrase(subject_of(owner.head))  # "it was responsible for"
        return []
