"""Where the visible public gold sets live, when they are around.

The product never needs them: these defaults are used only when the shared
folder exists (``$CLAIMGRAPH_SHARED``, else ``../shared`` from the working
directory or from the source checkout); otherwise the user passes paths.
"""

from __future__ import annotations

import os
from pathlib import Path

#: KIND -> glob patterns relative to the shared folder (the visible parts only).
DEFAULT_INPUTS: dict[str, list[str]] = {
    "seed": ["gold/seed/*.gold.json"],
    "plover": ["data/plover_gsr/gold_standard_records/plover_gsr_dev.json"],
    "isaf": ["data/isaf_press_releases/isaf_dev_gold.jsonl"],
    "ner": ["data/crossner_politics/ner_data/politics/dev.txt"],
    "geo": ["data/geowebnews_geoparsing/data/GeoWebNews", "data/geowebnews_geoparsing/data/Corpora/GeoVirus.xml"],
    "ucdp": ["data/ucdp_ged_pakistan/ucdp_pak_dev.csv"],
    "petrarch": ["data/petrarch_validation/petrarch2/PETR.UnitTest.records.xml",
                 "data/petrarch_validation/universalpetrarch/PETR2_GSR_validation.xml"],
    "wikievents": ["data/wikievents/data/wikievents/dev.jsonl"],
    "redocred": ["data/re_docred/data/dev_revised.json"],
    "timeml": ["data/tempeval3_timeml/data/TempEval3/Training/TBAQ-cleaned"],
    "ecb": ["data/ecbplus/ECB+_LREC2014/ECB+"],
    "storyline": ["data/eventstoryline_esc/annotated_data/v1.5"],
    "news": ["data/conflict_news_selection"],
}

#: The order ``claimgraph eval all`` runs them in.
KINDS: tuple[str, ...] = ("seed", "plover", "isaf", "ner", "geo", "ucdp",
                          "petrarch", "wikievents", "redocred", "timeml", "ecb", "storyline", "news")


def shared_dir() -> Path | None:
    env = os.environ.get("CLAIMGRAPH_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [Path.cwd().parent / "shared", Path(__file__).resolve().parents[3].parent / "shared"]
    for c in candidates:
        if c.is_dir():
            return c
    return None


def default_paths(kind: str) -> list[str]:
    """The visible files of ``kind`` in the shared folder, or [] when it is absent."""
    root = shared_dir()
    if root is None:
        return []
    out: list[str] = []
    for pattern in DEFAULT_INPUTS.get(kind, []):
        out.extend(str(p) for p in sorted(root.glob(pattern)))
    return out


def bench_default_paths() -> list[str]:
    root = shared_dir()
    if root is None:
        return []
    paths = [str(p) for p in sorted((root / "data" / "conflict_news_selection" / "articles").glob("*.txt"))]
    seed = root / "seed" / "mir-ali-agreement.txt"
    if seed.is_file():
        paths.append(str(seed))
    return paths
