"""``claimgraph eval ecb``: the CAT XML reader, gold chains, the sentence index and the scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.eval import ecb
from claimgraph.eval.cat_xml import Token, parse_document, rebuild_text
from claimgraph.eval.schema import validate_file
from claimgraph.model import Claim, Document, Extraction


def _doc(name: str, sentences: list[str], markables: str, relations: str = "") -> str:
    toks, n = [], 0
    for s, sent in enumerate(sentences):
        for k, word in enumerate(sent.split()):
            n += 1
            toks.append(f'<token t_id="{n}" sentence="{s}" number="{k}">{word}</token>')
    return (f'<Document doc_name="{name}">\n' + "\n".join(toks) + f"\n<Markables>{markables}</Markables>\n"
            f"<Relations>{relations}</Relations>\n</Document>\n")


def _anchor(m_id: int, tag: str, *tokens: int) -> str:
    anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in tokens)
    return f'<{tag} m_id="{m_id}">{anchors}</{tag}>'


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Topic 7: two reports of one arrest. Sentence 2 of the first is not in the sentence index."""
    root = tmp_path / "ECB+"
    (root / "7").mkdir(parents=True)
    # tokens 1-7: "Police arrested the suspect on Monday ." 8-13: "The arrest followed a raid ."
    # 14-18: "Later the suspect escaped ."
    a = _doc("7_1ecb.xml",
             ["Police arrested the suspect on Monday .", "The arrest followed a raid .", "Later the suspect escaped ."],
             _anchor(1, "ACTION_OCCURRENCE", 2) + _anchor(2, "ACTION_OCCURRENCE", 9) + _anchor(3, "ACTION_OCCURRENCE", 12)
             + _anchor(4, "HUMAN_PART_PER", 1) + _anchor(5, "NEG_ACTION_OCCURRENCE", 17)
             + '<ACTION_OCCURRENCE m_id="10" TAG_DESCRIPTOR="t7_arrest" instance_id="ACT900"/>',
             '<CROSS_DOC_COREF r_id="1" note="ACT900"><source m_id="1"/><source m_id="2"/><target m_id="10"/>'
             "</CROSS_DOC_COREF>")
    b = _doc("7_2ecbplus.xml", ["http : //example.org/story", "Officers detained the man ( a local ) ."],
             _anchor(1, "ACTION_OCCURRENCE", 5)
             + '<ACTION_OCCURRENCE m_id="9" TAG_DESCRIPTOR="t7_arrest" instance_id="ACT900"/>',
             '<CROSS_DOC_COREF r_id="2" note="ACT900"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>')
    (root / "7" / "7_1ecb.xml").write_text(a, encoding="utf-8")
    (root / "7" / "7_2ecbplus.xml").write_text(b, encoding="utf-8")
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n7,1ecb,0\n7,1ecb,1\n7,2ecbplus,1\n", encoding="utf-8")
    return root


def test_rebuilt_text_closes_up_punctuation_and_maps_every_token():
    toks = [Token("1", 0, "He"), Token("2", 0, "said"), Token("3", 0, ","), Token("4", 0, "``"),
            Token("5", 0, "no"), Token("6", 0, "''"), Token("7", 1, "Next")]
    text, offsets = rebuild_text(toks)
    assert text == "He said, ``no''\nNext"
    assert all(text[s:e] == t.text for t in toks for s, e in [offsets[t.t_id]])


def test_gold_chains_link_mentions_across_documents_and_keep_the_rest_singletons(corpus: Path):
    a = parse_document(corpus / "7" / "7_1ecb.xml")
    b = parse_document(corpus / "7" / "7_2ecbplus.xml")
    ga, gb = ecb.gold_mentions(a, None), ecb.gold_mentions(b, None)
    assert [a.text[s:e] for s, e in (g.span for g in ga)] == ["arrested", "arrest", "raid", "escaped"]
    chains = {a.text[g.span[0]:g.span[1]]: g.chain for g in ga}
    assert chains["arrested"] == chains["arrest"] == gb[0].chain
    assert chains["raid"] != chains["arrested"]
    assert "HUMAN" not in {g.tag.split("_")[0] for g in ga}  # participants are not events


def test_the_url_line_of_an_ecbplus_file_is_not_text(corpus: Path):
    b = parse_document(corpus / "7" / "7_2ecbplus.xml")
    assert b.text == "Officers detained the man (a local)."
    assert b.topic == "7"


