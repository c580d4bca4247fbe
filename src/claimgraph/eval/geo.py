"""``claimgraph eval geo``: toponym recognition and resolution on the public geoparsing corpora.

Inputs, read in general (the sealed parts are scored by the same code):

* a GeoWebNews BRAT folder (``N.txt`` + ``N.ann``; the file stem is the doc id).
  Gold toponyms are the annotations of the toponym types (everything except
  ``Non_Toponym`` and the ``*_Expression`` types). Coordinates come from the
  corpus's own geocoding file when it sits beside the folder
  (``../Geocoding/gwn_full.txt`` with texts in ``../Geocoding/files``), else
  from the gazetteer by the GeoNames id in the ``AnnotatorNotes``;
* ``gwn_full.txt`` on its own (texts in ``files/`` beside it);
* GeoVirus XML (``<article><text><locations><location><name|start|end|lat|lon>``)
  and LGL / TR-News XML (``<article docid><text><toponyms><toponym><phrase|start|end>
  <gaztag geonameid><lat|lon>``); the doc id is ``docid`` or the 0-based index.

Prediction per item (``--predictions``): ``{corpus, doc, toponyms: [{start, end, text, lat, lon}]}``.

Metrics per corpus (prefix ``<corpus>.``):

* ``span_precision/recall/f1`` — exact character spans;
* ``acc161`` — of the gold toponyms with coordinates, the share found (overlapping
  span) *and* placed within 161 km; ``auc`` — mean of ln(1+error)/ln(20039) over
  the same toponyms (a miss or an unresolved place counts as 20039 km; lower is
  better); ``mean_km``/``median_km`` — over the found and resolved ones;
* ``gold_spans.*`` — the same with the gold spans given (resolution only).

Baseline in the same run: the plain spaCy model's GPE/LOC/FAC spans, each placed
at its most populous exact-name gazetteer candidate (and the same on gold spans).
"""

from __future__ import annotations

import math
import re
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.errors import EvalError
from claimgraph.eval.common import fail, prediction_writer, read_text
from claimgraph.eval.metrics import PRF, haversine_km
from claimgraph.eval.report import EvalReport

if TYPE_CHECKING:
    from claimgraph.geo.gazetteer import Gazetteer
    from claimgraph.pipeline import Pipeline

MAX_KM = 20039.0
ACC_KM = 161.0
#: BRAT types that are not toponyms (GeoWebNews taxonomy)
NON_TOPONYM_TYPES = frozenset({"Non_Toponym", "Literal_Expression", "Non_Lit_Expression"})
#: BRAT annotation lines that are not text-bound entities
_BRAT_ENTITY = re.compile(r"^(T\d+)\t(\S+) (\d+) (\d+)(?:;\d+ \d+)*\t(.*)$")


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass
class GeoItem:
    corpus: str
    doc: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


# -- readers ---------------------------------------------------------------------------------------


def _float(value: str | None, path: Path, where: str) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise fail(path, f"{where}: not a number: {value!r}") from exc


def _int(value: str | None, path: Path, where: str) -> int:
    try:
        return int(str(value).strip())
    except ValueError as exc:
        raise fail(path, f"{where}: not an integer offset: {value!r}") from exc


def read_gwn_full(path: Path, files_dir: Path | None = None) -> dict[str, tuple[str, list[GoldToponym]]]:
    """``gwn_full.txt``: line N is doc N; ``name,,mention,,lat,,lon,,start,,end`` joined by ``||``."""
    files_dir = files_dir or path.parent / "files"
    out: dict[str, tuple[str, list[GoldToponym]]] = {}
    for n, line in enumerate(read_text(path).split("\n")):
        if not line.strip():
            continue
        doc = str(n)
        text_path = files_dir / doc
        text = read_text(text_path) if text_path.is_file() else ""
        tops = []
        for part in line.strip().split("||"):
            if not part:
                continue
            f = part.split(",,")
            if len(f) != 6:
                raise fail(path, f"line {n + 1}: expected 6 fields separated by ',,' in {part[:60]!r}")
            tops.append(GoldToponym(_int(f[4], path, f"line {n + 1}"), _int(f[5], path, f"line {n + 1}"), f[1],
                                    _float(f[2], path, f"line {n + 1}"), _float(f[3], path, f"line {n + 1}")))
        out[doc] = (text, tops)
    return out


