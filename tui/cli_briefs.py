"""``briefroom meetings``, ``briefroom brief`` and ``briefroom render`` (README.md, "Command line").

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

from briefs.api import FORMATS, STATUSES
from tui.cli_common import (
    Context,
    country_or_fail,
    fail,
    home_or_fail,
    meeting_day,
    no_meeting,
    open_archive,
    today,
)
from tui.config import config_home, data_home


def register(cli: click.Group) -> None:
    """Add the meetings, brief and render commands to the ``briefroom`` group."""
    cli.add_command(meetings)
    cli.add_command(brief)
    cli.add_command(render)


# --------------------------------------------------------------------------- helpers


_FORMATS = {"both": ("yaml", "md"), "all": ("yaml", "md", "docx")}


def _templates() -> Path:
    """The user's templates in the config folder (``brief.md``; ``brief.docx``, the
    ministry's Word styles), when there."""
    return config_home() / "templates"


def _docx_template() -> Path | None:
    from briefs.api import find_docx_template

    return find_docx_template(_templates())


def _template() -> str:
    from briefs.api import TemplateError, load_template

    try:
        return load_template(_templates())
    except TemplateError as exc:
        fail(str(exc), 1)


# --------------------------------------------------------------------------- meetings


def _delegation_rows(people: Any) -> list[dict[str, Any]]:
    return [
        {"name": d.name, "typed": d.typed or d.name, "role": d.role, "country": d.country,
         "known": d.known}
        for d in people
    ]  # fmt: skip


def _delegation_text(people: Any) -> str:
    return ", ".join(d.describe() + ("" if d.known else " (as typed)") for d in people)


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
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="What kind of meeting.")
@click.option("--purpose", metavar="TEXT", help="Why the meeting takes place.")
@click.option("--our", "ours", multiple=True, metavar="NAME", help="Our delegation (repeatable).")
@click.option(
    "--their", "theirs", multiple=True, metavar="NAME", help="Their delegation (repeatable)."
)
@click.option(
    "--with", "participants", multiple=True, metavar="NAME", help="Same as --their (repeatable)."
)
@click.pass_obj
def add_meeting_command(
    obj: Context,
    country: str,
    date_text: str,
    title: str | None,
    place: str | None,
    fmt: str | None,
    purpose: str | None,
    ours: tuple[str, ...],
    theirs: tuple[str, ...],
    participants: tuple[str, ...],
) -> None:
    """Add a meeting with COUNTRY (our side: the configured home country)."""
    from briefs.api import days_left_text, new_meeting, save_meeting
    from search.api import country_name

    # Our side is stored with the meeting; without one configured, the meeting takes the
    # side configured when it is briefed (as meetings stored before sides were kept do).
    home = country_or_fail(obj.home_country, "home country") if obj.home_country else None
    code = country_or_fail(country)
    if code == home:
        fail(f"{country!r} is our own side ({home}): a meeting is with another country")
    resolution = meeting_day(obj, date_text)
    meeting = new_meeting(
        code, home, resolution.day.isoformat(), date_text, title=title, place=place, fmt=fmt,
        purpose=purpose, ours=ours, theirs=(*theirs, *participants),
    )  # fmt: skip
    with open_archive() as archive:
        stored = save_meeting(archive, meeting)
    left = days_left_text(stored.days_left(today(obj)))
    click.echo(
        f"meeting {stored.id}: {country_name(code)} ({code}), {resolution.describe()}, {left}"
    )
    if home is None:
        click.echo("note: no home country set: the meeting takes our side when it is briefed "
                   "(pass --home COUNTRY to keep it with the meeting)", err=True)  # fmt: skip
    for label, people in (("ours", stored.ours), ("theirs", stored.theirs)):
        if people:
            click.echo(f"{label}: {_delegation_text(people)}", err=True)


