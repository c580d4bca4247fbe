"""Pipeline component: dictionary actors written in spellings the dictionary does not list.

"Tehreek-i-Taliban Pakistan", "Harakat al-Shabab al-Mujahidin", "Hizb-e-Islami
Gulbuddin": transliteration varies more than any list of aliases. This component
folds every token with ``data/transliteration.tsv`` (cached per word), builds a
shadow Doc of the folded words and runs one PhraseMatcher over it with the folded
dictionary names; token positions are shared, so each match is a span of the
real Doc. Cost: one cached lookup per token, no per-pattern loop.

Matches fill free text or widen a shorter listed alias of the same actor; they never take
text another ruler gave to a different actor or a person.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimgraph.nlp import lexicon
from claimgraph.nlp.ruler import ACTOR_PREFIX
from claimgraph.resolve.names import fold_token, strip_accents

COMPONENT = "claimgraph_actor_variants"
_EMPTY = "\u2205"  # a folded connector ("e", "al") keeps its slot so positions stay aligned


def _fold(word: str) -> str:
    return fold_token(strip_accents(word.lower())) or _EMPTY


class ActorVariants:
    """Match folded dictionary names over folded tokens; set ORG entities with the actor id."""

    def __init__(self, nlp: Language, name: str = COMPONENT) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        seen: set[tuple[str, ...]] = set()
        for actor in lexicon.actors():
            for form in (actor.name, *actor.aliases):
                words = tuple(_fold(t.text) for t in nlp.tokenizer(form))
                if len(words) < 2 or words in seen or sum(len(w) for w in words if w != _EMPTY) < 6:
                    continue
                seen.add(words)
                self.matcher.add(ACTOR_PREFIX + actor.id, [Doc(nlp.vocab, words=list(words))])

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        shadow = Doc(self.vocab, words=[_fold(t.text) for t in doc])
        ents = list(doc.ents)
        changed = False
        for match_id, start, end in self.matcher(shadow):
            actor = self.vocab.strings[match_id]
            overlap = [e for e in ents if e.start < end and start < e.end]
            # fill free text, or widen a shorter listed alias of the same actor ("al-Shabab" in
            # "Harakat al-Shabab al-Mujahidin"); never take text another actor or a name holds
            if all(e.ent_id_ == actor and e.start >= start and e.end <= end for e in overlap):
                ents = [e for e in ents if e not in overlap]
                ents.append(Span(doc, start, end, label="ORG", span_id=actor))
                changed = True
        if changed:
            doc.ents = filter_spans(ents)
        return doc


def register() -> None:
    """Register the component factory with spaCy (idempotent; called by ``load_nlp``)."""
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, assigns=["doc.ents"], requires=["token.text"], func=ActorVariants)
