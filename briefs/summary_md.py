"""Markdown reports of pair summaries and country profiles (``--md``).

Every fact line ends with citations ``[n]`` into the numbered "Sources" list at the
end (article title, publisher, date, id and the cited sentence).  Article text is
untrusted: it is escaped so that it cannot open links, HTML, tables or headings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from briefs.brief_context import topic_label
from briefs.evidence import Source
from briefs.relations import CountryProfile, PairSummary, PersonSeen, Window
from search.extract.countries import country_name

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")
_BARS = "▁▂▃▄▅▆▇█"


class Citations:
    """Numbers sources in the order they are first cited."""

    def __init__(self) -> None:
        self.sources: list[Source] = []
        self._numbers: dict[tuple[str, str], int] = {}

    def cite(self, *sources: Source) -> str:
        """``[n]`` marks for these sources ("" for none)."""
        marks = []
        for source in sources:
            key = (source.article, source.sentence)
            if key not in self._numbers:
                self.sources.append(source)
                self._numbers[key] = len(self.sources)
            mark = f"[{self._numbers[key]}]"
            if mark not in marks:
                marks.append(mark)
        return " " + "".join(marks) if marks else ""

    def section(self) -> list[str]:
        """The numbered sources list."""
        lines = ["## Sources", ""]
        if not self.sources:
            return [*lines, "None.", ""]
        for n, s in enumerate(self.sources, 1):
            meta = ", ".join(x for x in (s.source, s.date or "undated") if x)
            lines.append(f"{n}. {esc(s.title)} ({esc(meta)}; id `{code(s.article)}`)")
            lines.append(f"   > {esc(s.sentence)}")
        return [*lines, ""]


def esc(text: str | None) -> str:
    """Untrusted text as inert Markdown (one line)."""
    return _SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def code(text: str) -> str:
    """Text for inside backticks (no backticks of its own)."""
    return " ".join(text.replace("`", "'").split())


def sparkline(values: Sequence[int]) -> str:
    """Unicode bars, one per value."""
    if not values:
        return ""
    top = max(values) or 1
    return "".join(_BARS[min(len(_BARS) - 1, round(v / top * (len(_BARS) - 1)))] for v in values)


def _n(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1] + 'ies' if noun.endswith('y') else noun + 's'}"


def _window(window: Window) -> str:
    if window.open:
        return "all dates"
    since = window.since.isoformat() if window.since else "…"
    until = window.until.isoformat() if window.until else "…"
    return f"{since} to {until}"


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "no dated article"
    return first if first == last else f"{first} to {last}"


def _counted(items: Iterable[tuple[str, int]], fmt: Callable[[str], str] = esc) -> str:
    shown = [f"{fmt(k)} ({n})" for k, n in items]
    return "; ".join(shown) if shown else "none found"


def _topic(key: str) -> str:
    """A topic by its name in words (the taxonomy's label), never its raw id."""
    return esc(topic_label(key))


def _of(shown: int, total: int, noun: str) -> str:
    """``60 of 179 engagements`` when a list is cut, else ``179 engagements``."""
    return f"{shown} of {_n(total, noun)}" if total > shown else _n(shown, noun)


def _people(lines: list[str], people: Sequence[PersonSeen], cites: Citations) -> None:
    if not people:
        lines.append("- None named.")
    for p in people:
        role = f", {esc(p.role)}" if p.role else ""
        aka = f" (also {esc(', '.join(p.aliases))})" if p.aliases else ""
        seen = p.last_seen or "undated"
        lines.append(
            f"- **{esc(p.name)}**{role}{aka}: last seen {seen}, {p.articles} "
            f"article{'s' if p.articles != 1 else ''}.{cites.cite(p.source)}"
        )


# --------------------------------------------------------------------------- pair


def pair_markdown(summary: PairSummary) -> str:
    """A readable report of a pair summary, with citations and a sources list."""
    s = summary
    cites = Citations()
    name_a, name_b = country_name(s.a), country_name(s.b)
    engagements = _of(len(s.engagements), s.engagements_total, "engagement")
    commitments = _of(len(s.commitments), s.commitments_total, "commitment")
    lines = [
        f"# {esc(name_a)} and {esc(name_b)}: relationship summary",
        "",
        f"*{s.a}–{s.b} · {_window(s.window)} · {_n(len(s.articles), 'article')} "
        f"({_n(s.stories, 'story')}) · {_span(s.first_date, s.last_date)} · {engagements} · "
        f"{commitments}*",
        "",
    ]
    if s.monthly_volume:
        first, last = s.monthly_volume[0][0], s.monthly_volume[-1][0]
        bars = sparkline([n for _, n in s.monthly_volume])
        lines += [f"Monthly volume {first} to {last}: `{bars}`", ""]
    lines += _pair_engagements(s, engagements, cites)
    lines += _pair_events(s)
    lines += ["## People", ""]
    for side in (s.a, s.b):
        lines += [f"### {esc(country_name(side))}", ""]
        _people(lines, s.people.get(side, ()), cites)
        lines.append("")
    lines += ["## Organisations and fora", "", _counted(s.orgs) + ".", ""]
    lines += ["## Topics", "", _counted(s.topics, _topic) + ".", ""]
    lines += _pair_commitments(s, commitments, cites)
    lines += _pair_latest(s, cites)
    lines += _caveats(s.caveats, s.sources)
    lines += _pair_articles(s)
    lines += cites.section()
    return "\n".join(lines)


def _pair_engagements(s: PairSummary, counted: str, cites: Citations) -> list[str]:
    lines = ["## Engagements", ""]
    if s.engagements_total > len(s.engagements):
        lines += [f"The latest {counted}.", ""]
    if not s.engagements:
        lines.append("No meeting, visit or call between them was found.")
    for e in s.engagements:
        head = ", ".join(x for x in (e.date or "undated", e.type, esc(e.place)) if x)
        sides = []
        for side, names in e.participants.items():
            people = ", ".join(
                f"{esc(n)} ({esc(e.roles[n])})" if e.roles.get(n) else esc(n) for n in names
            )
            sides.append(f"{esc(country_name(side))}: {people or 'not named'}")
        topics = f" Topics: {', '.join(_topic(t) for t in e.topics)}." if e.topics else ""
        lines.append(f"- **{head}.** {'; '.join(sides)}.{topics}{cites.cite(*e.sources)}")
    lines.append("")
    return lines


def _pair_events(s: PairSummary) -> list[str]:
    lines = ["## Events and cooperation (heuristic coding)", ""]
    if s.event_counts:
        lines += ["| Type | Events | Mean score |", "|---|---:|---:|"]
        lines += [f"| {c.type} | {c.count} | {c.mean_score:+.2f} |" for c in s.event_counts]
        lines.append("")
    else:
        lines += ["No coded event between them.", ""]
    if s.cooperation_by_quarter:
        lines.append(
            "Mean cooperation score by quarter (−10 conflict … +10 cooperation): "
            + "; ".join(f"{q} {score:+.2f} ({n})" for q, score, n in s.cooperation_by_quarter)
            + "."
        )
        lines.append("")
    return lines


def _pair_commitments(s: PairSummary, counted: str, cites: Citations) -> list[str]:
    lines = ["## Commitments", ""]
    if s.commitments_total > len(s.commitments):
        lines += [f"The latest {counted}.", ""]
    if not s.commitments:
        lines.append("None found.")
    for c in s.commitments:
        parties = ", ".join(c.parties) or "unstated parties"
        when = f", {c.date}" if c.date else ""
        lines.append(
            f"- {esc(c.kind)} ({esc(c.status)}; {parties}{when}): {esc(c.summary)}."
            f"{cites.cite(c.source)}"
        )
    lines.append("")
    return lines


def _pair_latest(s: PairSummary, cites: Citations) -> list[str]:
    lines = ["## Latest developments", ""]
    if s.stories > len(s.latest) and s.latest:
        lines += [f"The latest {_of(len(s.latest), s.stories, 'story')}.", ""]
    if not s.latest:
        lines.append("None.")
    for x in s.latest:
        lines.append(f"- {x.date or 'undated'}: {esc(x.sentence)}{cites.cite(x)}")
    lines.append("")
    return lines


def _pair_articles(s: PairSummary) -> list[str]:
    lines = ["## Articles", ""]
    if not s.article_refs:
        lines.append("None.")
    for r in s.article_refs:
        meta = ", ".join(x for x in (r.source, r.date or "undated") if x)
        title = esc(r.title) if r.title.strip() else "(untitled)"
        lines.append(f"- `{code(r.id)}` {title} ({esc(meta)}; {', '.join(r.countries) or '-'})")
    lines.append("")
    return lines


# --------------------------------------------------------------------------- country


def profile_markdown(profile: CountryProfile) -> str:
    """A readable report of a country profile, with citations and a sources list."""
    p = profile
    cites = Citations()
    lines = [
        f"# {esc(country_name(p.code))}: country profile",
        "",
        f"*{p.code} · {_window(p.window)} · {_n(p.articles, 'article')} "
        f"({_n(p.stories, 'story')}) · {_span(p.first_date, p.last_date)}*",
        "",
    ]
    if p.monthly_volume:
        first, last = p.monthly_volume[0][0], p.monthly_volume[-1][0]
        bars = sparkline([n for _, n in p.monthly_volume])
        lines += [f"Monthly volume {first} to {last}: `{bars}`", ""]
    partners = [(f"{country_name(c)} ({c})", n) for c, n in p.partners]
    lines += ["## Main partners", "", _counted(partners) + ".", ""]
    lines += ["## People", ""]
    _people(lines, p.people, cites)
    lines.append("")
    lines += ["## Topics", "", _counted(p.topics, _topic) + ".", ""]
    lines += ["## Organisations and fora", "", _counted(p.orgs) + ".", ""]
    lines += ["## Recent events (heuristic coding)", ""]
    if not p.recent_events:
        lines.append("None.")
    for e in p.recent_events:
        actors = ", ".join(e.actors)
        flag = " (historical)" if e.historical else ""
        lines.append(
            f"- {e.date or 'undated'}: {e.type.lower()} ({actors}; {e.score:+.1f}){flag}: "
            f"{esc(e.source.sentence)}{cites.cite(e.source)}"
        )
    lines.append("")
    lines += ["## Latest developments", ""]
    if p.stories > len(p.latest) and p.latest:
        lines += [f"The latest {_of(len(p.latest), p.stories, 'story')}.", ""]
    for x in p.latest:
        lines.append(f"- {x.date or 'undated'}: {esc(x.sentence)}{cites.cite(x)}")
    if not p.latest:
        lines.append("None.")
    lines.append("")
    lines += _caveats(p.caveats, p.sources)
    lines += cites.section()
    return "\n".join(lines)


def _caveats(caveats: Sequence[str], sources: Sequence[tuple[str, int]]) -> list[str]:
    lines = ["## Caveats", ""]
    lines += [f"- {esc(c)}" for c in caveats]
    if sources:
        lines.append(f"- Publishers (articles): {_counted(sources)}.")
    return [*lines, ""]
