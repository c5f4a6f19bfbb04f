"""The counterpart on its own: a brief's fallback when the pair's coverage is thin.

An archive may hold 40 stories on Norway and none naming Kazakhstan with it (issue 13:
statedept + reuters21578).  A brief made only of the pair's articles is then all
placeholders, though the archive knows who governs Norway, what happened there lately
and whom its officials met.  When the articles concerning both sides are fewer than
`THIN_COVERAGE`, the brief adds a profile of the counterpart from its own articles:

- recent developments: the newest stories naming the counterpart (the pair's own left
  out, they are in the other sections), each by its sentence naming the counterpart;
- leaders: its people in the people registry (`search.ingest.registry`), most reported first,
  each with the role last reported on or before the meeting date (never a later one);
- its engagements with third countries (meetings, visits, calls without our side).

Every line cites its sentence; nothing dated after the brief's as-of day is used.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from typing import Any

from briefs.brief_context import BriefContext, clip, day, said
from briefs.brief_model import Item, Person, Profile
from briefs.wording import end_sentence
from search.extract.countries import country_name

# Fewer articles concerning both sides than this (up to the as-of date) is "thin": one
# story, or a handful of wire copies, cannot give a background, issues and asks, so the
# brief adds the counterpart's own profile.  Five is a handful: on the 17,600-article
# test archive the pairs at or above it had at least one engagement or commitment.
THIN_COVERAGE = 5
MAX_DEVELOPMENTS = 5
MAX_LEADERS = 6
MAX_THIRD = 5
# Candidates read for each list (newest or most reported first): bounds the work.
_SCAN = 60
# A sentence announcing what follows, not saying anything itself.
_ANNOUNCES = re.compile(r"\b(?:the following|following (?:is|are)|as follows)\b|:$", re.I)
# Roles of office holders, listed before other people of the counterpart (bankers,
# economists, company directors) whom a wire story also names.
_OFFICE = re.compile(
    r"\b(?:minister|president|prime|premier|king|queen|crown prince|secretary|ambassador|"
    r"envoy|spokes(?:man|woman|person)|parliament|speaker|chair(?:man|woman)?|governor|"
    r"state|foreign|defen[cs]e|deputy|senator|mp|storting|official|chancellor|mayor)\b",
    re.I,
)
# People last reported longer ago than this before the meeting come after the others.
RECENT_DAYS = 730


def is_thin(articles: int) -> bool:
    """True when this many articles concerning both sides make thin coverage."""
    return articles < THIN_COVERAGE


def counterpart_profile(ctx: BriefContext, meeting_day: date) -> Profile:
    """The counterpart's recent developments, leaders and engagements with others.

    Args:
        ctx: The brief's context (pair, as-of date, citations).
        meeting_day: The meeting's date: roles are given as of it (or of the as-of
            date, when that is earlier: nothing later is known).
    """
    until = min(meeting_day, ctx.as_of).isoformat()
    developments, stories = _developments(ctx, until)
    leaders, known = _leaders(ctx, until)
    third, met = _third_countries(ctx, until)
    parts = []
    if stories > len(developments):
        parts.append(f"developments: {len(developments)} of {stories} stories")
    if known > len(leaders):
        parts.append(f"people: {len(leaders)} of {known}")
    if met > len(third):
        parts.append(f"engagements: {len(third)} of {met}")
    articles = ctx.corpus.coverage(ctx.as_of.isoformat())[0]
    note = (
        f"Coverage of {ctx.home_name} and {ctx.name} together is thin "
        f"({articles} article{'' if articles == 1 else 's'} concerning both): "
        f"what the archive says of {ctx.name} on its own, up to {until}."
    )
    if parts:
        note += " Shown: " + "; ".join(parts) + "."
    todo = None
    if not (developments or leaders or third):
        todo = (
            f"The archive holds nothing on {ctx.name} up to {until}: add its current leaders, "
            "recent developments and its relations with others."
        )
    elif not leaders:
        todo = f"Add {possessive_name(ctx.name)} leaders and their roles as of {until}."
    return Profile(tuple(developments), tuple(leaders), tuple(third), note, todo)


def possessive_name(name: str) -> str:
    """``Norway's``, ``United States'``."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


