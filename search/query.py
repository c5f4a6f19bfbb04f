"""Searching the archive: query language, filters, ranking, snippets, facets.

The public entry point is `search` (and `SearchRequest`), which returns plain
dataclasses; no Whoosh object leaves this module.  Query syntax is Whoosh's (words,
"phrases", AND/OR/NOT, grouping, ``field:value``) plus friendly fields
(``country:Norway``, ``person:``, ``org:``, ``topic:``, ``source:``, ``city:``,
``lang:``) and date filters (``since:``, ``until:``, ``on:``) read with dateparser.
A query the parser cannot read falls back to its plain words, with a notice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from whoosh import query as wq
from whoosh import sorting
from whoosh.qparser import AndGroup, MultifieldParser
from whoosh.searching import Searcher

from search.dates import DateError, parse_range
from search.extract.sentences import split_sentences
from search.model import Article
from search.schema import build_schema, text_analyzer
from search.store import Store

FACETS = ("countries", "source", "topics", "year")
SNIPPETS_PER_HIT = 2
MAX_QUERY_CHARS = 1000

# Friendly field name -> index field.
_FIELD_ALIASES = {
    "country": "countries",
    "countries": "countries",
    "person": "people",
    "people": "people",
    "org": "orgs",
    "orgs": "orgs",
    "organisation": "orgs",
    "organization": "orgs",
    "topic": "topics",
    "topics": "topics",
    "source": "source",
    "city": "city",
    "lang": "lang",
    "title": "title",
    "body": "body",
    "text": "body",
}
_DATE_FIELDS = ("since", "until", "on")
# field:"quoted value" or field:value
_FIELD_TOKEN = re.compile(r'(?<![\w:])([A-Za-z]+):("([^"]*)"?|[^\s()"]+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Snippet:
    """A sentence of the article in its original words; ``matches`` are offsets in ``text``."""

    text: str
    matches: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result (a story: near-duplicate copies are folded into it)."""

    id: str
    title: str
    date: str | None
    source: str | None
    countries: tuple[str, ...]
    score: float
    copies: int
    url: str | None
    snippets: tuple[Snippet, ...]


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
        as_of: "Today" for relative dates.
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
    """Hits of one page plus what is known of the whole result set."""

    request: SearchRequest
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    notices: tuple[str, ...] = ()
    suggestion: str | None = None
    interpreted: str = ""

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


@dataclass(frozen=True, slots=True)
class _Parsed:
    query: wq.Query
    filters: tuple[wq.Query, ...]
    notices: tuple[str, ...]
    text: str


CountryResolver = Callable[[str], str | None]


def _default_resolver(name: str) -> str | None:
    from search.extract.countries import resolve_country

    return resolve_country(name)


class QueryParser:
    """Turns query text into Whoosh queries; never raises on any input."""

    def __init__(self, resolve_country: CountryResolver | None = None) -> None:
        self.schema = build_schema()
        self.resolve_country = resolve_country or _default_resolver
        self._parser = MultifieldParser(
            ["title", "body"], self.schema, group=AndGroup
        )  # words are ANDed, as in every search box

    def parse(self, text: str, *, as_of: date | None = None) -> _Parsed:
        """Parse ``text``; unreadable syntax degrades to plain words with a notice."""
        notices: list[str] = []
        text = _sanitise(text)
        if len(text) > MAX_QUERY_CHARS:
            text = text[:MAX_QUERY_CHARS]
            notices.append(f"query cut to its first {MAX_QUERY_CHARS} characters")
        filters: list[wq.Query] = []

        def replace(match: re.Match[str]) -> str:
            name = match.group(1).lower()
            value = match.group(3) if match.group(3) is not None else match.group(2)
            if name in _DATE_FIELDS:
                try:
                    filters.append(_date_filter(name, value, as_of))
                except DateError as exc:
                    notices.append(f"{name}: {exc}; filter ignored")
                return " "
            target = _FIELD_ALIASES.get(name)
            if target is None:
                return match.group(0)  # an ordinary word with a colon: leave it to the parser
            if target == "countries":
                code = self.resolve_country(value)
                if code is None:
                    notices.append(f"unknown country {value!r}; it matches nothing")
                    return " countries:__none__ "
                return f" countries:{code} "
            if target == "topics":
                return f' topics:"{value.lower()}" '
            return f' {target}:"{value}" ' if " " in value else f" {target}:{value} "

        rewritten = _FIELD_TOKEN.sub(replace, text).strip()
        if not rewritten:
            return _Parsed(wq.Every(), tuple(filters), tuple(notices), "")
        query: wq.Query | None = None
        if _balanced(rewritten):
            try:
                query = self._parser.parse(rewritten)
            except Exception:  # Whoosh's parser raises assorted errors on odd syntax
                query = None
        if query is None or (query is wq.NullQuery and _WORD.search(rewritten)):
            words = " ".join(_WORD.findall(rewritten))
            if query is None or words != rewritten:
                notices.append("could not read the query syntax; searched for its words")
            try:
                query = self._parser.parse(words) if words else wq.Every()
            except Exception:
                query = wq.Every()
        if query is wq.NullQuery:
            notices.append("the query has only very common words; showing everything")
            query = wq.Every()
        return _Parsed(query, tuple(filters), tuple(notices), rewritten)


