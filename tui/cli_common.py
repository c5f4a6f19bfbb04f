"""What every command module shares: the context object, one-line failures, the archive.

Kept apart from `tui.cli` so that command modules (`tui.cli_relations`,
`tui.cli_briefs`) can import it while `tui.cli` imports them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, NoReturn

import click

from tui.config import Config, config_path, data_home


@dataclass
class Context:
    """What every command gets: settings and the global options."""

    config: Config
    home_country: str | None
    as_of: date | None


def no_home_country() -> str:
    """What a command that needs our side says when none is set: exactly how to set it."""
    return (
        "no home country set: run `briefroom config set home_country COUNTRY` "
        f"or pass --home COUNTRY (settings file: {config_path()})"
    )


def fail(message: str, status: int = 2) -> NoReturn:
    """Print one line to stderr and exit (bidi controls neutralised: it may quote input)."""
    from search.bidi import neutral_bidi

    click.echo(f"briefroom: {neutral_bidi(message)}", err=True)
    sys.exit(status)


@contextmanager
def open_archive() -> Iterator[Any]:
    """The archive under the data home; a damaged store is a one-line error."""
    from search.archive import Archive
    from search.store import StoreError

    try:
        archive = Archive.open(data_home())
    except (StoreError, OSError) as exc:
        fail(str(exc), 1)
    try:
        yield archive
    finally:
        archive.close()
