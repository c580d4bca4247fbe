"""Cross-document facts in the store: derived tables rebuilt from the claims, never a source."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "resolve"))
import crossdoc_samples as s  # noqa: E402

from claimgraph.store import Store, facts  # noqa: E402

REPORTS = (s.kharkiv_month, s.kharkiv_day, s.kharkiv_next_year, s.iran_houthis_asserted, s.iran_houthis_denied)


@pytest.fixture()
def store(tmp_path: Path):
    with Store.open(tmp_path / "facts.sqlite") as st:
        for make in REPORTS:
            st.save(make().extraction())
        yield st


def _groups(store: Store) -> list[dict]:
    return [dict(r) for r in store.conn.execute("SELECT * FROM fact_groups ORDER BY n_claims DESC, id")]


def test_recompute_groups_claims_across_documents_with_source_counts(store: Store) -> None:
    assert _groups(store) == [], "saving one document does not touch the derived tables"
    counts = store.recompute_facts()
    assert counts == {"facts": 3, "corroborated": 1, "multi_document": 2, "contested": 1}
    groups = _groups(store)
    strike = next(g for g in groups if g["predicate"] == "ASSAULT" and g["n_claims"] == 2)
    assert (strike["n_documents"], strike["n_sources"], strike["date_start"]) == (2, 2, "2022-04-12")
    contested = next(g for g in groups if g["contested"])
    sides = dict(store.conn.execute("SELECT side, source FROM fact_group_claims WHERE group_id = ?",
                                    (contested["id"],)).fetchall())
    assert sides == {"for": "US officials (via Al Jazeera)", "against": "Iran's foreign ministry (via IRNA)"}
    n_claims = store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    assert store.conn.execute("SELECT COUNT(*) FROM fact_group_claims").fetchone()[0] == n_claims


def test_recompute_is_idempotent_and_follows_deleted_documents(store: Store) -> None:
    store.recompute_facts()
    first = _groups(store)
    store.recompute_facts()
    assert _groups(store) == first
    reuters = s.kharkiv_day().doc.id
    assert store.delete_document(reuters)
    strike = [g for g in _groups(store) if g["predicate"] == "ASSAULT"]
    assert sorted(g["n_documents"] for g in strike) == [1, 1]


def test_an_identity_judgement_regroups_the_facts(tmp_path: Path) -> None:
    a, b = s.iran_houthis_asserted(), s.iran_houthis_denied()
    # the second outlet's Houthis were not matched to the dictionary: another canonical entity
    houthis = b.entities["Houthis"]
    houthis.external_ids.clear()
    houthis.name = "Ansar Allah"
    with Store.open(tmp_path / "judge.sqlite") as st:
        st.save(a.extraction())
        st.save(b.extraction())
        assert st.recompute_facts()["contested"] == 0
        st.judge(a.entities["Houthis"].id, houthis.id, "same", "Ansar Allah is the Houthis' own name")
        assert st.fact_counts()["contested"] == 1


def test_opening_an_older_database_fills_the_fact_tables(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    with Store.open(db) as st:
        for make in REPORTS:
            st.save(make().extraction())
        st.conn.execute("DROP TABLE fact_group_claims")
        st.conn.execute("DROP TABLE fact_groups")
        st.conn.execute("DELETE FROM schema_migrations WHERE version = 5")
    with Store.open(db) as st:
        assert st.fact_counts()["facts"] == 3
    with Store.open(db, readonly=True) as st:
        summary = json.loads(st.conn.execute("SELECT summary_json FROM fact_groups WHERE contested = 1").fetchone()[0])
        assert summary["subject"]["name"] == "Iran" and summary["n_sources_against"] == 1


def test_analyze_run_recomputes_facts(tmp_path: Path) -> None:
    from claimgraph.runner import batch

    reports = {r.doc.id: r for r in (make() for make in REPORTS)}

    class Canned:
        def analyze(self, document):
            return reports[document.id].extraction()

    with Store.open(tmp_path / "run.sqlite") as st:
        summary = batch.analyze_items([r.doc for r in reports.values()], st, pipeline=Canned())
        assert summary.inserted == 5
        assert summary.facts == {"facts": 3, "corroborated": 1, "multi_document": 2, "contested": 1}
        assert summary.to_dict()["facts"]["contested"] == 1


def test_each_claim_of_a_fact_keeps_why_it_joined(store: Store) -> None:
    store.recompute_facts()
    reasons = dict(store.conn.execute(
        "SELECT c.doc_id, c.reason FROM fact_group_claims c JOIN fact_groups g ON g.id = c.group_id"
        " WHERE g.predicate = 'ASSAULT' AND g.n_claims = 2").fetchall())
    month, day = s.kharkiv_month().doc.id, s.kharkiv_day().doc.id
    assert reasons[month] == "first claim of the fact"
    assert reasons[day] == "shared named actor Russia and a date of at most a month stated in both"
    shown = facts.top(store.conn)["corroborated"][0]["claims"]
    assert [c["reason"] for c in shown] == ["first claim of the fact", reasons[day]], "what `corroborate` prints"


def test_a_store_made_before_reasons_were_kept_gets_them_on_the_next_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "before.sqlite"
    with Store.open(db) as st:
        for make in REPORTS:
            st.save(make().extraction())
        st.conn.execute("DROP TABLE fact_group_claims")
        st.conn.execute(
            "CREATE TABLE fact_group_claims (group_id TEXT NOT NULL REFERENCES fact_groups(id) ON DELETE CASCADE,"
            " claim_id TEXT NOT NULL, doc_id TEXT NOT NULL, side TEXT NOT NULL, source_key TEXT NOT NULL,"
            " source TEXT NOT NULL, PRIMARY KEY (group_id, claim_id))")
    with Store.open(db) as st:
        st.recompute_facts()
        assert st.conn.execute("SELECT COUNT(*) FROM fact_group_claims WHERE reason = ''").fetchone()[0] == 0