def read_brat_folder(path: Path, gazetteer: Gazetteer | None = None) -> list[GeoItem]:
    """A GeoWebNews-style BRAT folder; coordinates from a sibling ``gwn_full.txt`` or the gazetteer."""
    full_path = path.parent / "Geocoding" / "gwn_full.txt"
    coords = read_gwn_full(full_path) if full_path.is_file() else {}
    # the geocoding file numbers its documents 0..N-1 in its own order: join on the text itself
    by_head = {text[:200]: (text, tops) for text, tops in coords.values() if text}
    items = []
    stems = sorted({p.stem for p in path.glob("*.ann")}, key=lambda s: (len(s), s))
    if not stems:
        raise fail(path, "no .ann files in the folder")
    for stem in stems:
        txt = path / f"{stem}.txt"
        if not txt.is_file():
            raise fail(path / f"{stem}.ann", f"no matching {stem}.txt")
        text = read_text(txt)
        ann = read_text(path / f"{stem}.ann")
        notes: dict[str, str] = {}
        ents: list[tuple[str, str, int, int, str]] = []
        for n, line in enumerate(ann.split("\n")):
            if line.startswith("#") and "\tAnnotatorNotes " in line:
                parts = line.split("\t")
                if len(parts) >= 3:
                    notes[parts[1].split(" ")[1]] = parts[2].strip()
            elif line.startswith("T"):
                m = _BRAT_ENTITY.match(line)
                if m is None:
                    raise fail(path / f"{stem}.ann", f"line {n + 1}: not a BRAT text-bound annotation")
                ents.append((m.group(1), m.group(2), int(m.group(3)), int(m.group(4)), m.group(5)))
        gold_coords: dict[tuple[int, int], tuple[float | None, float | None]] = {}
        for head, (_full_text, full_tops) in by_head.items():
            shift = text.find(head)
            if shift >= 0:
                gold_coords = {(t.start + shift, t.end + shift): (t.lat, t.lon) for t in full_tops}
                break
        tops = []
        for tid, label, start, end, surface in ents:
            if label in NON_TOPONYM_TYPES:
                continue
            g = GoldToponym(start, end, surface)
            note = notes.get(tid, "")
            if note.isdigit():
                g.geonameid = int(note)
            if (start, end) in gold_coords:
                g.lat, g.lon = gold_coords[(start, end)]
            elif g.geonameid is not None and gazetteer is not None and not coords:
                entry = gazetteer.by_geonameid(g.geonameid)
                if entry is not None and entry.has_point:
                    g.lat, g.lon = entry.lat, entry.lon
            tops.append(g)
        items.append(GeoItem("GeoWebNews", stem, text, sorted(tops, key=lambda t: t.start)))
    return items


def _child_text(el: ET.Element, *names: str) -> str | None:
    for name in names:
        child = el.find(name)
        if child is not None and child.text is not None:
            return child.text
    return None


def _repair(text: str, start: int, end: int, surface: str) -> tuple[int, int]:
    """Offsets as given, or shifted by up to 3 characters when that makes them cover the stated name.

    (GeoVirus offsets are one character off in places; the name is the annotators' intent.)
    """
    if not surface or text[start:end] == surface:
        return start, end
    for delta in (-1, 1, -2, 2, -3, 3):
        s = start + delta
        if s >= 0 and text[s : s + len(surface)] == surface:
            return s, s + len(surface)
    return start, end


def read_corpus_xml(path: Path) -> list[GeoItem]:
    """GeoVirus, LGL or TR-News XML (the corpus name is the file stem)."""
    try:
        root = ET.fromstring(read_text(path))
    except ET.ParseError as exc:
        raise fail(path, f"not well-formed XML: {exc}") from exc
    corpus = {"lgl": "LGL", "tr-news": "TR-News", "geovirus": "GeoVirus"}.get(path.stem.lower(), path.stem)
    items = []
    for i, art in enumerate(root.iter("article")):
        text = _child_text(art, "text") or ""
        doc = art.get("docid") or art.get("file") or str(i)
        tops = []
        for t in [*art.iter("location"), *art.iter("toponym")]:
            where = f"article {doc}"
            start, end = _child_text(t, "start"), _child_text(t, "end")
            if start is None or end is None:
                raise fail(path, f"{where}: a toponym without start/end")
            gaz = t.find("gaztag")
            src = gaz if gaz is not None else t
            lat = _float(_child_text(src, "lat", "latitude"), path, where)
            lon = _float(_child_text(src, "lon", "longitude"), path, where)
            gid = gaz.get("geonameid") if gaz is not None else None
            surface = _child_text(t, "phrase", "name", "extractedName") or ""
            s, e = _repair(text, _int(start, path, where), _int(end, path, where), surface)
            tops.append(GoldToponym(s, e, text[s:e] or surface, lat, lon, int(gid) if gid and gid.isdigit() else None))
        items.append(GeoItem(corpus, doc, text, sorted(tops, key=lambda t: t.start)))
    if not items:
        raise fail(path, "no <article> elements")
    return items


