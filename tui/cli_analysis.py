"""``briefroom article``, ``reextract`` and ``corrections``: what was extracted, and the
analyst's last word on it.

Registered on the main group by `tui.cli`.  Article text is untrusted: the tables hold
`rich.text.Text` built from plain strings, never Rich markup, with bidi controls made
visible (`tui.shown`); ``--json`` escapes them (`search.bidi.dumps_json`).
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from typing import Any, NoReturn

import click


def register(cli: click.Group) -> None:
    """Add the commands to the CLI."""
    cli.add_command(article)
    cli.add_command(reextract)
    cli.add_command(corrections)


def fail(message: str, status: int = 2) -> NoReturn:
    from tui.cli_common import fail as cli_fail

    cli_fail(message, status)


# --------------------------------------------------------------------------- article


@click.command()
@click.argument("article_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
def article(article_id: str, as_json: bool) -> None:
    """One article's extraction: people, engagements, commitments and events.

    Numbers in the listing (engagement 2, commitment 1) are what `briefroom corrections
    reject` takes.
    """
    from search.api import analysis_to_json, dumps_json, load_analysis
    from tui.cli_common import open_archive

    with open_archive() as archive:
        found = load_analysis(archive, article_id)
    if found is None:
        fail(f"no article {article_id!r} in the archive (ids: briefroom search --json)", 1)
    if as_json:
        click.echo(dumps_json(analysis_to_json(found)))
        return
    _print_analysis(found)


def _print_analysis(found: Any) -> None:
    from rich.table import Table

    from tui.cli_common import stdout_console
    from tui.shown import plain_text

    console = stdout_console(soft_wrap=True)
    console.print(plain_text(found.title, style="bold"))
    meta = f"{found.id} · {found.date or 'undated'} · {found.source or 'unknown source'}"
    console.print(plain_text(meta + f" · concerns {', '.join(found.countries) or 'no country'}"))
    if not found.current:
        console.print(
            plain_text(
                f"Extracted by an older briefroom (version {found.extractor}): run "
                "`briefroom reextract` to bring it up to date.",
                style="yellow",
            )
        )
    people = Table("Person", "Role here", "Side", "Why", "Latest role", title="People")
    for p in found.people:
        side = p.country or (f"org {p.org}" if p.org else "-")
        latest = p.latest_role[0] or "-"
        if p.latest_role[1]:
            latest += f" ({p.latest_role[1]})"
        name = plain_text(p.name)
        if p.known_as != p.name:
            name.append_text(plain_text(f" = {p.known_as}", style="dim"))
        if p.corrected:
            name.append(" (analyst)", style="italic")
        people.add_row(
            name,
            plain_text(p.role or "-"),
            plain_text(side),
            plain_text(p.how or "-"),
            plain_text(latest),
        )
    console.print(people)
    console.print(plain_text("Engagements", style="bold"))
    if not found.engagements:
        console.print(plain_text("  none"))
    for n, e in enumerate(found.engagements, start=1):
        head = f"{n:>3}. {e.type} · {e.status} · {e.date or 'undated'}"
        head += f" · {e.place}" if e.place else ""
        head += f" · {', '.join([*e.countries, *e.orgs])}"
        head += f" · {e.name}" if e.name else ""
        head += " (added by the analyst)" if e.by_analyst else ""
        head += " (rejected by the analyst)" if e.rejected else ""
        console.print(plain_text(head))
        for side, names in e.participants.items():
            console.print(plain_text(f"       {side}: {', '.join(names)}"))
        console.print(plain_text(f"       “{e.sentence}”", style="dim"))
    console.print(plain_text("Commitments and asks", style="bold"))
    if not found.commitments:
        console.print(plain_text("  none"))
    for n, c in enumerate(found.commitments, start=1):
        head = f"{n:>3}. {c.kind} · {c.status} · side {', '.join(c.side) or 'unknown'}"
        head += " (rejected by the analyst)" if c.rejected else ""
        console.print(plain_text(head))
        console.print(plain_text(f"       {c.summary}", style="dim"))
    console.print(plain_text("Events (heuristic coding)", style="bold"))
    if not found.events:
        console.print(plain_text("  none"))
    for e in found.events:
        flags = [f for f, on in (("historical", e.historical), ("hypothetical", e.hypothetical),
                                 ("negated", e.negated)) if on]  # fmt: skip
        head = f"     {e.type} {e.score:+.1f} · {' -> '.join(e.actors)} · {e.date or 'undated'}"
        head += f" · {', '.join(flags)}" if flags else ""
        console.print(plain_text(head))
        console.print(plain_text(f"       “{e.sentence}”", style="dim"))


# --------------------------------------------------------------------------- reextract


@click.command()
@click.option("--all", "everything", is_flag=True, help="Every article, not only outdated ones.")
@click.option("--processes", type=click.IntRange(1, 16), help="Extraction processes.")
@click.option("--wait", default=0.0, metavar="SECONDS", help="Wait for another writer.")
def reextract(everything: bool, processes: int | None, wait: float) -> None:
    """Bring the archive's extractions up to this briefroom, from the stored text."""
    from search.api import ArchiveBusy, outdated_count
    from search.api import reextract as run
    from tui.cli_common import open_archive

    with open_archive() as archive:
        pending = None if everything else outdated_count(archive)
        if pending == 0:
            click.echo("every article is up to date", err=True)
            return
        try:
            with _progress() as progress:
                report = run(archive, everything=everything, processes=processes,
                             progress=progress, lock_wait=wait)  # fmt: skip
        except ArchiveBusy as exc:
            fail(str(exc), 1)
    for failure in report.failed:
        click.echo(f"failed: {_safe(failure)}", err=True)
    click.echo(report.summary(), err=True)
    sys.exit(1 if report.failed else 0)


