"""Participants, background and engagements of a brief (who, what happened, when).

Each bullet cites the sentences it rests on; what the archive does not say is left as
a ``todo`` for the author.
"""

from __future__ import annotations

from briefs.brief_context import (
    BriefContext,
    clip,
    day,
    engagement_label,
    engagement_text,
    said,
)
from briefs.brief_model import Item, Participants, Person, Section
from briefs.evidence import Source
from briefs.meeting_model import Meeting
from briefs.relations import Engagement, PersonSeen

MAX_THEIRS = 6
MAX_OURS = 4
RECENT_ENGAGEMENTS = 3
MAX_BACKGROUND = 8
MAX_ENGAGEMENTS = 10
# Events that make a staccato background fact (intentions go to commitments).
_BACKGROUND = ("SUPPORT", "AID", "COOPERATE", "AGREE", "CONSULT")
_FACT_LABELS = {
    "SUPPORT": "Support",
    "AID": "Aid",
    "COOPERATE": "Cooperation",
    "AGREE": "Agreement",
    "CONSULT": "Earlier contact",
}


# --------------------------------------------------------------------------- participants


def participants(ctx: BriefContext, meeting: Meeting) -> Participants:
    """Who attends: the names the user gave, else the delegations of the last meeting."""
    people = [p for side in (ctx.home, ctx.counterpart) for p in ctx.summary.people.get(side, ())]
    ours: list[Person] = []
    theirs: list[Person] = []
    if meeting.participants:
        for name in meeting.participants:
            seen = next((p for p in people if _same(name, p)), None)
            if seen is not None:
                (ours if seen.country == ctx.home else theirs).append(_person(ctx, seen))
                continue
            person, side = _elsewhere(ctx, name)
            (ours if side == ctx.home else theirs).append(person)
        missing = [p.name for p in ours + theirs if not p.role]
        todos = (
            [f"Add the titles of {', '.join(missing)} (as of the meeting date)."] if missing else []
        )
        if not ours:
            todos.append("Add our delegation, with titles.")
        todo = " ".join(todos) or None
        return Participants(tuple(ours), tuple(theirs), None, todo)
    # Who met whom recently: the delegations of the latest engagements, newest first.
    met: dict[str, list[str]] = {ctx.home: [], ctx.counterpart: []}
    for engagement in ctx.engagements()[:RECENT_ENGAGEMENTS]:
        for side, names in met.items():
            names.extend(n for n in engagement.participants.get(side, ()) if n not in names)
    proposed_from = "the delegations of the latest engagements"
    for side, names in met.items():
        if not names:  # nobody of this side named at an engagement: the most reported
            names.extend(p.name for p in ctx.summary.people.get(side, ()))
            proposed_from += f" ({ctx.side_name(side)}: the people the archive reports most)"
    for side, out, limit in ((ctx.counterpart, theirs, MAX_THEIRS), (ctx.home, ours, MAX_OURS)):
        # An engagement names a person as its article did ("Wendy Sherman"); the pair's
        # people list, by the registry's fullest name ("Wendy R. Sherman").
        known = ctx.summary.people.get(side, ())
        chosen: list[PersonSeen] = []
        for name in met[side]:
            seen = next((p for p in known if p.name == name), None) or next(
                (p for p in known if _same(name, p)), None
            )
            if seen is not None and seen not in chosen:
                chosen.append(seen)
        out.extend(_person(ctx, seen) for seen in chosen[:limit])
    note = f"Proposed from {proposed_from}: confirm who attends." if ours or theirs else None
    todo = "Add who attends on each side, with titles as of the meeting date."
    if theirs and ours:
        todo = "Confirm the delegations; add the people the archive does not name."
    return Participants(tuple(ours), tuple(theirs), note, todo)


def _same(name: str, person: PersonSeen) -> bool:
    from search.extract.aliases import same_person

    return any(same_person(name, n) for n in (person.name, *person.aliases))


def _person(ctx: BriefContext, seen: PersonSeen) -> Person:
    contact = _last_contact(ctx, seen)
    if contact is not None:
        text = engagement_label(contact) + (f" in {contact.place}" if contact.place else "")
        text += f", {day(contact.date)}"
        cite = ctx.cite(seen.source, contact.sources[0])
    else:
        text = f"last reported {day(seen.last_seen)}"
        cite = ctx.cite(seen.source)
    note = None if seen.role else "role not reported in the archive"
    return Person(seen.name, seen.role, text, cite, note)


def _last_contact(ctx: BriefContext, seen: PersonSeen) -> Engagement | None:
    for engagement in ctx.engagements():
        names = [n for side in engagement.participants.values() for n in side]
        if seen.name in names or any(_same(name, seen) for name in names):
            return engagement
    return None


def _elsewhere(ctx: BriefContext, name: str) -> tuple[Person, str]:
    """A participant the pair articles do not name: look in the whole archive."""
    found = ctx.corpus.find_person(name)
    if found is None:
        note = "not found in the archive: add role and last contact"
        return Person(name, None, None, (), note), ctx.counterpart
    person = Person(
        found.name,
        found.role,
        f"last reported {day(found.date)} (not with {ctx.home_name})",
        ctx.cite(found.source),
        None if found.role else "role not reported in the archive",
    )
    return person, (ctx.home if found.country == ctx.home else ctx.counterpart)


# --------------------------------------------------------------------------- background


