"""The analyze / extract / show commands, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.model import Attribution, Claim, Contradiction, Document, Entity, Extraction, Speaker, stable_id
from claimgraph.pipeline import Pipeline
from claimgraph.store import Store

GOOD = {
    "somalia.txt": "Al-Shabaab Attacks Base\n\nMonday, 02/05/2024\n\nAl-Shabaab fighters attacked a base in Lower Shabelle, "
                   "officials said.",
    "sudan.txt": "The Rapid Support Forces denied shelling El Fasher, the group said in a statement.",
}


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, pipeline) -> CliRunner:
    """A CliRunner whose commands get the session pipeline instead of loading spaCy again."""
    monkeypatch.setattr(Pipeline, "load", staticmethod(lambda *a, **k: pipeline))
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "latin1.txt").write_bytes(b"Caf\xe9 attack")
    return folder


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for args in (["analyze"], ["extract"], ["show"], ["show", "entity"], ["show", "doc"]):
        result = runner.invoke(main, [*args, "--help"])
        assert result.exit_code == 0, args
        assert "Usage:" in result.output and len(result.output.splitlines()) > 3


def test_analyze_reports_table_and_coded_errors_and_stores(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "cg.sqlite"
    result = runner.invoke(main, ["analyze", str(corpus), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert _row(result.stdout, "documents inserted") == "2"
    assert _row(result.stdout, "documents failed") == "2"
    assert f"error: CG101 {corpus / 'empty.txt'}" in result.stderr
    assert f"error: CG103 {corpus / 'latin1.txt'}" in result.stderr
    with Store.open(db, readonly=True) as store:
        docs = store.documents()
        assert sorted(Path(d.path).name for d in docs) == ["somalia.txt", "sudan.txt"]
        assert next(d for d in docs if d.path.endswith("somalia.txt")).published == "2024-02-05"

    again = runner.invoke(main, ["analyze", str(corpus), "--db", str(db), "--json"])
    summary = json.loads(again.stdout)
    assert summary["documents"] == {"inserted": 0, "unchanged": 2, "replaced": 0, "failed": 2}
    assert {e["code"] for e in summary["errors"]} == {"CG101", "CG103"}


def test_analyze_outlet_and_published_override(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "cg.sqlite"
    result = runner.invoke(main, ["analyze", str(corpus / "somalia.txt"), "--db", str(db), "--outlet", "Garowe Online",
                                  "--published", "2024-02"])
    assert result.exit_code == 0
    with Store.open(db, readonly=True) as store:
        [doc] = store.documents()
    assert (doc.outlet, doc.published) == ("Garowe Online", "2024-02")


def test_analyze_exits_1_only_when_every_input_fails(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["analyze", str(corpus / "empty.txt"), str(tmp_path / "missing.txt"),
                                  "--db", str(tmp_path / "cg.sqlite")])
    assert result.exit_code == 1
    assert "CG101" in result.stderr and "CG100" in result.stderr
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = runner.invoke(main, ["analyze", str(empty), "--db", str(tmp_path / "cg.sqlite")])
    assert result.exit_code == 1 and "no documents found" in result.stderr


def test_analyze_into_a_corrupt_database_is_cg401(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "bad.sqlite"
    db.write_bytes(b"garbage" * 1000)
    result = runner.invoke(main, ["analyze", str(corpus), "--db", str(db)])
    assert result.exit_code == 2 and "error: CG401" in result.stderr


def test_bad_published_is_cg108(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["analyze", str(corpus), "--db", str(tmp_path / "x.sqlite"), "--published", "soonish"])
    assert result.exit_code == 2 and "CG108" in result.stderr
    assert not (tmp_path / "x.sqlite").exists()


def test_extract_prints_gold_format_json(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(corpus / "sudan.txt"), "--outlet", "Sudan Tribune",
                                  "--published", "2024-05-10"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"entities", "relations", "events", "attributions", "contradictions"} <= set(data)
    out = tmp_path / "out.json"
    result = runner.invoke(main, ["extract", str(corpus / "sudan.txt"), "-o", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text())["entities"] == data["entities"]


def test_extract_bad_file_is_coded(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(main, ["extract", str(corpus / "latin1.txt")])
    assert result.exit_code == 2 and "error: CG103" in result.stderr


def _row(table: str, label: str) -> str:
    line = next(line for line in table.splitlines() if line.startswith(label))
    return line[len(label):].split()[0]


def _hand_made_db(path: Path) -> Extraction:
    text = "Clashes in Darfur\n\nRSF fighters attacked El Fasher. The RSF denied attacking civilians, its spokesman said."
    doc = Document.from_text(text, path="darfur.txt", outlet="Sudan Tribune", title="Clashes in Darfur")
    t = doc.text

    def sp(s: str) -> tuple[int, int]:
        return (t.index(s), t.index(s) + len(s))

    rsf = Entity(id=stable_id("ent_", doc.id, "RSF"), type="Organization", name="Rapid Support Forces",
                 aliases=["RSF"], mentions=[sp("RSF fighters")])
    fasher = Entity(id=stable_id("ent_", doc.id, "El Fasher"), type="Location", name="El Fasher", aliases=["El Fasher"],
                    mentions=[sp("El Fasher")])
    outlet = Attribution(id=stable_id("att_", doc.id, "o"), chain=[Speaker("Sudan Tribune")])
    spokesman = Attribution(id=stable_id("att_", doc.id, "s"), chain=[Speaker("Sudan Tribune"), Speaker("its spokesman",
                            span=sp("its spokesman"))], cue="said")
    claims = [
        Claim(id=stable_id("clm_", doc.id, 1), doc_id=doc.id, kind="event", predicate="ASSAULT",
              evidence=[sp("RSF fighters attacked El Fasher")], attribution=outlet.id, sources=[rsf.id],
              location=fasher.id),
        Claim(id=stable_id("clm_", doc.id, 2), doc_id=doc.id, kind="event", predicate="ASSAULT",
              evidence=[sp("denied attacking civilians")], attribution=spokesman.id, modality="denied", sources=[rsf.id]),
    ]
    clash = Contradiction(id=stable_id("con_", doc.id), key="rsf ASSAULT", claims_for=[claims[0].id],
                          claims_against=[claims[1].id])
    x = Extraction(document=doc, entities=[rsf, fasher], attributions=[outlet, spokesman], claims=claims,
                   contradictions=[clash], pipeline_version="1")
    with Store.open(path) as store:
        store.save(x)
    return x


def test_show_entity_gives_evidence_speaker_and_marks_denials(tmp_path: Path) -> None:
    db = tmp_path / "cg.sqlite"
    _hand_made_db(db)
    result = CliRunner().invoke(main, ["show", "entity", "rsf", "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Rapid Support Forces" in out and "aliases: Rapid Support Forces, RSF" in out
    assert "[DENIED, CONTESTED] ASSAULT: Rapid Support Forces" in out
    assert "“The RSF denied attacking civilians, its spokesman said.”" in out
    assert "says: Sudan Tribune › its spokesman (said)" in out
    assert "[asserted, CONTESTED] ASSAULT: Rapid Support Forces → ? at El Fasher" in out

    data = json.loads(CliRunner().invoke(main, ["show", "entity", "RSF", "--db", str(db), "--json"]).stdout)
    assert [e["denied"] for e in data[0]["events"]] == [False, True]
    assert data[0]["events"][0]["contested_by"] == [data[0]["events"][1]["id"]]


def test_show_doc_first_and_by_id(tmp_path: Path) -> None:
    db = tmp_path / "cg.sqlite"
    x = _hand_made_db(db)
    first = CliRunner().invoke(main, ["show", "doc", "--first", "--db", str(db)])
    assert first.exit_code == 0 and first.stdout.startswith("Clashes in Darfur")
    assert "Events (2)" in first.stdout
    by_id = json.loads(CliRunner().invoke(main, ["show", "doc", x.document.id[:10], "--db", str(db), "--json"]).stdout)
    assert by_id["id"] == x.document.id and len(by_id["events"]) == 2


def test_show_errors_are_coded(tmp_path: Path) -> None:
    db = tmp_path / "cg.sqlite"
    result = CliRunner().invoke(main, ["show", "doc", "--first", "--db", str(db)])
    assert result.exit_code == 2 and "CG400" in result.stderr and not db.exists()
    _hand_made_db(db)
    result = CliRunner().invoke(main, ["show", "entity", "Rapid Suport Forces", "--db", str(db)])
    assert result.exit_code == 2 and "CG403" in result.stderr and "Rapid Support Forces" in result.stderr


def test_analyze_then_show_on_pipeline_output(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "cg.sqlite"
    runner.invoke(main, ["analyze", str(corpus / "somalia.txt"), "--db", str(db)])
    with Store.open(db, readonly=True) as store:
        stored = store.find_entities(store.entity_names()[0])[0]
        n_claims = store.count_claims(entity=stored.canonical_id)
    data = json.loads(runner.invoke(main, ["show", "entity", stored.entity.name, "--db", str(db), "--json"]).stdout)
    view = next(v for v in data if v["canonical_id"] == stored.canonical_id)
    assert stored.entity.name in view["aliases"]
    assert len(view["relations"]) + len(view["events"]) == n_claims


def test_every_option_is_documented_in_model_md() -> None:
    """Fails when a command or option of analyze/extract/show is missing from docs/MODEL.md."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "MODEL.md").read_text(encoding="utf-8")
    show = main.commands["show"]
    for name, command in [("analyze", main.commands["analyze"]), ("extract", main.commands["extract"]),
                          ("show entity", show.commands["entity"]), ("show doc", show.commands["doc"]),
                          ("judge", main.commands["judge"]), ("corroborate", main.commands["corroborate"])]:
        assert f"claimgraph {name}" in docs, name
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert opt in docs, f"{name} {opt} undocumented"


