"""Running a search: the parsed query evaluated over the index, filtered by date,
ranked by story, counted into facets, and turned into hits with snippets.

`search` is the entry point (`search.archive.run_search` opens the searcher for it); the
query language is in `search.query.parse`, the result types in `search.query.results`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from search.dates import DateError
from search.index import query_nodes as wq
from search.index.engine import MAX_EXPANSION, Evaluator, Scores
from search.index.facets import facet_counts
from search.index.stories import filter_days, story_count
from search.query.parse import (
    TEXT_FIELDS,
    DaySpan,
    ParsedQuery,
    QueryParser,
    day_number,
    default_parser,
)
from search.query.ranking import by_ingest_order, one_copy_per_story, top_stories
from search.query.results import Hit, QueryError, SearchRequest, SearchResult, lead
from search.query.snippets import Highlighter, Snippet
from search.query.spelling import suggest
from search.store import Store

__all__ = ["FACETS", "empty_result", "search"]

FACETS = ("country", "source", "topic", "year")
SNIPPETS_PER_HIT = 2
# Hits of one page that get snippets (so --all over thousands of hits stays fast).
SNIPPET_HITS = 100
# Values kept per facet (most frequent first; years newest first).
FACET_VALUES = 50
# "Did you mean" looks at words of at most this many letters, and at the first
# SUGGEST_MAX_WORDS of them: the edit-distance search costs grow with the word
# (a 1,000-letter word took 4 s), and no real word is longer.
SUGGEST_MAX_WORD_CHARS = 40
SUGGEST_MAX_WORDS = 8
_NAME_FIELDS = ("people", "orgs", "city", "source")


def search(
    searcher: Any,
    store: Store,
    request: SearchRequest,
    *,
    parser: QueryParser | None = None,
) -> SearchResult:
    """Run a search.

    Args:
        searcher: An open Whoosh searcher (one per thread; see `search.archive.run_search`).
        store: The store, for titles, dates and snippets.
        request: What to search for.
        parser: A reusable `QueryParser` (default: one per thread).

    Raises:
        QueryError: a ``countries``/``since``/``until`` request field cannot be read.
            Query text never raises: what cannot be read is reported in ``notices``.
    """
    parser = parser or default_parser()
    if searcher.doc_count() == 0:  # Whoosh's reader of no segment has no segment to read
        return empty_result(request, parser)
    extra, days = _request_filters(parser, request)
    parsed = parser.parse(request.query, as_of=request.as_of)
    notices = list(parsed.notices)
    days += list(parsed.days)
    query, evaluator, scores = _evaluate(searcher, parser, request, parsed, extra, notices)
    data = evaluator.data
    if days:
        unfiltered = scores
        scores = filter_days(scores, data.day, [(d.first, d.last) for d in days])
        if unfiltered and not scores:
            notices.append(_outside_dates_notice(days, data.day, data.live))
    total = story_count(scores, data)
    by_date = request.sort == "date"
    choose = by_ingest_order(searcher, store)
    if request.facets:
        counted = one_copy_per_story(scores, data, by_date=by_date, choose=choose)
        facets = _facets(counted, evaluator)
    else:
        facets = {}
    page = max(1, request.page)
    limit = request.limit
    wanted = None if limit is None else page * limit
    order = top_stories(scores, data, by_date=by_date, count=wanted, choose=choose)
    start = 0 if limit is None else (page - 1) * limit
    page_docs = order[start:]
    hits = _hits(searcher, store, evaluator, scores, page_docs, request)
    return SearchResult(
        request=request,
        total=total,
        hits=tuple(hits),
        facets=facets,
        notices=tuple(notices),
        suggestion=_suggestion(searcher, store, evaluator, parsed) if total == 0 else None,
        interpreted=_describe(query, days),
    )


def _evaluate(
    searcher: Any,
    parser: QueryParser,
    request: SearchRequest,
    parsed: ParsedQuery,
    extra: list[Any],
    notices: list[str],
) -> tuple[Any, Evaluator, Scores]:
    """The query as run (with the request's filters), its evaluator and its scores.

    A query that fails to run is searched as its plain words, with a notice.
    """
    query = _with_filters(parsed.query, extra)
    evaluator = Evaluator(searcher)
    try:
        scores = evaluator.run(query)
    except Exception as exc:  # a bug or a damaged index must not lose the search box
        notices.append(f"the query could not be run as written ({type(exc).__name__}); "
                       "searched for its words")  # fmt: skip
        query = _with_filters(parser.words_query(request.query), extra)
        evaluator = Evaluator(searcher)
        try:
            scores = evaluator.run(query)
        except Exception:
            scores = {}
    for expansion in evaluator.expansions:
        notices.append(
            f"{expansion.pattern} matches {expansion.matched}+ words; "
            f"searched for the {MAX_EXPANSION} most common"
        )
    return query, evaluator, scores


def _suggestion(
    searcher: Any, store: Store, evaluator: Evaluator, parsed: ParsedQuery
) -> str | None:
    """ "Did you mean" for a query that found nothing (None: no suggestion)."""
    checked = _suggestable(parsed)
    if not checked.words:
        return None
    try:
        return suggest(searcher, store, evaluator, checked)
    except Exception:  # a suggestion is a courtesy: never fail a search over it
        return None


def empty_result(request: SearchRequest, parser: QueryParser | None = None) -> SearchResult:
    """The answer of an archive with nothing indexed yet (``archive_empty``).

    The request is still checked: a filter value that cannot be read raises
    `QueryError` as it would on a full archive.
    """
    parser = parser or default_parser()
    _extra, days = _request_filters(parser, request)
    parsed = parser.parse(request.query, as_of=request.as_of)
    return SearchResult(
        request=request,
        total=0,
        hits=(),
        facets={name: () for name in FACETS} if request.facets else {},
        notices=parsed.notices,
        interpreted=_describe(parsed.query, days + list(parsed.days)),
        archive_empty=True,
    )


def _suggestable(parsed: ParsedQuery) -> ParsedQuery:
    """``parsed`` with only the words "did you mean" looks at (see `SUGGEST_MAX_WORDS`)."""
    words = [(a, b) for a, b in parsed.words if b - a <= SUGGEST_MAX_WORD_CHARS]
    return replace(parsed, words=tuple(words[:SUGGEST_MAX_WORDS]))


def _request_filters(
    parser: QueryParser, request: SearchRequest
) -> tuple[list[Any], list[DaySpan]]:
    extra: list[Any] = []
    for name in request.countries:
        code = parser.resolve_country(name) if name and name.strip() else None
        if code is None:
            raise QueryError(f"unknown country {name!r}", field="countries", value=name)
        extra.append(wq.Term("countries", code))
    days: list[DaySpan] = []
    for name, value in (("since", request.since), ("until", request.until)):
        if not value:
            continue
        try:
            span = parser.read_dates(value, request.as_of)
        except DateError as exc:
            raise QueryError(f"{name}: {exc}", field=name, value=value) from exc
        if name == "since":
            days.append(DaySpan(day_number(span.start), 99_999_999))
        else:
            days.append(DaySpan(0, day_number(span.end)))
    return extra, days


def _with_filters(query: Any, extra: list[Any]) -> Any:
    if not extra:
        return query
    if isinstance(query, wq.Every):
        return wq.And(extra) if len(extra) > 1 else extra[0]
    return wq.And([query, *extra])


def _describe(query: Any, days: list[DaySpan]) -> str:
    text = str(query)
    for span in days:
        first = "" if span.first <= 0 else _iso(span.first)
        last = "" if span.last >= 99_999_999 else _iso(span.last)
        text += f" date:[{first} TO {last}]"
    return text


def _outside_dates_notice(days: list[DaySpan], day: Sequence[int], live: Sequence[int]) -> str:
    """Why a date filter left nothing: the dates asked for and the archive's own range."""
    first = max((span.first for span in days), default=0)
    last = min((span.last for span in days), default=99_999_999)
    if last >= 99_999_999:
        asked = f"from {_iso(first)} on"
    elif first <= 0:
        asked = f"up to {_iso(last)}"
    else:
        asked = f"from {_iso(first)} to {_iso(last)}"
    dated = [day[d] for d in live if day[d] > 0]
    if not dated:
        return f"nothing dated {asked}: the archive has no dated articles"
    return f"nothing dated {asked}: the archive runs {_iso(min(dated))} to {_iso(max(dated))}"


def _iso(number: int) -> str:
    return f"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"


def _facets(
    scores: dict[int, float], evaluator: Evaluator
) -> dict[str, tuple[tuple[str, int], ...]]:
    counts = facet_counts(scores, evaluator)
    out: dict[str, tuple[tuple[str, int], ...]] = {}
    for name in FACETS:
        values = counts.get(name)
        if not values:
            out[name] = ()
            continue
        if name == "year":
            ordered = sorted(values.items(), key=lambda kv: kv[0], reverse=True)
        else:
            ordered = sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))
        out[name] = tuple(ordered[:FACET_VALUES])
    return out


