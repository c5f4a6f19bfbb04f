"""What a search returns: the request, its hits and the result set (`SearchRequest`,
`Hit`, `SearchResult`), the error of a request that cannot be run (`QueryError`), and
the ``--json`` document of a result (`hits_to_json`).  Plain frozen dataclasses: no
Whoosh object leaves the search package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from search.query.snippets import Snippet


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a story (near-duplicate copies are folded into it).

    Attributes:
        id: The article id (the best-matching copy of the story).
        title: The headline, else the start of the text.
        date: ISO publication date, or None.
        source: Publisher.
        countries: ISO alpha-3 codes of the countries the article concerns.
        score: Relevance (BM25F; higher is better).
        copies: Articles in the story (1 when it has no near-duplicates).
        url: The article's address, when known.
        snippets: The best matching sentences (empty when not asked for).
        title_matches: Offsets of matched words in ``title``.
    """

    id: str
    title: str
    date: str | None
    source: str | None
    countries: tuple[str, ...]
    score: float
    copies: int
    url: str | None
    snippets: tuple[Snippet, ...]
    title_matches: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """What to search for.

    Attributes:
        query: The query text (empty: every article).
        countries: ISO codes or names; articles must concern all of them.
        since / until: Date phrases (inclusive), read relative to ``as_of``.
        limit: Hits per page; None for all.
        page: 1-based page number.
        sort: ``relevance`` (title boosted, recent first on ties) or ``date`` (newest first).
        as_of: "Today" for relative dates (None: the real today).
        snippets: Make snippets for the hits.
        facets: Count facets over the whole result set.
    """

    query: str = ""
    countries: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    limit: int | None = 20
    page: int = 1
    sort: str = "relevance"
    as_of: date | None = None
    snippets: bool = True
    facets: bool = True


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Hits of one page plus what is known of the whole result set.

    Attributes:
        request: The request answered.
        total: Matching stories (near-duplicate copies count once).
        hits: This page's hits.
        facets: ``country``, ``source``, ``topic``, ``year`` -> ``(value, stories)``
            pairs over the whole result set.
        notices: Messages for the user (a query read as plain words, an ignored filter).
        suggestion: "Did you mean" query text, in the user's words.
        interpreted: The query as run (Whoosh syntax, index terms), for debugging.
        archive_empty: Nothing is searchable yet (a new archive, or one whose first
            ingest has not committed a batch): say "no articles yet", not "no match".
    """

    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    notices: tuple[str, ...] = ()
    suggestion: str | None = None
    interpreted: str = ""
    archive_empty: bool = False

    @property
    def pages(self) -> int:
        """Number of pages."""
        if not self.request.limit:
            return 1
        return max(1, -(-self.total // self.request.limit))


class QueryError(ValueError):
    """A request that cannot be run (bad filter value); the message is for users.

    Attributes:
        field: The request field at fault (``countries``, ``since``, ``until``).
        value: The value that could not be read.
    """

    def __init__(self, message: str, *, field: str, value: str) -> None:
        super().__init__(message)
        self.field = field
        self.value = value


def lead(body: str, width: int = 90) -> str:
    """The first line of ``body``, cut to ``width`` characters (a title for an untitled
    article)."""
    first = body.strip().split("\n", 1)[0]
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"


def article_title(article: Any) -> str:
    """The title to show: the headline, else the start of the text."""
    return article.title or lead(article.body)


def hits_to_json(
    result: SearchResult, resolve_name: Callable[[str], str] | None = None
) -> dict[str, object]:
    """The ``--json`` document of a search (docs/architecture.md, "Search": JSON documents).

    Snippet ``matches`` are ``[start, end]`` character offsets into the snippet's
    ``text`` (Python string indices: Unicode code points).
    """
    return {
        # A command-line argument may hold lone surrogates (undecodable bytes): replace
        # them, or writing the document would fail.
        "query": result.request.query.encode("utf-8", "replace").decode("utf-8"),
        "interpreted": result.interpreted,
        "total": result.total,
        "page": result.request.page,
        "pages": result.pages,
        "sort": result.request.sort,
        "notices": list(result.notices),
        "suggestion": result.suggestion,
        "hits": [
            {
                "id": h.id,
                "title": h.title,
                "date": h.date,
                "source": h.source,
                "countries": list(h.countries),
                "score": h.score,
                "copies": h.copies,
                "url": h.url,
                "title_matches": [list(m) for m in h.title_matches],
                "snippets": [
                    {"text": s.text, "matches": [list(m) for m in s.matches]} for s in h.snippets
                ],
            }
            for h in result.hits
        ],
        "facets": {
            name: [{"value": v, "count": c} for v, c in values]
            for name, values in result.facets.items()
        },
    }
