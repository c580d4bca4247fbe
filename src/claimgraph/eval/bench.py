"""``claimgraph bench``: throughput of the whole pipeline and each stage, beside raw spaCy.

Every number comes from one run on one set of texts: the spaCy model alone
(``nlp.pipe``, no claimgraph components) is timed before and after the pipeline
and averaged, so a machine that is busier during one half shows up in both.
Rates are given against wall-clock time and against this process's CPU time
(the latter moves less when other work shares the machine).
"""

from __future__ import annotations

import platform
import resource
import sys
import time
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from claimgraph.errors import EvalError, IngestError

if TYPE_CHECKING:
    from claimgraph.model import Document
    from claimgraph.pipeline import Pipeline

STAGES = ("nlp", "entities", "agents", "places", "attribution", "relations", "events", "contradictions")


def load_documents(paths: list[str]) -> tuple[list[Document], list[str]]:
    """Documents under ``paths`` via the ingest stage; unreadable inputs are listed, not fatal."""
    from claimgraph.ingest import iter_documents

    docs, skipped = [], []
    for item in iter_documents(paths):
        if isinstance(item, IngestError):
            skipped.append(item.message)
        else:
            docs.append(item)
    return docs, skipped


def _words(text: str) -> int:
    return len(text.split())


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _rates(n_docs: int, n_words: int, wall: float, cpu: float) -> dict[str, float]:
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "docs_per_s": n_docs / wall if wall else 0.0,
        "words_per_s": n_words / wall if wall else 0.0,
        "words_per_cpu_s": n_words / cpu if cpu else 0.0,
    }


def _time_spacy(nlp: Any, texts: list[str]) -> tuple[float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - w0, time.process_time() - c0


def run_bench(paths: list[str], pipeline: Pipeline) -> dict[str, Any]:
    """Measure the pipeline and raw spaCy on the documents under ``paths``."""
    from claimgraph.eval.baseline import plain_nlp
    from claimgraph.extract import extract_document

    docs, skipped = load_documents(paths)
    if not docs:
        raise EvalError("CG500", subject=",".join(paths[:3]), detail="no readable documents to benchmark")
    texts = [d.text for d in docs]
    n_docs, n_words = len(docs), sum(_words(t) for t in texts)
    raw = plain_nlp()

    # warm-up (lazy loads: gazetteer indexes, lookup tables) outside the timings
    extract_document(docs[0], pipeline.nlp, pipeline.gazetteer)
    list(raw.pipe(texts[:1]))

    w1, c1 = _time_spacy(raw, texts)
    timings: dict[str, float] = {}
    w0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        extract_document(d, pipeline.nlp, pipeline.gazetteer, timings=timings)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    w2, c2 = _time_spacy(raw, texts)
    raw_wall, raw_cpu = (w1 + w2) / 2, (c1 + c2) / 2

    ours = _rates(n_docs, n_words, wall, cpu)
    spacy_rates = _rates(n_docs, n_words, raw_wall, raw_cpu)
    stage_total = sum(timings.values()) or 1.0
    stages = {}
    for name in [*STAGES, *sorted(set(timings) - set(STAGES))]:
        if name in timings:
            s = timings[name]
            stages[name] = {"seconds": s, "share": s / stage_total, "words_per_s": n_words / s if s else None,
                            "docs_per_s": n_docs / s if s else None}
    return {
        "measured_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpu_count": _cpu_count(), "load_avg_1m": _load_avg()},
        "corpus": {"documents": n_docs, "words": n_words, "characters": sum(len(t) for t in texts),
                   "inputs": len(paths), "skipped": skipped},
        "pipeline": ours,
        "spacy_raw": spacy_rates,
        "ratio_words_per_s": ours["words_per_s"] / spacy_rates["words_per_s"] if spacy_rates["words_per_s"] else None,
        "ratio_words_per_cpu_s": (ours["words_per_cpu_s"] / spacy_rates["words_per_cpu_s"]
                                  if spacy_rates["words_per_cpu_s"] else None),
        "stages": stages,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _cpu_count() -> int | None:
    import os

    return os.cpu_count()


def _load_avg() -> float | None:
    import os

    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def render_bench(r: dict[str, Any]) -> str:
    c = r["corpus"]
    lines = [
        f"bench: {c['documents']} documents, {c['words']} words ({r['measured_at']}, load avg {r['machine']['load_avg_1m']})",
        f"{'':24}{'docs/s':>10}{'words/s':>12}{'words/CPU-s':>14}{'wall s':>9}",
    ]
    for label, key in (("claimgraph pipeline", "pipeline"), ("spaCy nlp.pipe alone", "spacy_raw")):
        x = r[key]
        lines.append(f"{label:24}{x['docs_per_s']:>10.1f}{x['words_per_s']:>12.0f}{x['words_per_cpu_s']:>14.0f}{x['wall_s']:>9.2f}")
    lines.append(f"ratio pipeline/spaCy: {r['ratio_words_per_s']:.2f} (wall), {r['ratio_words_per_cpu_s']:.2f} (CPU)")
    lines.append(f"{'stage':24}{'seconds':>10}{'share':>8}{'docs/s':>10}{'words/s':>12}")
    for name, s in r["stages"].items():
        wps = f"{s['words_per_s']:.0f}" if s["words_per_s"] else "—"
        dps = f"{s['docs_per_s']:.1f}" if s.get("docs_per_s") else "—"
        lines.append(f"{name:24}{s['seconds']:>10.3f}{s['share']:>8.1%}{dps:>10}{wps:>12}")
    lines.append(f"peak RSS: {r['peak_rss_mb']:.0f} MB")
    for s in c["skipped"]:
        lines.append(f"skipped: {s}")
    return "\n".join(lines)
