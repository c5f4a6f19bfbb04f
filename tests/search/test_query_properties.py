"""Property: any query text gives a result or a clear message, never an exception.

Runs against a small real archive (the demo articles, ingested with the product's
pipeline), so the whole path is exercised: parsing, the fallback to plain words,
evaluation over the index, date filters, snippets, facets and "did you mean".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.archive import Archive, run_search
from search.ingest import ingest
from search.query import QueryParser, SearchRequest, SearchResult, hits_to_json

DATA = Path(__file__).resolve().parents[1] / "data"
AS_OF = date(2022, 7, 1)

PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces that make query text interesting: real words (stems, phrases), operators in
# and out of place, fields known and unknown, dates good and bad, wildcards, quotes and
# brackets, and odd Unicode.
TOKENS = [
    "norway", "Norway", "minister", "ministers", "foreign", "nuclear", "Blinken", "the",
    "of", "AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "and", "or", "not", "(", ")", '"', "'",
    "*", "?", "^", "^2", "~", "~2", ":", "-", "+", "[", "]", "{", "}", "TO", "\\", "/",
    "country:", "country:Norway", "country:Norwegian", "country:NOR", "country:Atlantis",
    'country:"United Kingdom"', "country:(Norway OR Sweden)", "title:", "title:norway",
    "body:", "source:wikinews", 'source:"Nordic', "person:Blinken", "org:UN", "topic:",
    "topic:energy", 'topic:"human rights"', "lang:en", "city:Oslo", "foo:bar", "since:",
    "since:2019", "since:2019-13", 'since:"last month"', "since:last", "month",
    "until:2021-06", "on:2022-05-04", "on:someday", "until:yesterday", "min*", "n*",
    "*ister", "m*n", "norwey", "Kazakstan", "u.s.", "U.S.", "d'Ivoire", "10:30", "http://x.org",
    "\u201cprime minister\u201d", "\uff4e\uff4f\uff52", "\u00e9", "\u0130stanbul", "\u0635",
    "\u4e2d\u56fd", "\U0001d511", "\u200b", "\u00a0", "\t", "\n", "\x00", "\ufeff", "\ud800",
]  # fmt: skip


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The demo archive, built once with the real ingest pipeline."""
    home = tmp_path_factory.mktemp("property-home")
    archive = Archive.open(home)
    report = ingest(archive, [DATA / "sample.jsonl"])
    assert report.added == 54 and not report.rejected
    yield archive
    archive.close()


def _check(result: SearchResult, request: SearchRequest) -> None:
    assert isinstance(result, SearchResult)
    assert result.total >= len(result.hits) >= 0
    if request.limit is not None:
        assert len(result.hits) <= request.limit
    assert all(isinstance(n, str) and n for n in result.notices)
    # The last-resort guard must not have been needed: a failure there is a bug.
    assert not any("could not be run" in n for n in result.notices), result.notices
    for hit in result.hits:
        assert hit.id and isinstance(hit.title, str)
        for snippet in hit.snippets:
            for start, end in snippet.matches:
                assert 0 <= start < end <= len(snippet.text)
        for start, end in hit.title_matches:
            assert 0 <= start < end <= len(hit.title)
    assert result.suggestion is None or isinstance(result.suggestion, str)
    # What the CLI writes must be valid UTF-8 (no lone surrogates from odd input).
    json.dumps(hits_to_json(result), ensure_ascii=False).encode("utf-8")


def _search(archive: Archive, text: str, parser: QueryParser, **kwargs: object) -> None:
    request = SearchRequest(query=text, as_of=AS_OF, **kwargs)  # type: ignore[arg-type]
    _check(run_search(archive, request, parser), request)


_PARSER = QueryParser()


@PROPERTY_SETTINGS
@given(text=st.text(max_size=80))
def test_any_text(archive: Archive, text: str) -> None:
    _search(archive, text, _PARSER)


@PROPERTY_SETTINGS
@given(
    tokens=st.lists(st.sampled_from(TOKENS), max_size=10),
    glue=st.sampled_from([" ", "", "  "]),
    sort=st.sampled_from(["relevance", "date"]),
    page=st.integers(min_value=1, max_value=3),
)
def test_query_like_text(archive: Archive, tokens: list[str], glue: str, sort: str,
                         page: int) -> None:  # fmt: skip
    _search(archive, glue.join(tokens), _PARSER, sort=sort, page=page, limit=5)


@PROPERTY_SETTINGS
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_parse_alone_never_raises(text: str) -> None:
    parsed = _PARSER.parse(text, as_of=AS_OF)
    assert parsed.query is not None
    assert all(isinstance(n, str) for n in parsed.notices)