def read_items(paths: list[str], gazetteer: Gazetteer | None = None) -> list[GeoItem]:
    items: list[GeoItem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            if any(p.glob("*.ann")):
                items.extend(read_brat_folder(p, gazetteer))
            elif (p / "gwn_full.txt").is_file():
                items.extend(_gwn_items(p / "gwn_full.txt"))
            else:
                raise fail(p, "folder holds neither BRAT .ann files nor gwn_full.txt")
        elif p.suffix.lower() == ".xml":
            items.extend(read_corpus_xml(p))
        elif p.name.startswith("gwn") and p.suffix == ".txt":
            items.extend(_gwn_items(p))
        elif not p.exists():
            raise EvalError("CG100", subject=str(p), detail="evaluation input not found")
        else:
            raise fail(p, "expected a BRAT folder, gwn_full.txt or a GeoVirus/LGL/TR-News XML file")
    return items


def _gwn_items(path: Path) -> list[GeoItem]:
    return [GeoItem("GeoWebNews", doc, text, sorted(tops, key=lambda t: t.start))
            for doc, (text, tops) in read_gwn_full(path).items()]


# -- predictions -----------------------------------------------------------------------------------

Prediction = list[dict[str, Any]]


def _pred(start: int, end: int, text: str, lat: float | None, lon: float | None) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text, "lat": lat, "lon": lon}


def predict_ours(item: GeoItem, sdoc: Any, gaz: Gazetteer, gold_spans: bool) -> Prediction:
    """Our toponyms (or the gold spans) resolved together; ``sdoc`` is the item's text parsed by our pipeline."""
    from claimgraph.geo.geoparse import Guidelines, find_toponyms, resolve_spans
    from claimgraph.geo.toponyms import ToponymSpan

    guidelines = Guidelines.for_corpus(item.corpus)
    if gold_spans:
        found = find_toponyms(sdoc, gaz, guidelines=guidelines)
        spans = []
        for g in item.toponyms:  # keep the admin kind/parent our finder saw for the same span
            same = next((s for s in found if s.start == g.start and s.end == g.end), None)
            spans.append(same or ToponymSpan(g.start, g.end, item.text[g.start : g.end] or g.text))
    else:
        spans = find_toponyms(sdoc, gaz, guidelines=guidelines)
    return [_pred(r.start, r.end, r.text, r.place.lat, r.place.lon) for r in resolve_spans(gaz, spans)]


def most_populous(gaz: Gazetteer, text: str) -> tuple[float | None, float | None]:
    cands = [c for c in gaz.candidates(text, fuzzy=False) if c.match in ("exact", "alias") and c.entry.has_point]
    if not cands:
        return None, None
    best = max(cands, key=lambda c: (c.entry.population, -c.entry.level))
    return best.entry.lat, best.entry.lon


def predict_baseline(item: GeoItem, sdoc: Any, gaz: Gazetteer, gold_spans: bool) -> Prediction:
    """Plain spaCy spans (or the gold spans), each at its most populous candidate; ``sdoc`` from the plain model."""
    if gold_spans:
        spans = [(g.start, g.end, item.text[g.start : g.end] or g.text) for g in item.toponyms]
    else:
        spans = [(e.start_char, e.end_char, e.text) for e in sdoc.ents if e.label_ in ("GPE", "LOC", "FAC")]
    return [_pred(s, e, t, *most_populous(gaz, t)) for s, e, t in spans]


# -- scoring ---------------------------------------------------------------------------------------


