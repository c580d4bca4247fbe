"""Bad input: each case gets its coded error naming the file, and the other files still go in."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from claimgraph.errors import IngestError
from claimgraph.ingest import iter_documents
from claimgraph.ingest.files import read_bytes
from claimgraph.model import Document

GOOD = "Security forces said they killed three militants in Balochistan."


def _only_error(path: Path, **kwargs) -> IngestError:
    [item] = list(iter_documents([path], **kwargs))
    assert isinstance(item, IngestError), item
    assert str(path) in item.message
    return item


def test_missing_path_is_cg100(tmp_path: Path) -> None:
    assert _only_error(tmp_path / "nope.txt").code == "CG100"


@pytest.mark.parametrize("content", [b"", b"   \n\t\n"])
def test_empty_file_is_cg101(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert _only_error(path).code == "CG101"


@pytest.mark.parametrize("content", [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n", b"text with a \x00 NUL"])
def test_binary_file_is_cg102(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(content)
    assert _only_error(path).code == "CG102"


def test_invalid_utf8_is_cg103_with_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(b"First line\nCaf\xe9 bombing in Beirut")
    err = _only_error(path)
    assert err.code == "CG103"
    assert "offset 14" in err.message and "line 2" in err.message


def test_fifty_megabyte_single_line_is_refused_cheaply(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    started = time.perf_counter()
    err = _only_error(path)
    assert err.code == "CG104"
    assert time.perf_counter() - started < 1.0  # refused from stat, the content never read


def test_fifty_megabyte_jsonl_line_is_refused_and_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as f:
        f.write(b'{"text": "' + b"a" * (12 * 1024 * 1024) + b'"}\n')
        f.write(b'{"text": "Fighting in Tigray resumed."}\n')
    items = list(iter_documents([path], max_bytes=1_000_000))
    assert isinstance(items[0], IngestError) and items[0].code == "CG104" and "huge.jsonl:1" in items[0].message
    assert isinstance(items[1], Document) and items[1].text == "Fighting in Tigray resumed."


def test_broken_symlink_is_cg106(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "deleted-target.txt", link)
    assert _only_error(link).code == "CG106"


def test_folder_read_as_a_file_is_cg106(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_bytes(tmp_path, 1000)
    assert info.value.code == "CG106"


def test_permission_error_is_cg106(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    err = _only_error(path)
    assert err.code == "CG106" and "Permission denied" in err.message


def test_other_files_still_go_in(tmp_path: Path) -> None:
    (tmp_path / "1-good.txt").write_text(GOOD)
    (tmp_path / "2-empty.txt").write_text("")
    (tmp_path / "3-binary.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "4-latin1.txt").write_bytes(b"\xe9t\xe9")
    (tmp_path / "5-good.txt").write_text("Rebels shelled Aleppo, monitors said.")
    os.symlink(tmp_path / "missing", tmp_path / "6-link.txt")
    items = list(iter_documents([tmp_path, tmp_path / "absent.txt"]))
    assert [x.code if isinstance(x, IngestError) else "ok" for x in items] == [
        "ok", "CG101", "CG102", "CG103", "ok", "CG106", "CG100"]


def test_invalid_published_argument_is_cg108_before_reading(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        list(iter_documents([tmp_path / "whatever.txt"], published="not a date at all"))
    assert info.value.code == "CG108"
