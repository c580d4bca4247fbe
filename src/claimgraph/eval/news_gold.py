"""Finding the gold of a conflict_news_selection text in its source dataset, next to the selection.

A selection record names its source corpus (``src``), the document's path in the origin
repository (``path``) and its id there (``orig_id``). The gold sits in the sibling dataset
folders of the data root (the parent of the selection folder); ``data/eval_news.yaml`` says
which folder and file patterns belong to each ``src``. Each gold file is read once per run,
with the reader its own evaluation kind uses, and a file that is not in the expected format
is skipped (and reported) rather than stopping the run: the texts are still analysed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.data import load_yaml
from claimgraph.errors import EvalError

if TYPE_CHECKING:
    from claimgraph.eval.geo import GeoItem
    from claimgraph.eval.wikievents_read import WikiDoc


def config() -> dict[str, Any]:
    return load_yaml("eval_news.yaml")


@dataclass
class GoldFinder:
    """Looks up gold records under ``root`` (the data root), reading each gold file at most once."""

    root: Path | None
    gazetteer: Any | None = None
    unreadable: list[str] = field(default_factory=list)
    _isaf: dict[str, list[dict[str, Any]]] | None = None
    _geo: dict[str, dict[str, GeoItem]] = field(default_factory=dict)
    _wiki: dict[str, WikiDoc] | None = None

    def _source(self, src: str) -> dict[str, Any] | None:
        spec = config()["sources"].get(src)
        return spec if isinstance(spec, dict) else None

    def scorer(self, src: str) -> str | None:
        spec = self._source(src)
        return spec.get("scorer") if spec else None

    def _paths(self, src: str) -> list[Path]:
        spec = self._source(src)
        if spec is None or self.root is None:
            return []
        out: list[Path] = []
        for pattern in spec.get("gold") or []:
            out.extend(sorted(self.root.glob(pattern)))
        return list(dict.fromkeys(out))

    # -- per source -------------------------------------------------------------------------

    def isaf(self, orig_id: str, text: str) -> dict[str, Any] | None:
        """The ISAF record with this id (the one with the same text when the id repeats)."""
        from claimgraph.eval.isaf import read_items

        if self._isaf is None:
            self._isaf = {}
            for p in self._paths("ISAF-PR"):
                try:
                    for _line, rec in read_items(p):
                        self._isaf.setdefault(str(rec.get("id") or ""), []).append(rec)
                except EvalError as exc:
                    self.unreadable.append(f"{p}: {exc.code}")
        recs = self._isaf.get(str(orig_id), [])
        same = [r for r in recs if _squash(r.get("text") or "") == _squash(text)]
        found = same or recs
        return found[0] if found else None

    def geo(self, src: str, orig_id: str) -> GeoItem | None:
        """The gold geoparsing item of document ``orig_id`` of corpus ``src``."""
        from claimgraph.eval.geo import read_brat_folder, read_corpus_xml

        if src not in self._geo:
            items: dict[str, GeoItem] = {}
            for p in self._paths(src):
                try:
                    found = read_brat_folder(p, self.gazetteer) if p.is_dir() else read_corpus_xml(p)
                except EvalError as exc:
                    self.unreadable.append(f"{p}: {exc.code}")
                    continue
                for item in found:
                    items.setdefault(item.doc, item)
                if items:
                    break  # the first readable gold of the source wins (the BRAT folder before the XML)
            self._geo[src] = items
        return self._geo[src].get(str(orig_id))

    def ecb(self, meta: dict[str, Any]) -> Path | None:
        """The ECB+ XML file of the record: its origin path inside the dataset folder, else found by name."""
        spec = self._source(str(meta.get("src")))
        if spec is None or self.root is None:
            return None
        rel = str(meta.get("path") or "")
        if rel and spec.get("dataset"):
            p = self.root / spec["dataset"] / rel
            if p.is_file():
                return p
        name = str(meta.get("orig_id") or "")
        names = {name, f"{name}.xml"}
        for p in self._paths(str(meta.get("src"))):
            if p.name in names:
                return p
        return None

    def wikievents(self, orig_id: str) -> WikiDoc | None:
        """The WikiEvents document ``orig_id``, read as ``eval wikievents`` reads it (coreference file beside)."""
        from claimgraph.eval.wikievents_read import read_docs

        if self._wiki is None:
            self._wiki = {}
            for p in self._paths("WikiEvents"):
                if p.stem.endswith("_info"):
                    continue  # the *_info.jsonl duplicates
                try:
                    docs = read_docs(str(p))
                except EvalError as exc:
                    self.unreadable.append(f"{p}: {exc.code}")
                    continue
                for d in docs:
                    self._wiki.setdefault(d.doc_id, d)
        return self._wiki.get(str(orig_id))


def _squash(text: str) -> str:
    return "".join(text.split())