def test_analyzing_the_folder_that_holds_the_database_skips_it(runner: CliRunner, corpus: Path) -> None:
    db = corpus / "cg.sqlite"
    runner.invoke(main, ["analyze", str(corpus), "--db", str(db)])
    result = runner.invoke(main, ["analyze", str(corpus), "--db", str(db), "--json"])
    summary = json.loads(result.stdout)
    assert summary["documents"]["unchanged"] == 2 and summary["documents"]["failed"] == 2
    assert "cg.sqlite" not in result.stderr


def test_extract_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "-", "--published", "2024-05-10"],
                           input="Houthi forces fired a missile at a ship in the Red Sea, the US military said.")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout)["entities"], list)


def test_extract_records_writes_one_extraction_per_document(runner: CliRunner, corpus: Path) -> None:
    from claimgraph.model import Extraction

    result = runner.invoke(main, ["extract", str(corpus), "--records"])
    assert result.exit_code == 0, result.output
    records = [Extraction.from_dict(json.loads(line)) for line in result.stdout.splitlines()]
    assert sorted(Path(x.document.path).name for x in records) == ["somalia.txt", "sudan.txt"]
    assert "CG101" in result.stderr and "CG103" in result.stderr
    assert all(json.loads(line)["document"]["text"] for line in result.stdout.splitlines())


