"""``briefroom meetings``, ``briefroom brief`` and ``briefroom render`` (DESIGN.md, CLI contract).

Meeting dates are typed in words and resolved with the configured languages and day
order, anchored at ``--as-of`` (else today); the resolution is echoed as weekday and
ISO date on stderr, and an ambiguous date ("June", "next week") is refused with what it
could mean, never guessed.  Written paths go to stdout, messages to stderr.  Exit
status: 0 success, 1 a file could not be used or written, 2 bad usage.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from tui.cli_common import Context, fail, open_archive
from tui.config import config_home, data_home


def register(cli: click.Group) -> None:
    """Add the meetings, brief and render commands to the ``briefroom`` group."""
    cli.add_command(meetings)
    cli.add_command(brief)
    cli.add_command(render)


# --------------------------------------------------------------------------- helpers


def _today(obj: Context) -> date:
    return obj.as_of or date.today()


def _country(text: str, what: str = "country") -> str:
    from search.extract.countries import resolve_country

    code = resolve_country(text)
    if code is None:
        fail(f"unknown {what} {text!r} (a name, demonym or ISO code, e.g. Norway or NOR)")
    return code


def _home(obj: Context) -> str:
    if not obj.home_country:
        fail("no home country: pass --home COUNTRY or set home_country in config.yaml")
    return _country(obj.home_country, "home country")


def _resolve(obj: Context, text: str) -> Any:
    """Resolve a meeting date; echo it on stderr; exit 2 when it is not one day."""
    from briefs.meeting import MeetingDateError, resolve_date

    try:
        resolution = resolve_date(
            text, as_of=_today(obj), languages=obj.config.languages, day_order=obj.config.day_order
        )
    except MeetingDateError as exc:
        fail(f"--date: {exc}")
    if resolution.ambiguous:
        notes = "; ".join(resolution.notes[1:])
        fail(f"--date: {resolution.problem()}" + (f" ({notes})" if notes else ""))
    click.echo(f"date: {text!r} -> {resolution.describe()}", err=True)
    for note in resolution.notes:
        click.echo(f"note: {note}", err=True)
    return resolution


def _template() -> str:
    from briefs.render import TemplateError, load_template

    try:
        return load_template(config_home() / "templates")
    except TemplateError as exc:
        fail(str(exc), 1)


# --------------------------------------------------------------------------- meetings


@click.group(invoke_without_command=True)
@click.pass_context
def meetings(ctx: click.Context) -> None:
    """Upcoming meetings (default: list them)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_meetings_command)


@meetings.command("add")
@click.argument("country")
@click.option(
    "--date",
    "date_text",
    required=True,
    metavar="TEXT",
    help='When: "next Tuesday", "5 Dec", "03/12", "in two weeks", "2025-06-17".',
)
@click.option("--title", metavar="T", help="A short title.")
@click.option("--place", metavar="P", help="Where.")
@click.option(
    "--with", "participants", multiple=True, metavar="NAME", help="Whom we meet (repeatable)."
)
@click.pass_obj
def add_meeting_command(
    obj: Context,
    country: str,
    date_text: str,
    title: str | None,
    place: str | None,
    participants: tuple[str, ...],
) -> None:
    """Add a meeting with COUNTRY."""
    from briefs.meeting import Meeting, days_left_text
    from briefs.meetings import add_meeting
    from search.extract.countries import country_name

    code = _country(country)
    resolution = _resolve(obj, date_text)
    meeting = Meeting(
        code,
        resolution.day.isoformat(),
        date_text,
        title=title,
        place=place,
        participants=tuple(participants),
    )
    with open_archive() as archive:
        stored = add_meeting(archive.store, meeting)
    left = days_left_text(stored.days_left(_today(obj)))
    click.echo(
        f"meeting {stored.id}: {country_name(code)} ({code}), {resolution.describe()}, {left}"
    )


@meetings.command("list")
@click.option("--all", "show_all", is_flag=True, help="Past meetings too.")
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.pass_obj
def list_meetings_command(obj: Context, show_all: bool, as_json: bool) -> None:
    """List upcoming meetings with the days left."""
    from briefs.meeting import WEEKDAYS, days_left_text
    from briefs.meetings import list_meetings
    from search.bidi import dumps_json, neutral_bidi
    from search.extract.countries import country_name

    today = _today(obj)
    with open_archive() as archive:
        found = list_meetings(archive.store, since=None if show_all else today)
    rows = [
        {
            "id": m.id,
            "country": m.country,
            "country_name": country_name(m.country),
            "date": m.date,
            "weekday": WEEKDAYS[m.day.weekday()],
            "days_left": m.days_left(today),
            "date_text": m.date_text,
            "title": m.title,
            "place": m.place,
            "format": m.format,
            "participants": list(m.participants),
        }
        for m in found
    ]
    if as_json:
        click.echo(dumps_json({"as_of": today.isoformat(), "meetings": rows}))
        return
    if not rows:
        what = "meetings" if show_all else "upcoming meetings"
        click.echo(f"no {what} (add one: briefroom meetings add COUNTRY --date TEXT)", err=True)
        return
    for row in rows:
        extra = " · ".join(str(v) for v in (row["title"], row["place"]) if v)
        line = (
            f"{row['id']:>4}  {row['date']} {row['weekday'][:3]}  "
            f"{days_left_text(row['days_left']):<12}  {row['country_name']} ({row['country']})"
        )
        click.echo(neutral_bidi(line + (f"  {extra}" if extra else "")))


