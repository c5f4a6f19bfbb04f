"""How a failed worker reaches the user: a title per worker name and a one-line message
(`tui.app.BriefroomApp.worker_failed`, the one place that notifies them)."""

from __future__ import annotations

WORKER_TITLES = {
    "open-archive": "Opening the archive failed",
    "ingest": "Ingest failed",
    "rebuild-index": "Rebuilding the index failed",
    "dashboard": "Loading the dashboard failed",
    "search": "Search failed",
    "article": "Opening the article failed",
    "related": "Finding related stories failed",
    "countries": "Loading countries failed",
    "notice": "Loading the data notice failed",
    "profile": "Loading the country profile failed",
    "pair": "Loading the pair summary failed",
    "meetings": "Loading the meetings failed",
    "meeting-save": "Adding the meeting failed",
    "meeting-delete": "Deleting the meeting failed",
    "meeting-date": "Reading the date failed",
    "brief": "Generating the brief failed",
    "brief-read": "Reading the brief failed",
    "brief-export": "Exporting the brief failed",
    "brief-edit": "Preparing the brief for the editor failed",
    "settings-save": "Saving the settings failed",
}


def describe_error(error: BaseException | None) -> str:
    """A one-line message for users (expected errors carry their own message)."""
    if error is None:
        return "unknown error"
    from search.api import expected_error

    if expected_error(error):
        return " ".join(str(error).split()) or type(error).__name__
    return f"{type(error).__name__}: {' '.join(str(error).split())}"
