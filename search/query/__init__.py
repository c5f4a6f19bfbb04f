"""The query language and searching: parsing query text (`parse`), running it over the
index (`run`), ranking stories (`ranking`), snippets (`snippets`), "did you mean"
(`spelling`), and the result types and their JSON (`results`)."""

from search.query.parse import (
    DATE_FIELDS,
    FIELD_ALIASES,
    DaySpan,
    ParsedQuery,
    QueryParser,
    default_parser,
)
from search.query.results import (
    Hit,
    QueryError,
    SearchRequest,
    SearchResult,
    article_title,
    hits_to_json,
)
from search.query.run import FACETS, empty_result, search
from search.query.snippets import Snippet

__all__ = [
    "DATE_FIELDS",
    "FACETS",
    "FIELD_ALIASES",
    "DaySpan",
    "Hit",
    "ParsedQuery",
    "QueryError",
    "QueryParser",
    "SearchRequest",
    "SearchResult",
    "Snippet",
    "article_title",
    "default_parser",
    "empty_result",
    "hits_to_json",
    "search",
]