def test_force_reanalyses_and_replaces(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "cg.sqlite"
    runner.invoke(main, ["analyze", str(corpus / "sudan.txt"), "--db", str(db)])
    plain = json.loads(runner.invoke(main, ["analyze", str(corpus / "sudan.txt"), "--db", str(db), "--json"]).stdout)
    forced = json.loads(runner.invoke(main, ["analyze", str(corpus / "sudan.txt"), "--db", str(db), "--json",
                                             "--force"]).stdout)
    assert plain["documents"]["unchanged"] == 1
    assert forced["documents"]["replaced"] == 1 and forced["totals"]["documents"] == 1


def test_judge_merges_entities_across_documents(tmp_path: Path) -> None:
    db = tmp_path / "cg.sqlite"
    _hand_made_db(db)
    other = Document.from_text("Hemedti's forces entered Nyala.", path="nyala.txt")
    ent = Entity(id=stable_id("ent_", other.id, "RSF"), type="Organization", name="Hemedti's forces",
                 aliases=["Hemedti's forces"], mentions=[(0, 16)])
    with Store.open(db) as store:
        store.save(Extraction(document=other, entities=[ent], pipeline_version="1"))
    result = CliRunner().invoke(main, ["judge", "RSF", "Hemedti's forces", "same", "--reason", "same group",
                                       "--db", str(db)])
    assert result.exit_code == 0, result.output
    [view] = json.loads(CliRunner().invoke(main, ["show", "entity", "rsf", "--db", str(db), "--json"]).stdout)
    assert "Hemedti's forces" in view["aliases"] and len(view["documents"]) == 2
    refused = CliRunner().invoke(main, ["judge", "RSF", "Nobody Here", "not_same", "--db", str(db)])
    assert refused.exit_code == 2 and "CG403" in refused.stderr
