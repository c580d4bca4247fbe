"""docs/UI.md documents every route and every `claimgraph serve` option (fails when one is added undocumented)."""

from __future__ import annotations

import re
from pathlib import Path

from claimgraph.cli.serve import serve
from claimgraph.serve.app import create_app

UI_MD = Path(__file__).resolve().parents[2] / "docs" / "UI.md"


def test_every_route_is_documented(tmp_path):
    text = UI_MD.read_text(encoding="utf-8")
    spec = create_app(tmp_path / "unused.sqlite").openapi()
    missing = [p for p in spec["paths"] if re.sub(r"\{[^}]+\}", "{id}", p) not in text]
    assert missing == []


def test_every_serve_option_is_documented():
    text = UI_MD.read_text(encoding="utf-8")
    options = [opt for param in serve.params for opt in param.opts if opt.startswith("--")]
    assert options and [o for o in options if f"`{o}" not in text] == []