def _hits(searcher: Any, store: Store, evaluator: Evaluator, scores: dict[int, float],
          docs: Sequence[int], request: SearchRequest) -> list[Hit]:  # fmt: skip
    if not docs:
        return []
    ids = [str(searcher.stored_fields(d).get("id", "")) for d in docs]
    with_snippets = set(ids[:SNIPPET_HITS]) if request.snippets else set()
    rows = _fetch(store, ids, with_snippets)
    highlighter = _highlighter(evaluator) if request.snippets else None
    hits = []
    for doc, article_id in zip(docs, ids, strict=True):
        row = rows.get(article_id)
        if row is None:
            continue  # indexed but gone from the store: the index check reports it
        title = row["title"] or lead(row["body"] or "")
        snippets: tuple[Snippet, ...] = ()
        title_matches: tuple[tuple[int, int], ...] = ()
        if highlighter is not None and article_id in with_snippets:
            if highlighter:
                title_matches = highlighter.matches(title) if row["title"] else ()
            snippets = highlighter.snippets(row["body"] or "", SNIPPETS_PER_HIT)
        hits.append(
            Hit(
                id=article_id,
                title=title,
                date=row["date"],
                source=row["source"],
                countries=tuple(c for c in (row["countries"] or "").split(",") if c),
                score=round(float(scores.get(doc, 0.0)), 4),
                copies=row["copies"],
                url=row["url"],
                snippets=snippets,
                title_matches=title_matches,
            )
        )
    return hits


