"""Which countries the archive writes about: recently (the dashboard) and overall.

Counts come straight from the store's ``article_countries`` table (no index needed),
so they are cheap enough to run every time the dashboard or the country list loads.
The gazetteer (for country names) loads on the first count: importing this module for
`RECENT_DAYS` costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from search.store import Store

RECENT_DAYS = 90
"""Recent activity covers this many days up to the newest article in the archive."""


@dataclass(frozen=True, slots=True)
class CountryActivity:
    """How often a country appeared in the recent window."""

    code: str
    name: str
    stories: int
    last_date: str | None


@dataclass(frozen=True, slots=True)
class RecentActivity:
    """The recent window (None when the archive has no dated article) and its countries."""

    start: str | None
    end: str | None
    countries: tuple[CountryActivity, ...]


@dataclass(frozen=True, slots=True)
class CountryCount:
    """A country and the number of stored articles concerning it."""

    code: str
    name: str
    articles: int


def recent_activity(
    store: Store, *, days: int = RECENT_DAYS, limit: int = 12, exclude: str | None = None
) -> RecentActivity:
    """Countries most written about in the last ``days`` days of the archive.

    Counts stories (near-duplicate copies count once).  ``exclude`` (our own country's
    ISO code) is left out: it is in almost every story.  Countries come busiest first.
    """
    from search.extract.countries import country_name

    conn = store.conn
    last = conn.execute("SELECT max(date) FROM articles WHERE date IS NOT NULL").fetchone()[0]
    if not last:
        return RecentActivity(None, None, ())
    try:
        end = date.fromisoformat(last[:10])
    except ValueError:
        return RecentActivity(None, None, ())
    start = (end - timedelta(days=days - 1)).isoformat()
    rows = conn.execute(
        "SELECT ac.code, count(DISTINCT coalesce(a.cluster, -a.rowid)) AS n, max(a.date) "
        "FROM article_countries ac JOIN articles a ON a.rowid = ac.article "
        "WHERE a.date >= ? AND a.date <= ? AND ac.code != ? "
        "GROUP BY ac.code ORDER BY n DESC, max(a.date) DESC, ac.code LIMIT ?",
        (start, end.isoformat() + "\uffff", exclude or "", limit),
    ).fetchall()
    activity = tuple(CountryActivity(code, country_name(code), n, d) for code, n, d in rows)
    return RecentActivity(start, end.isoformat(), activity)


def country_counts(store: Store) -> list[CountryCount]:
    """Every country in the archive with its article count, busiest first."""
    from search.extract.countries import country_name

    rows = store.conn.execute(
        "SELECT code, count(*) FROM article_countries GROUP BY code ORDER BY count(*) DESC, code"
    ).fetchall()
    return [CountryCount(code, country_name(code), n) for code, n in rows]