def _sanitise(text: str) -> str:
    # Control characters and unpaired surrogates have no place in a query.
    return "".join(ch for ch in text if ch.isprintable() or ch == " ").replace("\u3000", " ")


def _balanced(text: str) -> bool:
    if text.count('"') % 2:
        return False
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            return False
    if depth:
        return False
    words = text.split()
    operators = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
    # A trailing or leading binary operator is a typo, not a query.
    return not (words and (words[-1] in operators or words[0] in operators - {"NOT"}))


def _date_filter(name: str, value: str, as_of: date | None) -> wq.Query:
    span = parse_range(value, as_of=as_of)
    start = datetime.combine(span.start, time.min)
    end = datetime.combine(span.end, time.max)
    if name == "since":
        return wq.DateRange("date", start, None)
    if name == "until":
        return wq.DateRange("date", None, end)
    return wq.DateRange("date", start, end)


@dataclass
class _Matcher:
    """Finds query words in sentences with the index's analyzer (stems match, originals show)."""

    terms: frozenset[str]

    def matches(self, text: str) -> list[tuple[int, int]]:
        if not self.terms:
            return []
        found = []
        for token in text_analyzer()(text, chars=True, removestops=False):
            if token.text in self.terms:
                found.append((token.startchar, token.endchar))
        return found


def _snippets(article: Article, matcher: _Matcher) -> tuple[Snippet, ...]:
    body = article.body
    scored: list[tuple[int, int, Snippet]] = []
    for index, (start, end) in enumerate(split_sentences(body)):
        sentence = body[start:end]
        spans = matcher.matches(sentence)
        if spans:
            distinct = len({sentence[s:e].lower() for s, e in spans})
            scored.append((-distinct, index, Snippet(sentence, tuple(spans))))
    if not scored:
        lead = split_sentences(body)[:1]
        if not lead:
            return ()
        start, end = lead[0]
        return (Snippet(body[start:end], ()),)
    best = sorted(scored)[:SNIPPETS_PER_HIT]
    return tuple(s for _, _, s in sorted(best, key=lambda item: item[1]))


def search(
    searcher: Searcher,
    store: Store,
    request: SearchRequest,
    *,
    parser: QueryParser | None = None,
) -> SearchResult:
    """Run a search.

    Args:
        searcher: An open Whoosh searcher (one per thread; see `search.api`).
        store: The store, for titles, dates and snippets.
        request: What to search for.
        parser: A reusable `QueryParser`.

    Raises:
        QueryError: a ``countries``/``since``/``until`` argument cannot be read.
    """
    parser = parser or QueryParser()
    parsed = parser.parse(request.query, as_of=request.as_of)
    filters = list(parsed.filters)
    for name in request.countries:
        code = parser.resolve_country(name)
        if code is None:
            raise QueryError(f"unknown country {name!r}", field="countries", value=name)
        filters.append(wq.Term("countries", code))
    for name, value in (("since", request.since), ("until", request.until)):
        if value:
            try:
                filters.append(_date_filter(name, value, request.as_of))
            except DateError as exc:
                raise QueryError(f"{name}: {exc}", field=name, value=value) from exc
    query = parsed.query
    if filters:
        query = wq.And([query, *filters]) if not isinstance(query, wq.Every) else wq.And(filters)
    query = query.normalize()

    if request.sort == "date":
        # "day" is YYYYMMDD with 0 when undated: undated articles come last.
        sortedby: sorting.FacetType = sorting.MultiFacet(
            [sorting.FieldFacet("day", reverse=True), sorting.ScoreFacet()]
        )
    else:
        sortedby = sorting.MultiFacet(
            [sorting.ScoreFacet(), sorting.FieldFacet("day", reverse=True)]
        )
    groupedby = None
    if request.facets:
        groupedby = {
            "countries": sorting.FieldFacet("countries", allow_overlap=True),
            "source": sorting.FieldFacet("publisher"),
            "topics": sorting.FieldFacet("topics", allow_overlap=True),
            "year": sorting.FieldFacet("year"),
        }
    page = max(1, request.page)
    limit = request.limit
    wanted = None if limit is None else page * limit
    results = searcher.search(
        query,
        limit=wanted,
        sortedby=sortedby,
        groupedby=groupedby,
        collapse=sorting.FieldFacet("cluster"),
        collapse_limit=1,
    )
    collapsed = sum(results.collapsed_counts.values()) if results.collapsed_counts else 0
    total = max(0, len(results) - collapsed)
    start = 0 if limit is None else (page - 1) * limit
    page_docs = [(hit["id"], _score(hit), hit.get("cluster")) for hit in results[start:wanted]]
    facets: dict[str, tuple[tuple[str, int], ...]] = {}
    if groupedby:
        for name in groupedby:
            counts = {
                str(k): len(v) if isinstance(v, list) else int(v)
                for k, v in results.groups(name).items()
                if k is not None
            }
            facets[name] = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    suggestion = None
    if total == 0 and parsed.text:
        suggestion = _suggest(searcher, store, parsed)
    articles = store.get_many([doc_id for doc_id, _, _ in page_docs])
    terms = frozenset(
        text for fieldname, text in _query_terms(parsed.query) if fieldname in ("title", "body")
    )
    matcher = _Matcher(terms)
    hits = []
    for doc_id, score, _cluster in page_docs:
        article = articles.get(doc_id)
        if article is None:
            continue  # indexed but gone from the store: the index check will report it
        hits.append(
            Hit(
                id=article.id,
                title=article.title or _lead(article.body),
                date=article.date,
                source=article.source,
                countries=article.countries,
                score=round(float(score), 4),
                copies=article.copies,
                url=article.url,
                snippets=_snippets(article, matcher) if request.snippets else (),
            )
        )
    return SearchResult(
        request=request,
        total=total,
        hits=tuple(hits),
        facets=facets,
        notices=parsed.notices,
        suggestion=suggestion,
        interpreted=str(query),
    )