@meetings.command("list")
@click.option("--all", "show_all", is_flag=True, help="Past meetings too.")
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.pass_obj
def list_meetings_command(obj: Context, show_all: bool, as_json: bool) -> None:
    """List upcoming meetings with the days left, both delegations and the outcome."""
    from briefs.api import days_left_text, meetings_with_outcomes
    from search.api import dumps_json, home_code, neutral_bidi

    as_of = today(obj)
    configured = home_code(obj.home_country)
    with open_archive() as archive:
        listed = meetings_with_outcomes(archive, since=None if show_all else as_of)
    found = [m for m, _outcome in listed]
    rows = [_meeting_json(m, outcome, as_of, configured) for m, outcome in listed]
    if as_json:
        click.echo(dumps_json({"as_of": as_of.isoformat(), "meetings": rows}))
        return
    if not rows:
        what = "meetings" if show_all else "upcoming meetings"
        click.echo(f"no {what} (add one: briefroom meetings add COUNTRY --date TEXT)", err=True)
        return
    for row, m in zip(rows, found, strict=True):
        extra = " · ".join(str(v) for v in (row["title"], row["place"], row["format"]) if v)
        side = f" [{row['home']}]" if row["home"] and row["home"] != configured else ""
        line = (
            f"{row['id']:>4}  {row['date']} {row['weekday'][:3]}  "
            f"{days_left_text(row['days_left']):<12}  {row['country_name']} ({row['country']})"
            f"{side}"
        )
        if extra:
            line += f"  {extra}"
        if row["status"]:
            line += f"  [{row['status']}]"
        click.echo(neutral_bidi(line))
        indent = " " * 6
        if m.ours:
            click.echo(neutral_bidi(f"{indent}ours: {_delegation_text(m.ours)}"))
        others = m.theirs or tuple(_typed(n) for n in m.participants)
        if others:
            click.echo(neutral_bidi(f"{indent}theirs: {_delegation_text(others)}"))


def _meeting_json(m: Any, outcome: Any, as_of: date, configured: str | None) -> dict[str, Any]:
    """A meeting in ``meetings list --json`` (``configured``: our side in the settings)."""
    from briefs.api import WEEKDAYS
    from search.api import country_name

    return {
        "id": m.id,
        "country": m.country,
        "country_name": country_name(m.country),
        "home": m.side(configured),
        "home_stored": m.home is not None,
        "date": m.date,
        "weekday": WEEKDAYS[m.day.weekday()],
        "days_left": m.days_left(as_of),
        "date_text": m.date_text,
        "title": m.title,
        "place": m.place,
        "format": m.format,
        "purpose": m.purpose,
        "participants": list(m.participants),
        "ours": _delegation_rows(m.ours),
        "theirs": _delegation_rows(m.theirs),
        "status": outcome.status if outcome else None,
        "outcome": None if outcome is None else _outcome_json(outcome),
        "author": m.author,
    }


def _outcome_json(outcome: Any) -> dict[str, Any]:
    return {
        "status": outcome.status,
        "note": outcome.note,
        "agreed": [{"text": i.text, "owner": i.owner, "due": i.due} for i in outcome.agreed],
        "follow_ups": [
            {"text": i.text, "owner": i.owner, "due": i.due} for i in outcome.follow_ups
        ],
        "recorded_at": outcome.recorded_at,
        "author": outcome.author,
    }


def _typed(name: str) -> Any:
    from briefs.api import Delegate

    return Delegate(name, name)


@meetings.command("remove")
@click.argument("meeting_id", metavar="ID", type=int)
def remove_meeting_command(meeting_id: int) -> None:
    """Remove the meeting ID (and its recorded outcome; see `briefroom meetings list`)."""
    from briefs.api import delete_meeting

    with open_archive() as archive:
        removed = delete_meeting(archive, meeting_id)
    if not removed:
        no_meeting(meeting_id)
    click.echo(f"removed meeting {meeting_id}", err=True)


