"""The parts of a brief that come from the user's own records, not from the articles.

- The participants, when the meeting was stored with its delegations: each side as the
  user gave it (names matched against the people registry when the meeting was stored,
  unknown names kept as typed), with the role and last contact the archive reports.
- The follow-ups from the last meeting: the items agreed and the follow-ups recorded in
  its outcome (`briefs.outcomes`), with owner and due date, marked overdue when their
  day is past; cited to the meeting record.
"""

from __future__ import annotations

from briefs.brief_context import BriefContext, day, engagement_label
from briefs.brief_model import Item, Participants, Person
from briefs.meeting_model import Delegate, Meeting
from briefs.outcomes import Outcome, record_source
from briefs.relations import PersonSeen

MAX_FOLLOW_UPS = 12


def delegations(ctx: BriefContext, meeting: Meeting) -> Participants:
    """Both delegations as stored with the meeting, with roles and last contacts."""
    seen = [p for side in (ctx.home, ctx.counterpart) for p in ctx.summary.people.get(side, ())]
    ours = tuple(_person(ctx, d, seen) for d in meeting.ours)
    others = {d.typed.lower() for d in meeting.theirs} | {d.name.lower() for d in meeting.theirs}
    theirs_people = (*meeting.theirs, *(Delegate(n, n) for n in meeting.participants
                                        if n.lower() not in others))  # fmt: skip
    theirs = tuple(_person(ctx, d, seen) for d in theirs_people)
    todos = []
    missing = [p.name for p in (*ours, *theirs) if not p.role]
    if missing:
        todos.append(f"Add the titles of {', '.join(missing)} (as of the meeting date).")
    if not ours:
        todos.append("Add our delegation, with titles.")
    if not theirs:
        todos.append("Add their delegation, with titles.")
    note = "The delegations as registered with the meeting."
    return Participants(ours, theirs, note, " ".join(todos) or None)


def _person(ctx: BriefContext, delegate: Delegate, seen: list[PersonSeen]) -> Person:
    from search.extract.aliases import same_person

    names = [n for n in (delegate.name, delegate.typed) if n]
    match = next(
        (p for p in seen if any(same_person(n, x) for n in names for x in (p.name, *p.aliases))),
        None,
    )
    role = delegate.role
    if match is not None:
        contact = next(
            (e for e in ctx.engagements()
             if any(match.name in people for people in e.participants.values())),
            None,
        )  # fmt: skip
        if contact is not None:
            text = engagement_label(contact) + (f" in {contact.place}" if contact.place else "")
            text += f", {day(contact.date)}"
            cite = ctx.cite(match.source, *contact.sources[:1])
        else:
            text = f"last reported {day(match.last_seen)}"
            cite = ctx.cite(match.source)
        role = role or match.role
        return Person(delegate.name, role, text, cite, None if role else "role not reported")
    found = ctx.corpus.find_person(delegate.typed or delegate.name) if delegate.known else None
    if found is not None:
        role = role or found.role
        return Person(
            delegate.name,
            role,
            f"last reported {day(found.date)} (not with {ctx.home_name})",
            ctx.cite(found.source),
            None if role else "role not reported in the archive",
        )
    note = "as typed: not found in the archive, add role and last contact"
    if delegate.known:
        note = "in the people registry; no contact with this pair in the archive"
    return Person(delegate.name, role, None, (), None if role and delegate.known else note)


def follow_ups(
    ctx: BriefContext, previous: Meeting | None, outcome: Outcome | None
) -> tuple[tuple[Item, ...], str | None]:
    """The agreed items and follow-ups of the last meeting's outcome, and a note.

    Returns no items (and a note saying what to do) when the last meeting has no outcome
    recorded, or nothing was agreed or given to follow up.
    """
    if previous is None:
        return (), None
    if outcome is None:
        return (), (
            f"No outcome is recorded for the meeting of {previous.date} (record it: "
            f"briefroom meetings outcome {previous.id} --status held ...)."
        )
    home = previous.home or ctx.home
    items = []
    for entry in outcome.items[:MAX_FOLLOW_UPS]:
        overdue = entry.overdue(ctx.as_of)
        label = "Agreed" if entry.kind == "agreed" else "Follow-up"
        if overdue:
            label += ", overdue"
        text = entry.text
        if entry.owner:
            text = f"{entry.owner}: {text}"
        text += f" (due {entry.due}" + (", overdue)" if overdue else ")") if entry.due else ""
        verb = "Agreed" if entry.kind == "agreed" else "Follow-up"
        source = record_source(previous, home, f"{verb}: {entry.describe()}")
        items.append(Item(text, ctx.cite(source), entry.due or previous.date, label))
    held = f"the meeting of {previous.date} ({outcome.status})"
    if not items:
        return (), f"Nothing agreed or to follow up is recorded for {held}."
    late = sum(1 for entry in outcome.items if entry.overdue(ctx.as_of))
    note = f"From the outcome recorded for {held}"
    note += f"; {late} overdue as of {ctx.as_of.isoformat()}." if late else "."
    return tuple(items), note
