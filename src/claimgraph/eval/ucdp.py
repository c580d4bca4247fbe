"""``claimgraph eval ucdp``: geocoding UCDP GED events from their place description.

Input: a UCDP GED CSV (the HDX extract; a second row of HXL tags such as
``#geo+lat`` is recognised and skipped). Needed columns: ``id``,
``where_description``, ``adm_1``, ``adm_2``, ``latitude``, ``longitude``;
``where_prec`` (1 exact … 6 country) is used to report precise events apart.
Rows whose coordinates are not numbers (broken quoting in the extract) are
skipped and counted in the notes.

Each event is geocoded from its text only — ``where_description`` ("Beezot area
of Lower Orakzai") with ``adm_2`` ("Orakzai agency") as its parent and ``adm_1``
("Federally Administered Tribal Areas") as the district's parent, all resolved
together; UCDP's own resolved name (``where_coordinates``) is not used. The
prediction is the most specific resolved place of the description that agrees
with the resolved district/province, else the district, else the province.

Prediction per item: ``{id, lat, lon, adm_1, adm_2}``. Metrics: ``acc25``/``acc161``
(share of events within 25/161 km; an event we could not place counts as a miss),
``mean_km``/``median_km`` over placed events, the same for precise events
(``where_prec`` ≤ 2, prefix ``precise.``), and ``adm1_match``/``adm2_match``: our
province/district name equals UCDP's (spelling variants and admin words folded).
Baseline: the first spaCy GPE/LOC/FAC span of the description (else the adm_2,
else the adm_1 text) at its most populous gazetteer candidate.
"""

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimgraph.eval.common import fail, prediction_writer, read_text
from claimgraph.eval.metrics import haversine_km
from claimgraph.eval.report import EvalReport

if TYPE_CHECKING:
    from claimgraph.geo.gazetteer import Gazetteer
    from claimgraph.pipeline import Pipeline

REQUIRED = ("id", "where_description", "adm_1", "adm_2", "latitude", "longitude")


@dataclass
class UcdpEvent:
    id: str
    description: str
    adm_1: str
    adm_2: str
    country: str
    lat: float
    lon: float
    precision: int | None


def _records(path: str) -> tuple[list[str], list[dict[str, str]], int]:
    """Header and records; a record split over several physical lines by an unquoted line break
    (as in the HDX extract) is joined back when the pieces add up to the header's width."""
    rows = csv.reader(io.StringIO(read_text(path)))
    header = next(rows, None)
    if not header:
        raise fail(path, "empty CSV")
    width = len(header)
    out: list[dict[str, str]] = []
    skipped = 0
    buf: list[str] | None = None
    for row in rows:
        if buf is None:
            if not row:
                continue
            buf = list(row)
        elif not row:
            buf[-1] += "\n"
        else:
            buf[-1] += "\n" + row[0]
            buf.extend(row[1:])
        if len(buf) == width:
            out.append(dict(zip(header, buf)))
            buf = None
        elif len(buf) > width:
            skipped += 1
            buf = None
    return header, out, skipped + (1 if buf else 0)


def read_events(path: str) -> tuple[list[UcdpEvent], int]:
    """Events of a UCDP GED CSV and the number of rows skipped as malformed."""
    header, records, skipped = _records(path)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise fail(path, f"not a UCDP GED CSV: missing column(s) {', '.join(missing)}")
    events = []
    for row in records:
        if (row.get("latitude") or "").startswith("#"):
            continue  # the HXL tag row
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (TypeError, ValueError):
            skipped += 1
            continue
        prec = row.get("where_prec") or ""
        events.append(UcdpEvent(row["id"], row.get("where_description") or "", row.get("adm_1") or "",
                                row.get("adm_2") or "", row.get("country") or "", lat, lon,
                                int(prec) if prec.isdigit() else None))
    return events, skipped


def _same_admin(ours: str | None, theirs: str, gaz: Gazetteer | None = None, level: int = 1) -> bool:
    """Our admin name and UCDP's denote the same unit: same spelling (admin words and variants folded),
    or the gazetteer resolves UCDP's name to the unit we named (former names such as FATA included)."""
    from claimgraph.geo.names import skeleton, split_admin

    if not ours or not theirs:
        return False
    a, b = split_admin(ours)[0], split_admin(theirs)[0]
    if a == b or skeleton(a) == skeleton(b) or (len(a) > 3 and (a in b or b in a)):
        return True
    if gaz is None:
        return False
    names = {c.entry.admin1 if level == 1 else c.entry.admin2 for c in gaz.candidates(theirs, fuzzy=False)
             if c.entry.level == level and c.match in ("exact", "alias")}
    return ours in names