@meetings.command("outcome")
@click.argument("meeting_id", metavar="ID", type=int)
@click.option(
    "--status", required=True, type=click.Choice(STATUSES), help="What became of the meeting."
)
@click.option("--note", metavar="TEXT", help="A note on the outcome.")
@click.option("--agreed", multiple=True, metavar="TEXT", help="An item agreed (repeatable).")
@click.option(
    "--follow-up",
    "follow_ups",
    multiple=True,
    metavar='"WHO: WHAT by DATE"',
    help="Who follows up what, by when (repeatable).",
)
@click.pass_obj
def outcome_command(
    obj: Context,
    meeting_id: int,
    status: str,
    note: str | None,
    agreed: tuple[str, ...],
    follow_ups: tuple[str, ...],
) -> None:
    """Record the outcome of the meeting ID: held, postponed or cancelled.

    A held meeting becomes an engagement of the pair (recorded by the user); its agreed
    items enter the commitments register, and the next brief's follow-ups start from
    them.  Recording again replaces the outcome in force (the earlier one is kept).
    """
    from briefs.api import Outcome as OutcomeRecord
    from briefs.api import (
        OutcomeError,
        date_reader,
        get_meeting,
        get_outcome,
        parse_agreed,
        parse_follow_up,
        record_outcome,
    )

    with open_archive() as archive:
        meeting = get_meeting(archive, meeting_id)
        if meeting is None:
            no_meeting(meeting_id)
        # Due dates are read from the meeting's day: "by Friday", "in two weeks" after it.
        read = date_reader(meeting.day, languages=obj.config.languages,
                           day_order=obj.config.day_order)  # fmt: skip
        try:
            items = [parse_agreed(text, read) for text in agreed]
            items += [parse_follow_up(text, read) for text in follow_ups]
        except OutcomeError as exc:
            fail(str(exc))
        home = meeting.home
        if home is None:
            home = home_or_fail(obj)
        if status == "held" and meeting.day > today(obj):
            click.echo(f"note: meeting {meeting_id} is dated {meeting.date}, after today", err=True)
        before = get_outcome(archive, meeting_id)
        cleaned = " ".join(note.split()) if note and note.strip() else None
        try:
            stored = record_outcome(
                archive,
                OutcomeRecord(meeting_id, status, cleaned, tuple(items)),
                home=home,
            )
        except OutcomeError as exc:
            fail(str(exc), 1)
    if before is not None:
        click.echo(f"replaces the outcome recorded {before.recorded_at} ({before.status})",
                   err=True)  # fmt: skip
    click.echo(
        f"meeting {meeting_id}: {status}; {len(stored.agreed)} agreed, "
        f"{len(stored.follow_ups)} follow-ups"
    )
    for item in stored.items:
        kind = "agreed" if item.kind == "agreed" else "follow-up"
        click.echo(f"{kind}: {item.describe()}", err=True)


# --------------------------------------------------------------------------- brief


@click.command()
@click.argument("country", required=False)
@click.option("--date", "date_text", metavar="TEXT", help="The meeting day, in words.")
@click.option(
    "--meeting",
    "meeting_id",
    type=int,
    metavar="ID",
    help="Draft for the stored meeting ID (its side, date, delegations, purpose).",
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
    "--format",
    "fmt",
    type=click.Choice(["md", "yaml", "docx", "all", "both"]),
    default="both",
    show_default=True,
    help="Files to write: md, yaml, docx (Word), all three, or both (yaml and md).",
)
@click.option(
    "--max-items",
    type=click.IntRange(min=1),
    metavar="N",
    help="At most N bullets per list (a short brief for a principal); cut lists say 'N of M'.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing brief.")
@click.pass_obj
def brief(
    obj: Context,
    country: str | None,
    date_text: str | None,
    meeting_id: int | None,
    title: str | None,
    place: str | None,
    participants: tuple[str, ...],
    out_dir: Path | None,
    fmt: str,
    max_items: int | None,
    force: bool,
) -> None:
    """Draft a cited brief (YAML + Markdown, or Word) for a meeting with COUNTRY on --date (the
    meeting is registered when none is stored for that day), or for a stored --meeting."""
    from briefs.api import (
        BriefExists,
        BriefInputError,
        DocxTemplateError,
        TemplateError,
        build_brief,
        todo_count,
        write_brief,
    )

    if meeting_id is not None and (country or date_text):
        fail("give COUNTRY --date TEXT or --meeting ID, not both")
    if meeting_id is None and not (country and date_text):
        fail("give COUNTRY --date TEXT (a meeting on that day), or --meeting ID")
    template = _template()
    formats = _FORMATS.get(fmt, (fmt,))
    docx_template = _docx_template() if "docx" in formats else None
    with open_archive() as archive:
        meeting, home = _brief_meeting(
            obj, archive, meeting_id, country, date_text, title, place, participants
        )
        try:
            drafted = build_brief(archive, meeting, home, today(obj), max_items=max_items)
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
            docx_template=docx_template,
        )
    except BriefExists as exc:
        fail(str(exc), 1)
    except (TemplateError, DocxTemplateError) as exc:
        fail(str(exc), 1)
    except OSError as exc:
        fail(f"cannot write the brief: {exc}", 1)
    todo = todo_count(drafted)
    articles = len({s.article for s in drafted.sources})
    click.echo(
        f"brief: {articles} article{'' if articles == 1 else 's'} cited "
        f"({len(drafted.sources)} sentences); {todo} items left to the author",
        err=True,
    )
    for path in written:
        click.echo(str(path))


