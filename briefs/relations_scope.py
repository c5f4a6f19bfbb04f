"""Which articles a summary covers (`pair_scope`, `pair_rowids`, `country_rowids`), and the
temporary table the summary's queries start from (`Scope`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from briefs.relations_model import ArticleRef, Window
from search.pairs import ArticleQuery, pair_article_rowids, pair_articles_query
from search.store import Store

# What a summary reads of each of its articles (`ArticleMeta`).
_META = "a.rowid, a.id, a.title, a.date, a.source, a.countries, a.url, a.cluster"


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What the summaries need of one article (read once per summary)."""

    order: int  # position in (date, rowid) order, undated first
    ref: ArticleRef
    cluster: int


class Scope:
    """A set of articles: a temporary table ``scope (rowid, cluster)`` and their metadata.

    How the queries use it (each choice measured on 100,000 articles): a join starts from
    the scope with CROSS JOIN, which fixes SQLite's join order (the temporary table has
    no statistics, and the planner otherwise scans ``articles`` or ``events`` in full:
    0.3-0.5 s); a filtered read of another table is written ``WHERE t.article IN
    (SELECT rowid FROM temp.scope) AND ...`` (a WHERE on the inner table of a join makes
    SQLite build a Bloom filter over that whole table first: ~25 ms whatever the scope);
    dates and clusters come from ``meta`` or ``scope.cluster`` rather than from joins
    with ``articles``, whose rows are large (body and extraction).

    The articles are given as rowids, or as the query that selects them
    (`search.pairs.ArticleQuery`), joined to ``articles`` in the same statement: the
    rowids of a large pair (4,000 of 100,000 articles) are not read, written to a
    temporary table and joined back.  On the team store those were three statements of
    45-50 ms each, the join a scan of every article; the one statement takes 60-75 ms.
    """

    def __init__(
        self, store: Store, rowids: Iterable[int] | ArticleQuery, window: Window = Window()
    ) -> None:
        self.store = store
        conn = store.conn
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS scope (rowid INTEGER PRIMARY KEY, cluster INTEGER)"
        )
        conn.execute("DELETE FROM temp.scope")
        rows = [row for row in self._articles(rowids) if window.holds(row[3])]
        rows.sort(key=lambda r: (r[3] is not None, r[3] or "", r[0]))
        self.meta: dict[int, ArticleMeta] = {}
        for order, (rowid, aid, title, day, source, countries, url, cluster) in enumerate(rows):
            ref = ArticleRef(
                id=str(aid),
                title=str(title),
                date=day,
                source=source,
                countries=tuple(c for c in (countries or "").split(",") if c),
                url=url,
            )
            self.meta[int(rowid)] = ArticleMeta(
                order, ref, int(cluster if cluster is not None else rowid)
            )
        conn.executemany(
            "INSERT INTO temp.scope (rowid, cluster) VALUES (?, ?)",
            ((r, m.cluster) for r, m in self.meta.items()),
        )

    def _articles(self, rowids: Iterable[int] | ArticleQuery) -> list[tuple[Any, ...]]:
        """`_META` of the articles, any order."""
        conn = self.store.conn
        if isinstance(rowids, ArticleQuery):
            return conn.execute(
                f"SELECT {_META} FROM ({rowids.sql}) p CROSS JOIN articles a "
                "ON a.rowid = p.article",
                rowids.params,
            ).fetchall()
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS ids (rowid INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.ids")
        conn.executemany("INSERT INTO temp.ids (rowid) VALUES (?)", ((r,) for r in rowids))
        return conn.execute(
            f"SELECT {_META} FROM temp.ids s CROSS JOIN articles a ON a.rowid = s.rowid"
        ).fetchall()

    def rows(self, sql: str, params: Iterable[object] = ()) -> list[tuple[Any, ...]]:
        return self.store.conn.execute(sql, list(params)).fetchall()

    def date(self, rowid: int) -> str | None:
        return self.meta[rowid].ref.date

    def cluster(self, rowid: int) -> int:
        return self.meta[rowid].cluster

    def order(self, rowid: int) -> int:
        return self.meta[rowid].order

    def refs(self) -> list[ArticleRef]:
        """The articles, oldest first (undated first)."""
        return [m.ref for m in sorted(self.meta.values(), key=lambda m: m.order)]


def pair_scope(store: Store, a: str, b: str, window: Window = Window()) -> Scope:
    """The articles concerning both countries (`search.pairs`) in the window."""
    query = pair_articles_query(store.conn, a, b)
    return Scope(store, pair_article_rowids(store.conn, a, b) if query is None else query, window)


def pair_rowids(store: Store, a: str, b: str, window: Window = Window()) -> list[int]:
    """Rowids of the articles concerning both countries (`search.pairs`), oldest first."""
    scope = pair_scope(store, a, b, window)
    return sorted(scope.meta, key=scope.order)


def country_rowids(store: Store, code: str, window: Window = Window()) -> list[int]:
    """Rowids of the articles concerning one country, oldest first."""
    condition, params = window.sql()
    rows = store.conn.execute(
        "SELECT x.article FROM article_countries x CROSS JOIN articles a ON a.rowid = x.article "
        f"WHERE x.code = ? AND {condition} ORDER BY a.date, a.rowid",
        [code, *params],
    ).fetchall()
    return [int(r[0]) for r in rows]
