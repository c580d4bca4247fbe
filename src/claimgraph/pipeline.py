"""The assembled pipeline: model + gazetteer + extraction, with no I/O in constructors.

``Pipeline.load()`` is the one place that loads the spaCy model and opens the
gazetteer; everything downstream receives them as arguments.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimgraph.model import Document, Extraction

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class Pipeline:
    nlp: Language
    gazetteer: Any | None = None

    @classmethod
    def load(cls, gazetteer_path: str | None = None, with_gazetteer: bool = True) -> Pipeline:
        from claimgraph.nlp.pipeline import load_nlp

        gazetteer = None
        if with_gazetteer:
            from claimgraph.geo.gazetteer import Gazetteer

            gazetteer = Gazetteer.open(gazetteer_path)
        return cls(nlp=load_nlp(), gazetteer=gazetteer)

    def analyze(self, document: Document) -> Extraction:
        from claimgraph.extract import extract_document

        return extract_document(document, self.nlp, self.gazetteer)

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for doc in documents:
            yield self.analyze(doc)
