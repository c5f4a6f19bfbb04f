"""``briefroom store``: set up the store, and the team store's roles.

Registered on the main group by `tui.cli`.  The store is the one ``--store``,
``BRIEFROOM_STORE`` or config.yaml's ``store`` names, else the archive file in the data
folder; ``store copy --to TARGET`` copies it into another.  Exit status: 0 success, 1 the
store cannot be opened, made or copied, 2 bad usage.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click


def register(cli: click.Group) -> None:
    """Add the ``store`` group to the CLI."""
    cli.add_command(store)


@click.group()
def store() -> None:
    """Set up the store (a team's PostgreSQL database, or the archive file)."""


@store.command("init")
@click.option(
    "--print-sql",
    is_flag=True,
    help="Print the SQL that makes the reader and writer roles of a team store, for its "
    "administrator; nothing is run.",
)
def init(print_sql: bool) -> None:
    """Make every table of the store (run once by the team store's owner).

    Analysts' roles may not create tables, so the owner makes them all here, then gives
    the roles of --print-sql to the analysts.
    """
    if print_sql:
        from search.api import ROLES_SQL

        click.echo(ROLES_SQL, nl=False)
        return
    from briefs.api import prepare_store
    from search.api import StoreError
    from tui.cli_common import fail, open_archive

    with open_archive() as archive:
        try:
            version = prepare_store(archive)
        except StoreError as exc:
            fail(str(exc), 1)
        click.echo(f"store ready: {archive.store.location} (store version {version})", err=True)


@store.command("copy")
@click.option(
    "--to",
    "target",
    required=True,
    metavar="TARGET",
    help="The store to fill: a team store's postgresql://user@host:5432/dbname URL, or a "
    "store file (new, or empty).",
)
@click.option(
    "--batch",
    default=2000,
    show_default=True,
    type=click.IntRange(1, 1_000_000),
    help="Rows per transaction.",
)
def copy(target: str, batch: int) -> None:
    """Copy this store into an empty one: the archive file into the team store, or the team
    store into a file for a laptop.

    Every table is copied with its keys; killed at any moment, the same command resumes
    where it stopped, and a finished copy is not done twice.  The target's analysts build
    their search index at their first search.
    """
    from briefs.api import copy_archive
    from search.api import StoreError, is_store_url
    from tui.cli_common import fail, open_archive
    from tui.config_write import PASSWORD_ON_COMMAND_LINE, has_password

    if is_store_url(target):
        if has_password(target):
            raise click.BadParameter(PASSWORD_ON_COMMAND_LINE, param_hint="--to")
    elif "://" in target:
        raise click.BadParameter(
            "expected a postgresql://user@host:5432/dbname URL or a file path", param_hint="--to"
        )
    with open_archive() as archive, _copy_progress() as progress:
        try:
            report = copy_archive(archive, target, batch=batch, progress=progress)
        except StoreError as exc:
            fail(str(exc), 1)
        except KeyboardInterrupt:
            fail("interrupted: what was copied is kept; the same command resumes the copy", 130)
    click.echo(report.summary(), err=True)


@contextmanager
def _copy_progress() -> Iterator[Callable[[str, int, int], None]]:
    """What `copy` tells its progress with: a bar per table on stderr when it is a
    terminal, else one line per table once it is copied."""
    bar: Any = None
    current: list[str] = []

    from tui.cli_common import plural

    def lines(table: str, done: int, total: int) -> None:
        if done >= total:
            click.echo(f"{table}: {plural(total, 'row')}", err=True)

    def bars(table: str, done: int, total: int) -> None:
        nonlocal bar
        if not current or current[-1] != table:
            if bar is not None:
                bar.render_finish()
            current.append(table)
            bar = click.progressbar(length=max(total, 1), label=table, file=sys.stderr)
        bar.update(done - bar.pos)

    try:
        yield bars if sys.stderr.isatty() else lines
    finally:
        if bar is not None:
            bar.render_finish()