def background(ctx: BriefContext, commitment_sentences: set[tuple[str, str]]) -> Section:
    """Staccato facts with dates: the last meeting first, then relations and cooperation."""
    items: list[Item] = []
    last = ctx.last_meeting()
    todo = None
    if last is not None:
        items.append(
            Item(
                engagement_text(ctx, last),
                ctx.cite(*last.sources[:3]),
                day(last.date),
                "Last meeting",
            )
        )
        ctx.shown.update((s.article, s.sentence) for s in last.sources)
    else:
        todo = (
            f"No meeting between {ctx.home_name} and {ctx.name} is in the archive: "
            "add the last meeting (date, place, who, outcome)."
        )
    skip = {" ".join(text.lower().split()) for _article, text in commitment_sentences | ctx.shown}
    facts: list[Item] = []
    for source, label in _relations_facts(ctx):
        if said(source) not in skip:
            skip.add(said(source))
            facts.append(Item(clip(source.sentence), ctx.cite(source), day(source.date), label))
    for event in ctx.corpus.events(_BACKGROUND):
        if len(facts) >= MAX_BACKGROUND:
            break
        if event.type == "CONSULT" and not event.historical:
            continue  # current engagements are listed under engagements
        if event.type == "AGREE" and event.mode not in ("agree", "sign"):
            continue
        if not ctx.known(event.date):
            continue
        source = ctx.corpus.cite(event.rowid, event.sentence)
        if said(source) in skip:
            continue  # shown already, or the same sentence in another copy
        skip.add(said(source))
        label = "Signature" if event.mode == "sign" else _FACT_LABELS.get(event.type, event.type)
        facts.append(Item(clip(source.sentence), ctx.cite(source), day(event.date), label))
    items.extend(facts[:MAX_BACKGROUND])
    if not facts and todo is None:
        todo = "Add the key facts and dates of the relationship (relations, embassies, agreements)."
    elif not facts and todo is not None:
        todo += " Add the key facts and dates of the relationship."
    return Section(tuple(items), None, todo)


def _relations_facts(ctx: BriefContext) -> list[tuple[Source, str]]:
    """Sentences on the diplomatic relations themselves ("a quarter-century of relations")."""
    _counts, where = ctx.topic_index()
    found = []
    for place in where.get("diplomatic_relations", ())[:12]:
        source = ctx.corpus.cite(place.rowid, place.sentence)
        if "diplomatic relations" in source.sentence.lower() and ctx.known(source.date):
            found.append((source, "Relations"))
            if len(found) == 2:
                break
    return found


# --------------------------------------------------------------------------- engagements


def engagements(ctx: BriefContext, previous: Meeting | None) -> Section:
    """The engagements since the last recorded meeting (else the latest ones)."""
    ledger = ctx.engagements()
    # The pair summary reads the newest engagements only (`briefs.engagements.LIMIT`).
    unread = max(ctx.summary.engagements_total - len(ctx.summary.engagements), 0)
    if previous is not None:
        ledger = [e for e in ledger if e.date and e.date[:10] >= previous.date]
        note = f"Since the meeting of {previous.date} recorded in briefroom."
        unread = 0 if len(ledger) < len(ctx.engagements()) else unread
    else:
        note = (
            f"No earlier meeting with {ctx.name} is recorded in briefroom: "
            "the latest engagements in the archive."
        )
    items = tuple(
        Item(engagement_text(ctx, e), ctx.cite(*e.sources[:3]), day(e.date))
        for e in ledger[:MAX_ENGAGEMENTS]
    )
    todo = None
    if not items:
        todo = "No engagement in the archive for this period: add visits, calls and meetings since."
    elif len(ledger) > MAX_ENGAGEMENTS or unread:
        total = len(ledger) + unread
        note += (
            f" {len(items)} of {total} engagements shown; the rest are in the pair summary "
            "(briefroom country)."
        )
    return Section(items, note, todo)


# --------------------------------------------------------------------------- coming up


def upcoming(ctx: BriefContext) -> Section:
    """Engagements announced between the two sides that have not happened by the as-of
    date: visits, talks and meetings to come."""
    as_of = ctx.as_of.isoformat()
    items: list[Item] = []
    announced_total = 0
    for engagement in ctx.summary.planned:
        announced = engagement.sources[0].date if engagement.sources else None
        if announced and announced[:10] > as_of:
            continue  # announced after the brief's date: not known yet
        if engagement.date and engagement.date[: len(as_of)] < as_of[: len(engagement.date)]:
            continue  # its day has passed
        if not engagement.date and announced and announced[:10] < _months_before(as_of, 3):
            continue  # an undated announcement of long ago
        text = engagement_text(ctx, engagement)
        if announced:
            text += f" (announced {announced[:10]})"
        announced_total += 1
        if len(items) >= MAX_ENGAGEMENTS:
            continue
        items.append(Item(text, ctx.cite(*engagement.sources[:3]), day(engagement.date),
                          "Coming up"))  # fmt: skip
    note = (
        None
        if items
        else (
            f"No visit, talks or meeting between {ctx.home_name} and {ctx.name} is announced in "
            "the archive."
        )
    )
    if announced_total > len(items):
        note = f"{len(items)} of {announced_total} announced engagements shown, soonest first."
    return Section(tuple(items), note, None)


def _months_before(iso: str, months: int) -> str:
    year, month = int(iso[:4]), int(iso[5:7]) - months
    while month < 1:
        year, month = year - 1, month + 12
    return f"{year:04d}-{month:02d}{iso[7:10]}"