def _fetch(store: Store, ids: list[str], with_body: set[str]) -> dict[str, dict[str, Any]]:
    """Hit fields from the store in a few queries (bodies only where snippets are made)."""
    rows: dict[str, dict[str, Any]] = {}
    conn = store.conn
    for begin in range(0, len(ids), 500):
        chunk = ids[begin : begin + 500]
        marks = ",".join("?" * len(chunk))
        for aid, title, date_, source, url, countries, cluster in conn.execute(
            "SELECT id, title, date, source, url, countries, cluster FROM articles "
            f"WHERE id IN ({marks})",
            chunk,
        ):
            rows[aid] = {"title": title, "date": date_, "source": source, "url": url,
                         "countries": countries, "cluster": cluster, "body": None,
                         "copies": 1}  # fmt: skip
    bodies = [i for i in ids if i in with_body and i in rows]
    for begin in range(0, len(bodies), 500):
        chunk = bodies[begin : begin + 500]
        marks = ",".join("?" * len(chunk))
        for aid, body in conn.execute(
            f"SELECT id, body FROM articles WHERE id IN ({marks})", chunk
        ):
            rows[aid]["body"] = body
    clusters = sorted({r["cluster"] for r in rows.values() if r["cluster"] is not None})
    sizes: dict[int, int] = {}
    for begin in range(0, len(clusters), 500):
        chunk = clusters[begin : begin + 500]
        marks = ",".join("?" * len(chunk))
        for cluster, n in conn.execute(
            f"SELECT cluster, count(*) FROM articles WHERE cluster IN ({marks}) GROUP BY cluster",
            chunk,
        ):
            sizes[cluster] = n
    for row in rows.values():
        row["copies"] = sizes.get(row["cluster"], 1) if row["cluster"] is not None else 1
    return rows


def _highlighter(evaluator: Evaluator) -> Highlighter:
    stems: dict[str, float] = {}
    words: set[str] = set()
    for fieldname, btext in evaluator.terms:
        text = btext.decode("utf-8", "replace")
        if fieldname in TEXT_FIELDS:
            stems[text] = max(stems.get(text, 0.0), evaluator.idf(fieldname, btext))
        elif fieldname in _NAME_FIELDS:
            words.add(text)
    return Highlighter(stems, words)
