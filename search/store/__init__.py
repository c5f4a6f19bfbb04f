"""The SQLite store, the system of record: the connection and its reads
(`search.store.connection`), the tables and migrations (`search.store.schema`), the
writes of articles and their extractions (`search.store.articles`) and the pair rule's
table (`search.store.pair_table`).  It never imports the extract stage."""

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
