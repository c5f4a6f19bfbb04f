"""Whether this process keeps its team store connections for reuse.

A module of its own, without psycopg: the flag is set by the TUI whatever the store,
and `search.store.postgres` (imported only for a team store) reads it.
"""

from __future__ import annotations

import sys

# Whether this process keeps team store connections open for reuse (`keep_connections`).
_KEEP = {"connections": False}


def keep_connections(keep: bool = True) -> None:
    """Reuse team store connections in this process (a pool per server, psycopg_pool's).

    For long-lived processes that open the store for every request (the TUI opens an
    archive per screen and per search): connecting to a server across a network costs
    round trips and authentication each time.  A command-line run opens one connection
    and needs no pool.  Turned off, the connections kept so far are closed.
    """
    _KEEP["connections"] = keep
    if not keep:
        postgres = sys.modules.get("search.store.postgres")  # loaded only for a team store
        if postgres is not None:
            postgres.close_pools()


def keeps_connections() -> bool:
    """Whether `keep_connections` is on."""
    return _KEEP["connections"]
