"""``briefroom country A [--with B]``: a country profile or a pair summary.

Registered on the main group by `tui.cli` (``register(cli)``).  Output: rich tables by
default, or one document on stdout with ``--json``, ``--yaml`` or ``--md``.  Article
text is untrusted, so the tables hold `rich.text.Text` built from plain strings and
nothing from an article is ever read as Rich markup; bidi controls in article text are
escaped in JSON and YAML and made visible (or dropped) in Markdown and tables
(`search.bidi`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from tui.cli_common import Context, country_code, fail, home_or_fail, no_home_country, plural

# `--with` given without a value: the configured home country.
_HOME = "\0home"


def register(cli: click.Group) -> None:
    """Add the ``country`` command to the CLI."""
    cli.add_command(country)


@click.command()
@click.argument("country_a", metavar="A")
@click.option(
    "--with",
    "country_b",
    metavar="B",
    is_flag=False,
    flag_value=_HOME,
    default=None,
    help="Summarise the pair A and B (no value: the home country, --home or config).",
)
@click.option("--since", metavar="D", help='From this date (2019-05, "last month").')
@click.option("--until", metavar="D", help="Up to this date (inclusive).")
@click.option("--json", "fmt", flag_value="json", help="One JSON document on stdout.")
@click.option("--yaml", "fmt", flag_value="yaml", help="One YAML document on stdout.")
@click.option("--md", "fmt", flag_value="md", help="A Markdown report on stdout.")
@click.pass_obj
def country(obj: Context, country_a: str, country_b: str | None, since: str | None,
            until: str | None, fmt: str | None) -> None:  # fmt: skip
    """Profile country A, or with --with B summarise the relationship of A and B.

    Countries are names, demonyms or ISO codes (Norway, Norwegian, NOR, NO).
    """
    from briefs.api import load_pair, load_profile
    from tui.cli_common import open_archive

    a = _resolve(country_a, "A")
    b = None
    if country_b is not None:
        b = _home(obj) if country_b == _HOME else _resolve(country_b, "--with")
        if b == a:
            fail(f"A and B are the same country ({a}): give two different countries")
    window = _window(obj, since, until)
    with open_archive() as archive:
        if b is None:
            data: Any = load_profile(archive, a, window).profile
        else:
            data = load_pair(archive, a, b, window).summary
            if fmt is None and not data.articles:
                # One line, not eight empty tables: what each side has on its own.
                _nothing_for_pair(archive, a, b, window)
                return
    _emit(data, fmt, pair=b is not None)


def _nothing_for_pair(archive: Any, a: str, b: str, window: Any) -> None:
    from briefs.api import articles_concerning
    from search.api import country_name

    counts = ", ".join(
        f"{country_name(code)} {plural(articles_concerning(archive, code, window), 'article')}"
        for code in (a, b)
    )
    within = "" if window.since is None and window.until is None else " in these dates"
    click.echo(
        f"No article concerns both {country_name(a)} and {country_name(b)}{within} ({counts}).",
        err=False,
    )


def _resolve(text: str, what: str) -> str:
    return country_code(text, f"{what}: unknown country {text!r} (use a name, demonym or ISO code)")


def _home(obj: Context) -> str:
    return home_or_fail(
        obj,
        missing=f"--with needs a country: give one (--with B); {no_home_country()}",
        unknown=f"home country {obj.home_country!r} (from --home or config) is not a country",
    )


def _window(obj: Context, since: str | None, until: str | None) -> Any:
    from briefs.api import Window
    from search.api import DateError, parse_range

    def parse(text: str, option: str) -> tuple[date, date]:
        try:
            found = parse_range(
                text,
                as_of=obj.as_of,
                languages=obj.config.languages,
                day_order=obj.config.day_order,
            )
        except DateError as exc:
            fail(f"{option}: {exc}")
        return found.start, found.end

    start = parse(since, "--since")[0] if since else None
    end = parse(until, "--until")[1] if until else None
    if start and end and start > end:
        fail(f"--since {start} is after --until {end}")
    return Window(start, end)


def _emit(data: Any, fmt: str | None, *, pair: bool) -> None:
    from briefs.api import pair_markdown, pair_to_dict, profile_markdown, profile_to_dict, to_yaml
    from search.api import dumps_json, neutral_bidi

    if fmt in ("json", "yaml"):
        doc = pair_to_dict(data) if pair else profile_to_dict(data)
        if fmt == "json":
            click.echo(dumps_json(doc))
        else:
            click.echo(to_yaml(doc), nl=False)
        return
    if fmt == "md":
        md = pair_markdown(data) if pair else profile_markdown(data)
        click.echo(neutral_bidi(md))
        return
    _print_tables(data, pair=pair)


# --------------------------------------------------------------------------- terminal


def _print_tables(data: Any, *, pair: bool) -> None:
    from tui.cli_common import stdout_console

    console = stdout_console()
    if pair:
        _print_pair(console, data)
    else:
        _print_profile(console, data)


def _text(value: object, style: str = "") -> Any:
    from tui.shown import plain_text

    return plain_text(value, style=style)


def _table(title: str, *columns: str) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(title=_text(title, "bold"), title_justify="left", box=box.SIMPLE_HEAD)
    for column in columns:
        if column in _ID_COLUMNS:
            # An article id is copied into `briefroom article ID`: never split it.
            table.add_column(_text(column), no_wrap=True, min_width=_ID_WIDTH)
        elif column in _DATE_COLUMNS:
            table.add_column(_text(column), no_wrap=True, min_width=10)
        else:
            table.add_column(_text(column), overflow="fold")
    return table


_ID_COLUMNS = frozenset({"Sources", "Source", "Article"})
"""Columns of article ids."""
_DATE_COLUMNS = frozenset({"Date", "Last seen"})
"""Columns of ISO dates (kept on one line)."""
_ID_WIDTH = 32
"""Wide enough for the usual id (``statedept-2022-05-20-dd971f7e94``)."""


def _n(count: int, noun: str) -> str:
    return plural(count, noun)


def _topic(topic: str) -> str:
    from briefs.api import topic_label

    return topic_label(topic)


def _header(console: Any, title: str, line: str) -> None:
    console.print(_text(title, "bold underline"))
    console.print(_text(line, "dim"))


def _counts_table(title: str, items: Any, label: str = "stories") -> Any:
    table = _table(title, "", label)
    for key, n in items:
        table.add_row(_text(key), _text(n))
    return table


def _people_table(title: str, people: Any) -> Any:
    table = _table(title, "Name", "Role", "Last seen", "Articles")
    for p in people:
        table.add_row(_text(p.name), _text(p.role or "-"), _text(p.last_seen or "undated"),
                      _text(p.articles))  # fmt: skip
    return table


def _print_pair(console: Any, s: Any) -> None:
    from briefs.api import sparkline
    from search.api import country_name

    na, nb = country_name(s.a), country_name(s.b)
    span = s.first_date or "undated"
    if s.last_date and s.last_date != s.first_date:
        span += f" to {s.last_date}"
    _header(console, f"{na} and {nb} ({s.a}–{s.b})",
            f"{_n(len(s.articles), 'article')}, {_n(s.stories, 'story')}, {span}")  # fmt: skip
    if s.monthly_volume:
        bars = sparkline([n for _, n in s.monthly_volume])
        console.print(_text(f"{s.monthly_volume[0][0]} {bars} {s.monthly_volume[-1][0]}"))
    ledger = _table("Engagements", "Date", "Type, place", "Participants", "Topics", "Sources")
    for e in s.engagements:
        who = "\n".join(
            f"{side}: {', '.join(e.participants.get(side, ())) or '-'}" for side in (s.a, s.b)
        )
        ledger.add_row(
            _text(e.date or "undated"), _text(", ".join(x for x in (e.type, e.place) if x)),
            _text(who), _text(", ".join(_topic(t) for t in e.topics[:3])),
            _text("\n".join(x.article for x in e.sources)),
        )  # fmt: skip
    console.print(ledger)
    events = _table("Events (heuristic)", "Type", "Events", "Mean score")
    for c in s.event_counts:
        events.add_row(_text(c.type), _text(c.count), _text(f"{c.mean_score:+.2f}"))
    console.print(events)
    if s.cooperation_by_quarter:
        trend = "  ".join(f"{q} {v:+.1f} ({n})" for q, v, n in s.cooperation_by_quarter)
        console.print(_text(f"Cooperation by quarter: {trend}"))
    console.print(_people_table(f"People: {na}", s.people.get(s.a, ())))
    console.print(_people_table(f"People: {nb}", s.people.get(s.b, ())))
    console.print(_counts_table("Topics", [(_topic(t), n) for t, n in s.topics]))
    console.print(_counts_table("Organisations and fora", s.orgs))
    register = _table("Commitments", "Kind", "Status", "Parties", "Summary", "Source")
    for c in s.commitments:
        register.add_row(_text(c.kind), _text(c.status), _text(", ".join(c.parties)),
                         _text(c.summary), _text(c.source.article))  # fmt: skip
    console.print(register)
    _latest(console, s.latest)
    _caveats(console, s.caveats)


def _print_profile(console: Any, p: Any) -> None:
    from briefs.api import sparkline
    from search.api import country_name

    span = p.first_date or "undated"
    if p.last_date and p.last_date != p.first_date:
        span += f" to {p.last_date}"
    _header(console, f"{country_name(p.code)} ({p.code})",
            f"{_n(p.articles, 'article')}, {_n(p.stories, 'story')}, {span}")  # fmt: skip
    if p.monthly_volume:
        bars = sparkline([n for _, n in p.monthly_volume])
        console.print(_text(f"{p.monthly_volume[0][0]} {bars} {p.monthly_volume[-1][0]}"))
    partners = [(f"{country_name(c)} ({c})", n) for c, n in p.partners]
    console.print(_counts_table("Main partners", partners))
    console.print(_people_table("People", p.people))
    console.print(_counts_table("Topics", [(_topic(t), n) for t, n in p.topics]))
    console.print(_counts_table("Organisations and fora", p.orgs))
    events = _table("Recent events (heuristic)", "Date", "Type", "Actors", "Score", "Sentence")
    for e in p.recent_events:
        events.add_row(_text(e.date or "undated"), _text(e.type), _text(", ".join(e.actors)),
                       _text(f"{e.score:+.1f}"), _text(e.source.sentence))  # fmt: skip
    console.print(events)
    _latest(console, p.latest)
    _caveats(console, p.caveats)


def _latest(console: Any, latest: Any) -> None:
    table = _table("Latest developments", "Date", "Sentence", "Article")
    for x in latest:
        table.add_row(_text(x.date or "undated"), _text(x.sentence), _text(x.article))
    console.print(table)


def _caveats(console: Any, caveats: Any) -> None:
    console.print(_text("Caveats", "bold"))
    for note in caveats:
        console.print(_text(f"- {note}", "dim"))
