"""Searching the archive: query language, filters, ranking, snippets, facets.

The public entry points are `search` (with a `SearchRequest`) and `run_search` in
`search.archive`; they return plain dataclasses (`SearchResult`, `Hit`, `Snippet`) and
no Whoosh object leaves this package.

Query language (DESIGN.md, "Search"):

- words (all must match, stems match: "ministers" finds "minister"), ``"phrases"``,
  ``AND``/``OR``/``NOT`` (upper case), ``(grouping)``, ``word*`` prefixes;
- ``field:value`` and ``field:"two words"`` for ``title``, ``body``, ``source``,
  ``city``, ``country``, ``person``, ``org``, ``topic`` and ``lang``;
  ``country:`` takes names, demonyms or codes (``country:Norway``,
  ``country:Norwegian``, ``country:NOR``); ``field:(a OR b)`` applies the field to
  each word;
- date filters ``since:``, ``until:`` and ``on:`` with ISO dates (``2019``,
  ``2019-05``, ``2019-05-03``) or phrases read with dateparser relative to the
  request's ``as_of`` (``since:"last month"``; unquoted phrases work too:
  ``since:last month``).  Date filters apply to the whole query.

A query the parser cannot read (an unclosed quote or parenthesis, a dangling
operator) is searched as its plain words, and a notice says so; `search` never raises
on query text.  Only the ``countries``/``since``/``until`` request fields, which come
from separate inputs, raise `QueryError` when they cannot be read.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from whoosh import query as wq

from search.dates import DateError, parse_range
from search.engine import (
    MAX_EXPANSION,
    Evaluator,
    facet_counts,
    filter_days,
    story_count,
)
from search.query_ranking import by_ingest_order, one_copy_per_story, top_stories
from search.snippets import Highlighter, Snippet, stem
from search.store import Store

__all__ = [
    "FACETS",
    "Hit",
    "QueryError",
    "QueryParser",
    "SearchRequest",
    "SearchResult",
    "Snippet",
    "article_title",
    "empty_result",
    "hits_to_json",
    "search",
]

FACETS = ("country", "source", "topic", "year")
SNIPPETS_PER_HIT = 2
# Hits of one page that get snippets (so --all over thousands of hits stays fast).
SNIPPET_HITS = 100
# Values kept per facet (most frequent first; years newest first).
FACET_VALUES = 50
MAX_QUERY_CHARS = 1000
# "Did you mean" looks at words of at most this many letters, and at the first
# SUGGEST_MAX_WORDS of them: the edit-distance search costs grow with the word
# (a 1,000-letter word took 4 s), and no real word is longer.
SUGGEST_MAX_WORD_CHARS = 40
SUGGEST_MAX_WORDS = 8

# Friendly field name -> index field.
FIELD_ALIASES = {
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
    "language": "lang",
    "title": "title",
    "body": "body",
    "text": "body",
}
DATE_FIELDS = ("since", "until", "on")
_TEXT_FIELDS = ("title", "body")
_NAME_FIELDS = ("people", "orgs", "city", "source")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_BINARY = _OPERATORS - {"NOT"}

# field:"quoted value", field:(group), or field:value
_FIELD_TOKEN = re.compile(r'(?<![\w:])([A-Za-z]+):(?:"([^"]*)("?)|(\()|([^\s()"]+))')
_WORD = re.compile(r"\w+(?:[.'’]\w+)*")
_ISO_LIKE = re.compile(r"^\d{4}(?:-\d{1,2}){0,2}$")
_SMART_QUOTES = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "＂": '"',
        "?": " ", "\u055e": " ", "\u061f": " ", "\u1367": " ",
    }
)  # fmt: skip


# --------------------------------------------------------------------------- results


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


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True, slots=True)
class DaySpan:
    """An inclusive range of days as ``YYYYMMDD`` numbers (0 / 99999999 when open)."""

    first: int
    last: int


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query read from text.

    Attributes:
        query: The Whoosh query (never None; `wq.Every` for "everything").
        days: Date filters (``since:``/``until:``/``on:``), all of which must hold.
        notices: Messages for the user.
        text: The query text after field rewriting (what ``did you mean`` edits).
        words: ``(start, end)`` spans of plain words in ``source``, which a spelling
            suggestion may replace.
        source: The query text as read (sanitised).
    """

    query: Any
    days: tuple[DaySpan, ...]
    notices: tuple[str, ...]
    text: str
    words: tuple[tuple[int, int], ...] = ()
    source: str = ""


