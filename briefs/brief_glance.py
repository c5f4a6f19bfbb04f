"""A brief's "At a glance": the note's first lines, the whole relationship in 3-6 bullets.

A principal reads the top of a memo and perhaps nothing else (issue 13), so the brief
opens with the state of relations, the last meeting, the trend, the open commitments and
what is new since the last meeting.  Each line is made from the brief's own facts,
already drafted in the sections below, and cites the sentences it rests on; a line the
archive cannot support is left out rather than written without a source.  For a pair
with thin coverage the counterpart's own profile supplies the last lines.
"""

from __future__ import annotations

from datetime import timedelta

from briefs.brief_context import BriefContext, clip, day, possessive, said
from briefs.brief_corpus import EventFact
from briefs.brief_issues import _OPEN, _known_commitments
from briefs.brief_model import Item, Profile, Section
from briefs.meeting_model import Meeting

MAX_LINES = 6
# The trend compares the stories of the last year with those of the year before.
TREND_DAYS = 365
# Mean cooperation score (-10..+10) from which relations read as cooperative / strained.
WARM = 1.0
COLD = -1.0


def glance(
    ctx: BriefContext,
    background: Section,
    previous: Meeting | None,
    profile: Profile | None,
) -> Section:
    """The "At a glance" lines, most telling first, each cited.

    Args:
        ctx: The brief's context.
        background: The drafted background (its last meeting and relations facts).
        previous: The last meeting with the counterpart recorded in briefroom, if any.
        profile: The counterpart's own profile, for a pair with thin coverage.
    """
    events = [e for e in ctx.corpus.all_events() if ctx.known(e.date)]
    last = next((i for i in background.items if i.label == "Last meeting"), None)
    notes: list[str] = []
    lines: dict[str, Item | None] = {
        "relations": _relations(ctx, events, background),
        "last": Item(clip(last.text, 200), last.cite, last.date, "Last meeting") if last else None,
        "new": _new_since(ctx, previous, notes),
        "open": _open_commitments(ctx),
        "trend": _trend(ctx, events),
    }
    if profile is not None:
        lines.update(_thin(ctx, profile))
    # Keep the most telling lines, shown in reading order.
    priority = ["relations", "last", "new", "open", "trend", "thin", "leaders", "third"]
    chosen = [key for key in priority if lines.get(key) is not None][:MAX_LINES]
    display = ["relations", "last", "trend", "open", "new", "thin", "leaders", "third"]
    items = tuple(lines[key] for key in display if key in chosen)
    kept = tuple(item for item in items if item is not None)
    if not kept:
        return Section(
            (),
            " ".join(notes) or None,
            "Sum up the relationship in 3-6 lines: state of relations, last meeting, trend, "
            "open commitments, what is new.",
        )
    notes.insert(0, "Drawn from the sections below; check each line against its sources.")
    return Section(kept, " ".join(notes), None)


def _relations(ctx: BriefContext, events: list[EventFact], background: Section) -> Item | None:
    """The tone of the coded events between the two sides, with the newest of each kind."""
    if not events:
        said_relations = next((i for i in background.items if i.label == "Relations"), None)
        if said_relations is None:
            return None
        return Item(clip(said_relations.text, 200), said_relations.cite, said_relations.date,
                    "Relations")  # fmt: skip
    cooperative = [e for e in events if e.score > 0]
    conflictual = [e for e in events if e.score < 0]
    mean = sum(e.score for e in events) / len(events)
    tone = "cooperative" if mean >= WARM else "strained" if mean <= COLD else "mixed"
    text = (
        f"{tone.capitalize()} on record: {len(cooperative)} of {len(events)} coded events "
        f"between {ctx.home_name} and {ctx.name} are cooperation, {len(conflictual)} conflict "
        f"(mean score {mean:+.1f} on -10 conflict to +10 cooperation; heuristic)"
    )
    cited = []
    seen: set[str] = set()
    for group in (cooperative, conflictual):
        for event in group:
            source = ctx.corpus.cite(event.rowid, event.sentence)
            if said(source) not in seen:
                seen.add(said(source))
                cited.append(source)
                break
    return Item(text, ctx.cite(*cited), day(events[0].date), "Relations")


