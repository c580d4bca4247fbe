"""Hostile input: whatever bytes a file holds, ingest yields Documents or coded errors, never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import CATALOGUE, IngestError
from claimgraph.ingest import iter_documents
from claimgraph.model import Document, document_id

_payloads = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.one_of(st.just('{"text": "x"}'), st.just("{"), st.just('{"text": 5}'), st.just('{"text": ""}'),
                       st.text(max_size=20)), max_size=6).map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda t: f"<html><body><article><p>{t}</p></article></body></html>".encode("utf-8",
                                                                                                           "surrogatepass")),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=_payloads, suffix=st.sampled_from([".txt", ".html", ".jsonl", ".dat"]))
def test_any_bytes_give_documents_or_coded_errors(payload: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(payload)
        for item in iter_documents([path], max_bytes=10_000):
            if isinstance(item, IngestError):
                assert item.code in CATALOGUE and str(path) in item.message
            else:
                assert isinstance(item, Document)
                assert item.text.strip() and "\x00" not in item.text
                assert item.id == document_id(item.text)
                if item.published is not None:
                    assert item.published[:4].isdigit()