CountryResolver = Callable[[str], str | None]


def _default_resolver(name: str) -> str | None:
    from search.extract.countries import resolve_country

    return resolve_country(name)


class QueryParser:
    """Turns query text into a Whoosh query; never raises on any input.

    One parser may be reused for many searches (it is cheap to keep and costly to
    build); `default_parser` keeps one per thread.
    """

    def __init__(
        self,
        resolve_country: CountryResolver | None = None,
        *,
        languages: tuple[str, ...] = ("en",),
        day_order: str = "DMY",
    ) -> None:
        from whoosh.qparser import (
            AndGroup,
            BoostPlugin,
            EveryPlugin,
            FieldsPlugin,
            GroupPlugin,
            MultifieldPlugin,
            OperatorsPlugin,
            PhrasePlugin,
            WildcardPlugin,
        )
        from whoosh.qparser import QueryParser as WhooshParser

        from search.schema import build_schema

        self.schema = build_schema()
        self.resolve_country = resolve_country or _default_resolver
        # How dates in since:/until:/on: and the request's filters read: the user's
        # settings, as for every other date briefroom reads ("03/12/2023").
        self.languages = tuple(languages)
        self.day_order = day_order
        # Words are ANDed, as in every search box.  No single-quote terms (apostrophes
        # are everywhere in names) and no ranges (dates have friendlier filters).
        plugins = [
            FieldsPlugin(),
            WildcardPlugin(),
            PhrasePlugin(),
            GroupPlugin(),
            OperatorsPlugin(),
            BoostPlugin(),
            EveryPlugin(),
            MultifieldPlugin(list(_TEXT_FIELDS)),
        ]
        self._parser = WhooshParser(None, self.schema, plugins=plugins, group=AndGroup)
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ public

    def read_dates(self, text: str, as_of: date | None) -> Any:
        """The `search.dates.DateRange` of a date filter's text, read with this parser's
        date settings.

        Raises:
            search.dates.DateError: the text is not a date briefroom can read.
        """
        return parse_range(text, as_of=as_of, languages=self.languages, day_order=self.day_order)

    def parse(self, text: str, *, as_of: date | None = None) -> ParsedQuery:
        """Parse ``text``; unreadable syntax degrades to plain words with a notice."""
        notices: list[str] = []
        source = _sanitise(text)
        if len(source) > MAX_QUERY_CHARS:
            source = source[:MAX_QUERY_CHARS]
            notices.append(f"query cut to its first {MAX_QUERY_CHARS} characters")
        days: list[DaySpan] = []
        pieces, words = self._rewrite(source, as_of, days, notices)
        rewritten = " ".join(p for _, p in pieces).strip()
        if not rewritten:
            return ParsedQuery(wq.Every(), tuple(days), tuple(notices), "", words, source)
        problem = _syntax_problem(pieces)
        query = None
        if problem is None:
            query = self._whoosh_parse(rewritten)
            if query is None:
                problem = "a syntax error"
        if query is None:
            plain = " ".join(
                text if kind == "field" else " ".join(w.lower() for w in _WORD.findall(text))
                for kind, text in pieces
            ).strip()
            shown = " ".join(
                w for k, t in pieces if k == "user" for w in _WORD.findall(t) if w not in _OPERATORS
            )
            notices.append(
                f"could not read the query ({problem}); searched for its words"
                + (f": {shown}" if shown else "")
            )
            rewritten = plain
            query = self._whoosh_parse(plain) if plain else wq.Every()
            if query is None:
                query = wq.Every() if not plain else wq.NullQuery
        query, more = _guard_wildcards(query, self.schema)
        notices.extend(more)
        if query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
            if _WORD.search(rewritten):
                notices.append("the query has only very common words; showing everything")
            query = wq.Every()
        return ParsedQuery(query, tuple(days), tuple(notices), rewritten, words, source)

    def words_query(self, text: str) -> Any:
        """The query of ``text``'s plain words alone (the last resort of a search)."""
        words = " ".join(w.lower() for w in _WORD.findall(_sanitise(text)))
        query = self._whoosh_parse(words) if words else None
        return query if query is not None and query is not wq.NullQuery else wq.Every()

    # ------------------------------------------------------------------ steps

    def _whoosh_parse(self, text: str) -> Any:
        try:
            with self._lock:
                query = self._parser.parse(text)
        except Exception:  # Whoosh's parser raises assorted errors on odd syntax
            return None
        if _has_errors(query):
            return None
        return query

    def _rewrite(self, text: str, as_of: date | None, days: list[DaySpan],
                 notices: list[str]) -> tuple[list[tuple[str, str]], tuple[tuple[int, int], ...]]:  # fmt: skip
        """Split the text into user text and rewritten ``field:value`` pieces.

        Returns the pieces (``("user", text)`` or ``("field", text)``) and the spans of
        plain words in ``text`` (for spelling suggestions).
        """
        pieces: list[tuple[str, str]] = []
        words: list[tuple[int, int]] = []
        pos = 0
        while pos < len(text):
            match = _FIELD_TOKEN.search(text, pos)
            if match is None:
                self._user(text, pos, len(text), pieces, words)
                break
            self._user(text, pos, match.start(), pieces, words)
            name = match.group(1).lower()
            end = match.end()
            if match.group(4):  # field:( ... )
                close = _matching_paren(text, match.end() - 1)
                inner = text[match.end() : close if close is not None else len(text)]
                end = close + 1 if close is not None else len(text)
                if name in FIELD_ALIASES or name in DATE_FIELDS:
                    distributed = _distribute(name, inner)
                    sub_pieces, _ = self._rewrite(distributed, as_of, days, notices)
                    pieces.append(("user", "("))
                    pieces.extend(sub_pieces)
                    pieces.append(("user", ")" if close is not None else ""))
                else:
                    self._user(text, match.start(), end, pieces, words)
                pos = end
                continue
            quoted = match.group(2) is not None
            value = match.group(2) if quoted else match.group(5)
            if name in DATE_FIELDS:
                if not quoted and not _ISO_LIKE.match(value):
                    value, end = _longest_date(text, value, end, as_of, self.read_dates)
                try:
                    span = self.read_dates(value, as_of)
                except DateError as exc:
                    notices.append(f"{name}: {exc}; filter ignored")
                else:
                    first = _day_number(span.start)
                    last = _day_number(span.end)
                    if name == "since":
                        days.append(DaySpan(first, 99_999_999))
                    elif name == "until":
                        days.append(DaySpan(0, last))
                    else:
                        days.append(DaySpan(first, last))
                pos = end
                continue
            target = FIELD_ALIASES.get(name)
            if target is None:
                # Not a field: an ordinary word with a colon ("re:", "10:30").
                self._user(text, match.start(), end, pieces, words)
                pos = end
                continue
            pieces.append(("field", self._field_piece(target, value or "", notices)))
            pos = end
        return pieces, tuple(words)

    def _user(self, text: str, start: int, end: int, pieces: list[tuple[str, str]],
              words: list[tuple[int, int]]) -> None:  # fmt: skip
        chunk = text[start:end]
        if not chunk:
            return
        # A colon the rewriting did not claim must not reach Whoosh as a field name.
        pieces.append(("user", chunk.replace(":", " ")))
        for match in _WORD.finditer(chunk):
            if match.group(0) not in _OPERATORS:
                words.append((start + match.start(), start + match.end()))

    def _field_piece(self, target: str, value: str, notices: list[str]) -> str:
        value = value.strip()
        if not value:
            return ""
        if target == "countries":
            code = self.resolve_country(value)
            if code is None:
                notices.append(f"unknown country {value!r}; it matches nothing")
                return "countries:__none__"
            return f"countries:{code}"
        if target == "topics":
            return f'topics:"{_topic_id(value)}"'
        if target == "lang":
            return f'lang:"{value.lower()}"'
        value = value.replace('"', " ").strip()
        if not value:
            return ""
        if " " in value or not _WORD.fullmatch(value) and "*" not in value:
            return f'{target}:"{value}"'
        return f"{target}:{value}"


