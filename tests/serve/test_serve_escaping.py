"""Whatever a document says, the document view shows exactly that text, as text."""

from __future__ import annotations

import tempfile
from html.parser import HTMLParser
from pathlib import Path

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.model import Document, Entity, Extraction, Mention
from claimgraph.serve.app import create_app
from serve_samples import write_store

TOKENS = ["<script>", "</div>", "<img src=x onerror=alert(1)>", "&amp;", "{{", "{%", "<", ">", "&", '"', "'", "\n", " "]
HOSTILE = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.characters(blacklist_categories=("Cs", "Cc"))), min_size=1, max_size=30
).map("".join)


class _DocText(HTMLParser):
    """Collects the text inside <div id="doc-text"> and any element opened inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += 1
            self.tags.append(tag)
        elif tag == "div" and ("id", "doc-text") in attrs:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=HOSTILE, cut=st.integers(0, 80))
def test_document_view_renders_any_text_verbatim(text, cut):
    doc = Document.from_text(text + " tail", title=text[:30], outlet=text[:10])
    end = max(1, min(cut, len(doc.text)))
    ent = Entity(id="ent_x", type="Organization", name=doc.text[:end], mentions=[(0, end)])
    x = Extraction(document=doc, entities=[ent], mentions=[Mention(0, end, doc.text[:end], "ORG", "ent_x")])
    with tempfile.TemporaryDirectory() as tmp:
        db = write_store(Path(tmp) / "x.sqlite", [x])
        html = TestClient(create_app(db)).get(f"/documents/{doc.id}", headers={"Accept": "text/html"}).text
    parser = _DocText()
    parser.feed(html)
    assert "".join(parser.text) == doc.text
    assert set(parser.tags) <= {"span"}  # only our highlight spans, never markup from the text