# --------------------------------------------------------------------------- developments


def _developments(ctx: BriefContext, until: str) -> tuple[list[Item], int]:
    """The newest stories naming the counterpart (not the pair's own), one line each."""
    rows = ctx.corpus.store.conn.execute(
        "SELECT min(a.rowid), max(a.date) FROM article_countries x "
        "CROSS JOIN articles a ON a.rowid = x.article "
        "WHERE x.code = ? AND a.date IS NOT NULL AND substr(a.date, 1, 10) <= ? "
        "AND x.article NOT IN (SELECT rowid FROM temp.brief_scope) "
        "GROUP BY a.cluster ORDER BY max(a.date) DESC, min(a.rowid) DESC",
        (ctx.counterpart, until),
    ).fetchall()
    items: list[Item] = []
    seen: set[str] = set()
    for rowid, _when in rows[:_SCAN]:
        if len(items) >= MAX_DEVELOPMENTS:
            break
        source = ctx.corpus.cite(int(rowid), _naming_sentence(ctx, int(rowid)))
        if said(source) in seen:
            continue
        seen.add(said(source))
        items.append(Item(clip(source.sentence), ctx.cite(source), day(source.date)))
    return items, len(rows)


def _naming_sentence(ctx: BriefContext, rowid: int) -> int:
    """The sentence that says what happened to the counterpart: the article's lead when
    it names the counterpart, else its first body sentence that does, else its title
    when that does (a country named in passing in a long story is cited where it is
    named).  Announcements of what follows ("issued the following joint statement")
    say nothing and are passed over."""
    lead = ctx.corpus.evidence.lead(rowid)
    text, extraction = ctx.corpus.text(rowid)
    sentences = extraction.get("sentences", ())

    def said_at(number: int) -> str:
        start, end = sentences[number]
        return " ".join(text[start:end].split())

    naming = sorted(
        {
            int(number)
            for kind, key, _start, _end, number, *_ in extraction.get("mentions", ())
            if kind == "country" and key == ctx.counterpart and 0 <= int(number) < len(sentences)
        }
    )
    telling = [n for n in naming if not _ANNOUNCES.search(said_at(n))]
    for number in telling:
        if said_at(number) == lead.sentence:
            return number
    first_body = 1 if len(sentences) > 1 else 0
    body = [n for n in telling if n >= first_body]
    if body:
        return body[0]
    if telling:
        return telling[0]  # the title
    return naming[0] if naming else first_body


# --------------------------------------------------------------------------- leaders


def _leaders(ctx: BriefContext, until: str) -> tuple[list[Person], int]:
    """The counterpart's people with a role on record, each with the role as of
    ``until``: office holders first, then the others, most reported first; people not
    reported in the two years before ``until`` come last, flagged."""
    conn = ctx.corpus.store.conn
    rows = conn.execute(
        "SELECT id, name FROM people WHERE country = ? "
        "AND (first_seen IS NULL OR substr(first_seen, 1, 10) <= ?) "
        "ORDER BY articles DESC, id",
        (ctx.counterpart, until),
    ).fetchall()
    found: list[tuple[bool, bool, int, Person]] = []
    recent = (date.fromisoformat(until) - timedelta(days=RECENT_DAYS)).isoformat()
    for order, (person, name) in enumerate(rows[:_SCAN]):
        latest = conn.execute(
            "SELECT m.role, m.article, m.sentence, a.date FROM person_mentions m "
            "JOIN articles a ON a.rowid = m.article WHERE m.person = ? "
            "AND a.date IS NOT NULL AND substr(a.date, 1, 10) <= ? "
            "ORDER BY m.role IS NULL, a.date DESC, a.rowid DESC LIMIT 1",
            (person, until),
        ).fetchone()
        if latest is None or latest[0] is None:
            continue  # no role on record (or only undated mentions): not a leader to list
        role, article, sentence, when = latest
        seen = conn.execute(
            "SELECT max(a.date) FROM person_mentions m JOIN articles a ON a.rowid = m.article "
            "WHERE m.person = ? AND a.date IS NOT NULL AND substr(a.date, 1, 10) <= ?",
            (person, until),
        ).fetchone()[0]
        source = ctx.corpus.cite(int(article), int(sentence))
        last = day(seen or when)
        # Someone not reported for years may no longer hold the role: listed after, flagged.
        stale = last < recent
        person_line = Person(
            str(name),
            str(role),
            f"last reported {last}",
            ctx.cite(source),
            f"not reported since {last[:4]}: check the role is still held" if stale else None,
        )
        found.append((stale, not _OFFICE.search(str(role)), order, person_line))
    found.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in found[:MAX_LEADERS]], len(found)


