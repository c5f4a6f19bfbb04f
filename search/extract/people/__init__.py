"""People named in an article: name, role, country and later short references.

A person is only taken where the text says someone is one: a role or title next to a
capitalised name (``Deputy Foreign Minister Roman Vassilenko``, ``Antony J. Blinken,
Secretary of State``) or a form of address (``Ms. Huitfeldt``).  That keeps company
names, places and sentence-initial words out without a list of every first name.
Roles come from ``data/roles.yaml``; the search starts from the role words (looked up
in the word index shared by the extractors), so articles without any cost almost nothing.

Country affiliation, strongest evidence first: a country or demonym in the role
(``of Norway``, ``Kazakhstani Foreign Minister``); ``<name> of Morocco``; "the
Norwegian side / Kazakhstan delegation was led by"; "signed for Ghana"; finally the
``home`` country given by the caller (a national agency's own officials).

Modules: `lexicon` (role words, ``data/roles.yaml``), `mentions` (a person being assembled,
countries and organisations by position), the role parser in three layers (`names`,
`role_sides`, `roles`, with `apposition` and `complements`), `candidates` (bare names,
headlines), `counterparts` (sides shared in lists, a wire lead's unnamed official),
`headings` (a signature block's country headings), `kin` (an official's relatives),
`merging` (one person, later references), `article` (`find_people`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from search.lazy import lazy_exports

if TYPE_CHECKING:
    from search.extract.people.article import find_people, person_mentions
    from search.extract.people.lexicon import ROLES_FILE, Known

# Imported on first use: a submodule imported directly (from another thread, too) must
# not wait on this package importing it (see `search.extract`).
_EXPORTS = {
    "search.extract.people.article": ("find_people", "person_mentions"),
    "search.extract.people.lexicon": ("ROLES_FILE", "Known"),
}  # fmt: skip
_MODULE_OF, __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = ["ROLES_FILE", "Known", "find_people", "person_mentions"]
