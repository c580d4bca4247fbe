"""Pipeline component: dictionary actors written in spellings the dictionary does not list.

"Tehreek-i-Taliban Pakistan", "Harakat al-Shabab al-Mujahidin", "Hezb-e Islami
Gulbuddin": transliteration and hyphenation vary more than any list of aliases. This
component folds every token with ``data/transliteration.tsv`` (cached per word),
drops hyphens and connectors ("-e-", "al-"), builds a shadow Doc of the remaining
folded words and runs one PhraseMatcher over it with the dictionary names folded the
same way; an index map turns each match back into a span of the real Doc. Cost: one
cached lookup per token, no per-pattern loop.

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
_SKIP = frozenset({"-", "\u2010", "\u2011", "\u2013", "\u2014", "'", "\u2019"})


def _fold(word: str) -> str:
    """Folded word, or "" for what carries no identity (hyphens, connectors such as "e", "al")."""
    return "" if word in _SKIP else fold_token(strip_accents(word.lower()))


def _kept(words: list[str]) -> tuple[list[str], list[int]]:
    """Folded words without the empty ones, and the index of each in the original token list."""
    out, idx = [], []
    for i, w in enumerate(words):
        f = _fold(w)
        if f:
            out.append(f)
            idx.append(i)
    return out, idx


class ActorVariants:
    """Match folded dictionary names over folded tokens; set ORG entities with the actor id."""

    def __init__(self, nlp: Language, name: str = COMPONENT) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        seen: set[tuple[str, ...]] = set()
        for actor in lexicon.actors():
            for form in (actor.name, *actor.aliases):
                words = tuple(_kept([t.text for t in nlp.tokenizer(form)])[0])
                if len(words) < 2 or words in seen or sum(len(w) for w in words) < 6:
                    continue
                seen.add(words)
                self.matcher.add(ACTOR_PREFIX + actor.id, [Doc(nlp.vocab, words=list(words))])

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        words, idx = _kept([t.text for t in doc])
        if len(words) < 2:
            return doc
        shadow = Doc(self.vocab, words=words)
        ents = list(doc.ents)
        changed = False
        for match_id, s_start, s_end in self.matcher(shadow):
            actor = self.vocab.strings[match_id]
            start, end = idx[s_start], idx[s_end - 1] + 1
            overlap = [e for e in ents if e.start < end and start < e.end]
            # fill free text, or replace shorter organisation matches inside it ("al-Shabab" in
            # "Harakat al-Shabab al-Mujahidin", "Taliban" in "Tehrik Taliban Pakistan"); never cut
            # across another name or take a person's
            if all(e.label_ != "PERSON" and e.start >= start and e.end <= end and (e.end - e.start) < (end - start)
                   for e in overlap):
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
