"""The Whoosh query objects the query language builds, and Whoosh's query parser.

`search.query` turns the user's text into these nodes; `search.index.engine` evaluates
them.  Whoosh is imported only inside `search.index` (an import-linter contract), so
the query package takes the node classes and the parser from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whoosh.query import And, Every, NullQuery, Or, Prefix, Term, Wildcard

__all__ = [
    "And",
    "Every",
    "NullQuery",
    "Or",
    "Prefix",
    "Term",
    "Wildcard",
    "query_parser",
]


def query_parser(schema: Any, text_fields: Sequence[str]) -> Any:
    """Whoosh's query parser as the query language uses it (not thread-safe: one lock
    per parser, `search.query.parse.QueryParser`).

    Words are ANDed, as in every search box, and searched in ``text_fields`` unless a
    field is named.  No single-quote terms (apostrophes are everywhere in names) and no
    ranges (dates have friendlier filters).
    """
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

    plugins = [
        FieldsPlugin(),
        WildcardPlugin(),
        PhrasePlugin(),
        GroupPlugin(),
        OperatorsPlugin(),
        BoostPlugin(),
        EveryPlugin(),
        MultifieldPlugin(list(text_fields)),
    ]
    return WhooshParser(None, schema, plugins=plugins, group=AndGroup)
