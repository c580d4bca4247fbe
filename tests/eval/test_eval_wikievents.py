"""``claimgraph eval wikievents``: the KAIROS→PLOVER mapping, the rebuilt text, trigger and
coreference-aware argument scoring on hand-made cases, a run on a tiny file and a real slice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.errors import EvalError
from claimgraph.eval import wikievents
from claimgraph.eval.schema import validate_file
from claimgraph.eval.wikievents import Arg, GoldItem, Pred, Tally
from claimgraph.eval.wikievents_read import read_docs

S1 = "Gunmen attacked a police station in Kandahar on Monday."
S2 = "Officials said the attackers fled."


def _tokens(sentence: str, start: int) -> list[list]:
    out, pos = [], 0
    for word in sentence.replace(".", " .").split():
        at = sentence.index(word, pos)
        out.append([word, start + at, start + at + len(word)])
        pos = at + len(word)
    return out


def _doc() -> dict:
    t1, t2 = _tokens(S1, 0), _tokens(S2, 200)  # offsets of a layout that is not the text's: only relative ones count
    return {
        "doc_id": "tiny_attack_1", "tokens": [t[0] for t in t1 + t2], "text": S1 + S2,
        "sentences": [[t1, S1], [t2, S2]],
        "entity_mentions": [
            {"id": "M1", "start": 0, "end": 1, "entity_type": "PER", "text": "Gunmen"},
            {"id": "M2", "start": 4, "end": 5, "entity_type": "FAC", "text": "station"},
            {"id": "M3", "start": 6, "end": 7, "entity_type": "GPE", "text": "Kandahar"},
            {"id": "M4", "start": len(t1) + 3, "end": len(t1) + 4, "entity_type": "PER", "text": "attackers"},
        ],
        "relation_mentions": [],
        "event_mentions": [
            {"id": "E1", "event_type": "Conflict.Attack.Unspecified",
             "trigger": {"start": 1, "end": 2, "text": "attacked", "sent_idx": 0},
             "arguments": [{"entity_id": "M4", "role": "Attacker", "text": "attackers"},
                           {"entity_id": "M2", "role": "Target", "text": "station"},
                           {"entity_id": "M3", "role": "Place", "text": "Kandahar"}]},
            {"id": "E2", "event_type": "Contact.Contact.Broadcast",
             "trigger": {"start": len(t1) + 1, "end": len(t1) + 2, "text": "said", "sent_idx": 1}, "arguments": []},
        ],
    }


def _write(tmp_path: Path, records: list, coref: list | None = None) -> str:
    p = tmp_path / "dev.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    if coref is not None:
        (tmp_path / "coref").mkdir()
        (tmp_path / "coref" / "dev.jsonlines").write_text(
            "\n".join(json.dumps(c) for c in coref) + "\n", encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("kairos,plover", [
    ("Conflict.Attack.DetonateExplode", "ASSAULT"), ("Life.Die.Unspecified", "ASSAULT"),
    ("Justice.ArrestJailDetain.Unspecified", "COERCE"), ("Contact.Contact.Meet", "CONSULT"),
    ("Movement.Transportation.Evacuation", "RELOCATE"), ("Movement.Transportation.PreventPassage", "COERCE"),
    ("Contact.Contact.Broadcast", None), ("GenericCrime.GenericCrime.GenericCrime", None), ("Made.Up.Type", None),
])
def test_kairos_types_map_to_plover(kairos, plover):
    assert wikievents.kairos_to_plover(kairos) == plover


def test_roles_map_to_slots_with_relocate_exceptions():
    assert wikievents.role_slot("ASSAULT", "Attacker") == "source"
    assert wikievents.role_slot("ASSAULT", "Victim") == "target"
    assert wikievents.role_slot("CONSULT", "Participant") == "either"
    assert wikievents.role_slot("RELOCATE", "PassengerArtifact") == "source"
    assert wikievents.role_slot("ASSAULT", "Instrument") is None


def test_reader_rebuilds_text_and_places_tokens(tmp_path):
    doc = read_docs(_write(tmp_path, [_doc()]))[0]
    assert doc.text == S1 + "\n" + S2  # the glued `text` field is not used
    assert [doc.text[s:e] for s, e in doc.token_spans[:2]] == ["Gunmen", "attacked"]
    s, e = doc.token_spans[len(S1.split()) + 2]
    assert doc.text[s:e] == "said"
    assert doc.clusters == {}  # no coreference file: singletons


def _gold(span, args, kairos="Conflict.Attack.Unspecified"):
    return GoldItem(kairos, wikievents.kairos_to_plover(kairos), span, args)


def test_argument_counts_through_the_coreference_cluster():
    gold = [_gold((10, 18), [Arg("source", [(0, 6), (80, 89)], "Gunmen"), Arg("target", [(30, 37)], "station")])]
    # our source is named where the cluster's *other* mention is; our target has the wrong slot
    pred = [Pred("ASSAULT", (10, 18), [Arg("source", [(80, 89)], "attackers"), Arg("source", [(30, 37)], "station")])]
    t = Tally()
    t.add(pred, gold)
    m = t.metrics()
    assert m["trigger_classification_f1"] == 1.0
    assert m["argument_identification_recall"] == 1.0  # both found, slots ignored
    assert m["argument_classification_recall"] == 0.5 and m["argument_classification_precision"] == 0.5


def test_duplicates_wrong_types_and_unmapped_triggers():
    gold = [_gold((10, 18), []), _gold((40, 44), [], "Contact.Contact.Broadcast")]
    preds = [Pred("ASSAULT", (10, 18)), Pred("ASSAULT", (12, 16)),  # two on one trigger: one is wrong
             Pred("ACCUSE", (40, 44)),                               # on an unmapped trigger: not scored
             Pred("AGREE", (60, 65))]                                # a type no KAIROS type maps to: not scored
    t = Tally()
    t.add(preds, gold)
    m = t.metrics()
    assert m["events_scored_emitted"] == 2 and m["events_emitted"] == 4
    assert m["trigger_classification_precision"] == 0.5 and m["trigger_classification_recall"] == 1.0
    wrong = Tally()
    wrong.add([Pred("COERCE", (10, 18))], gold)
    assert wrong.metrics()["trigger_identification_f1"] == 1.0 and wrong.metrics()["trigger_classification_f1"] == 0.0
    nothing = Tally()
    nothing.add([], gold)
    assert nothing.metrics()["trigger_identification_recall"] == 0.0


def test_entity_mentions_match_one_to_one_and_only_actor_and_place_types(tmp_path):
    doc = read_docs(_write(tmp_path, [{**_doc(), "entity_mentions": _doc()["entity_mentions"] + [
        {"id": "M5", "start": 8, "end": 9, "entity_type": "TME", "text": "Monday"}]}]))[0]
    gold = wikievents.gold_mentions(doc, doc.text)
    assert [doc.text[s:e] for s, e in gold] == ["Gunmen", "Kandahar", "attackers"]  # no FAC, no TME
    p = wikievents.mention_prf([(0, 6), (0, 3), (200, 210)], gold)
    assert (p.tp, p.n_pred, p.n_gold) == (1, 3, 3)


def test_run_on_a_tiny_file_with_coreference(pipeline, tmp_path):
    path = _write(tmp_path, [_doc()], coref=[{"doc_key": "tiny_attack_1", "clusters": [["M1", "M4"]]}])
    out = tmp_path / "p.jsonl"
    r = wikievents.run([str(tmp_path)], pipeline, predictions=str(out))  # a folder stands for its *.jsonl
    assert r.n_items == 1 and r.inputs == [str(tmp_path)] and path.endswith("dev.jsonl")
    assert validate_file("wikievents", out) == []
    pred = json.loads(out.read_text(encoding="utf-8"))
    assert pred["doc_id"] == "tiny_attack_1"
    assert any(e["event"] == "ASSAULT" and e["trigger_text"] == "attacked" for e in pred["events"])
    assert r.metrics["trigger_classification_recall"] == 1.0  # the one scored gold event (said is unmapped)
    # "Gunmen" is the attacker through the cluster {Gunmen, attackers}; Kandahar the place
    assert r.metrics["argument_classification_recall"] >= 2 / 3
    alone = tmp_path / "no_coref"
    alone.mkdir()
    _write(alone, [_doc()])
    r2 = wikievents.run([str(alone / "dev.jsonl")], pipeline)
    assert r2.metrics["argument_classification_recall"] < r.metrics["argument_classification_recall"]
    assert any("no coreference file" in n for n in r2.notes)
    assert set(r.metrics) == set(r.baseline) and r.metrics["entity_mention_precision"] > 0.5
    assert r.sections["unscored_gold_types"] == {"Contact.Contact.Broadcast": 1}


@pytest.mark.parametrize("line,detail", [
    ("not json", "not JSON"),
    (json.dumps({"doc_id": "x", "tokens": []}), "not a WikiEvents document"),
    (json.dumps({**_doc(), "event_mentions": [{"id": "E9", "event_type": "Life.Die.Unspecified",
                 "trigger": {"start": 90, "end": 91}, "arguments": []}]}), "outside the document"),
])
def test_malformed_input_raises_cg500(tmp_path, line, detail):
    p = tmp_path / "bad.jsonl"
    p.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(EvalError) as exc:
        read_docs(str(p))
    assert exc.value.code == "CG500" and detail in exc.value.message


def test_missing_file_is_cg100(tmp_path, pipeline):
    with pytest.raises(EvalError) as exc:
        wikievents.run([str(tmp_path / "nope.jsonl")], pipeline)
    assert exc.value.code == "CG100"


def test_real_dev_slice(pipeline, shared_dir, tmp_path):
    path = shared_dir / "data" / "wikievents" / "data" / "wikievents" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("WikiEvents dev set not in ../shared")
    out = tmp_path / "p.jsonl"
    r = wikievents.run([str(path)], pipeline, limit=2, predictions=str(out))
    assert r.n_items == 2 and validate_file("wikievents", out) == []
    assert not any("no coreference file" in n for n in r.notes)
    assert r.metrics["trigger_classification_recall"] > 0.0


def test_cli_rejects_a_document_list_of_another_set(monkeypatch, pipeline, tmp_path):
    from click.testing import CliRunner

    from claimgraph.cli import main

    monkeypatch.setattr("claimgraph.cli.evaluate._load_pipeline", lambda: pipeline)
    p = tmp_path / "dev.json"
    p.write_text(json.dumps([{"title": "x", "sents": [["a"]], "vertexSet": [], "labels": []}]), encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "wikievents", str(p)])
    assert res.exit_code == 2 and "CG500" in res.output
