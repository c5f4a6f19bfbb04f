"""Key issues, their likely asks, commitments and sensitivities of a brief.

Issues are the topics the articles concerning both countries discuss most, each with
what is on record; asks are the counterpart's own requests and stated intentions;
commitments are sorted by who made them; sensitivities are the critical, hostile or
coercive events between the two sides.  Our line on each is the author's to write.
"""

from __future__ import annotations

from briefs.brief_context import BriefContext, clip, day, possessive, said, topic_label
from briefs.brief_corpus import TopicPlace
from briefs.brief_model import Commitments, Issue, Issues, Item, Section
from briefs.evidence import Source
from briefs.relations import CommitmentEntry

MAX_ISSUES = 5
FACTS_PER_ISSUE = 2
MAX_ASKS = 6
MAX_FOLLOW_UPS = 5
MAX_COMMITMENTS = 8  # per group (ours, theirs, joint), newest first
MAX_SENSITIVITIES = 6
# Requests read (newest first) to find the counterpart's own: bounds the work on big pairs.
MAX_SCAN = 300
# Too general to be an issue to brief on.
_NOT_ISSUES = frozenset({"diplomatic_relations"})
_STATUS = {
    "stated": "Intention",
    "in_progress": "In progress",
    "agreed": "Agreed",
    "signed": "Signed",
}
_OPEN = frozenset({"stated", "in_progress", "agreed"})
_NEGATIVE = {
    "ACCUSE": "Criticism",
    "REJECT": "Rejection",
    "THREATEN": "Threat",
    "PROTEST": "Protest",
    "MOBILIZE": "Mobilisation",
    "SANCTION": "Sanction",
    "COERCE": "Coercion",
    "ASSAULT": "Use of force",
}
# A commitment whose summary names both sides, or the sides together, is joint.
_TOGETHER = (
    "the sides",
    "both sides",
    "both countries",
    "the two countries",
    "the countries",
    "the interlocutors",
    "the parties",
    "the two ",
    "both ",
    "together",
    "jointly",
    "each other",
    "one another",
    "mutual",
)


# --------------------------------------------------------------------------- issues


def issues(ctx: BriefContext) -> Issues:
    """The topics discussed most between the two sides, each with what is on record."""
    counts, where = ctx.topic_index()
    # Recent salience: in how many of the latest stories a topic comes up, then how often.
    stories = {topic: len({p.rowid for p in places}) for topic, places in where.items()}
    candidates = sorted(
        (t for t in where if t not in _NOT_ISSUES),
        key=lambda t: (-stories[t], -counts.get(t, 0), t),
    )
    ranked = candidates[:MAX_ISSUES]
    known = _known_commitments(ctx)
    promised = {(c.source.article, c.source.sentence) for c in known}
    items = []
    for topic in ranked:
        label = topic_label(topic)
        sources = _topic_sources(ctx, where[topic])
        on_topic = {(s.article, s.sentence) for s in sources}
        points = [
            Item(
                f"Follow up: {clip(c.summary, 200)}",
                ctx.cite(c.source),
                day(c.date),
                _STATUS.get(c.status, c.status),
            )
            for c in known
            if (c.source.article, c.source.sentence) in on_topic
        ][:2]
        items.append(
            Issue(
                label,
                tuple(_topic_facts(ctx, sources, promised)),
                tuple(points),
                f"Our line on {_lower_first(label)}: the outcome we want, arguments to use, "
                "what we can offer.",
            )
        )
    if not items:
        return Issues((), None, "List the issues to raise, with our line and arguments on each.")
    note = "The topics the archive's articles concerning both countries discuss most."
    if len(candidates) > len(items):
        note += f" {len(items)} of {len(candidates)} topics shown."
    return Issues(tuple(items), note, None)