@dataclass
class GeoScore:
    spans: PRF = field(default_factory=PRF)
    errors: list[float] = field(default_factory=list)  # one per gold toponym with coordinates (MAX_KM if missed)
    found_errors: list[float] = field(default_factory=list)

    def add(self, item: GeoItem, pred: Prediction) -> None:
        gold_spans = {(g.start, g.end) for g in item.toponyms}
        pred_spans = {(p["start"], p["end"]) for p in pred}
        self.spans = self.spans + PRF(len(gold_spans & pred_spans), len(pred_spans), len(gold_spans))
        for g in item.toponyms:
            if g.lat is None or g.lon is None:
                continue
            over = [p for p in pred if p["start"] < g.end and g.start < p["end"]]
            exact = [p for p in over if (p["start"], p["end"]) == (g.start, g.end)]
            p = (exact or over)[0] if (exact or over) else None
            if p is None or p.get("lat") is None or p.get("lon") is None:
                self.errors.append(MAX_KM)
                continue
            km = haversine_km(g.lat, g.lon, float(p["lat"]), float(p["lon"]))
            self.errors.append(km)
            self.found_errors.append(km)

    def metrics(self, prefix: str) -> dict[str, float | int | None]:
        n = len(self.errors)
        out: dict[str, float | int | None] = {
            f"{prefix}span_precision": self.spans.precision, f"{prefix}span_recall": self.spans.recall,
            f"{prefix}span_f1": self.spans.f1,
        } if not prefix.endswith("gold_spans.") else {}
        out[f"{prefix}acc161"] = sum(e <= ACC_KM for e in self.errors) / n if n else None
        out[f"{prefix}auc"] = sum(math.log1p(e) for e in self.errors) / (n * math.log1p(MAX_KM)) if n else None
        out[f"{prefix}mean_km"] = statistics.fmean(self.found_errors) if self.found_errors else None
        out[f"{prefix}median_km"] = statistics.median(self.found_errors) if self.found_errors else None
        out[f"{prefix}n_gold_geocoded"] = n
        return out


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.geo.gazetteer import Gazetteer

    gaz = pipeline.gazetteer if pipeline.gazetteer is not None else Gazetteer.open()
    items = read_items(paths, gaz)
    if limit is not None:  # the first ``limit`` documents of each corpus
        seen: dict[str, int] = {}
        kept = []
        for it in items:
            seen[it.corpus] = seen.get(it.corpus, 0) + 1
            if seen[it.corpus] <= limit:
                kept.append(it)
        items = kept
    plain = plain_nlp()
    modes = ("", "gold_spans.")
    ours: dict[str, dict[str, GeoScore]] = {m: {} for m in modes}
    base: dict[str, dict[str, GeoScore]] = {m: {} for m in modes}
    with prediction_writer(predictions) as out:
        for item in items:
            sdoc, pdoc = pipeline.nlp(item.text), plain(item.text)
            for mode in modes:
                gold = mode == "gold_spans."
                pred = predict_ours(item, sdoc, gaz, gold)
                if not gold:
                    out.write({"corpus": item.corpus, "doc": item.doc, "toponyms": pred})
                ours[mode].setdefault(item.corpus, GeoScore()).add(item, pred)
                base[mode].setdefault(item.corpus, GeoScore()).add(item, predict_baseline(item, pdoc, gaz, gold))
    metrics: dict[str, float | int | None] = {}
    baseline: dict[str, float | int | None] = {}
    for mode in modes:
        for corpus, sc in ours[mode].items():
            metrics.update(sc.metrics(f"{corpus}.{mode}"))
            baseline.update(base[mode][corpus].metrics(f"{corpus}.{mode}"))
    corpora = sorted({it.corpus for it in items})
    return EvalReport(
        kind="geo", inputs=list(paths), n_items=len(items), metrics=metrics, baseline=baseline,
        sections={c: {"documents": sum(it.corpus == c for it in items),
                      "gold_toponyms": sum(len(it.toponyms) for it in items if it.corpus == c)} for c in corpora},
        notes=["spans: exact character match; acc161/auc over gold toponyms with coordinates, a miss counts 20039 km",
               "baseline: plain spaCy GPE/LOC/FAC spans + most populous exact-name gazetteer candidate"],
        predictions_path=predictions,
    )