# --------------------------------------------------------------------------- engagements


def _third_countries(ctx: BriefContext, until: str) -> tuple[list[Item], int]:
    """The counterpart's meetings, visits and calls without our side, newest first."""
    from search.ingest.corrections import Overlay

    conn = ctx.corpus.store.conn
    overlay = Overlay.load(conn)
    rows = conn.execute(
        "SELECT e.article, e.sentence, e.type, e.status, coalesce(e.date, a.date), e.place, "
        "e.sides, e.participants, a.cluster, a.id FROM engagement_sides s "
        "CROSS JOIN engagements e ON e.article = s.article AND e.seq = s.seq "
        "CROSS JOIN articles a ON a.rowid = e.article "
        "WHERE s.side = ? AND a.date IS NOT NULL AND substr(a.date, 1, 10) <= ? "
        "ORDER BY coalesce(e.date, a.date) DESC, a.rowid DESC, e.seq",
        (ctx.counterpart, until),
    ).fetchall()
    items: list[Item] = []
    seen: set[tuple[Any, ...]] = set()
    total = 0
    for article, sentence, kind, status, when, place, sides, people, cluster, aid in rows:
        others = [s for s in str(sides).split(",") if s and s != ctx.counterpart]
        if ctx.home in others or not others or status == "planned":
            continue
        if when and str(when)[:10] > until:
            continue
        if overlay.rejects_engagement(str(aid), int(sentence), str(kind)):
            continue
        key = (str(kind), str(when or "")[:10], frozenset(others))
        if key in seen or ("cluster", cluster, kind) in seen:
            continue  # the same engagement in another report or copy
        seen.update({key, ("cluster", cluster, kind)})
        total += 1
        if len(items) >= MAX_THIRD:
            continue
        source = ctx.corpus.cite(int(article), int(sentence))
        text = _engagement_line(ctx, str(kind), place, others, people)
        label = "Background" if status == "background" else None
        items.append(Item(text, ctx.cite(source), day(when), label))
    return items, total


def _engagement_line(
    ctx: BriefContext, kind: str, place: str | None, others: list[str], people: str | None
) -> str:
    """``Multilateral with the United States, France (+4 more) in Rome. Norway: X``."""
    names = [o.removeprefix("org:") if o.startswith("org:") else country_name(o) for o in others]
    shown = ", ".join(names[:4]) + (f" (+{len(names) - 4} more)" if len(names) > 4 else "")
    text = f"{kind.capitalize()} with {shown}"
    if place:
        text += f" in {place}"
    try:
        named = json.loads(people or "[]")
    except ValueError:
        named = []
    theirs = [str(name) for side, name in named if side == ctx.counterpart]
    if theirs:
        text = end_sentence(text) + f" {ctx.name}: {', '.join(dict.fromkeys(theirs))}"
    return text
