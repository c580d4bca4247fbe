"""Time the cross-document fact recompute on a synthetic store (not a test: speed is measured here).

    .venv/bin/python scripts/bench-crossdoc.py [N_DOCS] [CLAIMS_PER_DOC] [YEARS]

Builds N_DOCS synthetic reports (outlets, named and unnamed speakers, events
among a pool of actors and places on random dates at day/month/year
precision within YEARS years from 2023, some denials, some relations) in a temporary store, then times
``Store.recompute_facts()`` and prints the fact counts.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "resolve"))
from crossdoc_samples import Report  # noqa: E402

from claimgraph.store import Store  # noqa: E402

ACTORS = [f"Group {c}" for c in "ABCDEFGHIJKLMNOPQRST"]
PLACES = [f"Town {i}" for i in range(30)]
OUTLETS = ["Wire One", "Daily Two", "Radio Three", "Channel Four", "Weekly Five", "Post Six"]
SPEAKERS = [f"Spokesman {i}" for i in range(15)]
TYPES = ["ASSAULT", "FIGHT", "PROTEST", "AGREE", "COERCE"]


def report(i: int, per_doc: int, rng: random.Random, years: int = 1) -> Report:
    lines, specs = [], []
    for j in range(per_doc):
        a, b = rng.sample(ACTORS, 2)
        place = rng.choice(PLACES)
        day = f"{2023 - rng.randrange(years)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        date = rng.choice([day, day[:7], day[:4]])
        sentence = f"{a} hit {b} near {place} on {date} (item {i}.{j})."
        lines.append(sentence)
        specs.append((a, b, place, date, sentence))
    speaker = rng.choice(SPEAKERS)
    text = f"Report {i}\n\n" + " ".join(lines) + f" {speaker} said."
    r = Report(text, outlet=rng.choice(OUTLETS), published="2024-01-01", path=f"/synthetic/{i}.txt")
    for a, b, place, _, _ in specs:
        for name in (a, b):
            if name not in r.entities:
                r.entity(name, dictionary=name.lower())
        if place not in r.entities:
            r.entity(place, "Location")
    named = rng.random() < 0.5
    if named:
        r.entity(speaker, "Person")
    att = r.says(speaker, "said", speaker if named else None)
    for a, b, place, date, sentence in specs:
        if rng.random() < 0.2:
            r.claim("relation", "supports", sentence, att, subject=a, object=b,
                    modality="denied" if rng.random() < 0.2 else "asserted")
        else:
            r.claim("event", rng.choice(TYPES), sentence, att, sources=(a,), targets=(b,), location=place,
                    date=date, modality="denied" if rng.random() < 0.1 else "asserted")
    return r


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    per_doc = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    years = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.sqlite") as store:
        for i in range(n):
            store.save(report(i, per_doc, rng, years).extraction())
        claims = store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        times = []
        for _ in range(3):
            start = time.perf_counter()
            counts = store.recompute_facts()
            times.append(time.perf_counter() - start)
        print(f"{n} documents, {claims} claims, dates over {years} year(s) -> {counts}")
        print(f"recompute_facts: best {min(times):.2f} s, worst {max(times):.2f} s of {len(times)}")


if __name__ == "__main__":
    main()
