"""A commitment as a pair summary lists it (`CommitmentEntry`): found in the articles
(`briefs.relations`) or agreed at a meeting the user recorded (`briefs.outcomes`)."""

from __future__ import annotations

from dataclasses import dataclass

from briefs.evidence import Source


@dataclass(frozen=True, slots=True)
class CommitmentEntry:
    """An intention, agreement, signature or request with its status and source; ``side``
    holds the countries that commit or ask."""

    kind: str
    status: str
    parties: tuple[str, ...]
    summary: str
    date: str | None
    source: Source
    side: tuple[str, ...] = ()
    sentence: int = -1  # its sentence's number in the article (for the analyst's rejection)
    # An item agreed at a meeting the user recorded (`briefs.outcomes`): who follows it up,
    # by when (ISO), and the mark that it is the user's record.
    owner: str | None = None
    due: str | None = None
    recorded: bool = False