def _score(hit: Any) -> float:
    """The relevance score of a hit (with a multi-key sort Whoosh gives the sort key)."""
    key = hit.score
    if isinstance(key, tuple):
        for value in key:
            if isinstance(value, float):
                return -value  # ScoreFacet sorts by negated score
        return 0.0
    return float(key or 0.0)


def _query_terms(query: wq.Query) -> list[tuple[str, str]]:
    try:
        return [
            (f, t.decode("utf-8") if isinstance(t, bytes) else str(t))
            for f, t in query.iter_all_terms()
        ]
    except Exception:
        return []


def _suggest(searcher: Searcher, store: Store, parsed: _Parsed) -> str | None:
    """A corrected query in the user's words (the index holds stems: "norwai").

    Whoosh corrects against indexed terms, which are stems; each corrected stem is
    mapped back to a word as written in an article that contains it.
    """
    try:
        corrected = searcher.correct_query(parsed.query, parsed.text)
    except Exception:  # correction is a courtesy: never fail a search over it
        return None
    if not corrected.string or corrected.string == parsed.text:
        return None
    original = {w.lower() for w in _WORD.findall(parsed.text)}
    pieces, last = [], 0
    for token in _WORD.finditer(corrected.string):
        word = token.group(0)
        pieces.append(corrected.string[last : token.start()])
        pieces.append(word if word.lower() in original else _surface_form(searcher, store, word))
        last = token.end()
    pieces.append(corrected.string[last:])
    text = "".join(pieces)
    return text if text.lower() != parsed.text.lower() else None


def _surface_form(searcher: Searcher, store: Store, stem: str) -> str:
    """A word as written whose stem is ``stem`` (the stem itself if none is found)."""
    analyzer = text_analyzer()
    for fieldname in ("title", "body"):
        try:
            matcher = searcher.postings(fieldname, stem)
        except Exception:  # the stem is not in this field
            continue
        article = store.get(str(searcher.stored_fields(matcher.id()).get("id", "")))
        if article is None:
            continue
        text = article.title if fieldname == "title" else article.body
        for token in analyzer(text, chars=True, removestops=False):
            if token.text == stem:
                return text[token.startchar : token.endchar].lower()
    return stem


def _lead(body: str, width: int = 90) -> str:
    first = body.strip().split("\n", 1)[0]
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"


def article_title(article: Article) -> str:
    """The title to show: the headline, else the start of the text."""
    return article.title or _lead(article.body)


def hits_to_json(
    result: SearchResult, resolve_name: Callable[[str], str] | None = None
) -> dict[str, object]:
    """The ``--json`` document of a search (DESIGN.md: id, title, date, source, countries)."""
    return {
        "query": result.request.query,
        "interpreted": result.interpreted,
        "total": result.total,
        "page": result.request.page,
        "pages": result.pages,
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
