"""``claimgraph eval redocred``: text rebuilt from tokens, P-id → predicate mapping (reversal, head
types, inverse pairs counted once), entity alignment, a run on a tiny file and a real slice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import EvalError
from claimgraph.eval import redocred
from claimgraph.eval.redocred import RedocDoc, Vertex, align, gold_triples
from claimgraph.eval.schema import validate_file
from claimgraph.eval.token_align import join_tokens, realign

DOC = {
    "title": "Konduga",
    "sents": [["Konduga", "is", "a", "town", "in", "Bama", "District", ",", "Borno", "State", ",", "Nigeria", "."],
              ["Boko", "Haram", "fighters", "attacked", "Konduga", "in", "2014", "."]],
    "vertexSet": [
        [{"name": "Konduga", "pos": [0, 1], "sent_id": 0, "type": "LOC"},
         {"name": "Konduga", "pos": [4, 5], "sent_id": 1, "type": "LOC"}],
        [{"name": "Bama District", "pos": [5, 7], "sent_id": 0, "type": "LOC"}],
        [{"name": "Borno State", "pos": [8, 10], "sent_id": 0, "type": "LOC"}],
        [{"name": "Nigeria", "pos": [11, 12], "sent_id": 0, "type": "LOC"}],
        [{"name": "Boko Haram", "pos": [0, 2], "sent_id": 1, "type": "ORG"}],
    ],
    "labels": [{"h": 1, "t": 2, "r": "P131", "evidence": [0]}, {"h": 2, "t": 1, "r": "P150", "evidence": [0]},
               {"h": 2, "t": 3, "r": "P17", "evidence": [0]}, {"h": 0, "t": 1, "r": "P131", "evidence": [0]},
               {"h": 4, "t": 3, "r": "P17", "evidence": []}, {"h": 4, "t": 0, "r": "P607", "evidence": []},
               # the address chain also places Konduga in the state and the country, and the district in the
               # country (Re-DocRED annotates such chains; they are what the sentence says)
               {"h": 0, "t": 2, "r": "P131", "evidence": [0]}, {"h": 0, "t": 3, "r": "P17", "evidence": [0]},
               {"h": 1, "t": 3, "r": "P17", "evidence": [0]}],
}


def _doc(labels: list[dict], types: tuple[str, ...] = ("PER", "ORG", "LOC")) -> RedocDoc:
    verts = [[{"name": t, "pos": [0, 1], "sent_id": 0, "type": t}] for t in types]
    return RedocDoc("f", 0, "t", [["x"]], verts, labels)


def _write(tmp_path: Path, data: object, name: str = "dev.json") -> str:
    p = tmp_path / name
    p.write_text(json.dumps(data), encoding="utf-8")
    return str(p)


def test_join_tokens_spaces_like_prose_and_keeps_offsets():
    text, offs = join_tokens([["Wilfried", '"', "Willi", '"', "Schneider", "(", "born", "1963", ")", "won", "."],
                              ["He", "did", "n't", "stop", "."]])
    assert text == 'Wilfried "Willi" Schneider (born 1963) won. He didn\'t stop.'
    assert [text[s:e] for s, e in offs[0]][:5] == ["Wilfried", '"', "Willi", '"', "Schneider"]
    assert text[offs[1][2][0]:offs[1][2][1]] == "n't"


def test_realign_follows_text_changed_by_ingest():
    text, offs = join_tokens([["Caf\u0065\u0301", "in", "Lagos"]])
    stored = "Caf\u00e9 in Lagos"  # ingest stores NFC
    moved = realign(text, stored, offs[0])
    assert [stored[s:e] for s, e in moved] == ["Caf\u00e9", "in", "Lagos"]
    assert realign("a b", "a b", [(0, 1)]) == [(0, 1)]
    assert realign("a zz", "a b", [(2, 4)]) == [None]


def test_labels_map_to_our_predicates_with_reversal_and_head_types():
    doc = _doc([{"h": 1, "t": 0, "r": "P488"},          # chairperson of the ORG is the PER → leader_of(PER, ORG)
                {"h": 0, "t": 1, "r": "P102"},          # member of political party
                {"h": 2, "t": 2, "r": "P17"},           # a place's country → part_of
                {"h": 1, "t": 2, "r": "P17"},           # an organisation's country: not mapped
                {"h": 0, "t": 2, "r": "P19"}])          # place of birth: not mapped
    assert gold_triples(doc) == {(0, 1, "leader_of"), (0, 1, "member_of"), (2, 2, "part_of")}


def test_inverse_labels_count_once():
    doc = _doc([{"h": 2, "t": 1, "r": "P361"}, {"h": 1, "t": 2, "r": "P527"}])
    assert gold_triples(doc) == {(2, 1, "part_of")}


def test_align_picks_the_vertex_sharing_most_mentions():
    verts = [Vertex("LOC", [(0, 5)], "a"), Vertex("LOC", [(10, 15), (30, 35)], "b")]
    assert align([(10, 15), (31, 33)], verts) == 1
    assert align([(2, 3)], verts) == 0
    assert align([(50, 60)], verts) is None


def test_run_on_a_tiny_document(pipeline, tmp_path):
    path = _write(tmp_path, [DOC])
    _write(tmp_path, {"P17": "country"}, "rel_info.json")  # in a folder, non-document JSON is passed over
    out = tmp_path / "p.jsonl"
    r = redocred.run([str(tmp_path)], pipeline, predictions=str(out))
    assert r.n_items == 1 and path.endswith("dev.json")
    assert validate_file("redocred", out) == []
    # gold: part_of(Bama District, Borno State) from P131 and inverse P150 once, part_of(Borno State, Nigeria),
    # part_of(Konduga, Bama District), and the chain: Konduga in Borno State and Nigeria, Bama District in
    # Nigeria; Boko Haram's P17/P607 are not mapped
    assert r.sections["gold_triples_by_predicate"] == {"part_of": 6}
    rels = json.loads(out.read_text(encoding="utf-8"))["relations"]
    assert {"predicate": "part_of", "subject": "Bama District", "object": "Borno State", "h": 1, "t": 2} in rels
    assert r.metrics["triple_precision"] == 1.0 and r.metrics["triple_recall"] >= 1 / 3
    assert r.metrics["mention_recall"] > 0.5 and set(r.metrics) == set(r.baseline)


@pytest.mark.parametrize("data,detail", [
    ({"title": "x"}, "JSON list of documents"),
    ([{"sents": [["a"]], "labels": []}], "no sents, vertexSet or labels"),
    ([{**DOC, "vertexSet": [[{"pos": [0, 40], "sent_id": 0, "type": "LOC"}]], "labels": []}], "outside its sentence"),
    ([{**DOC, "labels": [{"h": 0, "t": 99, "r": "P17"}]}], "a label is not"),
])
def test_malformed_input_raises_cg500(tmp_path, data, detail):
    with pytest.raises(EvalError) as exc:
        redocred.read_docs(_write(tmp_path, data))
    assert exc.value.code == "CG500" and detail in exc.value.message


def test_missing_file_and_folder_without_documents(tmp_path, pipeline):
    with pytest.raises(EvalError) as exc:
        redocred.run([str(tmp_path / "nope.json")], pipeline)
    assert exc.value.code == "CG100"
    _write(tmp_path, {"P17": "country"}, "rel_info.json")
    with pytest.raises(EvalError) as exc:
        redocred.run([str(tmp_path)], pipeline)
    assert exc.value.code == "CG500"


def test_bad_prediction_line_fails_the_schema(tmp_path):
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps({"file": "f", "i": 0, "title": "t", "relations": [
        {"predicate": "P17", "subject": "a", "object": "b", "h": 0, "t": 1}]}) + "\n", encoding="utf-8")
    assert validate_file("redocred", p)


def test_real_dev_slice(pipeline, shared_dir, tmp_path):
    path = shared_dir / "data" / "re_docred" / "data" / "dev_revised.json"
    if not path.is_file():
        pytest.skip("Re-DocRED dev set not in ../shared")
    out = tmp_path / "p.jsonl"
    r = redocred.run([str(path)], pipeline, limit=5, predictions=str(out))
    assert r.n_items == 5 and validate_file("redocred", out) == []
    assert r.metrics["mention_recall"] > 0.5  # the rebuilt text lines up with the vertexSet mentions


def test_cli_rejects_json_lines_of_another_set(monkeypatch, pipeline, tmp_path):
    from click.testing import CliRunner

    from claimgraph.cli import main

    monkeypatch.setattr("claimgraph.cli.evaluate._load_pipeline", lambda: pipeline)
    p = tmp_path / "dev.jsonl"
    p.write_text(json.dumps({"doc_id": "a"}) + "\n" + json.dumps({"doc_id": "b"}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "redocred", str(p)])
    assert res.exit_code == 2 and "CG500" in res.output