@meetings.command("remove")
@click.argument("meeting_id", metavar="ID", type=int)
def remove_meeting_command(meeting_id: int) -> None:
    """Remove the meeting ID (see `briefroom meetings list`)."""
    from briefs.meetings import remove_meeting

    with open_archive() as archive:
        removed = remove_meeting(archive.store, meeting_id)
    if not removed:
        fail(f"no meeting {meeting_id} (see: briefroom meetings list --all)", 1)
    click.echo(f"removed meeting {meeting_id}", err=True)


# --------------------------------------------------------------------------- brief


@click.command()
@click.argument("country")
@click.option(
    "--date", "date_text", required=True, metavar="TEXT", help="The meeting day, in words."
)
@click.option("--title", metavar="T", help="Title (also names the files).")
@click.option("--place", metavar="P", help="Where.")
@click.option(
    "--with", "participants", multiple=True, metavar="NAME", help="Whom we meet (repeatable)."
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Output folder (default: briefs/ in the data folder).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["md", "yaml", "both"]), default="both", show_default=True
)
@click.option("--force", is_flag=True, help="Overwrite an existing brief.")
@click.pass_obj
def brief(
    obj: Context,
    country: str,
    date_text: str,
    title: str | None,
    place: str | None,
    participants: tuple[str, ...],
    out_dir: Path | None,
    fmt: str,
    force: bool,
) -> None:
    """Draft a cited brief (YAML + Markdown) for a meeting with COUNTRY."""
    from briefs.brief import BriefInputError, build_brief, with_meeting_defaults
    from briefs.meeting import Meeting
    from briefs.meetings import find_meeting
    from briefs.render import BriefExists, TemplateError, write_brief

    home = _home(obj)
    code = _country(country)
    if code == home:
        fail(f"{country!r} is our own side ({home}): brief a meeting with another country")
    resolution = _resolve(obj, date_text)
    template = _template()
    meeting = Meeting(
        code,
        resolution.day.isoformat(),
        date_text,
        title=title,
        place=place,
        participants=tuple(participants),
    )
    formats = ("yaml", "md") if fmt == "both" else (fmt,)
    with open_archive() as archive:
        meeting = with_meeting_defaults(meeting, find_meeting(archive.store, code, meeting.date))
        try:
            drafted = build_brief(archive.store, meeting, home, _today(obj))
        except BriefInputError as exc:
            fail(str(exc))
    try:
        written = write_brief(
            drafted,
            out_dir or data_home() / "briefs",
            formats=formats,
            force=force,
            template=template,
            name=meeting.title or "brief",
        )
    except BriefExists as exc:
        fail(str(exc), 1)
    except TemplateError as exc:
        fail(str(exc), 1)
    except OSError as exc:
        fail(f"cannot write the brief: {exc}", 1)
    todo = _count_todo(drafted)
    click.echo(
        f"brief: {len(drafted.sources)} sources cited; {todo} items left to the author",
        err=True,
    )
    for path in written:
        click.echo(str(path))


def _count_todo(drafted: Any) -> int:
    from briefs.render import brief_to_doc

    def count(value: Any) -> int:
        if isinstance(value, dict):
            return int(bool(value.get("todo"))) + sum(count(v) for v in value.values())
        if isinstance(value, list):
            return sum(count(v) for v in value)
        return 0

    return count(brief_to_doc(drafted))


# --------------------------------------------------------------------------- render


@click.command()
@click.argument("path", metavar="BRIEF.yaml", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="Markdown file to write (default: beside the YAML; - for stdout).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing --out file (or link).")
def render(path: Path, out: Path | None, force: bool) -> None:
    """Re-render a brief's Markdown from its (edited) YAML.

    The Markdown beside the YAML (same name, ``.md``) is the brief's own and is
    re-rendered in place; any other existing file, and a link or folder at the
    Markdown's name, needs --force.  The YAML itself is never written.
    """
    from briefs.render import BriefError, TemplateError, brief_from_yaml, render_markdown
    from briefs.safe_write import SameAsInput, TargetExists, same_file, write_file

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})", 1)
    target = out if out is not None else path.with_suffix(".md")
    same = f"{target}: is the brief itself, never written over; render to another --out FILE.md"
    if str(target) != "-" and same_file(target, path):
        fail(same, 1)  # before rendering: the same one line whatever the YAML holds
    try:
        markdown = render_markdown(brief_from_yaml(text), _template())
    except BriefError as exc:
        fail(f"{path}: {exc}", 1)
    except TemplateError as exc:
        fail(str(exc), 1)
    if str(target) == "-":
        sys.stdout.write(markdown)
        return
    # The default target is this brief's rendering: replacing it is what render is
    # for (as long as it is a plain file, not a link or folder someone put there).
    own = out is None and target.is_file() and not target.is_symlink()
    try:
        write_file(target, markdown, force=force or own, protect=(path,))
    except TargetExists as exc:
        fail(str(exc), 1)
    except SameAsInput:  # pragma: no cover - checked above; a link made meanwhile
        fail(same, 1)
    except OSError as exc:
        fail(f"{target}: cannot write ({exc.strerror or exc})", 1)
    click.echo(str(target))
