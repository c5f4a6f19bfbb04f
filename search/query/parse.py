"""The query language: query text -> a query the index evaluates (`QueryParser`).

Searches are run by `search.query.run.search` (and `search.archive.run_search`); the
query nodes come from `search.index.query_nodes` (only `search.index` imports Whoosh).

Query language (README.md, "Search"; docs/architecture.md, "Search"):

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
operator) is searched as its plain words, and a notice says so; a search never raises
on query text.  Only the ``countries``/``since``/``until`` request fields, which come
from separate inputs, raise `QueryError` when they cannot be read.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from search.dates import DateError, parse_range
from search.index import query_nodes as wq
from search.index.schema import build_schema
from search.query.snippets import stem

__all__ = [
    "DATE_FIELDS",
    "FIELD_ALIASES",
    "TEXT_FIELDS",
    "DaySpan",
    "ParsedQuery",
    "QueryParser",
    "day_number",
    "default_parser",
]

MAX_QUERY_CHARS = 1000

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
TEXT_FIELDS = ("title", "body")
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
        query: The query (`search.index.query_nodes`; never None: ``Every`` for
            "everything").
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
    """Turns query text into a query for the index; never raises on any input.

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
        self.schema = build_schema()
        self.resolve_country = resolve_country or _default_resolver
        # How dates in since:/until:/on: and the request's filters read: the user's
        # settings, as for every other date briefroom reads ("03/12/2023").
        self.languages = tuple(languages)
        self.day_order = day_order
        self._parser = wq.query_parser(self.schema, TEXT_FIELDS)
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
                    first = day_number(span.start)
                    last = day_number(span.end)
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
            if type(node) is wq.Prefix and node.fieldname in TEXT_FIELDS:
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
    if fieldname in TEXT_FIELDS:
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


def day_number(day: date) -> int:
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