def _progress() -> Any:
    from contextlib import contextmanager

    @contextmanager
    def bar() -> Any:
        if not sys.stderr.isatty():
            yield None
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        with Progress(BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=Console(stderr=True), transient=True) as shown:  # fmt: skip
            task = shown.add_task("reextract", total=None)
            yield lambda p: shown.update(task, total=p.total, completed=p.done)

    return bar()


# --------------------------------------------------------------------------- corrections


@click.group(invoke_without_command=True)
@click.pass_context
def corrections(ctx: click.Context) -> None:
    """The analyst's corrections (default: list those in force)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_corrections)


@corrections.command("list")
@click.option("--all", "include_undone", is_flag=True, help="Undone ones too.")
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
def list_corrections(include_undone: bool, as_json: bool) -> None:
    """List corrections, oldest first."""
    from search.api import dumps_json, list_corrections
    from tui.cli_common import open_archive

    with open_archive() as archive:
        found = list_corrections(archive, include_undone=include_undone)
    if as_json:
        doc = [
            {"id": c.id, "kind": c.kind, "target": c.target, "value": c.value, "note": c.note,
             "author": c.author, "created": c.created, "undone": c.undone}
            for c in found
        ]  # fmt: skip
        click.echo(dumps_json(doc))
        return
    if not found:
        click.echo("no corrections", err=True)
        return
    for c in found:
        state = f" (undone {c.undone})" if c.undone else ""
        by = f" by {c.author}" if c.author else ""
        note = f" — {c.note}" if c.note else ""
        click.echo(_safe(f"{c.id:>4}  {c.created[:10]}{by}  {c.describe()}{note}{state}"))


@corrections.command()
@click.argument("correction", type=int, metavar="ID")
def undo(correction: int) -> None:
    """Withdraw a correction (it stays in the list, marked undone)."""
    done = _correct(lambda fix: fix.undo(correction))
    click.echo(_safe(f"undone {done.id}: {done.describe()}"), err=True)


@corrections.command()
@click.argument("what", type=click.Choice(["engagement", "commitment", "person"]))
@click.argument("ref", metavar="ARTICLE|NAME")
@click.argument("number", type=int, required=False, metavar="[N]")
@click.option("--note", help="Why.")
def reject(what: str, ref: str, number: int | None, note: str | None) -> None:
    """Reject an extraction: `reject engagement ARTICLE N` (N as `briefroom article` lists
    it), `reject commitment ARTICLE N`, `reject person NAME`."""
    from search.api import load_analysis

    if what == "person":
        added = _correct(lambda fix: fix.reject_person(ref, note=note))
    else:
        if number is None:
            fail(f"reject {what} takes the article id and the number `briefroom article` shows")
        with _opened() as archive:
            found = load_analysis(archive, ref)
            if found is None:
                fail(f"no article {ref!r} in the archive", 1)
            items = found.engagements if what == "engagement" else found.commitments
            if not 1 <= number <= len(items):
                fail(
                    f"article {ref} has {len(items)} {what}s: give a number from 1 to {len(items)}"
                )
            item = items[number - 1]
            if what == "engagement":
                added = _correct(lambda fix: fix.reject_engagement(
                    found.id, item.sentence_index, item.type, note=note), archive)  # fmt: skip
            else:
                added = _correct(lambda fix: fix.reject_commitment(
                    found.id, item.sentence_index, item.kind, note=note), archive)  # fmt: skip
    click.echo(f"correction {added} recorded", err=True)


@corrections.command()
@click.argument("name")
@click.option("--country", metavar="C", help="The country they serve (name or code).")
@click.option("--org", metavar="ORG", help="The international organisation they serve.")
@click.option("--role", metavar="ROLE", help="Their role.")
@click.option("--note", help="Why.")
def person(name: str, country: str | None, org: str | None, role: str | None,
           note: str | None) -> None:  # fmt: skip
    """Fix a person's country (or organisation) or role."""
    if not (country or org or role):
        fail("give --country, --org or --role")
    code = _country(country) if country else None
    ids = _correct(
        lambda fix: fix.correct_person(name, country=code, org=org, role=role, note=note)
    )
    click.echo(f"correction {', '.join(map(str, ids))} recorded", err=True)


