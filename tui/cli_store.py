"""``briefroom store``: set up the store, and the team store's roles.

Registered on the main group by `tui.cli`.  The store is the one ``--store``,
``BRIEFROOM_STORE`` or config.yaml's ``store`` names, else the archive file in the data
folder.  Exit status: 0 success, 1 the store cannot be opened or made, 2 bad usage.
"""

from __future__ import annotations

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
