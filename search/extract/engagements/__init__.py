"""Engagements: the meetings, calls, visits, consultations and signings an article reports.

An engagement is recorded only when officials of two or more sides take part (countries
or international organisations), or when an organisation's members meet ("an emergency
meeting of NATO ambassadors").  Sides come from the words that name participants, never
from every country the sentence mentions:

- people named there, with the side `search.extract.people` gave them (spokespeople who
  only issue a readout left out); in a visit, an official the text gives no country is
  the host's ("will meet with President Hakainde Hichilema" in Zambia);
- for a verb ("met", "spoke with", "hosted"): its subject and objects, up to where the
  purpose or topic begins ("to discuss Russia's war", "about", "on ways to");
- for a noun ("the U.S.-Austria Strategic Dialogue", "a meeting of NATO ambassadors",
  "the Negev Summit"): its own words, plus the subject of the clause when the noun is
  what the subject held or attended ("held consultations", "during bilateral
  consultations");
- the publisher's own official when the text speaks of "the Secretary" or "we"; "the two
  sides" or "both countries": the article's main pair;
- for a visit, the country visited: "travel to Cape Town, South Africa", "visited
  Tunisia", "in Washington for talks".

Places ("in Brussels"), portfolios ("Envoy for Western Sahara"), possessives ("Ukraine's
sovereignty") and nationalities of non-officials ("Afghan girls") name no side.

Types: ``call`` (telephone or video), ``visit`` (a trip to another country, holding the
meetings held there), ``consultations`` (consultations, a named dialogue, talks between
delegations), ``signing``, ``multilateral`` (three or more sides, or a forum of an
international organisation) and ``meeting``.

Status: ``planned`` (announced: "will travel", "decided to meet", a date after
publication), ``background`` (history: "during her August 2021 visit", "last year", a
date well before publication) or ``main``.  Invitations, conditionals ("if they meet",
"could meet"), negations ("did not meet", "will no longer travel") and references back
("during the talks", "in her meetings") are not new engagements.

Within an article, reports of one engagement are merged: the headline and the body, a
visit and the meetings held during it; meetings with different people stay apart (the
seed's consultations, then a meeting with Ms. Huitfeldt the same day).  Across articles,
`briefs.engagements` merges.  Everything here is heuristic; each engagement points at
its sentence.

Modules: `patterns` (trigger words and word lists), `context` (the article's mentions by
position, the engagement being assembled), `participants` (sides and windows), `visits`
(destinations and places), `status` (status and dates), `scanner` (one sentence's
engagements), `kinds` (their types, split and kept per sentence), `merging` (one
engagement reported twice, trips and their stops), `article` (`find_engagements`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from search.lazy import lazy_exports

if TYPE_CHECKING:
    from search.extract.engagements.article import find_engagements
    from search.extract.engagements.patterns import LONG_TEXT

# Imported on first use: a submodule imported directly (from another thread, too) must
# not wait on this package importing it (see `search.extract`).
_EXPORTS = {
    "search.extract.engagements.article": ("find_engagements",),
    "search.extract.engagements.patterns": ("LONG_TEXT",),
}  # fmt: skip
_MODULE_OF, __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = ["LONG_TEXT", "find_engagements"]