_LOCAL = threading.local()


def default_parser(languages: tuple[str, ...] = ("en",), day_order: str = "DMY") -> QueryParser:
    """A parser for this thread and these date settings (building one costs a schema and
    a Whoosh parser)."""
    parsers = getattr(_LOCAL, "parsers", None)
    if parsers is None:
        parsers = _LOCAL.parsers = {}
    key = (tuple(languages), day_order)
    parser = parsers.get(key)
    if parser is None:
        parser = parsers[key] = QueryParser(languages=key[0], day_order=day_order)
    return parser


def _sanitise(text: str) -> str:
    """Compatibility forms folded (NFKC), curly quotes straightened, no control chars.

    Question marks are dropped: people end questions with them, and Whoosh would read
    ``Norway?`` as a one-letter wildcard.
    """
    text = unicodedata.normalize("NFKC", text or "").translate(_SMART_QUOTES)
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(cleaned.split())


def _syntax_problem(pieces: list[tuple[str, str]]) -> str | None:
    """Why the query is not well-formed, or None (user text pieces only are checked)."""
    joined = " ".join(text if kind == "user" else "x" for kind, text in pieces)
    if joined.count('"') % 2:
        return "an unclosed quote"
    depth = 0
    for ch in re.sub(r'"[^"]*"', " ", joined):
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            return "a ')' without its '('"
    if depth:
        return "a '(' without its ')'"
    tokens = re.findall(r'"[^"]*"|[()]|[^\s()"]+', joined)
    previous = "("
    for token in tokens:
        if token in _BINARY and (previous in _OPERATORS or previous == "("):
            return f"{token} with nothing before it"
        if token == ")" and previous in _OPERATORS:
            return f"{previous} with nothing after it"
        previous = token
    if previous in _OPERATORS:
        return f"{previous} with nothing after it"
    return None


