"""docs/EXPORTS.md documents every format, every option and every PLOVER extension field."""

from __future__ import annotations

from pathlib import Path

import click

from claimgraph.cli import main
from claimgraph.export import FORMATS
from claimgraph.export.plover import plover_schema

DOC = Path(__file__).resolve().parents[2] / "docs" / "EXPORTS.md"


def test_every_format_has_a_section():
    text = DOC.read_text(encoding="utf-8")
    for fmt in FORMATS:
        assert f"`--format {fmt}`" in text, fmt


def test_every_export_option_is_documented():
    text = DOC.read_text(encoding="utf-8")
    command = main.commands["export"]
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(f"`{opt}`" in text for opt in param.opts), param.opts


def test_every_plover_extension_field_is_documented():
    text = DOC.read_text(encoding="utf-8")
    for name, spec in plover_schema()["properties"].items():
        if "claimgraph extension" in spec.get("description", ""):
            assert f"`{name}`" in text, name


def test_examples_in_the_docs_are_what_the_exporters_write(request):
    """The PLOVER, FtM and CSV examples are real output for the Myanmar example text (tests/export/conftest.py)."""
    import csv
    import io
    import json
    import re

    from claimgraph.export.csv import write_csv
    from claimgraph.export.ftm import write_ftm
    from claimgraph.export.plover import write_plover

    x = request.getfixturevalue("corpus_docs")[2]
    assert x.document.outlet == "Irrawaddy Weekly"
    text = DOC.read_text(encoding="utf-8")
    plover_block, ftm_block = re.findall(r"```json\n(.*?)```", text, re.S)[:2]
    out = io.StringIO()
    write_plover([x], out)
    records = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    shown = json.loads(plover_block)
    assert shown == records[shown["id"]]
    out = io.StringIO()
    write_ftm([x], out)
    entities = {e["id"]: e for e in map(json.loads, out.getvalue().splitlines())}
    for line in ftm_block.strip().splitlines():
        shown = json.loads(line)
        assert shown["properties"] == entities[shown["id"]]["properties"]
    csv_block = re.findall(r"```csv\n(.*?)```", text, re.S)[0]
    out = io.StringIO()
    write_csv([x], out)
    assert list(csv.DictReader(io.StringIO(csv_block))) == list(csv.DictReader(io.StringIO(out.getvalue())))
