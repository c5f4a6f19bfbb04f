"""The SQLite store, the system of record: the connection and its reads
(`search.store.connection`), the tables and migrations (`search.store.schema`), the
writes of articles and their extractions (`search.store.articles`) and the pair rule's
table (`search.store.pair_table`).  It never imports the extract stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from search.lazy import lazy_exports

if TYPE_CHECKING:
    from search.store.articles import (
        EXTRACTION_TABLES,
        PreparedArticle,
        add_alias,
        delete_extractions,
        engagement_sides,
        extraction_to_json,
        write_article,
        write_extractions,
    )
    from search.store.connection import (
        MMAP_BYTES,
        Store,
        StoredRef,
        StoreError,
        StoreReadOnly,
        StoreUnreachable,
        sharing_bands,
    )
    from search.store.engine import STORE_ENV, Connection, is_postgres, is_store_url
    from search.store.pair_table import CountryWeight
    from search.store.schema import NEXT_CHANGE, STORE_VERSION, columns, table_exists

# Imported on first use: a submodule imported directly (from another thread, too) must
# not wait on this package importing it (see `search.extract`).
_EXPORTS = {
    "search.store.articles": (
        "EXTRACTION_TABLES", "PreparedArticle", "add_alias", "delete_extractions",
        "engagement_sides", "extraction_to_json", "write_article", "write_extractions",
    ),
    "search.store.connection": (
        "MMAP_BYTES", "Store", "StoredRef", "StoreError", "StoreReadOnly",
        "StoreUnreachable", "sharing_bands",
    ),
    "search.store.engine": ("STORE_ENV", "Connection", "is_postgres", "is_store_url"),
    "search.store.pair_table": ("CountryWeight",),
    "search.store.schema": ("NEXT_CHANGE", "STORE_VERSION", "columns", "table_exists"),
}  # fmt: skip
_MODULE_OF, __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = [
    "EXTRACTION_TABLES",
    "MMAP_BYTES",
    "NEXT_CHANGE",
    "STORE_ENV",
    "STORE_VERSION",
    "Connection",
    "CountryWeight",
    "PreparedArticle",
    "Store",
    "StoreError",
    "StoreReadOnly",
    "StoreUnreachable",
    "StoredRef",
    "add_alias",
    "columns",
    "delete_extractions",
    "engagement_sides",
    "extraction_to_json",
    "is_postgres",
    "is_store_url",
    "sharing_bands",
    "table_exists",
    "write_article",
    "write_extractions",
]
