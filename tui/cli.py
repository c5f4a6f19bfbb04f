"""The ``briefroom`` command line (README.md, "Command line").

Headless commands never import Textual: the app is imported inside the command that
runs it.  ``--json`` output is one JSON document on stdout; progress and messages go
to stderr.  Exit status: 0 success, 1 some inputs rejected, 2 bad usage.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import click

from tui.cli_common import Context, fail, open_archive
from tui.config import Config, ConfigError, load_config


def _parse_as_of(value: str | None) -> date | None:
    if not value:
        return None
    from search.api import DateError, parse_range

    try:
        return parse_range(value).start
    except DateError as exc:
        raise click.BadParameter(str(exc), param_hint="--as-of") from exc


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home", "home_country", metavar="COUNTRY", help="Our side (default: config home_country)."
)
@click.option("--as-of", "as_of", metavar="DATE", help="Today, for reproducible relative dates.")
@click.option(
    "--store",
    metavar="URL",
    help="The team store: postgresql://user@host:5432/dbname (default: BRIEFROOM_STORE, "
    "config store, else the archive file in the data folder).",
)
@click.version_option(package_name="briefroom")
@click.pass_context
def cli(ctx: click.Context, home_country: str | None, as_of: str | None, store: str | None) -> None:
    """briefroom: search your news archive, see each country relationship, draft cited briefs.

    Without a command, opens the terminal workspace.
    """
    try:
        config = load_config()
    except ConfigError as exc:
        if ctx.invoked_subcommand != "config":  # `config` reports it, and `config path` works
            fail(str(exc))
        config = Config()
    _choose_store(store, config)
    ctx.obj = Context(config, home_country or config.home_country, _parse_as_of(as_of))
    if ctx.invoked_subcommand is None:
        from tui.app import run_app

        run_app(ctx.obj.config, home_country=ctx.obj.home_country, as_of=ctx.obj.as_of)


def _choose_store(option: str | None, config: Config) -> None:
    """Where the archive's store is, for this process and what it starts: ``--store``,
    else ``BRIEFROOM_STORE``, else config.yaml's ``store``, else the file in the data home.
    """
    import os

    if option is None and not config.store:
        return
    from search.api import STORE_ENV, is_store_url
    from tui.config_write import PASSWORD_ON_COMMAND_LINE, has_password

    if option is not None:
        if not is_store_url(option):
            raise click.BadParameter(
                "expected a postgresql://user@host:5432/dbname URL", param_hint="--store"
            )
        if has_password(option):
            raise click.BadParameter(PASSWORD_ON_COMMAND_LINE, param_hint="--store")
        os.environ[STORE_ENV] = option
    elif not os.environ.get(STORE_ENV) and config.store:
        os.environ[STORE_ENV] = config.store


# --------------------------------------------------------------------------- ingest


@cli.command()
# readable=False: click would refuse the whole batch (exit 2) for one unreadable path;
# ingest reports it like a missing one, on its own line, and reads the rest.
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("--source", metavar="S", help="Publisher to record for these articles.")
@click.option("--date", "date_text", metavar="D", help="Publication date for undated articles.")
@click.option("--lang", metavar="L", help="Language code to record (en, ru, kk ...).")
@click.option(
    "--wait", default=0.0, metavar="SECONDS", help="Wait this long if another ingest is running."
)
@click.pass_obj
def ingest(obj: Context, paths: tuple[Path, ...], source: str | None, date_text: str | None,
           lang: str | None, wait: float) -> None:  # fmt: skip
    """Add files or folders (recursive; .gz too) to the archive.

    Each rejected file or record, and each article read with a loss (invalid UTF-8
    replaced, a metadata field ignored), is printed on stderr as it happens; past 20
    per file, one line counts the rest.
    """
    from search.api import ArchiveBusy, DateError, StoreError, parse_range, problem_count
    from search.api import ingest as run_ingest

    iso_date = None
    if date_text:
        try:
            iso_date = parse_range(date_text, as_of=obj.as_of).start.isoformat()
        except DateError as exc:
            raise click.BadParameter(str(exc), param_hint="--date") from exc
    if lang is not None and not (2 <= len(lang) <= 8 and lang.replace("-", "").isalpha()):
        raise click.BadParameter(f"{lang!r} is not a language code", param_hint="--lang")
    with open_archive() as archive, _progress() as (progress, echo):

        def show(problem: Any) -> None:
            kind = "warning" if problem_count(problem)[1] else "rejected"
            echo(f"{kind}: {_one_line(str(problem))}")

        try:
            report = run_ingest(archive, list(paths), source=source, date=iso_date, lang=lang,
                                progress=progress, lock_wait=wait, on_problem=show)  # fmt: skip
        except (ArchiveBusy, StoreError) as exc:
            fail(str(exc), 1)
    click.echo(report.summary(), err=True)
    sys.exit(1 if report.rejected_count else 0)


def _one_line(text: str) -> str:
    from search.api import neutral_bidi

    return neutral_bidi(" ".join(text.split()))


@contextmanager
def _progress() -> Iterator[tuple[Callable[[Any], None] | None, Callable[[str], None]]]:
    """A rich progress bar on stderr when it is a terminal (else None), and a function
    that prints a line on stderr (above the bar while it runs)."""
    if not sys.stderr.isatty():
        yield None, partial(click.echo, err=True)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        TextColumn("{task.fields[articles]} articles", markup=False),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("ingest", total=None, articles=0)

        def update(p: Any) -> None:
            bar.update(task, total=max(p.bytes_total, 1), completed=p.bytes_done,
                       articles=p.articles,
                       description=_one_line(Path(p.current).name[:40]))  # fmt: skip

        def echo(line: str) -> None:
            # click.echo would write past rich's stderr redirection, into the bar's line.
            console.print(line, markup=False, highlight=False, emoji=False, soft_wrap=True)

        yield update, echo


# --------------------------------------------------------------------------- search


@cli.command()
@click.argument("query", nargs=-1)
@click.option(
    "--country",
    "countries",
    multiple=True,
    metavar="C",
    help="Only articles concerning C: a name, demonym or code (repeatable).",
)
@click.option("--since", metavar="D", help='From this date (2019-05, "last month").')
@click.option("--until", metavar="D", help="Up to this date (inclusive).")
@click.option(
    "--limit", default=20, show_default=True, type=click.IntRange(1, 100_000), help="Hits per page."
)
@click.option("--page", default=1, show_default=True, type=click.IntRange(1), help="Page to show.")
@click.option("--all", "all_hits", is_flag=True, help="Every hit, no paging.")
@click.option(
    "--sort", type=click.Choice(["relevance", "date"]), default="relevance", show_default=True
)
@click.option("--json", "as_json", is_flag=True, help="One JSON document on stdout.")
@click.pass_context
def search(ctx: click.Context, query: tuple[str, ...], countries: tuple[str, ...],
           since: str | None, until: str | None, limit: int, page: int, all_hits: bool,
           sort: str, as_json: bool) -> None:  # fmt: skip
    """Search the archive (empty QUERY: every article).

    \b
    QUERY: words (all must match), "a phrase", AND / OR / NOT, (grouping), word*,
    field:value for title, source, city, country, person, org, topic, lang
    (country:Norway, country:Norwegian, country:NOR, person:"Ann Linde"), and date
    filters since:2019-05, until:"last month", on:2019-03-12.
    """
    from search.api import (
        IndexUnavailable,
        QueryError,
        SearchRequest,
        dumps_json,
        ensure_index,
        hits_to_json,
        search_archive,
    )

    obj: Context = ctx.obj
    if all_hits and ctx.get_parameter_source("limit") == click.core.ParameterSource.COMMANDLINE:
        raise click.UsageError("--limit and --all cannot be used together")
    request = SearchRequest(
        query=" ".join(query), countries=countries, since=since, until=until,
        limit=None if all_hits else limit, page=1 if all_hits else page, sort=sort,
        as_of=obj.as_of,
    )  # fmt: skip
    with open_archive(offline_ok=True) as archive:
        for notice in ensure_index(archive):
            click.echo(f"briefroom: {_one_line(notice)}", err=True)
        try:
            # since:/until: read with the settings' day order and languages, like every
            # other date the CLI reads.
            result = search_archive(archive, request, languages=obj.config.languages,
                                    day_order=obj.config.day_order)  # fmt: skip
        except QueryError as exc:
            fail(str(exc))
        except IndexUnavailable as exc:
            fail(str(exc), 1)
    for notice in result.notices:
        click.echo(f"briefroom: {_one_line(notice)}", err=True)
    if result.archive_empty:
        click.echo("briefroom: no articles yet (add some with: briefroom ingest PATH)", err=True)
    if as_json:
        click.echo(dumps_json(hits_to_json(result)))
        return
    if not result.archive_empty:
        _print_hits(result)


def _print_hits(result: Any) -> None:
    from rich.text import Text

    from tui.cli_common import plural, stdout_console
    from tui.shown import plain_text, shown_text

    console = stdout_console(soft_wrap=False)
    if result.suggestion:
        console.print(plain_text(f"Did you mean: {result.suggestion}", style="italic"))
    shown = f"page {result.request.page}/{result.pages}" if result.request.limit else "all"
    console.print(Text(f"{plural(result.total, 'story')} ({shown})", style="bold"))
    for hit in result.hits:
        line = Text()
        line.append(hit.date or "undated", style="cyan")
        line.append("  ")
        title = Text(hit.title, style="bold")
        for start, end in hit.title_matches:
            title.stylize("yellow", start, end)
        line.append_text(title)
        meta = (
            f"  [{hit.source or 'unknown source'}; {', '.join(hit.countries[:6]) or 'no country'}"
        )
        meta += f"; {hit.copies} copies]" if hit.copies > 1 else "]"
        line.append(meta, style="dim")
        console.print(shown_text(line))
        for snippet in hit.snippets:
            text = Text("    ")
            offset = len(text)
            text.append(snippet.text)
            for start, end in snippet.matches:
                text.stylize("bold yellow", offset + start, offset + end)
            console.print(shown_text(text))
        console.print(Text(f"    id: {hit.id}", style="dim"))
    if result.hits and any(result.facets.values()):
        console.print(Text("Facets (stories over all results)", style="bold"))
        for name, values in result.facets.items():
            if not values:
                continue
            shown_values = " · ".join(f"{value} {count}" for value, count in values[:8])
            more = f" · +{len(values) - 8} more" if len(values) > 8 else ""
            console.print(plain_text(f"  {name}: {shown_values}{more}"))


# --------------------------------------------------------------------------- index


@cli.group(invoke_without_command=True)
@click.pass_context
def index(ctx: click.Context) -> None:
    """Search index maintenance (default: stats)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(stats)