@corrections.command()
@click.argument("name")
@click.argument("other")
@click.option("--note", help="Why.")
def merge(name: str, other: str, note: str | None) -> None:
    """Make OTHER the same person as NAME ("Mohammed bin Zayed" is "Mohammed bin Zayed
    Al Nahyan")."""
    added = _correct(lambda fix: fix.merge_people(name, other, note=note))
    click.echo(f"correction {added} recorded", err=True)


@corrections.command("add")
@click.argument("article_id", metavar="ARTICLE")
@click.option(
    "--sentence",
    type=int,
    default=0,
    show_default=True,
    help="The sentence that reports it (as `briefroom article --json` numbers them).",
)
@click.option("--type", "type_", required=True,
              type=click.Choice(["meeting", "call", "visit", "consultations", "signing",
                                 "multilateral"]))  # fmt: skip
@click.option(
    "--with",
    "countries",
    required=True,
    metavar="C,C",
    help="The countries taking part, comma-separated (at least two).",
)
@click.option("--status", type=click.Choice(["main", "background", "planned"]), default="main")
@click.option("--date", "when", metavar="YYYY-MM-DD")
@click.option("--place", metavar="PLACE")
@click.option(
    "--participant",
    "participants",
    multiple=True,
    metavar="C:NAME",
    help="A participant and their country (repeatable).",
)
@click.option("--note", help="Why.")
def add_engagement(article_id: str, sentence: int, type_: str, countries: str, status: str,
                   when: str | None, place: str | None, participants: tuple[str, ...],
                   note: str | None) -> None:  # fmt: skip
    """Add an engagement the extraction missed, with the article that reports it."""
    codes = [_country(c.strip()) for c in countries.split(",") if c.strip()]
    named = []
    for item in participants:
        side, _, name = item.partition(":")
        if not name.strip():
            fail(f"--participant {item!r} is not COUNTRY:NAME")
        named.append((_country(side.strip()), name.strip()))
    added = _correct(lambda fix: fix.add_engagement(
        article_id, sentence, type_=type_, countries=codes, status=status, date=when,
        place=place, participants=named, note=note,
    ))  # fmt: skip
    click.echo(f"correction {added} recorded", err=True)


# --------------------------------------------------------------------------- helpers


def _opened() -> Any:
    from tui.cli_common import open_archive

    return open_archive()


def _correct(do: Any, archive: Any = None) -> Any:
    """Record a correction (``do`` gets `search.api.Corrections`) under the archive's write
    lock: a busy archive, or the correction's refusal, is a one-line error."""
    from search.api import ArchiveBusy, CorrectionError, record_correction

    with ExitStack() as stack:
        if archive is None:
            archive = stack.enter_context(_opened())
        try:
            return record_correction(archive, do)
        except ArchiveBusy as exc:
            fail(str(exc), 1)
        except CorrectionError as exc:
            fail(str(exc), 2)


def _country(text: str | None) -> str:
    from tui.cli_common import country_code

    return country_code(text or "", f"unknown country {text!r}")


def _safe(line: str) -> str:
    from search.api import neutral_bidi

    return neutral_bidi(" ".join(line.split()))
