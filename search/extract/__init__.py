"""The extract stage of ingest: one article's text in, an `Extraction` out.

Each extractor is a pure function over the document text (title, blank line, body);
this module runs them in order, handing each what the earlier ones found: countries
first (people, organisations, events and commitments need them), then people (events
and commitments take a person's country as an actor).

The package itself holds only `EXTRACTOR_VERSION`; the stage (`Extractor`, `extract`,
`extract_article` and its limits) lives in `search.extract.stage` and is reached through
this package lazily: importing a submodule ("search.extract.countries") must not import
every extractor.  With the stage imported eagerly here, two threads importing the engine
at once (the TUI's workers at start-up) could each hold one module's import lock while
waiting for the other's, and one of them got a half-initialised module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from search.lazy import lazy_exports

if TYPE_CHECKING:
    from search.extract.stage import (
        MAX_ANALYSED,
        MAX_TAGGED,
        SETTING_MARGIN,
        Extractor,
        extract,
        extract_article,
    )

__all__ = [
    "EXTRACTOR_VERSION",
    "MAX_ANALYSED",
    "MAX_TAGGED",
    "SETTING_MARGIN",
    "Extractor",
    "extract",
    "extract_article",
]

# The version of what this stage produces; stored with each article, so `briefroom
# reextract` can bring an archive extracted by an older briefroom up to date.
# What each version added: docs/extractor-versions.md (a new rule's version goes up there).
EXTRACTOR_VERSION = 40

_EXPORTS = {
    "search.extract.stage": (
        "Extractor", "extract", "extract_article", "MAX_ANALYSED", "MAX_TAGGED",
        "SETTING_MARGIN",
    ),
}  # fmt: skip
_MODULE_OF, __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)
