"""One filter builder serves the CLI/library and the UI: the same claims come back for the same question."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from claimgraph.serve.queries import Filters, Page, list_claims
from claimgraph.store import Store
from claimgraph.store.filters import ClaimFilter, claim_conditions, like

from test_store import TEXT, make_extraction


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "cg.sqlite"
    with Store.open(path) as s:
        s.save(make_extraction(TEXT))
        s.save(make_extraction("Raid in Mali\n\nJNIM fighters attacked Djibo. the army said they lost soldiers.",
                               path="reports/b.txt", outlet="Bamako Post"))
    return path


def _ui_ids(path: Path, **filters: str) -> set[str]:
    conn = Store.open(path, readonly=True).conn
    conn.row_factory = sqlite3.Row
    return {c["id"] for c in list_claims(conn, Filters(**filters), Page(limit=100))["items"]}


def _lib_ids(path: Path, **filters: str) -> set[str]:
    with Store.open(path, readonly=True) as s:
        return {c.claim.id for c in s.claims(**filters)}


def test_ui_and_library_answer_the_same_claim_questions(saved: Path) -> None:
    assert _ui_ids(saved, source="army") == _lib_ids(saved, source="army") != set()  # a speaker of the chain
    assert _ui_ids(saved, source="bamako") == _lib_ids(saved, source="bamako") != set()  # the outlet, in part
    assert _ui_ids(saved, modality="denied") == _lib_ids(saved, modality="denied")
    assert _ui_ids(saved, q="LOST SOLDIERS") == _lib_ids(saved, text="lost soldiers") != set()
    assert _ui_ids(saved, date_from="2023-11-15", date_to="2023-11-20") == _lib_ids(
        saved, date_from="2023-11-15", date_to="2023-11-20") != set()


def test_a_month_bound_reaches_the_end_of_the_month(saved: Path) -> None:
    # the attack is dated 2023-11 (month precision): "up to November" includes it, "up to October" does not
    assert _lib_ids(saved, date_to="2023-11") and _lib_ids(saved, date_to="2023-11") == _lib_ids(saved, date_to="2023-11-01")
    assert _lib_ids(saved, date_from="2023-12") == set()


def test_ui_names_match_in_part_the_library_names_whole(saved: Path) -> None:
    assert _ui_ids(saved, actor="JNI") != set()           # a search box: part of a name
    assert _lib_ids(saved, actor="JNI") == set()          # the library: a whole name or alias
    assert _lib_ids(saved, actor="jnim") == _ui_ids(saved, actor="JNIM")


def test_like_wildcards_in_user_text_match_literally(saved: Path) -> None:
    assert _ui_ids(saved, actor="%") == set() and _ui_ids(saved, actor="J_IM") == set()
    assert like("50%_off") == "%50\\%\\_off%"


def test_unknown_library_filter_is_refused(saved: Path) -> None:
    with Store.open(saved, readonly=True) as s, pytest.raises(TypeError):
        s.claims(actr="JNIM")


def test_user_values_are_bound_never_spliced() -> None:
    hostile = "x'); DROP TABLE claims; --"
    where, params = claim_conditions(ClaimFilter(actor=hostile, source=hostile, text=hostile, partial_names=True))
    assert hostile not in " ".join(where) and hostile in params.values()