def _lower_first(label: str) -> str:
    """``nuclear disarmament`` from ``Nuclear disarmament``; ``UN and ...`` stays."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _topic_sources(ctx: BriefContext, places: list[TopicPlace]) -> list[Source]:
    """A topic's sentences in which the two sides act or are acted upon, best first:
    naming both sides, then one; never one naming a third country and neither of ours
    ("In the Kyrgyz Republic, the delegation will ..." is not a Kazakhstan-USA issue)."""
    acting = ctx.corpus.acting_sentences()
    ours = [
        p
        for p in places[:60]
        if (p.rowid, p.sentence) in acting or (p.sides >= 1 and p.others == 0)
    ]
    ordered = sorted(ours[:30], key=lambda p: (-p.sides, p.others))  # stable: newest first
    sources = [ctx.corpus.cite(p.rowid, p.sentence) for p in ordered]
    return [s for s in sources if ctx.known(s.date)]


def _topic_facts(
    ctx: BriefContext, sources: list[Source], promised: set[tuple[str, str]]
) -> list[Item]:
    """Up to two sentences on a topic, not already shown nor a commitment cited in points."""
    fresh = [s for s in sources if (s.article, s.sentence) not in ctx.shown | promised]
    # A sentence already shown elsewhere is cited again only when the topic has no other.
    chosen = fresh[:FACTS_PER_ISSUE] or sources[:1]
    ctx.shown.update((s.article, s.sentence) for s in chosen)
    return [Item(clip(s.sentence), ctx.cite(s), day(s.date)) for s in chosen]


# --------------------------------------------------------------------------- asks


def asks(ctx: BriefContext) -> Section:
    """The counterpart's requests and stated intentions ("called on", "urged")."""
    items: list[Item] = []
    seen: set[str] = set()
    for scanned, event in enumerate(ctx.corpus.events(("REQUEST",))):
        if len(items) >= MAX_ASKS or scanned >= MAX_SCAN:
            break
        if not ctx.known(event.date) or ctx.corpus.asker(event) != ctx.counterpart:
            continue
        source = ctx.corpus.cite(event.rowid, event.sentence)
        if said(source) in seen:
            continue
        seen.add(said(source))
        label = "Demand" if event.mode == "demand" else "Request"
        items.append(Item(clip(source.sentence), ctx.cite(source), day(event.date), label))
    for entry in ctx.summary.commitments:
        if len(items) >= MAX_ASKS:
            break
        if (
            entry.kind == "request"
            and tuple(entry.side) == (ctx.counterpart,)
            and ctx.known(entry.date)
            and said(entry.source) not in seen
        ):
            seen.add(said(entry.source))
            items.append(Item(clip(entry.summary), ctx.cite(entry.source), day(entry.date),
                              "Request"))  # fmt: skip
    for entry in _known_commitments(ctx):
        if len(items) >= MAX_ASKS:
            break
        if entry.kind == "intent" and committer(ctx, entry) == "theirs":
            items.append(
                Item(
                    clip(entry.summary), ctx.cite(entry.source), day(entry.date), "Stated intention"
                )
            )
    if not items:
        return Section(
            (),
            None,
            f"No request or appeal by {ctx.name} is in the archive: add their expected asks "
            "(certain / might / unlikely to be raised) and our response to each.",
        )
    note = (
        f"{possessive(ctx.name)} own requests and stated intentions in the archive "
        "(who asked is read from the sentence: check it)."
    )
    return Section(
        tuple(items), note, "Add our response to each ask, and asks known from other channels."
    )


# --------------------------------------------------------------------------- commitments


def _known_commitments(ctx: BriefContext) -> list[CommitmentEntry]:
    """Commitments between the two sides, or by one of them (the pair summary keeps out
    those a third country is party to); asks are listed apart."""
    pair = set(ctx.pair)
    return [
        c
        for c in ctx.summary.commitments
        if ctx.known(c.date)
        and c.kind != "request"
        and (pair <= set(c.parties) or (c.side and set(c.side) <= pair))
    ]