def predict(event: UcdpEvent, sdoc: Any, gaz: Gazetteer) -> dict[str, Any]:
    from claimgraph.geo.geoparse import find_toponyms
    from claimgraph.geo.resolve import Toponym, resolve_toponyms

    found = find_toponyms(sdoc, gaz) if sdoc is not None else []
    toponyms = [Toponym("country", event.country, kind="country")] if event.country else []
    if event.adm_1:
        toponyms.append(Toponym("adm1", event.adm_1, kind="province", parent_key="country" if event.country else None))
    if event.adm_2:
        toponyms.append(Toponym("adm2", event.adm_2, kind="district", parent_key="adm1" if event.adm_1 else None))
    for i, sp in enumerate(found):
        toponyms.append(Toponym(f"d{i}", sp.text, kind=sp.kind))
    places = resolve_toponyms(gaz, toponyms)
    adm1, adm2, country = places.get("adm1"), places.get("adm2"), places.get("country")
    chosen = None
    for i, _sp in enumerate(found):
        p = places[f"d{i}"]
        if not p.resolved or p.feature in ("country", "continent"):
            continue
        agrees = all(ref is None or not ref.resolved or (p.country == ref.country and (
            not ref.admin1 or p.admin1 == ref.admin1)) for ref in (country, adm1))
        if agrees and (chosen is None or _rank(p) > _rank(chosen)):
            chosen = p
    chosen = chosen or (adm2 if adm2 and adm2.resolved else None) or (adm1 if adm1 and adm1.resolved else None)
    return {
        "id": event.id,
        "lat": chosen.lat if chosen else None, "lon": chosen.lon if chosen else None,
        "adm_1": (chosen.admin1 if chosen else None) or (adm1.admin1 if adm1 else None),
        "adm_2": (chosen.admin2 if chosen else None) or (adm2.gazetteer_name if adm2 else None),
    }


def _rank(place: Any) -> int:
    return {"province": 1, "district": 2}.get(place.feature or "", 3)


def predict_baseline(event: UcdpEvent, pdoc: Any, gaz: Gazetteer) -> dict[str, Any]:
    from claimgraph.eval.geo import most_populous

    names = [e.text for e in pdoc.ents if e.label_ in ("GPE", "LOC", "FAC")] if pdoc is not None else []
    for text in [*names[:1], event.adm_2, event.adm_1]:
        if text:
            lat, lon = most_populous(gaz, text)
            if lat is not None:
                return {"id": event.id, "lat": lat, "lon": lon, "adm_1": None, "adm_2": None}
    return {"id": event.id, "lat": None, "lon": None, "adm_1": None, "adm_2": None}


class _Score:
    def __init__(self, gaz: Gazetteer | None = None) -> None:
        self.gaz = gaz
        self.errors: list[float | None] = []
        self.precise: list[float | None] = []
        self.adm1: list[bool] = []
        self.adm2: list[bool] = []

    def add(self, event: UcdpEvent, pred: dict[str, Any]) -> None:
        err = None
        if pred["lat"] is not None and pred["lon"] is not None:
            err = haversine_km(event.lat, event.lon, pred["lat"], pred["lon"])
        self.errors.append(err)
        if event.precision is not None and event.precision <= 2:
            self.precise.append(err)
        if event.adm_1:
            self.adm1.append(_same_admin(pred.get("adm_1"), event.adm_1, self.gaz, 1))
        if event.adm_2:
            self.adm2.append(_same_admin(pred.get("adm_2"), event.adm_2, self.gaz, 2))

    @staticmethod
    def _block(errors: list[float | None], prefix: str) -> dict[str, float | int | None]:
        placed = [e for e in errors if e is not None]
        n = len(errors)
        return {
            f"{prefix}acc25": sum(e <= 25 for e in placed) / n if n else None,
            f"{prefix}acc161": sum(e <= 161 for e in placed) / n if n else None,
            f"{prefix}placed": len(placed) / n if n else None,
            f"{prefix}mean_km": statistics.fmean(placed) if placed else None,
            f"{prefix}median_km": statistics.median(placed) if placed else None,
        }

    def metrics(self, with_admin: bool) -> dict[str, float | int | None]:
        out = {**self._block(self.errors, ""), **self._block(self.precise, "precise.")}
        if with_admin:
            out["adm1_match"] = sum(self.adm1) / len(self.adm1) if self.adm1 else None
            out["adm2_match"] = sum(self.adm2) / len(self.adm2) if self.adm2 else None
        return out


def run(paths: list[str], pipeline: Pipeline, limit: int | None = None, predictions: str | None = None) -> EvalReport:
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.geo.gazetteer import Gazetteer

    gaz = pipeline.gazetteer if pipeline.gazetteer is not None else Gazetteer.open()
    events: list[UcdpEvent] = []
    skipped = 0
    for path in paths:
        evs, sk = read_events(path)
        events.extend(evs)
        skipped += sk
    if limit is not None:
        events = events[:limit]
    plain = plain_nlp()
    texts = [e.description for e in events]
    ours, base = _Score(gaz), _Score(gaz)
    with prediction_writer(predictions) as out:
        for event, sdoc, pdoc in zip(events, pipeline.nlp.pipe(texts), plain.pipe(texts)):
            pred = predict(event, sdoc if event.description else None, gaz)
            out.write(pred)
            ours.add(event, pred)
            base.add(event, predict_baseline(event, pdoc if event.description else None, gaz))
    return EvalReport(
        kind="ucdp", inputs=list(paths), n_items=len(events), metrics=ours.metrics(True),
        baseline=base.metrics(False),
        notes=[f"{skipped} malformed row(s) skipped (coordinates not numbers)",
               "an event we could not place counts as a miss in acc25/acc161; mean/median over placed events",
               "precise.* = events with where_prec <= 2 (exact place or near it)"],
        predictions_path=predictions,
    )