@index.command()
@click.option("--json", "as_json", is_flag=True)
def stats(as_json: bool) -> None:
    """Counts of articles, stories, sources and the state of the index."""
    from dataclasses import asdict

    from search.api import archive_stats, neutral_bidi

    with open_archive() as archive:
        data = asdict(archive_stats(archive))
    if as_json:
        click.echo(json.dumps(data, indent=2))
        return
    for key, value in data.items():
        if isinstance(value, tuple):
            value = "; ".join(value) or None
        click.echo(neutral_bidi(f"{key:16} {value if value is not None else '-'}"))


@index.command()
def check() -> None:
    """Compare the index with the archive; exit 1 when it needs repair."""
    from search.api import check_index

    with open_archive(offline_ok=True) as archive:
        health = check_index(archive)
    if health.ok:
        click.echo(
            f"index healthy: {health.documents:,} documents, {health.stored:,} articles stored"
        )
        return
    for problem in health.problems:
        click.echo(f"index problem: {_one_line(problem)}")
    click.echo(f"repair with: {health.fix}")
    sys.exit(1)


@index.command("sync")
@click.option(
    "--wait", default=5.0, metavar="SECONDS", help="Wait this long if another ingest is running."
)
def sync_command(wait: float) -> None:
    """Sync this analyst's index of a team store with what changed on the server."""
    from search.api import ArchiveBusy, StoreError, sync_index

    with open_archive() as archive:
        try:
            report = sync_index(archive, wait=wait)
        except (ArchiveBusy, StoreError) as exc:
            fail(_one_line(str(exc)), 1)
    how = "index built from the team store" if report.rebuilt else "index synced"
    click.echo(
        f"{how}: {report.written:,} new or changed articles "
        f"(change {report.since:,} -> {report.change:,})",
        err=True,
    )


