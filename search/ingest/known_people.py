"""What extraction may ask of the people registry: the side the archive trusts for a
name (`KnownPeople`), held in memory by the ingest and by its extraction worker, which
cannot share the store's connection."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from search.extract.aliases import person_key, prefix_key
from search.store.engine import Connection

# A bare surname joins the commonest person of that name when they hold this share.
DOMINANT = 0.8

# Evidence strong enough to tell extraction a person's side in other articles.
_TRUSTED = frozenset({"role", "org", "led-by", "listed", "office", "analyst"})


class KnownPeople:
    """A read-only view of the registry for extraction: the side of a person named with
    no evidence of their own ("President Zelenskyy" in a readout), when other articles
    showed it strongly ("Ukrainian President Zelenskyy")."""

    def __init__(self) -> None:
        self._by_key: dict[str, tuple[str | None, str | None]] = {}
        self._by_surname: dict[str, list[tuple[str, int, str | None, str | None]]] = {}
        self._prefix: dict[str, tuple[str | None, str | None]] = {}

    def update(self, conn: Connection, ids: Iterable[int] | None = None) -> None:
        """Load everyone (or reload the people ``ids``, after a `PeopleRegistry.refresh`)."""
        self.add_rows(self.rows(conn, ids))

    @staticmethod
    def rows(conn: Connection, ids: Iterable[int] | None = None) -> list[tuple[Any, ...]]:
        """The registry rows `update` reads: what an extraction worker process, which
        cannot share the store's connection, is sent to apply with `add_rows`."""
        columns = "key, surname, prefix, country, org, how, articles"
        if ids is None:
            return conn.execute(f"SELECT {columns} FROM people").fetchall()
        wanted = list(ids)
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found += conn.execute(f"SELECT {columns} FROM people WHERE id IN ({marks})", chunk)
        return found

    def add_rows(self, rows: Iterable[tuple[Any, ...]]) -> None:
        for row in rows:
            self._add(*row)

    def _add(
        self,
        key: str,
        surname: str,
        prefix: str | None,
        country: str | None,
        org: str | None,
        how: str | None,
        articles: int,
    ) -> None:
        key, surname = str(key), str(surname)
        side = (country, org) if how in _TRUSTED and (country or org) else (None, None)
        self._by_key[key] = side
        if prefix:
            self._prefix[str(prefix)] = side
        entries = [e for e in self._by_surname.get(surname, []) if e[0] != key]
        if not key.endswith("|"):
            entries.append((key, int(articles), side[0], side[1]))
        self._by_surname[surname] = entries

    def side_of(self, name: str) -> tuple[str | None, str | None] | None:
        """``(country, org)`` the archive trusts for ``name``, or None."""
        key = person_key(name)
        side = self._by_key.get(key)
        if side is None or side == (None, None):
            prefix = prefix_key(name)
            side = self._prefix.get(prefix) if prefix else None
        if (side is None or side == (None, None)) and key.endswith("|"):
            entries = self._by_surname.get(key[:-1], [])
            total = sum(e[1] for e in entries)
            best = max(entries, key=lambda e: e[1], default=None)
            if best is not None and total and best[1] >= DOMINANT * total:
                side = (best[2], best[3])
        if side is None or side == (None, None):
            return None
        return side
