"""The ``claimgraph`` command line: a thin layer over library functions.

Each command module owns one area (analyze/extract/show, eval/bench, serve,
export, gazetteer) and registers its commands on :data:`main`. Commands turn
:class:`claimgraph.errors.ClaimgraphError` into a coded message on stderr and
a non-zero exit; nothing else is caught.
"""

from __future__ import annotations

import click

from claimgraph import __version__
from claimgraph.cli import analyze as _analyze
from claimgraph.cli import evaluate as _evaluate
from claimgraph.cli import export as _export
from claimgraph.cli import gazetteer as _gazetteer
from claimgraph.cli import serve as _serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimgraph")
def main() -> None:
    """claimgraph: turn conflict reporting into a sourced knowledge graph.

    Every fact carries its evidence span, who says so and how (asserted,
    denied, alleged, requested, promised).
    """


for _module in (_analyze, _evaluate, _export, _gazetteer, _serve):
    _module.register(main)