def _trend(ctx: BriefContext, events: list[EventFact]) -> Item | None:
    """Stories and cooperation in the last year against the year before."""
    as_of = ctx.as_of
    year_ago = (as_of - timedelta(days=TREND_DAYS)).isoformat()
    two_ago = (as_of - timedelta(days=2 * TREND_DAYS)).isoformat()
    recent = ctx.corpus.stories_between(year_ago, as_of.isoformat())
    before = ctx.corpus.stories_between(two_ago, year_ago)
    if not recent:
        older = ctx.corpus.stories_between(None, as_of.isoformat())
        if not older:
            return None
        lead = ctx.corpus.evidence.lead(older[0])
        text = f"Quiet: no story in the year to {as_of.isoformat()}; the latest, {day(lead.date)}"
        return Item(f"{text}: {clip(lead.sentence, 160)}", ctx.cite(lead), day(lead.date), "Trend")
    direction = (
        "rising"
        if len(recent) > len(before)
        else "falling"
        if len(recent) < len(before)
        else "steady"
    )
    text = (
        f"Coverage {direction}: {_stories(len(recent))} in the year to {as_of.isoformat()}, "
        f"{_stories(len(before))} in the year before"
    )
    now = [e.score for e in events if e.date and e.date[:10] > year_ago]
    then = [e.score for e in events if e.date and two_ago < e.date[:10] <= year_ago]
    if now and then:
        text += (
            f"; cooperation score {sum(now) / len(now):+.1f} (before: {sum(then) / len(then):+.1f})"
        )
    lead = ctx.corpus.evidence.lead(recent[0])
    return Item(text, ctx.cite(lead), day(lead.date), "Trend")


def _stories(count: int) -> str:
    return f"{count} {'story' if count == 1 else 'stories'}"


def _open_commitments(ctx: BriefContext) -> Item | None:
    """How many commitments are still open, and the newest of them."""
    open_ = [c for c in _known_commitments(ctx) if c.status in _OPEN]
    if not open_:
        return None
    first = open_[0]
    count = f"{len(open_)} open commitment{'' if len(open_) == 1 else 's'}"
    text = f"{count} (stated, agreed or in progress); the latest: {clip(first.summary, 140)}"
    return Item(text, ctx.cite(*(c.source for c in open_[:2])), day(first.date),
                "Open commitments")  # fmt: skip


def _new_since(ctx: BriefContext, previous: Meeting | None, notes: list[str]) -> Item | None:
    """What the archive reports since the last meeting (recorded, else the ledger's)."""
    since: str | None = previous.date if previous is not None else None
    if since is None:
        last = ctx.last_meeting()
        since = last.date[:10] if last is not None and last.date else None
    if since is None:
        return None
    until = ctx.as_of.isoformat()
    if since >= until:
        return None
    stories = ctx.corpus.stories_between(since, until)
    if not stories:
        notes.append(f"Nothing in the archive since the last meeting ({since}).")
        return None
    lead = ctx.corpus.evidence.lead(stories[0])
    text = f"{_stories(len(stories))} since the last meeting ({since}); the latest: " + clip(
        lead.sentence, 160
    )
    return Item(text, ctx.cite(lead), day(lead.date), "New since")


def _thin(ctx: BriefContext, profile: Profile) -> dict[str, Item | None]:
    """Lines from the counterpart's own profile, for a pair with thin coverage."""
    out: dict[str, Item | None] = {}
    if profile.developments:
        first = profile.developments[0]
        out["thin"] = Item(
            f"Little on {ctx.home_name} and {ctx.name} together; {ctx.name} lately: "
            + clip(first.text, 160),
            first.cite,
            first.date,
            "Thin coverage",
        )
    if profile.engagements:
        latest = profile.engagements[0]
        out["third"] = Item(
            f"{possessive(ctx.name)} latest engagement with others: {clip(latest.text, 160)}",
            latest.cite,
            latest.date,
            "Elsewhere",
        )
    fresh = [p for p in profile.leaders if p.role and not p.note][:3]
    leaders = fresh or [p for p in profile.leaders if p.role][:3]
    if leaders:
        names = "; ".join(f"{p.name}, {p.role}" for p in leaders)
        if not fresh:  # all reported long ago: say when, they may have left office
            years = sorted({(p.last_contact or "")[-10:-6] for p in leaders} - {""})
            names += f" (last reported {'-'.join(dict.fromkeys([years[0], years[-1]]))})"
        cite = tuple(dict.fromkeys(n for p in leaders for n in p.cite))
        out["leaders"] = Item(names, cite, None, f"{ctx.name} on record")
    return out
