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


PIPE_WIDTH = 10_000
"""Line width when stdout is not a terminal: piped output is never wrapped (a grep or
a script must see each id whole, on one line)."""


def stdout_console(**options: Any) -> Any:
    """A `rich.console.Console` on stdout: wrapped to a terminal's width, unwrapped when
    piped (rich would wrap at 80 columns and split ids)."""
    from rich.console import Console

    options = {"highlight": False, "emoji": False, **options}
    if not sys.stdout.isatty():
        options["width"] = PIPE_WIDTH
        options["soft_wrap"] = True
    return Console(**options)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 file``, ``2 files``, ``17,600 articles``, ``3 stories`` (thousands separated)."""
    if count == 1:
        return f"1 {noun}"
    if nouns is None:
        nouns = (
            noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
        )
    return f"{count:,} {nouns}"


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