def _has_errors(query: Any) -> bool:
    try:
        for node in query.leaves() if query.is_leaf() is False else [query]:
            if isinstance(node, wq.Term) and node.text is None:
                return True
        return "<_ Error" in repr(query)
    except Exception:  # an odd tree is an unreadable one
        return True


def _guard_wildcards(query: Any, schema: Any) -> tuple[Any, list[str]]:
    """Prefixes and wildcards that would scan the whole vocabulary become plain words.

    A wildcard needs two letters before its first ``*``; a prefix in a stemmed field
    also matches the word's own stem (``minister*`` finds "ministers", indexed as
    "minist").
    """
    notices: list[str] = []

    def fix(node: Any) -> Any:
        if type(node) in (wq.Prefix, wq.Wildcard):
            text = node.text
            literal = text.split("*", 1)[0] if type(node) is wq.Wildcard else text
            if len(literal) < 2:
                word = text.replace("*", "")
                notices.append(
                    f"'{text}*' is too short a prefix; searched for '{word}'"
                    if type(node) is wq.Prefix
                    else f"'{text}': wildcards need two letters before '*'; searched for '{word}'"
                )
                if not word:
                    return wq.Every()
                return wq.Term(node.fieldname, _index_word(node.fieldname, word, schema))
            if type(node) is wq.Prefix and node.fieldname in _TEXT_FIELDS:
                stemmed = stem(text.lower())
                if stemmed != text:
                    return wq.Or([node, wq.Term(node.fieldname, stemmed, boost=node.boost)])
        return node

    try:
        fixed = query.accept(fix) if not query.is_leaf() else fix(query)
    except Exception:  # leave the query as Whoosh made it
        return query, notices
    return fixed, sorted(set(notices), key=notices.index)


