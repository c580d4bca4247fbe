"""Helpers shared by the command modules."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from claimgraph.errors import ClaimgraphError

F = TypeVar("F", bound=Callable[..., Any])


def coded_errors(func: F) -> F:
    """Turn a ClaimgraphError into its coded message and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimgraphError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


DEFAULT_DB = "claimgraph.sqlite"