def _brief_meeting(
    obj: Context,
    archive: Any,
    meeting_id: int | None,
    country: str | None,
    date_text: str | None,
    title: str | None,
    place: str | None,
    participants: tuple[str, ...],
) -> tuple[Any, str]:
    """The meeting a brief is for, and our side: the stored meeting ID; else the one
    stored with COUNTRY on the day; else a new one, registered (and said so)."""
    from dataclasses import replace

    from briefs.api import (
        find_meeting,
        get_meeting,
        long_date,
        new_meeting,
        save_meeting,
        with_meeting_defaults,
    )
    from search.api import country_name

    if meeting_id is not None:
        stored = get_meeting(archive, meeting_id)
        if stored is None:
            no_meeting(meeting_id)
        home = stored.home or home_or_fail(obj)
        configured = obj.home_country and country_or_fail(obj.home_country, "home country")
        if stored.home and configured and configured != stored.home:
            click.echo(f"note: meeting {meeting_id} is {stored.home}'s (our side when it was "
                       f"added), not {configured}'s", err=True)  # fmt: skip
        click.echo(f"meeting {meeting_id}: {country_name(stored.country)} ({stored.country}), "
                   f"{long_date(stored.day)} ({stored.date})", err=True)  # fmt: skip
        theirs = tuple(" ".join(n.split()) for n in participants if n.strip())
        return replace(
            stored,
            title=title or stored.title,
            place=place or stored.place,
            participants=theirs or stored.participants,
            theirs=() if theirs else stored.theirs,
        ), home
    assert country is not None and date_text is not None
    home = home_or_fail(obj)
    code = country_or_fail(country)
    if code == home:
        fail(f"{country!r} is our own side ({home}): brief a meeting with another country")
    resolution = meeting_day(obj, date_text)
    day = resolution.day.isoformat()
    meeting = new_meeting(code, home, day, date_text, title=title, place=place,
                          theirs=participants)  # fmt: skip
    stored = find_meeting(archive, code, day, home)
    if stored is None:
        stored = save_meeting(archive, meeting)
        click.echo(f"registered meeting #{stored.id}: {country_name(code)} ({code}), "
                   f"{resolution.describe()} (see: briefroom meetings list)", err=True)  # fmt: skip
        return stored, home
    click.echo(f"meeting #{stored.id}: the stored meeting on that day", err=True)
    if participants:
        meeting = replace(meeting, theirs=())
    return with_meeting_defaults(meeting, stored), home


# --------------------------------------------------------------------------- render


@click.command()
@click.argument("path", metavar="BRIEF.yaml", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "docx"]),
    default="md",
    show_default=True,
    help="Markdown, or a Word document (styles from templates/brief.docx in the config folder).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    help="File to write (default: beside the YAML, .md or .docx; - for stdout, Markdown only).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing --out file (or link).")
def render(path: Path, fmt: str, out: Path | None, force: bool) -> None:
    """Re-render a brief's Markdown (or Word document) from its (edited) YAML.

    The file beside the YAML (same name, ``.md`` or ``.docx``) is the brief's own and
    is re-rendered in place; any other existing file, and a link or folder at that
    name, needs --force.  The YAML itself is never written.
    """
    from briefs.api import (
        BriefError,
        DocxTemplateError,
        SameAsInput,
        TargetExists,
        TemplateError,
        render_brief,
        same_file,
        write_file,
    )

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})", 1)
    suffix = ".docx" if fmt == "docx" else ".md"
    target = out if out is not None else path.with_suffix(suffix)
    if str(target) == "-" and fmt == "docx":
        fail("--out -: a Word document is binary; give a file name (--out FILE.docx)")
    same = (
        f"{target}: is the brief itself, never written over; render to another --out FILE{suffix}"
    )
    if str(target) != "-" and same_file(target, path):
        fail(same, 1)  # before rendering: the same one line whatever the YAML holds
    content: str | bytes
    try:
        content = render_brief(text, fmt, templates_dir=_templates())
    except BriefError as exc:
        fail(f"{path}: {exc}", 1)
    except (TemplateError, DocxTemplateError) as exc:
        fail(str(exc), 1)
    if str(target) == "-":
        assert isinstance(content, str)
        sys.stdout.write(content)
        return
    # The default target is this brief's rendering: replacing it is what render is
    # for (as long as it is a plain file, not a link or folder someone put there).
    own = out is None and target.is_file() and not target.is_symlink()
    try:
        write_file(target, content, force=force or own, protect=(path,))
    except TargetExists as exc:
        fail(str(exc), 1)
    except SameAsInput:  # pragma: no cover - checked above; a link made meanwhile
        fail(same, 1)
    except OSError as exc:
        fail(f"{target}: cannot write ({exc.strerror or exc})", 1)
    click.echo(str(target))
