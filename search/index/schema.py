"""The Whoosh schema and analyzer: the only place that says how text is indexed.

The index is derived from the SQLite store (see `search.index.manage`), so changing anything
here only needs ``briefroom index rebuild``; `SCHEMA_VERSION` makes that automatic.
"""

from __future__ import annotations

from functools import cache

from whoosh.analysis import Analyzer, SimpleAnalyzer, StemmingAnalyzer
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, TEXT, Schema

from search.index.fastindex import FastPositions
from search.index.words import MIN_WORD, STOP_WORDS_INDEXED

__all__ = ["MIN_WORD", "SCHEMA_VERSION", "STOP_WORDS_INDEXED", "build_schema", "text_analyzer"]

# Bump when the schema or analyzer changes: an index built with another version is
# rebuilt from the store instead of being searched with mismatched terms.  Also bumped
# when a class the index pickles moves: Whoosh pickles the schema (`FastPositions`) and
# each segment's codec (`search.index.fastindex.FastCodec`) by module path, so an index
# written before the move to `search.index` (version 8) cannot be opened, only rebuilt.
SCHEMA_VERSION = 9


@cache
def text_analyzer() -> Analyzer:
    """The analyzer for title and body: word tokens, lower case, stop words, Porter stems.

    Marked so that `search.index.fastindex.FastPositions` recognises it (also after the schema
    is unpickled in Whoosh's indexing sub-processes) and indexes with its one-pass path.
    """
    analyzer = StemmingAnalyzer(stoplist=STOP_WORDS_INDEXED, minsize=MIN_WORD, cachesize=200_000)
    analyzer.briefroom_fast_terms = True
    return analyzer


@cache
def name_analyzer() -> Analyzer:
    """The analyzer for names (people, organisations, sources, cities): words, lower case, no stems."""
    return SimpleAnalyzer()


def _fast_text(analyzer: Analyzer, field_boost: float = 1.0) -> TEXT:
    """A phrase-searchable TEXT field indexed with `FastPositions`."""
    field = TEXT(analyzer=analyzer, field_boost=field_boost, phrase=True)
    field.format = FastPositions(field_boost=field_boost)
    return field


def build_schema() -> Schema:
    """The index schema.

    Only ``id`` is stored: every other value is read from the store, which keeps the
    index small and means a stale index can never show stale text.
    """
    analyzer = text_analyzer()
    names = name_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        title=_fast_text(analyzer, field_boost=2.0),
        body=_fast_text(analyzer),
        source=TEXT(analyzer=names, phrase=True),
        city=TEXT(analyzer=names, phrase=True),
        lang=ID(),
        countries=KEYWORD(commas=True, lowercase=False, scorable=False),
        people=TEXT(analyzer=names, phrase=True),
        orgs=TEXT(analyzer=names, phrase=True),
        topics=KEYWORD(commas=True, lowercase=True, scorable=False),
        # Per-document columns (not indexed: no terms, nothing to analyse), read in bulk
        # by `search.index.docdata` for date filters, ranking, collapsing copies and facets
        # (the topic facet is counted from the ``topics`` postings).
        # Dates are filtered from the ``day`` column rather than with Whoosh's DATETIME
        # range terms, which cost 8 indexed terms per document.
        day=COLUMN(NumericColumn("i", default=0)),  # YYYYMMDD, 0 when undated
        story=COLUMN(NumericColumn("q", default=0)),  # near-duplicate cluster
        publisher=COLUMN(VarBytesColumn()),  # the exact source name (UTF-8)
        country_set=COLUMN(VarBytesColumn()),  # "NOR,USA" (ASCII)
    )
