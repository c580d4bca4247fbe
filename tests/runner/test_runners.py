"""Runners: local and Dask give the same extractions; errors pass through; one writer stores them."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError, IngestError
from claimgraph.ingest import document_from_text, iter_documents
from claimgraph.model import Extraction
from claimgraph.runner import batch
from claimgraph.runner.local import run_local
from claimgraph.store import Store

TEXTS = {
    "kenya.txt": "Kenyan police said al-Shabaab fighters attacked a bus near Mandera on Tuesday.",
    "colombia.txt": "The ELN denied that its fighters kidnapped two soldiers in Arauca, the army said.",
    "ukraine.txt": "Russian forces shelled Kharkiv overnight, Governor Oleh Syniehubov said.",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    tmp_path = tmp_path / "corpus"
    tmp_path.mkdir()
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00")
    return tmp_path


class _Exploding:
    """A pipeline whose analysis fails on one document."""

    def __init__(self, pipeline, bad_word: str) -> None:
        self.pipeline, self.bad_word = pipeline, bad_word

    def analyze(self, document):
        if self.bad_word in document.text:
            raise RuntimeError("stage crashed")
        return self.pipeline.analyze(document)


def test_local_runner_passes_errors_through_and_keeps_order(corpus: Path, pipeline) -> None:
    items = list(iter_documents([corpus]))
    results = list(run_local(items, pipeline))
    assert [type(r).__name__ for _, r in results] == ["IngestError", "Extraction", "Extraction", "Extraction"]
    assert [i for i, _ in results] == items
    for item, result in results:
        if isinstance(result, Extraction):
            assert result.document == item


def test_crashing_stage_becomes_cg202_and_run_goes_on(pipeline) -> None:
    docs = [document_from_text(t) for t in TEXTS.values()]
    results = [r for _, r in run_local(docs, _Exploding(pipeline, "ELN"))]
    assert isinstance(results[1], ClaimgraphError) and results[1].code == "CG202"
    assert "stage crashed" in results[1].message
    assert isinstance(results[0], Extraction) and isinstance(results[2], Extraction)


def test_batch_stores_skips_unchanged_and_replaces_changed(corpus: Path, pipeline, tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.sqlite") as store:
        _, items = batch.ingest([corpus])
        first = batch.analyze_items(items, store, pipeline=pipeline)
        assert (first.inserted, first.failed, first.unchanged) == (3, 1, 0)
        assert first.errors[0].code in ("CG102", "CG103")
        assert first.totals["documents"] == 3

        def no_pipeline():
            raise AssertionError("nothing changed: the pipeline must not be loaded")

        _, items = batch.ingest([corpus])
        again = batch.analyze_items(items, store, pipeline=no_pipeline)
        assert (again.inserted, again.unchanged, again.replaced) == (0, 3, 0)
        assert sum(again.written.values()) == 0

        (corpus / "kenya.txt").write_text(TEXTS["kenya.txt"] + " Two people were killed.", encoding="utf-8")
        _, items = batch.ingest([corpus])
        changed = batch.analyze_items(items, store, pipeline=pipeline)
        assert (changed.replaced, changed.unchanged) == (1, 2)
        assert changed.totals["documents"] == 3


def test_store_failure_for_one_document_does_not_stop_the_run(pipeline, tmp_path: Path) -> None:
    docs = [document_from_text(t) for t in TEXTS.values()]

    class _DuplicatingPipeline:
        def analyze(self, document):
            x = pipeline.analyze(document)
            if "ELN" in document.text:
                x.entities.append(x.entities[0])  # duplicate id: the store refuses this document
            return x

    with Store.open(tmp_path / "db.sqlite") as store:
        summary = batch.analyze_items(docs, store, pipeline=_DuplicatingPipeline())
        assert (summary.inserted, summary.failed) == (2, 1)
        assert summary.errors[0].code == "CG404"
        assert len(store.documents()) == 2


_SESSION_PIPELINE = []


def _session_loader():
    """Module-level (picklable) loader for the in-process Dask workers: the session pipeline."""
    return _SESSION_PIPELINE[0]


def test_dask_runner_matches_local_and_client_writes(corpus: Path, pipeline, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from claimgraph.runner.distributed import run_distributed

    _SESSION_PIPELINE[:] = [pipeline]
    items = list(iter_documents([corpus]))
    local = [r for _, r in run_local(items, pipeline)]
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = list(run_distributed(items, client, loader=_session_loader, window=2))
        with Store.open(tmp_path / "dask.sqlite") as store:
            summary = batch.analyze_items(iter(items), store, client=client, loader=_session_loader)
    assert [i for i, _ in remote] == items
    assert isinstance(remote[0][1], IngestError)
    assert [r.to_dict() for _, r in remote[1:]] == [r.to_dict() for r in local[1:]]
    assert (summary.inserted, summary.failed) == (3, 1)


def test_unreachable_scheduler_is_cg800() -> None:
    pytest.importorskip("distributed")
    with pytest.raises(ClaimgraphError) as info:
        with batch.dask_client("tcp://127.0.0.1:9", connect_timeout=1):
            pass
    assert info.value.code == "CG800" and "tcp://127.0.0.1:9" in info.value.message
