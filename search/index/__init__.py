"""The search index: Whoosh, and the only package that imports it (an import-linter
contract).  The schema and how text is read (`schema`, `words`, `fastindex`), how
postings are pooled and written (`postingpool`, `writers`), the index folder and its
upkeep (`manage`), and the fast evaluation of queries over it (`engine`, `docdata`,
`postings`, `stories`, `facets`).  Every use of Whoosh's private attributes is named in
`whoosh_private`; the query package builds queries with `query_nodes`."""

from search.index.docdata import DocData, doc_data
from search.index.engine import MAX_EXPANSION, Evaluator, Expansion, Scores
from search.index.facets import facet_counts, save_facets
from search.index.manage import (
    MULTIPROCESS_MIN_DOCS,
    IndexUnavailable,
    SearchIndex,
    document_fields,
    save_segment_facets,
    sync,
)
from search.index.schema import SCHEMA_VERSION, build_schema, text_analyzer
from search.index.stories import filter_days, story_count, top_stories
from search.index.whoosh_private import Unsupported, index_segments
from search.index.writers import merge_small_segments

__all__ = [
    "MAX_EXPANSION",
    "MULTIPROCESS_MIN_DOCS",
    "SCHEMA_VERSION",
    "DocData",
    "Evaluator",
    "Expansion",
    "IndexUnavailable",
    "Scores",
    "SearchIndex",
    "Unsupported",
    "build_schema",
    "doc_data",
    "document_fields",
    "facet_counts",
    "filter_days",
    "index_segments",
    "merge_small_segments",
    "save_facets",
    "save_segment_facets",
    "story_count",
    "sync",
    "text_analyzer",
    "top_stories",
]