def committer(ctx: BriefContext, entry: CommitmentEntry) -> str:
    """``ours``, ``theirs`` or ``joint``: who made a commitment, from the side its sentence
    names as the subject (`search.extract.sides`), else from its words (heuristic)."""
    if entry.side:
        sides = set(entry.side) & set(ctx.pair)
        if sides == {ctx.home}:
            return "ours"
        if sides == {ctx.counterpart}:
            return "theirs"
        if sides == set(ctx.pair):
            return "joint"
    if entry.kind in ("agreement", "signature"):
        return "joint"
    text = entry.summary.lower()
    if any(word in text for word in _TOGETHER) or all(
        _names_side(ctx, side, text) for side in ctx.pair
    ):
        return "joint"
    first = entry.parties[0] if entry.parties else None
    if first == ctx.home:
        return "ours"
    if first == ctx.counterpart:
        return "theirs"
    return "joint"


def _names_side(ctx: BriefContext, side: str, text: str) -> bool:
    """Does ``text`` (lower case) name the country or one of its people (by surname)?"""
    if ctx.side_name(side).lower() in text:
        return True
    return any(
        person.name.split()[-1].lower() in text for person in ctx.summary.people.get(side, ())
    )


def commitments(ctx: BriefContext) -> Commitments:
    """What each side promised, what both agreed, and what to follow up."""
    groups: dict[str, list[Item]] = {"ours": [], "theirs": [], "joint": []}
    totals: dict[str, int] = {"ours": 0, "theirs": 0, "joint": 0}
    follow: list[Item] = []
    for entry in _known_commitments(ctx):
        who = committer(ctx, entry)
        group = groups[who]
        totals[who] += 1
        if len(group) >= MAX_COMMITMENTS:
            continue
        cite = ctx.cite(entry.source)
        label = _STATUS.get(entry.status, entry.status)
        group.append(Item(clip(entry.summary), cite, day(entry.date), label))
        if entry.status in _OPEN and len(follow) < MAX_FOLLOW_UPS:
            follow.append(
                Item(f"Check progress: {clip(entry.summary, 200)}", cite, day(entry.date))
            )
    if not any(groups.values()):
        return Commitments(
            todo=f"No commitment between {ctx.home_name} and {ctx.name} is in the archive: add "
            "what each side promised, and who follows up."
        )
    note = "Who committed is read from the sentence (heuristic): check each against its source."
    cut = [
        f"{name} {len(groups[key])} of {totals[key]}"
        for key, name in (("ours", "ours"), ("theirs", "theirs"), ("joint", "agreed together"))
        if totals[key] > len(groups[key])
    ]
    if cut:
        note += f" The latest shown: {', '.join(cut)}; the rest are in the pair summary."
    summary = ctx.summary
    if summary.commitments_total > len(summary.commitments):
        note += (
            f" Read from the newest {len(summary.commitments)} of "
            f"{summary.commitments_total} commitments in the register."
        )
    return Commitments(
        tuple(groups["ours"]),
        tuple(groups["theirs"]),
        tuple(groups["joint"]),
        tuple(follow),
        note,
        "Add who follows up on each, and by when.",
    )


# --------------------------------------------------------------------------- sensitivities


def sensitivities(ctx: BriefContext) -> Section:
    """Criticism, rejections, threats, protests, sanctions between the two sides."""
    items: list[Item] = []
    seen: set[str] = set()
    for event in ctx.corpus.events(tuple(_NEGATIVE)):
        if not ctx.known(event.date):
            continue
        source = ctx.corpus.cite(event.rowid, event.sentence)
        if said(source) in seen:
            continue
        seen.add(said(source))
        if len(items) >= MAX_SENSITIVITIES:
            continue  # counted (seen) for "N of M", not listed
        items.append(
            Item(clip(source.sentence), ctx.cite(source), day(event.date), _NEGATIVE[event.type])
        )
    todo = "Add topics to avoid and our defensive lines if they are raised."
    if not items:
        note = (
            f"No criticism, protest, threat or sanction between {ctx.home_name} and {ctx.name} "
            "is in the archive."
        )
        return Section((), note, todo)
    if len(seen) > len(items):
        return Section(tuple(items), f"The latest {len(items)} of {len(seen)} shown.", todo)
    return Section(tuple(items), None, todo)