@index.command()
@click.option(
    "--wait", default=0.0, metavar="SECONDS", help="Wait this long if another ingest is running."
)
def rebuild(wait: float) -> None:
    """Rebuild the search index from the archive."""
    from search.api import ArchiveBusy, rebuild_index

    with open_archive() as archive:
        try:
            written = rebuild_index(archive, wait=wait)
        except ArchiveBusy as exc:
            fail(str(exc), 1)
    click.echo(f"index rebuilt: {written:,} documents", err=True)


def _register_commands() -> None:
    """Commands that live in modules of their own (one per domain)."""
    from tui import cli_analysis, cli_briefs, cli_config, cli_relations, cli_store

    cli_relations.register(cli)
    cli_briefs.register(cli)
    cli_analysis.register(cli)
    cli_config.register(cli)
    cli_store.register(cli)


_register_commands()


def main() -> None:
    """Entry point: run the CLI; an unexpected error is one line on stderr, not a traceback.

    Set ``BRIEFROOM_DEBUG=1`` to see the traceback.
    """
    import os

    try:
        cli()
    except Exception as exc:
        if os.environ.get("BRIEFROOM_DEBUG"):
            raise
        fail(f"unexpected error: {type(exc).__name__}: {_one_line(str(exc))} "
             "(set BRIEFROOM_DEBUG=1 for details)", 1)  # fmt: skip


if __name__ == "__main__":
    main()
