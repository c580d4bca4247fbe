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
