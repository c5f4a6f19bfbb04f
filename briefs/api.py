"""What the interfaces ask of the briefs core: relations, meetings, outcomes and briefs.

With `search.api`, the only module `tui/` imports core code from (an import-linter
contract holds it).  Functions take ``where`` as `search.api` does: the archive folder
(opened and closed here, read-only for reads: thread workers pass it) or an `Archive`
the caller opened (the CLI).  Results are frozen dataclasses.  The names re-exported
below load their module on first use (PEP 562): importing this module is free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from search.api import using
from search.lazy import lazy_exports

if TYPE_CHECKING:
    from briefs.brief import BriefInputError, with_meeting_defaults
    from briefs.brief_context import topic_label
    from briefs.brief_files import (
        BriefDraft,
        brief_files,
        draft_brief,
        export_brief,
        export_files,
        read_brief,
        render_brief,
        write_yaml_for_edit,
    )
    from briefs.brief_model import Brief
    from briefs.brief_yaml import todo_count
    from briefs.docx_export import DocxTemplateError, find_docx_template
    from briefs.engagements import Engagement
    from briefs.evidence import Source
    from briefs.meeting_dates import (
        WEEKDAYS,
        DateResolution,
        MeetingDateError,
        long_date,
        resolve_date,
    )
    from briefs.meeting_input import FormCheck, check_meeting_form, counterpart, new_meeting
    from briefs.meeting_model import FORMATS, Delegate, Meeting, days_left_text, delegates
    from briefs.outcomes import (
        STATUSES,
        Outcome,
        OutcomeError,
        OutcomeItem,
        date_reader,
        parse_agreed,
        parse_follow_up,
    )
    from briefs.relations import CountryProfile, PairSummary, PersonSeen, Window
    from briefs.render import (
        BriefError,
        BriefExists,
        TemplateError,
        load_template,
        write_brief,
    )
    from briefs.safe_write import SameAsInput, TargetExists, same_file, write_file
    from briefs.summary_json import pair_to_dict, profile_to_dict, to_yaml
    from briefs.summary_md import pair_markdown, profile_markdown, sparkline
    from search.api import ArchiveStats, CountryActivity, Hit
    from search.archive import Archive
    from search.store import Store
    from search.store.copy import CopyReport

_EXPORTS = {
    "briefs.brief": ("BriefInputError", "with_meeting_defaults"),
    "briefs.brief_files": (
        "BriefDraft",
        "brief_files",
        "draft_brief",
        "export_brief",
        "export_files",
        "read_brief",
        "render_brief",
        "write_yaml_for_edit",
    ),
    "briefs.brief_context": ("topic_label",),
    "briefs.brief_model": ("Brief",),
    "briefs.brief_yaml": ("todo_count",),
    "briefs.docx_export": ("DocxTemplateError", "find_docx_template"),
    "briefs.engagements": ("Engagement",),
    "briefs.evidence": ("Source",),
    "briefs.meeting_dates": (
        "WEEKDAYS",
        "DateResolution",
        "MeetingDateError",
        "long_date",
        "resolve_date",
    ),  # fmt: skip
    "briefs.meeting_input": ("FormCheck", "check_meeting_form", "counterpart", "new_meeting"),
    "briefs.meeting_model": ("FORMATS", "Delegate", "Meeting", "days_left_text", "delegates"),
    "briefs.outcomes": (
        "STATUSES",
        "Outcome",
        "OutcomeError",
        "OutcomeItem",
        "date_reader",
        "parse_agreed",
        "parse_follow_up",
    ),  # fmt: skip
    "briefs.relations": ("CountryProfile", "PairSummary", "PersonSeen", "Window"),
    "briefs.render": (
        "BriefError",
        "BriefExists",
        "TemplateError",
        "load_template",
        "write_brief",
    ),  # fmt: skip
    "briefs.safe_write": ("SameAsInput", "TargetExists", "same_file", "write_file"),
    "briefs.summary_json": ("pair_to_dict", "profile_to_dict", "to_yaml"),
    "briefs.summary_md": ("pair_markdown", "profile_markdown", "sparkline"),
}
_MODULE_OF, __getattr__, __dir__ = lazy_exports(globals(), _EXPORTS)

__all__ = [
    "articles_concerning",
    "Brief",
    "brief_files",
    "BriefDraft",
    "BriefError",
    "BriefExists",
    "BriefInputError",
    "build_brief",
    "check_meeting_form",
    "copy_archive",
    "counterpart",
    "CountryProfile",
    "DashboardData",
    "date_reader",
    "DateResolution",
    "days_left_text",
    "Delegate",
    "delegates",
    "delete_meeting",
    "DocxTemplateError",
    "draft_brief",
    "Engagement",
    "export_brief",
    "export_files",
    "find_docx_template",
    "find_meeting",
    "FORMATS",
    "FormCheck",
    "get_meeting",
    "get_outcome",
    "load_dashboard",
    "load_meetings",
    "load_pair",
    "load_profile",
    "load_template",
    "long_date",
    "Meeting",
    "MeetingDateError",
    "MeetingRow",
    "meetings_with_outcomes",
    "MeetingsData",
    "new_meeting",
    "Outcome",
    "OutcomeError",
    "OutcomeItem",
    "pair_markdown",
    "pair_to_dict",
    "PairSummary",
    "PairView",
    "parse_agreed",
    "parse_follow_up",
    "PersonSeen",
    "profile_markdown",
    "profile_to_dict",
    "ProfileView",
    "read_brief",
    "record_outcome",
    "render_brief",
    "resolve_date",
    "same_file",
    "SameAsInput",
    "prepare_store",
    "save_meeting",
    "Source",
    "sparkline",
    "STATUSES",
    "TargetExists",
    "TemplateError",
    "to_yaml",
    "todo_count",
    "topic_label",
    "UPCOMING",
    "WEEKDAYS",
    "Window",
    "with_meeting_defaults",
    "write_brief",
    "write_file",
    "write_yaml_for_edit",
]


def _name(code: str) -> str:
    from search.extract.countries import country_name

    return country_name(code)


# --------------------------------------------------------------------------- relations


@dataclass(frozen=True, slots=True)
class ProfileView:
    """A country profile with readable names for every code it mentions."""

    profile: CountryProfile
    name: str
    names: dict[str, str]


@dataclass(frozen=True, slots=True)
class PairView:
    """A pair summary with readable names for every code it mentions."""

    summary: PairSummary
    names: dict[str, str]


def load_profile(where: Path | Archive, code: str, window: Window | None = None) -> ProfileView:
    """One country at a glance (`briefs.relations.country_profile`; all dates by default)."""
    from briefs.relations import Window, country_profile

    with using(where) as archive:
        profile = country_profile(archive.store, code, window or Window())
    codes = {code, *(c for c, _ in profile.partners)}
    codes |= {p.country for p in profile.people if p.country}
    codes |= {actor for event in profile.recent_events for actor in event.actors}
    return ProfileView(profile, _name(code), {c: _name(c) for c in sorted(codes)})


def load_pair(where: Path | Archive, a: str, b: str, window: Window | None = None) -> PairView:
    """What has happened between ``a`` and ``b`` (`briefs.relations.pair_summary`)."""
    from briefs.relations import Window, pair_summary

    with using(where) as archive:
        summary = pair_summary(archive.store, a, b, window or Window())
    codes = {a, b}
    for commitment in summary.commitments:
        codes.update(commitment.parties)
    for engagement in summary.engagements:
        codes.update(engagement.participants)
    return PairView(summary, {c: _name(c) for c in sorted(codes)})


def articles_concerning(where: Path | Archive, code: str, window: Window | None = None) -> int:
    """How many stored articles concern the country ``code`` (within ``window``)."""
    from briefs.relations import Window, country_rowids

    with using(where) as archive:
        return len(country_rowids(archive.store, code, window or Window()))


# --------------------------------------------------------------------------- meetings


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """A stored meeting as the lists show it.

    Attributes:
        meeting: The meeting.
        name: The counterpart's name.
        days_left: Days from "today" to the meeting (negative: past).
        yaml_path: Where its brief's YAML goes (`briefs.render.meeting_paths`).
        markdown_path: Where its brief's Markdown goes.
        yaml_exists: Whether the YAML is on disk.
        markdown_exists: Whether the Markdown is on disk.
    """

    meeting: Meeting
    name: str
    days_left: int
    yaml_path: Path
    markdown_path: Path
    yaml_exists: bool
    markdown_exists: bool

    @property
    def brief_status(self) -> str:
        """``on disk``, ``YAML only``, ``Markdown only`` or ``none``."""
        if self.yaml_exists and self.markdown_exists:
            return "on disk"
        if self.yaml_exists:
            return "YAML only"
        if self.markdown_exists:
            return "Markdown only"
        return "none"


@dataclass(frozen=True, slots=True)
class MeetingsData:
    """The stored meetings and our side."""

    rows: tuple[MeetingRow, ...]
    home: str | None
    home_name: str | None
    as_of: date


def _meeting_rows(
    store: Store, *, as_of: date, briefs_dir: Path, upcoming: bool = False, limit: int | None = None
) -> tuple[MeetingRow, ...]:
    """Stored meetings, soonest first, with days left and whether their brief is on disk."""
    from briefs.brief_files import brief_files
    from briefs.meeting_store import list_meetings

    found = list_meetings(store, since=as_of if upcoming else None)
    if limit is not None:
        found = found[:limit]
    rows = []
    for meeting in found:
        yaml_path, md_path = brief_files(meeting, briefs_dir)
        rows.append(
            MeetingRow(
                meeting,
                _name(meeting.country),
                meeting.days_left(as_of),
                yaml_path,
                md_path,
                yaml_path.is_file(),
                md_path.is_file(),
            )  # fmt: skip
        )
    return tuple(rows)


def load_meetings(
    where: Path | Archive, *, as_of: date, briefs_dir: Path, home_country: str | None
) -> MeetingsData:
    """Every stored meeting (past ones too) and our side."""
    from search.api import home_code

    code = home_code(home_country)
    with using(where) as archive:
        rows = _meeting_rows(archive.store, as_of=as_of, briefs_dir=briefs_dir)
    return MeetingsData(rows, code, _name(code) if code else None, as_of)


def meetings_with_outcomes(
    where: Path | Archive, *, since: date | None = None
) -> list[tuple[Meeting, Outcome | None]]:
    """Stored meetings from ``since`` on (None: all), soonest first, with the outcome in
    force of each."""
    from briefs.meeting_store import list_meetings
    from briefs.outcomes import outcomes

    with using(where) as archive:
        found = list_meetings(archive.store, since=since)
        recorded = outcomes(archive.store, [m.id for m in found if m.id is not None])
    return [(m, recorded.get(m.id or 0)) for m in found]


def get_meeting(where: Path | Archive, meeting_id: int) -> Meeting | None:
    """The stored meeting ``meeting_id`` (None when there is none)."""
    from briefs.meeting_store import get_meeting as get

    with using(where) as archive:
        return get(archive.store, meeting_id)


def find_meeting(where: Path | Archive, country: str, day: str, home: str | None) -> Meeting | None:
    """The meeting stored with ``country`` on ``day`` (ISO) for our side ``home``."""
    from briefs.meeting_store import find_meeting as find

    with using(where) as archive:
        return find(archive.store, country, day, home=home)


def prepare_store(where: Path | Archive) -> int:
    """Make every table of the store, the meetings' and outcomes' too (`briefroom store
    init`: on a team store, analysts' roles may not create tables); its version."""
    from briefs.outcomes import ensure_tables

    with using(where, readonly=False) as archive:
        ensure_tables(archive.store)
        return int(archive.store.get_meta("store_version") or 0)


def copy_archive(
    where: Path | Archive,
    target: str | Path,
    *,
    batch: int | None = None,
    progress: Callable[[str, int, int], object] | None = None,
) -> CopyReport:
    """Copy the archive's store into the store at ``target`` (`briefroom store copy`): a
    file into the team store, the team store into a file, or file to file.

    The target is new, empty, or an interrupted copy of this store (resumed).  The
    meetings' and outcomes' tables, which this package makes, are made in the target
    first: the store copies every table both stores have, and cannot make these (it
    never imports briefs).  ``progress`` is told (table, rows copied, rows in all).

    Raises:
        StoreError: the target holds something else, cannot be opened or written, or the
            copy stopped (the same call resumes it).
    """
    import sqlite3

    from briefs.outcomes import ensure_tables
    from search.store import StoreError
    from search.store.copy import COPY_BATCH, copy_store, open_target

    with using(where, readonly=False) as archive:
        store = open_target(target)
        try:
            ensure_tables(store)
            return copy_store(archive.store, store, batch=batch or COPY_BATCH, progress=progress)
        except sqlite3.Error as exc:
            raise StoreError(f"{store.location}: {exc}") from None
        finally:
            store.close()


def save_meeting(where: Path | Archive, meeting: Meeting) -> Meeting:
    """Store a new meeting (delegations matched with the people registry); it, with its id.

    Raises:
        StoreReadOnly: the team store's role of this analyst may not write.
    """
    from briefs.meeting_store import add_meeting as add

    with using(where, readonly=False) as archive:
        archive.store.require_writable("recording a meeting")
        return add(archive.store, meeting)


def delete_meeting(where: Path | Archive, meeting_id: int) -> bool:
    """Remove a stored meeting and its outcome (False when it was not there)."""
    from briefs.meeting_store import remove_meeting

    with using(where, readonly=False) as archive:
        archive.store.require_writable("removing a meeting")
        return remove_meeting(archive.store, meeting_id)


def get_outcome(where: Path | Archive, meeting_id: int) -> Outcome | None:
    """The outcome in force of a meeting (None: none recorded)."""
    from briefs.outcomes import get_outcome as get

    with using(where) as archive:
        return get(archive.store, meeting_id)


def record_outcome(where: Path | Archive, outcome: Outcome, *, home: str | None) -> Outcome:
    """Record a meeting's outcome (replacing the one in force, which is kept).

    Raises:
        OutcomeError: the outcome cannot be recorded (one line).
    """
    from briefs.outcomes import record_outcome as record

    with using(where, readonly=False) as archive:
        archive.store.require_writable("recording an outcome")
        return record(archive.store, outcome, home=home)


# --------------------------------------------------------------------------- dashboard


UPCOMING = 5
"""Upcoming meetings the dashboard lists."""


@dataclass(frozen=True, slots=True)
class DashboardData:
    """Everything the dashboard shows (`search.api.Overview` and the next meetings)."""

    stats: ArchiveStats
    window_start: str | None
    window_end: str | None
    activity: tuple[CountryActivity, ...]
    latest: tuple[Hit, ...]
    excluded: str | None = None
    meetings: tuple[MeetingRow, ...] = ()


def load_dashboard(
    where: Path | Archive,
    *,
    home_country: str | None = None,
    latest: int = 12,
    as_of: date | None = None,
    briefs_dir: Path | None = None,
) -> DashboardData:
    """Corpus health, recent activity by country (without ``home_country``), latest stories.

    With ``as_of`` and ``briefs_dir``, also the next `UPCOMING` meetings and whether
    their briefs are on disk.
    """
    from search.api import archive_overview

    with using(where) as archive:
        seen = archive_overview(archive, home_country=home_country, latest=latest)
        meetings: tuple[MeetingRow, ...] = ()
        if as_of is not None and briefs_dir is not None:
            meetings = _meeting_rows(
                archive.store, as_of=as_of, briefs_dir=briefs_dir, upcoming=True, limit=UPCOMING
            )
    return DashboardData(seen.stats, seen.window_start, seen.window_end, seen.activity,
                         seen.latest, seen.excluded, meetings)  # fmt: skip


# --------------------------------------------------------------------------- briefs


def build_brief(
    where: Path | Archive, meeting: Meeting, home: str, as_of: date, *, max_items: int | None = None
) -> Brief:
    """Draft the brief for ``meeting`` from the archive (`briefs.brief.build_brief`).

    Raises:
        BriefInputError: the meeting cannot be briefed (one line).
    """
    from briefs.brief import build_brief as build

    with using(where) as archive:
        return build(archive.store, meeting, home, as_of, max_items=max_items)
