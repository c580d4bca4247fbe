"""`claimgraph gazetteer` commands: info, lookup, import errors (coded, with the file and line)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimgraph.cli import main


def test_info_reports_sources_and_counts(gazetteer):
    result = CliRunner().invoke(main, ["gazetteer", "info", "--json", "--path", str(gazetteer.path)])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["meta"]["schema_version"] and int(info["meta"]["count_countries"]) > 200
    assert info["places_by_level"]["1"] > 3000


def test_lookup_resolves_names_together(gazetteer):
    result = CliRunner().invoke(
        main, ["gazetteer", "lookup", "--json", "--path", str(gazetteer.path), "Paris", "Texas", "Dallas"]
    )
    assert result.exit_code == 0, result.output
    paris = json.loads(result.output.splitlines()[0])["place"]
    assert paris["country"] == "US" and paris["admin1"] == "Texas"


def test_import_of_a_bad_file_exits_2_with_cg301(tiny_gazetteer, tmp_path):
    bad = tmp_path / "AF.txt"
    bad.write_text("1\tonly three\tcolumns\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["gazetteer", "import", "--path", str(tiny_gazetteer.path), str(bad)])
    assert result.exit_code == 2
    assert "CG301" in result.output and f"{bad}:1" in result.output
