"""Build a cited briefing note for a meeting (DESIGN.md, "Meetings and briefs").

`build_brief` is a pure function of the store, the meeting, our side and the as-of
date: it reads the pair summary (`briefs.relations.pair_summary`) and a few indexed
look-ups of the articles concerning both sides, and returns a `Brief` whose every
generated bullet cites its source sentences.  Sections the archive cannot fill carry a
``todo`` for the author instead of invented text.  The TUI and the CLI call it; YAML
and Markdown come from `briefs.render`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from briefs import brief_issues, brief_people
from briefs.brief_context import BriefContext
from briefs.brief_corpus import PairCorpus
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
    Section,
    SourceRef,
)
from briefs.meeting import Meeting
from briefs.meetings import previous_meeting
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
    "Section",
    "SourceRef",
    "build_brief",
    "default_title",
]


class BriefInputError(ValueError):
    """The meeting cannot be briefed (our side is the counterpart, no date...)."""


def default_title(meeting: Meeting) -> str:
    """``Meeting with Norway`` (or ``Consultations with Norway`` when the format is known)."""
    kind = (meeting.format or "meeting").strip().capitalize()
    return f"{kind} with {country_name(meeting.country)}"


def build_brief(store: Store, meeting: Meeting, home: str, as_of: date) -> Brief:
    """Draft the brief for ``meeting`` from the archive.

    Args:
        store: The archive's store.
        meeting: The meeting (counterpart, date, title, place, participants...).
        home: Our side (ISO alpha-3).
        as_of: The day the brief is prepared; facts dated later are left out.

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
    previous = previous_meeting(store, meeting.country, before)
    commitment_sentences = {(c.source.article, c.source.sentence) for c in summary.commitments}
    # Sections are built in document order, so sources are numbered as they are read.
    people = brief_people.participants(ctx, meeting)
    background = brief_people.background(ctx, commitment_sentences)
    engagements = brief_people.engagements(ctx, previous)
    upcoming = brief_people.upcoming(ctx)
    issues = brief_issues.issues(ctx)
    asks = brief_issues.asks(ctx)
    commitments = brief_issues.commitments(ctx)
    sensitivities = brief_issues.sensitivities(ctx)
    return Brief(
        schema=SCHEMA,
        title=meeting.title or default_title(meeting),
        meeting=MeetingInfo(
            country=meeting.country,
            country_name=ctx.name,
            home=home,
            home_name=ctx.home_name,
            date=meeting.date,
            date_text=meeting.date_text or None,
            place=meeting.place,
            format=meeting.format,
            attendees=tuple(meeting.participants),
        ),
        prepared=_prepared(ctx),
        purpose=_purpose(meeting),
        participants=people,
        background=background,
        engagements=engagements,
        upcoming=upcoming,
        issues=issues,
        asks=asks,
        commitments=commitments,
        sensitivities=sensitivities,
        sources=ctx.cite.refs(),
        caveats=_caveats(ctx, summary.caveats),
    )


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


def _caveats(ctx: BriefContext, summary_caveats: tuple[str, ...]) -> tuple[str, ...]:
    notes = list(summary_caveats)
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
    )
