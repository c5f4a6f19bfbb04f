"""Getting articles in: the ingest pipeline (`pipeline`: read, extract, store, index),
its extract and index stages (`extraction`, `indexing`, `prepare`), near-duplicates
(`dedup`), re-extraction (`reextract`), the people registry (`registry`), the analyst's
corrections (`corrections`) and the demo corpus (`sample`).

The names below load their module on first use (PEP 562): the registry and the
corrections are read by briefs and the TUI, which must not pay for the pipeline's
imports (readers, the index, Whoosh) to look a person up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from search.lazy import lazy_exports

if TYPE_CHECKING:
    from search.ingest.corrections import Correction, CorrectionError, Overlay, in_force
    from search.ingest.known_people import KnownPeople
    from search.ingest.person import Person
    from search.ingest.pipeline import (
        MAX_KEPT_PROBLEMS,
        Extractor,
        IngestProgress,
        IngestReport,
        default_extractor,
        ingest,
    )
    from search.ingest.reextract import ReextractProgress, ReextractReport, outdated, reextract
    from search.ingest.registry import PeopleRegistry
    from search.ingest.sample import sample_corpus, sample_notice

_EXPORTS = {
    "search.ingest.corrections": ("Correction", "CorrectionError", "Overlay", "in_force"),
    "search.ingest.pipeline": ("MAX_KEPT_PROBLEMS", "Extractor", "IngestProgress",
                               "IngestReport", "default_extractor", "ingest"),
    "search.ingest.reextract": ("ReextractProgress", "ReextractReport", "outdated",
                                "reextract"),
    "search.ingest.known_people": ("KnownPeople",),
    "search.ingest.person": ("Person",),
    "search.ingest.registry": ("PeopleRegistry",),
    "search.ingest.sample": ("sample_corpus", "sample_notice"),
}  # fmt: skip
_MODULE_OF, __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = [
    "MAX_KEPT_PROBLEMS",
    "Correction",
    "CorrectionError",
    "Extractor",
    "IngestProgress",
    "IngestReport",
    "KnownPeople",
    "Overlay",
    "PeopleRegistry",
    "Person",
    "ReextractProgress",
    "ReextractReport",
    "default_extractor",
    "in_force",
    "ingest",
    "outdated",
    "reextract",
    "sample_corpus",
    "sample_notice",
]