def _index_word(fieldname: str, word: str, schema: Any) -> str:
    if fieldname in _TEXT_FIELDS:
        return stem(word.lower())
    return word.lower()


def _matching_paren(text: str, open_at: int) -> int | None:
    depth = 0
    in_quote = False
    for i in range(open_at, len(text)):
        ch = text[i]
        if ch == '"':
            in_quote = not in_quote
        elif not in_quote and ch == "(":
            depth += 1
        elif not in_quote and ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _distribute(name: str, inner: str) -> str:
    """``country:(Norway OR "South Africa")`` -> ``country:Norway OR country:"South Africa"``."""
    out = []
    for token in re.findall(r'"[^"]*"?|[()]|[^\s()"]+', inner):
        if token in _OPERATORS or token in "()":
            out.append(token)
        else:
            out.append(f"{name}:{token}")
    return " ".join(out)


def _longest_date(
    text: str, value: str, end: int, as_of: date | None, read: Callable[[str, date | None], Any]
) -> tuple[str, int]:
    """An unquoted date phrase may go on over the next words: ``since:last month``."""
    following = list(re.finditer(r"[^\s()\"]+", text[end:]))[:3]
    ends = []
    for match in following:
        token = match.group(0)
        if token in _OPERATORS or ":" in token:
            break
        ends.append(end + match.end())
    for cut in reversed(ends):
        phrase = text[end - len(value) : cut]
        try:
            read(phrase, as_of)
        except DateError:
            continue
        return phrase, cut
    return value, end


def _day_number(day: date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


def _topic_id(value: str) -> str:
    """A topic as typed ("human rights", "Human-Rights") -> its id ("human_rights")."""
    folded = re.sub(r"[\s\-]+", "_", value.strip().lower())
    try:
        from search.extract.topics import load_taxonomy

        taxonomy = load_taxonomy()
    except Exception:  # no taxonomy to consult: the folded form is the best guess
        return folded
    for topic in taxonomy.topics:
        if folded in (topic.id.lower(), re.sub(r"[\s\-]+", "_", topic.label.lower())):
            return topic.id.lower()
    return folded


# --------------------------------------------------------------------------- search


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
    suggestion = None
    checked = _suggestable(parsed)
    if total == 0 and checked.words:
        from search.spelling import suggest

        try:
            suggestion = suggest(searcher, store, evaluator, checked)
        except Exception:  # a suggestion is a courtesy: never fail a search over it
            suggestion = None
    return SearchResult(
        request=request,
        total=total,
        hits=tuple(hits),
        facets=facets,
        notices=tuple(notices),
        suggestion=suggestion,
        interpreted=_describe(query, days),
    )


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
            days.append(DaySpan(_day_number(span.start), 99_999_999))
        else:
            days.append(DaySpan(0, _day_number(span.end)))
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
        title = row["title"] or _lead(row["body"] or "")
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
        if fieldname in _TEXT_FIELDS:
            stems[text] = max(stems.get(text, 0.0), evaluator.idf(fieldname, btext))
        elif fieldname in _NAME_FIELDS:
            words.add(text)
    return Highlighter(stems, words)


def _lead(body: str, width: int = 90) -> str:
    first = body.strip().split("\n", 1)[0]
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"


def article_title(article: Any) -> str:
    """The title to show: the headline, else the start of the text."""
    return article.title or _lead(article.body)


def hits_to_json(
    result: SearchResult, resolve_name: Callable[[str], str] | None = None
) -> dict[str, object]:
    """The ``--json`` document of a search (DESIGN.md: id, title, date, source, countries).

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