def test_only_the_sentences_in_the_index_are_scored(corpus: Path):
    index = ecb.read_sentence_index(ecb.find_sentence_index([str(corpus)]))
    a = parse_document(corpus / "7" / "7_1ecb.xml")
    kept = [a.text[g.span[0]:g.span[1]] for g in ecb.gold_mentions(a, index["7_1ecb"])]
    assert kept == ["arrested", "arrest", "raid"]  # "escaped" is in sentence 2, not listed


@pytest.mark.parametrize("content, what", [
    ("<Document><token t_id='1' sentence='0'>x</token>", "not well-formed"),
    ("<Other/>", "expected <Document>"),
    ("<Document doc_name='1_1ecb.xml'></Document>", "without <token>"),
    ("<Document><token t_id='1' sentence='0'>x</token><Markables><ACTION_OCCURRENCE m_id='1'>"
     "<token_anchor t_id='99'/></ACTION_OCCURRENCE></Markables></Document>", "unknown token"),
])
def test_malformed_cat_xml_is_a_coded_error(tmp_path: Path, content: str, what: str):
    bad = tmp_path / "1_1ecb.xml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ClaimgraphError) as err:
        parse_document(bad)
    assert err.value.code == "CG500" and what in str(err.value)


def test_a_sentence_index_with_another_header_is_refused(tmp_path: Path):
    bad = tmp_path / "index.csv"
    bad.write_text("doc,sentence\n1_1ecb,0\n", encoding="utf-8")
    with pytest.raises(ClaimgraphError) as err:
        ecb.read_sentence_index(bad)
    assert err.value.code == "CG500"


def test_a_missing_path_is_cg100(tmp_path: Path):
    with pytest.raises(ClaimgraphError) as err:
        ecb.run([str(tmp_path / "nope")], pipeline=None)
    assert err.value.code == "CG100"


class _StubPipeline:
    """Finds an ARREST event at each of the given words (first occurrence), nothing else."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def analyze(self, document: Document) -> Extraction:
        claims = []
        for w in self.words:
            i = document.text.find(w)
            if i >= 0:
                span = (i, i + len(w))
                claims.append(Claim(id=f"c{i}", doc_id=document.id, kind="event", predicate="ARREST",
                                    evidence=[span], attribution=None, trigger=span))
        return Extraction(document=document, claims=claims)


def test_run_scores_detection_by_overlap_and_coreference_on_matched_mentions(corpus: Path, tmp_path: Path):
    out = tmp_path / "pred.jsonl"
    report = ecb.run([str(corpus)], _StubPipeline(["arrested", "detained", "Monday", "escaped"]),
                     predictions=str(out))
    m = report.metrics
    # gold in scored sentences: arrested, arrest, raid (doc 1), detained (doc 2); "escaped" is outside them
    assert (m["mentions.gold"], m["mentions.predicted"], m["mentions.matched"]) == (4, 3, 2)
    assert m["mentions.precision"] == pytest.approx(2 / 3) and m["mentions.recall"] == pytest.approx(1 / 2)
    # "arrested" and "detained" are one gold event; the stub puts them in two fact groups (no shared actor)
    assert m["cd.matched.muc_recall"] == 0.0
    assert report.baseline["mentions.recall"] > 0  # plain spaCy's verbs find some of them
    assert validate_file("ecb", out) == []
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and '"gold": "1"' in lines[0]


def test_real_ecb_slice_reads_chains_the_lemma_baseline_can_use(shared_dir: Path, pipeline, tmp_path: Path):
    topic = shared_dir / "data" / "ecbplus" / "ECB+_LREC2014" / "ECB+" / "2"
    files = sorted(topic.glob("2_1ecb*.xml"))[:2]
    if len(files) < 2:
        pytest.skip("ECB+ topic 2 not found")
    out = tmp_path / "ecb.jsonl"
    report = ecb.run([str(f) for f in files], pipeline, predictions=str(out))
    assert report.n_items == 2 and report.metrics["mentions.gold"] > 5
    assert any("scored only the sentences" in n for n in report.notes)
    b = report.baseline
    assert b["gold_mentions.lemma.cd.conll_f1"] > b["gold_mentions.singleton.cd.conll_f1"]
    assert validate_file("ecb", out) == []


def test_train_topics_are_skipped_only_when_an_evaluation_topic_is_present():
    assert ecb.evaluation_topics(["1", "2", "3", "36"]) == ["2", "36"]  # dev 2, test 36
    assert ecb.evaluation_topics(["1", "3"]) == ["1", "3"]
