"""`claimgraph export`: every format from the store and from JSON Lines, filters, coded errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
import stix2
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.export import FORMATS
from claimgraph.store import Store


@pytest.fixture()
def db(tmp_path: Path, corpus_docs) -> Path:
    path = tmp_path / "store.sqlite"
    with Store.open(path) as store:
        for x in corpus_docs:
            store.save(x)
    return path


@pytest.fixture()
def jsonl(tmp_path: Path, corpus_docs) -> Path:
    path = tmp_path / "extractions.jsonl"
    path.write_text("".join(json.dumps(x.to_dict()) + "\n" for x in corpus_docs), encoding="utf-8")
    return path


def _run(*args: str):
    return CliRunner().invoke(main, ["export", *args], catch_exceptions=False)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_from_the_store(fmt, db: Path, tmp_path: Path, corpus_docs):
    out = tmp_path / f"out.{fmt}"
    result = _run("--format", fmt, "--db", str(db), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    n_events = sum(len(x.events) for x in corpus_docs)
    if fmt == "plover":
        assert len(out.read_text().splitlines()) == n_events
    elif fmt == "csv":
        assert len(list(csv.DictReader(out.open()))) == n_events
    elif fmt == "stix":
        bundle = stix2.parse(out.read_text(), allow_custom=True)
        assert sum(1 for o in bundle.objects if o.type == "report") == len(corpus_docs)
    elif fmt == "ftm":
        rows = [json.loads(line) for line in out.read_text().splitlines()]
        assert sum(1 for r in rows if r["schema"] == "Event") == n_events
    else:
        g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
        # the store's canonical ids merge the actors the documents share (JNIM, Wagner, the UN, ...)
        assert g.nodes and all(k.startswith("canonical:") for k in g.nodes)
        jnim = [d for _, d in g.nodes(data=True) if "JNIM" in d["aliases"]]
        assert len(jnim) == 1 and jnim[0]["doc_count"] == 2


def test_stdout_and_jsonl_input(jsonl: Path):
    result = _run("-f", "csv", "-i", str(jsonl))
    assert result.exit_code == 0
    rows = list(csv.DictReader(result.output.splitlines()))
    assert len(rows) == 7


def test_filters_reach_the_export(jsonl: Path):
    result = _run("-f", "plover", "-i", str(jsonl), "--type", "ASSAULT", "--source", "united nations")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["modality"] for r in records] == ["alleged"]
    result = _run("-f", "csv", "-i", str(jsonl), "--entity", "Arakan Army", "--date-from", "2024-01",
                  "--date-to", "2024-01-31")
    assert [r["event_type"] for r in csv.DictReader(result.output.splitlines())] == ["COERCE"]


def test_unknown_format_is_cg600_and_writes_nothing(jsonl: Path, tmp_path: Path):
    out = tmp_path / "x.out"
    result = CliRunner().invoke(main, ["export", "-f", "xlsx", "-i", str(jsonl), "-o", str(out)])
    assert result.exit_code == 2
    assert "CG600" in result.output and "plover" in result.output
    assert not out.exists()


def test_missing_database_is_cg400(tmp_path: Path):
    result = CliRunner().invoke(main, ["export", "-f", "csv", "--db", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 2 and "CG400" in result.output


def test_bad_date_is_cg108(jsonl: Path):
    result = CliRunner().invoke(main, ["export", "-f", "csv", "-i", str(jsonl), "--date-from", "14/01/2025"])
    assert result.exit_code == 2 and "CG108" in result.output


def test_failed_export_leaves_an_existing_output_untouched(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"document": {"id": "d", "text": "x"}}\nnot json\n', encoding="utf-8")
    out = tmp_path / "events.csv"
    out.write_text("previous export\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "-f", "csv", "-i", str(bad), "-o", str(out)])
    assert result.exit_code == 2 and "CG105" in result.output
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert not list(tmp_path.glob("*.partial"))


def test_modality_filter_and_its_error(jsonl: Path):
    result = _run("-f", "plover", "-i", str(jsonl), "--modality", "denied")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == 2 and {r["modality"] for r in records} == {"denied"}
    bad = CliRunner().invoke(main, ["export", "-f", "csv", "-i", str(jsonl), "--modality", "rumoured"])
    assert bad.exit_code == 2 and "CG602" in bad.output


def test_unwritable_output_is_cg603(jsonl: Path, tmp_path: Path):
    for target in (tmp_path / "no" / "such" / "folder" / "x.csv", tmp_path):
        result = CliRunner().invoke(main, ["export", "-f", "csv", "-i", str(jsonl), "-o", str(target)])
        assert result.exit_code == 2 and "CG603" in result.output, result.output


def test_entity_filter_accepts_the_store_canonical_id(db: Path, tmp_path: Path):
    with Store.open(db, readonly=True) as store:
        (hit,) = store.find_entities("Twan Mrat Naing")
    out = tmp_path / "twan.graphml"
    result = _run("-f", "graphml", "--db", str(db), "--entity", hit.canonical_id, "-o", str(out))
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out, force_multigraph=True)
    assert [d["type"] for _, _, d in g.edges(data=True)] == ["member_of"]
