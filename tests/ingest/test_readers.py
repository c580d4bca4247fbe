"""Each reader on small texts: plain text, HTML, JSON Lines, folders."""

from __future__ import annotations

import json
from pathlib import Path

from claimgraph.errors import IngestError
from claimgraph.ingest import iter_documents
from claimgraph.model import Document, document_id, normalise_text

ARTICLE = (
    "Army Says It Retook Town From Rebels\n\n"
    "Friday, 03/08/2024\n\n"
    "GOMA — The Congolese army said it retook the town of Sake from M23 rebels, a spokesman told reporters.\n"
)


def _docs(items: list) -> list[Document]:
    return [x for x in items if isinstance(x, Document)]


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "drc.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = list(iter_documents([path]))
    assert isinstance(doc, Document)
    assert doc.text == normalise_text(ARTICLE)
    assert doc.id == document_id(doc.text)
    assert doc.title == "Army Says It Retook Town From Rebels"
    assert doc.published == "2024-03-08"
    assert doc.source_format == "text"
    assert doc.path == str(path.resolve())


def test_same_text_from_two_paths_is_one_document_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("\n", "\r\n") + "   \n", encoding="utf-8")
    a, b = list(iter_documents([tmp_path]))
    assert a.id == b.id and a.path != b.path


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffKhartoum: RSF shells El Fasher.".encode("utf-8"))
    (tmp_path / "wide.txt").write_bytes("Khartoum: RSF shells El Fasher.".encode("utf-16"))
    docs = list(iter_documents([tmp_path]))
    assert [d.text for d in docs] == ["Khartoum: RSF shells El Fasher."] * 2


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><title>Sahel attack | Sahel Monitor</title>
    <meta property="og:title" content="Jihadists attack army post near Djibo">
    <meta property="og:site_name" content="Sahel Monitor">
    <meta property="article:published_time" content="2023-11-26T08:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Jihadists attack army post near Djibo</h1>
    <p>Hundreds of jihadists attacked an army post near Djibo in northern Burkina Faso on Sunday,
    security sources said, in one of the largest assaults this year.</p>
    <p>The army said it repelled the attack with air support and that dozens of attackers were killed.</p>
    </article><footer>Copyright notice</footer></body></html>"""
    path = tmp_path / "djibo.html"
    path.write_text(html, encoding="utf-8")
    [doc] = list(iter_documents([path]))
    assert isinstance(doc, Document), doc
    assert doc.source_format == "html"
    assert "attacked an army post near Djibo" in doc.text
    assert "Copyright notice" not in doc.text and "Home | World" not in doc.text
    assert doc.title == "Jihadists attack army post near Djibo"
    assert doc.published == "2023-11-26"
    assert doc.outlet == "Sahel Monitor"


def test_html_without_main_text_is_cg107(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script><img src=a.png></body></html>")
    [err] = list(iter_documents([path]))
    assert isinstance(err, IngestError) and err.code == "CG107"


def test_jsonl_one_document_per_line_and_bad_lines_named(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Houthi forces fired a missile at a ship in the Red Sea.", "url": "https://ex.org/1",
                    "title": "Missile fired at ship", "published": "2024-01-12", "outlet": "Gulf Wire"}),
        "{not json",
        json.dumps({"url": "https://ex.org/3"}),
        "",
        json.dumps({"text": "Shelling hit Kharkiv overnight, the governor said."}),
        json.dumps(["a list"]),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([path]))
    docs = _docs(items)
    errors = [x for x in items if isinstance(x, IngestError)]
    assert [d.title for d in docs] == ["Missile fired at ship", None]
    assert docs[0].url == "https://ex.org/1" and docs[0].outlet == "Gulf Wire" and docs[0].published == "2024-01-12"
    assert docs[0].source_format == "jsonl" and docs[0].meta["line"] == 1
    assert docs[1].meta["line"] == 5
    assert [(e.code, e.subject.rsplit(":", 1)[1]) for e in errors] == [("CG105", "2"), ("CG105", "3"), ("CG105", "6")]
    assert "line 2" in errors[0].message


def test_arguments_override_jsonl_fields(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": "Rebels seized Bunia.", "outlet": "Radio Okapi", "published": "2022"}) + "\n")
    [doc] = list(iter_documents([path], published="2022-05-01", outlet="Reuters"))
    assert (doc.published, doc.outlet) == ("2022-05-01", "Reuters")


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z happened in Yemen.")
    (tmp_path / "a.txt").write_text("A happened in Syria.")
    (tmp_path / "b" / "c.txt").write_text("C happened in Libya.")
    (tmp_path / ".hidden.txt").write_text("hidden")
    texts = [d.text for d in iter_documents([tmp_path])]
    assert texts == ["A happened in Syria.", "C happened in Libya.", "Z happened in Yemen."]
    assert texts == [d.text for d in iter_documents([tmp_path])]  # deterministic


def test_unknown_extension_sniffed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.php"
    path.write_text("<!doctype html><html><body><article><p>" + "Troops clashed with ELN rebels in Arauca. " * 3
                    + "</p></article></body></html>")
    [doc] = list(iter_documents([path]))
    assert doc.source_format == "html" and "<p>" not in doc.text


def test_html_in_its_declared_legacy_charset_is_read(tmp_path: Path) -> None:
    html = ("<html><head><meta charset=\"windows-1252\"><title>Beyrouth</title></head><body><article><p>"
            + "Une frappe a touché le café du quartier, selon l’armée libanaise. " * 3 + "</p></article></body></html>")
    path = tmp_path / "beirut.html"
    path.write_bytes(html.encode("cp1252"))
    [doc] = list(iter_documents([path]))
    assert isinstance(doc, Document), doc
    assert "café" in doc.text and "l’armée" in doc.text


def test_undeclared_legacy_bytes_in_html_are_still_cg103(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes("<html><body><p>Caf\u00e9</p></body></html>".encode("latin-1"))
    [err] = list(iter_documents([path]))
    assert isinstance(err, IngestError) and err.code == "CG103"


def test_sidecar_metadata_jsonl_gives_files_their_metadata(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "ye01.txt").write_text("Houthi forces said they fired drones at Marib, a spokesman said.")
    (tmp_path / "texts" / "ye02.txt").write_text("LONDON (Reuters) - Saudi-led coalition jets struck Sanaa airport.")
    (tmp_path / "metadata.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "ye01", "title": "Drones fired at Marib", "date": "2021-02-10 08:00:00Z", "outlet": "Yemen Wire",
         "url": "https://ex.org/ye01"},
        {"id": "ye02", "date": "sometime"},
    ]) + "\n")
    items = list(iter_documents([tmp_path], outlet=None))
    assert all(isinstance(x, Document) for x in items) and len(items) == 2  # the sidecar is not a document
    first, second = items
    assert (first.title, first.published, first.outlet, first.url) == (
        "Drones fired at Marib", "2021-02-10", "Yemen Wire", "https://ex.org/ye01")
    assert first.meta["sidecar_id"] == "ye01"
    assert second.outlet == "Reuters" and second.published is None  # own dateline; bad sidecar date not guessed
    assert second.meta["unparsed_date"] == "sometime"
    forced = list(iter_documents([tmp_path], outlet="Override", published="2021-02"))
    assert (forced[0].outlet, forced[0].published, forced[0].title) == ("Override", "2021-02", "Drones fired at Marib")


def test_metadata_jsonl_with_text_is_read_as_documents(tmp_path: Path) -> None:
    (tmp_path / "metadata.jsonl").write_text(json.dumps({"id": "a", "text": "Shelling hit Donetsk."}) + "\n")
    [doc] = list(iter_documents([tmp_path]))
    assert doc.text == "Shelling hit Donetsk."
