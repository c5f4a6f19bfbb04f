"""Interactions between countries, one sentence at a time ("CAMEO-lite", heuristic).

A sentence reports an event when it holds a trigger from the lexicon below (``met``,
``consultations``, ``signed``, ``praised``, ``sanctions`` ...) and at least two
countries can be named as its actors.  Each trigger carries its PLOVER type, CAMEO
code and Goldstein score (values in docs/reference.md, Event codes; a code whose own value is not
listed there takes its root's).  Sentence-level codes are noisy (two open coders agree
on ~40 % of stories), so every event points at its sentence and is labelled heuristic
in the UI.

Actors: the subject of the trigger's clause and the sides it acts upon (`Sides`:
people with their sides, countries named as subject or object, "we" and "the
Secretary" for the publisher), never every country the sentence mentions; two-sided
phrases ("the two countries", "the sides") mean the article's main pair.  Flags mark what must not count as a new
engagement: *historical* (past perfect, "has acted as", "in 1992", "last year"),
*hypothetical* (could, would, if, and future "will visit"), *negated* ("did not meet",
"refused to sign", "no agreement").

Modules: `codes` (event codes and triggers), `parties` (actors), `tense` (mood and
history), `dates` (event dates), `detection` (`find_events`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from search.lazy import lazy_exports

if TYPE_CHECKING:
    from search.extract.events.codes import TRIGGERS, Code
    from search.extract.events.dates import resolve_calendar_date, resolve_weekday
    from search.extract.events.detection import find_events, signatory
    from search.extract.events.parties import Parties

# Imported on first use: a submodule imported directly (from another thread, too) must
# not wait on this package importing it (see `search.extract`).
_EXPORTS = {
    "search.extract.events.codes": ("TRIGGERS", "Code"),
    "search.extract.events.dates": ("resolve_calendar_date", "resolve_weekday"),
    "search.extract.events.detection": ("find_events", "signatory"),
    "search.extract.events.parties": ("Parties",),
}  # fmt: skip
_MODULE_OF, __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = [
    "TRIGGERS",
    "Code",
    "Parties",
    "find_events",
    "resolve_calendar_date",
    "resolve_weekday",
    "signatory",
]
