"""Build a cited briefing note for a meeting (README.md, "Meetings and briefs").

`build_brief` is a pure function of the store, the meeting, our side and the as-of
date: it reads the pair summary (`briefs.relations.pair_summary`) and a few indexed
look-ups of the articles concerning both sides, and returns a `Brief` whose every
generated bullet cites its source sentences.  Sections the archive cannot fill carry a
``todo`` for the author instead of invented text.  The TUI and the CLI call it; YAML
and Markdown come from `briefs.render`.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import date, timedelta

from briefs import brief_issues, brief_people, brief_record
from briefs.brief_context import BriefContext
from briefs.brief_corpus import PairCorpus
from briefs.brief_counterpart import THIN_COVERAGE, counterpart_profile, is_thin
from briefs.brief_glance import glance
from briefs.brief_model import (
    SCHEMA,
    Brief,
    Commitments,
    Issue,
    Issues,
    Item,
    MeetingInfo,
    Participants,
    Person,
    Prepared,
    Profile,
    Section,
    SourceRef,
)
from briefs.citations import renumber
from briefs.meeting_model import Meeting
from briefs.meeting_store import previous_meeting
from briefs.outcomes import get_outcome
from briefs.relations import pair_summary
from search.extract.countries import country_name
from search.store import Store

__all__ = [
    "SCHEMA",
    "Brief",
    "BriefInputError",
    "Commitments",
    "Issue",
    "Issues",
    "Item",
    "MeetingInfo",
    "Participants",
    "Person",
    "Prepared",
    "Profile",
    "Section",
    "SourceRef",
    "build_brief",
    "default_title",
    "limit_items",
]


class BriefInputError(ValueError):
    """The meeting cannot be briefed (our side is the counterpart, no date...)."""


def default_title(meeting: Meeting) -> str:
    """``Meeting with Norway`` (or ``Consultations with Norway`` when the format is known)."""
    kind = (meeting.format or "meeting").strip().capitalize()
    return f"{kind} with {country_name(meeting.country)}"


def _meeting_info(ctx: BriefContext, meeting: Meeting) -> MeetingInfo:
    return MeetingInfo(
        country=meeting.country,
        country_name=ctx.name,
        home=ctx.home,
        home_name=ctx.home_name,
        date=meeting.date,
        date_text=meeting.date_text or None,
        place=meeting.place,
        format=meeting.format,
        attendees=meeting.attendees(),
    )


def build_brief(
    store: Store, meeting: Meeting, home: str, as_of: date, *, max_items: int | None = None
) -> Brief:
    """Draft the brief for ``meeting`` from the archive.

    Args:
        store: The archive's store.
        meeting: The meeting (counterpart, date, title, place, participants...).
        home: Our side (ISO alpha-3).
        as_of: The day the brief is prepared; facts dated later are left out.
        max_items: At most this many bullets per list (a short brief for a principal;
            `limit_items`); None: the builders' own limits.

    Raises:
        BriefInputError: our side and the counterpart are the same country.
    """
    if meeting.country == home:
        raise BriefInputError(f"the counterpart ({meeting.country}) is our own side")
    summary = pair_summary(store, home, meeting.country)
    ctx = BriefContext(
        home=home,
        counterpart=meeting.country,
        home_name=country_name(home),
        name=country_name(meeting.country),
        as_of=as_of,
        summary=summary,
        corpus=PairCorpus(store, home, meeting.country, summary.articles),
    )
    before = min(meeting.day, as_of + timedelta(days=1))
    previous = previous_meeting(store, meeting.country, before, home=home)
    commitment_sentences = {(c.source.article, c.source.sentence) for c in summary.commitments}
    # Sections are built in document order, so sources are numbered as they are read.
    if meeting.ours or meeting.theirs:
        people = brief_record.delegations(ctx, meeting)
    else:
        people = brief_people.participants(ctx, meeting)
    background = brief_people.background(ctx, commitment_sentences)
    engagements = brief_people.engagements(ctx, previous)
    upcoming = brief_people.upcoming(ctx)
    issues = brief_issues.issues(ctx)
    asks = brief_issues.asks(ctx)
    last_items, last_note = brief_record.follow_ups(
        ctx, previous, get_outcome(store, previous.id) if previous and previous.id else None
    )
    commitments = brief_issues.commitments(ctx)
    if last_items or last_note:
        commitments = replace(commitments, last_meeting=Section(last_items, last_note))
    sensitivities = brief_issues.sensitivities(ctx)
    prepared = _prepared(ctx)
    thin = is_thin(prepared.articles)
    profile = counterpart_profile(ctx, meeting.day) if thin else None
    at_a_glance = glance(ctx, background, previous, profile)
    drafted = Brief(
        schema=SCHEMA,
        title=meeting.title or default_title(meeting),
        meeting=_meeting_info(ctx, meeting),
        prepared=prepared,
        glance=at_a_glance,
        purpose=_purpose(meeting),
        participants=people,
        background=background,
        counterpart=profile,
        engagements=engagements,
        upcoming=upcoming,
        issues=issues,
        asks=asks,
        commitments=commitments,
        sensitivities=sensitivities,
        sources=ctx.cite.refs(),
        caveats=_caveats(ctx, summary.caveats, prepared.articles if thin else None),
    )
    if max_items is not None:
        drafted = limit_items(drafted, max_items)
    # Sources numbered in reading order ("At a glance", drafted last, comes first).
    return renumber(drafted)


def _prepared(ctx: BriefContext) -> Prepared:
    """Coverage of the articles concerning both, up to the as-of date."""
    summary, as_of = ctx.summary, ctx.as_of.isoformat()
    if summary.last_date is None or summary.last_date[:10] <= as_of:
        # Nothing is later than the as-of date: the summary's figures stand.
        return Prepared(
            as_of,
            articles=len(summary.articles),
            stories=summary.stories,
            first_date=summary.first_date,
            last_date=summary.last_date,
        )
    articles, stories, first, last = ctx.corpus.coverage(as_of)
    return Prepared(as_of, articles=articles, stories=stories, first_date=first, last_date=last)


def _purpose(meeting: Meeting) -> Section:
    if meeting.purpose:
        return Section(
            (Item(" ".join(meeting.purpose.split())),),
            None,
            "Add 1-3 objectives: the outcome we want from this meeting, not just goodwill.",
        )
    return Section(
        (),
        None,
        "State why this meeting takes place and who asked for it, and 1-3 objectives: "
        "the outcome we want, not just goodwill.",
    )


def _caveats(
    ctx: BriefContext, summary_caveats: tuple[str, ...], thin: int | None = None
) -> tuple[str, ...]:
    notes = list(summary_caveats)
    if thin is not None:
        notes.insert(
            0,
            f"Coverage of {ctx.home_name} and {ctx.name} together is thin: {thin} "
            f"article{'' if thin == 1 else 's'} concerning both (fewer than {THIN_COVERAGE}). "
            f"The brief adds what the archive says of {ctx.name} on its own; "
            "other channels will know more.",
        )
    notes.append(
        f"Prepared as of {ctx.as_of.isoformat()}: facts dated after it are left out; "
        "roles are as last reported in the archive, check they are current."
    )
    last = ctx.last_meeting()
    if last is not None and not last.date:
        notes.append("The last meeting's date is not stated in its sources.")
    notes.append(
        "Sections marked 'To complete by the author' could not be filled from the archive."
    )
    return tuple(notes)


# Lists `limit_items` leaves whole: the delegations are who attends, not a selection.
_WHOLE = frozenset({"participants", "sources", "caveats", "meeting", "prepared"})
_LIST_NAMES = {"items": "", "follow_ups": "follow-ups"}


def limit_items(brief: Brief, limit: int) -> Brief:
    """The brief with at most ``limit`` bullets in each list (``--max-items``): a short
    brief for a principal.  Each cut list says so in its section's note ("3 of 8
    shown"); sources no longer cited are dropped when the brief is renumbered.
    """
    if limit < 1:
        raise ValueError("max items must be at least 1")

    def cut(value: object) -> object:
        if not is_dataclass(value) or isinstance(value, (Item, Person, SourceRef, type)):
            return value
        changes: dict[str, object] = {}
        shortened: list[str] = []
        for f in fields(value):
            if value is brief and f.name in _WHOLE:
                continue
            current = getattr(value, f.name)
            if isinstance(current, tuple) and current and is_dataclass(current[0]):
                inner = tuple(cut(v) for v in current)
                if len(inner) > limit:
                    name = _LIST_NAMES.get(f.name, f.name)
                    shortened.append(f"{name} {limit} of {len(inner)}".strip())
                    inner = inner[:limit]
                changes[f.name] = inner
            elif is_dataclass(current) and not isinstance(current, type):
                changes[f.name] = cut(current)
        if shortened and "note" in {f.name for f in fields(value)}:
            note = value.note  # type: ignore[attr-defined]  # a dataclass with a note field
            said = "Shortened: " + "; ".join(shortened) + " shown."
            changes["note"] = f"{note} {said}" if note else said
        return replace(value, **changes)

    result = cut(brief)
    assert isinstance(result, Brief)
    return result


def with_meeting_defaults(meeting: Meeting, stored: Meeting | None) -> Meeting:
    """Fill what the user left out (title, place, participants...) from a stored meeting."""
    if stored is None:
        return meeting
    return replace(
        meeting,
        title=meeting.title or stored.title,
        place=meeting.place or stored.place,
        format=meeting.format or stored.format,
        participants=meeting.participants or stored.participants,
        purpose=meeting.purpose or stored.purpose,
        id=stored.id,
        home=meeting.home or stored.home,
        ours=meeting.ours or stored.ours,
        theirs=meeting.theirs or stored.theirs,
        status=stored.status,
    )
