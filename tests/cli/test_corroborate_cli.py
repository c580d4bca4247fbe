"""`claimgraph corroborate`: the facts several reports share, with independent sources, and the contested ones."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "resolve"))
import crossdoc_samples as s  # noqa: E402

from claimgraph.cli import main  # noqa: E402
from claimgraph.store import Store  # noqa: E402


def _db(tmp_path: Path) -> Path:
    db = tmp_path / "cg.sqlite"
    with Store.open(db) as store:
        for make in (s.kharkiv_month, s.kharkiv_day, s.kharkiv_next_year, s.iran_houthis_asserted,
                     s.iran_houthis_denied):
            store.save(make().extraction())
    return db


def test_corroborate_prints_corroborated_and_contested_facts_with_sources(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = CliRunner().invoke(main, ["corroborate", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "3 facts: 2 in 2+ documents, 1 with 2+ independent sources for them, 1 contested"
    assert "  2 sources, 2 documents  Russia ASSAULT in Kharkiv  2022-04-12" in lines
    assert "  1 for, 1 against  Iran supports Houthis" in lines
    assert "    denied by:  Iran's foreign ministry (via IRNA)" in lines


def test_corroborate_json_and_missing_database(tmp_path: Path) -> None:
    db = _db(tmp_path)
    data = json.loads(CliRunner().invoke(main, ["corroborate", "--db", str(db), "--json", "--limit", "1"]).stdout)
    assert data["counts"]["contested"] == 1
    [fact] = data["contested"]
    assert {c["side"] for c in fact["claims"]} == {"for", "against"}
    missing = CliRunner().invoke(main, ["corroborate", "--db", str(tmp_path / "none.sqlite")])
    assert missing.exit_code != 0 and "CG400" in missing.output
    assert not (tmp_path / "none.sqlite").exists()


def test_show_entity_lists_its_facts_with_source_counts(tmp_path: Path) -> None:
    db = _db(tmp_path)
    CliRunner().invoke(main, ["corroborate", "--db", str(db)])
    out = CliRunner().invoke(main, ["show", "entity", "Houthis", "--db", str(db)]).stdout
    assert "Facts across reports (1)" in out
    assert "  [2 sources, 2 documents, CONTESTED 1 for / 1 against] Iran supports Houthis" in out
    [view] = json.loads(CliRunner().invoke(main, ["show", "entity", "Russia", "--db", str(db), "--json"]).stdout)
    assert sorted(f["n_sources"] for f in view["facts"]) == [1, 2]
