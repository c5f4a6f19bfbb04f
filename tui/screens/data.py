"""Archive reads the screens need, as plain functions run inside thread workers.

Every function opens the archive itself (SQLite connections belong to one thread) and
returns frozen dataclasses, so results can be posted to the UI thread safely.  Nothing
here imports Textual.

The SQL below (recent activity by country, country counts, latest dates) belongs in
`search/` next to `archive_stats`; it lives here until that API exists.  `search/` and
`briefs/` are imported inside the functions (which run in workers), so the app's first
paint does not wait for them (Whoosh, the gazetteer, dateparser).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # search/ and briefs/ are imported inside the functions (first paint)
    from briefs.brief_model import Brief
    from briefs.meeting import DateResolution, Meeting
    from briefs.relations import CountryProfile, PairSummary
    from search.analysis import ArticleAnalysis
    from search.archive import Archive, ArchiveStats
    from search.model import Article
    from search.query import Hit, QueryParser, SearchRequest, SearchResult
    from search.store import Store

T = TypeVar("T")

RECENT_DAYS = 90
"""Recent activity covers this many days up to the newest article in the archive."""


@contextmanager
def open_archive(home: Path, *, readonly: bool = True) -> Iterator[Archive]:
    """The archive in ``home``, closed on exit (one per thread).

    Readers open the store read-only: they never wait for an ingest's write lock
    and cannot change anything by mistake.
    """
    from search.archive import STORE_FILE, Archive
    from search.store import Store

    if readonly:
        archive = Archive(home, Store.open(home / STORE_FILE, readonly=True))
    else:
        archive = Archive.open(home)
    try:
        yield archive
    finally:
        archive.close()


# --------------------------------------------------------------------------- countries


def country_name(code: str) -> str:
    """A readable name for an ISO alpha-3 code (the code itself when unknown)."""
    from search.extract.countries import country_name as name_of

    return name_of(code)


def resolve_country(text: str) -> str | None:
    """The ISO alpha-3 code of a country name or code, or None."""
    from search.extract.countries import resolve_country as resolve

    return resolve(text)


def make_parser(languages: tuple[str, ...] = ("en",), day_order: str = "DMY") -> QueryParser:
    """A query parser for one worker (parsers are not shared between threads), reading
    dates with the user's settings."""
    from search.query import QueryParser

    return QueryParser(resolve_country=resolve_country, languages=languages, day_order=day_order)


# --------------------------------------------------------------------------- first run


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What opening the archive found."""

    articles: int
    notices: tuple[str, ...]


def check_archive(home: Path) -> OpenReport:
    """Open (creating) the archive, repair its index if needed, count its articles."""
    from search.archive import ensure_index

    with open_archive(home, readonly=False) as archive:
        count = archive.store.count()
        notices = tuple(ensure_index(archive)) if count else ()
        return OpenReport(count, notices)


# --------------------------------------------------------------------------- dashboard


@dataclass(frozen=True, slots=True)
class CountryActivity:
    """How often a country appeared in the recent window."""

    code: str
    name: str
    stories: int
    last_date: str | None


@dataclass(frozen=True, slots=True)
class DashboardData:
    """Everything the dashboard shows."""

    stats: ArchiveStats
    window_start: str | None
    window_end: str | None
    activity: tuple[CountryActivity, ...]
    latest: tuple[Hit, ...]
    excluded: str | None = None
    meetings: tuple[MeetingRow, ...] = ()


def recent_activity(
    archive: Archive, *, days: int = RECENT_DAYS, limit: int = 12, exclude: str | None = None
) -> tuple[str | None, str | None, tuple[CountryActivity, ...]]:
    """Countries most written about in the last ``days`` days of the archive.

    Counts stories (near-duplicate copies count once).  ``exclude`` (our own country's
    ISO code) is left out: it is in almost every story.  Returns the window's first
    and last dates and the countries, busiest first.
    """
    conn = archive.store.conn
    last = conn.execute("SELECT max(date) FROM articles WHERE date IS NOT NULL").fetchone()[0]
    if not last:
        return None, None, ()
    try:
        end = date.fromisoformat(last[:10])
    except ValueError:
        return None, None, ()
    start = (end - timedelta(days=days - 1)).isoformat()
    rows = conn.execute(
        "SELECT ac.code, count(DISTINCT coalesce(a.cluster, -a.rowid)) AS n, max(a.date) "
        "FROM article_countries ac JOIN articles a ON a.rowid = ac.article "
        "WHERE a.date >= ? AND a.date <= ? AND ac.code != ? "
        "GROUP BY ac.code ORDER BY n DESC, max(a.date) DESC, ac.code LIMIT ?",
        (start, end.isoformat() + "\uffff", exclude or "", limit),
    ).fetchall()
    activity = tuple(CountryActivity(code, country_name(code), n, d) for code, n, d in rows)
    return start, end.isoformat(), activity


UPCOMING = 5
"""Upcoming meetings the dashboard lists."""


def load_dashboard(
    home: Path,
    *,
    home_country: str | None = None,
    latest: int = 12,
    as_of: date | None = None,
    briefs_dir: Path | None = None,
) -> DashboardData:
    """Corpus health, recent activity by country (without ``home_country``), latest stories.

    With ``as_of`` and ``briefs_dir``, also the next `UPCOMING` meetings and whether
    their briefs are on disk.
    """
    from search.archive import archive_stats, run_search
    from search.query import SearchRequest

    exclude = resolve_country(home_country) if home_country else None
    with open_archive(home) as archive:
        stats = archive_stats(archive)
        start, end, activity = recent_activity(archive, exclude=exclude)
        hits: tuple[Hit, ...] = ()
        if stats.articles and stats.index_ok:
            request = SearchRequest(limit=latest, sort="date", snippets=False, facets=False)
            hits = run_search(archive, request, make_parser()).hits
        meetings: tuple[MeetingRow, ...] = ()
        if as_of is not None and briefs_dir is not None:
            meetings = meeting_rows(
                archive.store, as_of=as_of, briefs_dir=briefs_dir, upcoming=True, limit=UPCOMING
            )
    return DashboardData(stats, start, end, activity, hits, exclude, meetings)


@dataclass(frozen=True, slots=True)
class CountryCount:
    """A country and the number of stored articles concerning it."""

    code: str
    name: str
    articles: int


def country_counts(home: Path) -> list[CountryCount]:
    """Every country in the archive with its article count, busiest first."""
    with open_archive(home) as archive:
        rows = archive.store.conn.execute(
            "SELECT code, count(*) FROM article_countries GROUP BY code "
            "ORDER BY count(*) DESC, code"
        ).fetchall()
    return [CountryCount(code, country_name(code), n) for code, n in rows]


# --------------------------------------------------------------------------- search


def search_archive(
    home: Path,
    request: SearchRequest,
    *,
    languages: tuple[str, ...] = ("en",),
    day_order: str = "DMY",
) -> SearchResult:
    """Run one search with a searcher and store connection of its own; dates in the
    query and filters read with the settings' ``languages`` and ``day_order``."""
    from search.archive import run_search

    with open_archive(home) as archive:
        return run_search(archive, request, make_parser(languages, day_order))


# --------------------------------------------------------------------------- article reader


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One highlighted stretch of the document text."""

    kind: str
    key: str
    start: int
    end: int
    how: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity of the article, for the side panel."""

    kind: str
    key: str
    label: str
    detail: str | None
    mentions: int
    first: int | None


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article with what the reader shows of its extraction."""

    article: Article
    mentions: tuple[EntityMention, ...]
    entities: tuple[Entity, ...]
    country_names: dict[str, str] = field(default_factory=dict)


ENTITY_KINDS = ("country", "person", "org", "topic")


def load_article(home: Path, article_id: str) -> ArticleView | None:
    """The article and its entities (None when the id is not in the archive)."""
    with open_archive(home) as archive:
        article = archive.store.get(article_id)
        if article is None:
            return None
        extraction = archive.store.extraction(article.id)
    return build_view(article, extraction)


def build_view(article: Article, extraction: dict[str, Any]) -> ArticleView:
    """Validate the stored extraction against the text and group it into entities."""
    text_length = len(article.text)
    mentions: list[EntityMention] = []
    for item in extraction.get("mentions", ()):
        try:
            kind, key, start, end = str(item[0]), str(item[1]), int(item[2]), int(item[3])
            how = str(item[5]) if len(item) > 5 else "name"
        except (TypeError, ValueError, IndexError):
            continue  # a malformed record must not break the reader
        if kind in ENTITY_KINDS and 0 <= start < end <= text_length:
            mentions.append(EntityMention(kind, key, start, end, how))
    mentions.sort(key=lambda m: (m.start, -m.end))

    roles: dict[str, str] = {}
    for person in extraction.get("people", ()):
        if isinstance(person, dict) and person.get("name"):
            country = person.get("country")
            where = country_name(str(country)) if country else None
            detail = ", ".join(str(v) for v in (person.get("role"), where) if v)
            if detail:
                roles[str(person["name"])] = detail

    names: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}
    firsts: dict[tuple[str, str], int] = {}
    for m in mentions:
        counts[(m.kind, m.key)] = counts.get((m.kind, m.key), 0) + 1
        firsts.setdefault((m.kind, m.key), m.start)
    order: list[tuple[str, str]] = []
    order += [("country", code) for code in article.countries]
    order += [("person", name) for name in article.people]
    order += [("org", name) for name in article.orgs]
    order += [("topic", name) for name in article.topics]
    order += sorted(counts, key=lambda k: (ENTITY_KINDS.index(k[0]), firsts[k]))
    entities: list[Entity] = []
    seen: set[tuple[str, str]] = set()
    for kind, key in order:
        if (kind, key) in seen:
            continue
        seen.add((kind, key))
        label = key
        if kind == "country":
            label = names.setdefault(key, country_name(key))
        entities.append(
            Entity(
                kind=kind,
                key=key,
                label=label,
                detail=roles.get(key) if kind == "person" else None,
                mentions=counts.get((kind, key), 0),
                first=firsts.get((kind, key)),
            )
        )
    entities.sort(key=lambda e: ENTITY_KINDS.index(e.kind))
    return ArticleView(article, tuple(mentions), tuple(entities), names)


# --------------------------------------------------------------------------- countries screen


@dataclass(frozen=True, slots=True)
class ProfileView:
    """A country profile with readable names for every code it mentions."""

    profile: CountryProfile
    name: str
    names: dict[str, str]


@dataclass(frozen=True, slots=True)
class PairView:
    """A pair summary with readable names for every code it mentions."""

    summary: PairSummary
    names: dict[str, str]


def load_profile(home: Path, code: str) -> ProfileView:
    """One country at a glance (`briefs.relations.country_profile`, all dates)."""
    from briefs.relations import country_profile

    with open_archive(home) as archive:
        profile = country_profile(archive.store, code)
    codes = {code, *(c for c, _ in profile.partners)}
    codes |= {p.country for p in profile.people if p.country}
    codes |= {actor for event in profile.recent_events for actor in event.actors}
    return ProfileView(profile, country_name(code), {c: country_name(c) for c in sorted(codes)})


def load_pair(home: Path, a: str, b: str) -> PairView:
    """What has happened between ``a`` and ``b`` (`briefs.relations.pair_summary`)."""
    from briefs.relations import pair_summary

    with open_archive(home) as archive:
        summary = pair_summary(archive.store, a, b)
    codes = {a, b}
    for commitment in summary.commitments:
        codes.update(commitment.parties)
    for engagement in summary.engagements:
        codes.update(engagement.participants)
    return PairView(summary, {c: country_name(c) for c in sorted(codes)})


def load_analysis(home: Path, article_id: str) -> ArticleAnalysis | None:
    """One article's extraction with the analyst's corrections (`search.analysis`)."""
    from search.analysis import article_analysis

    with open_archive(home) as archive:
        return article_analysis(archive.store, article_id)


def record_correction(home: Path, do: Callable[[Any], T]) -> T:
    """Run a correction (`search.corrections`) on the archive's store, under its write
    lock (waiting a few seconds for an ingest to finish a batch)."""
    with open_archive(home, readonly=False) as archive, archive.write_lock(5.0):
        return do(archive.store.conn)


def home_code(home_country: str | None) -> str | None:
    """Our side's ISO code from the configured name or code (None when unset or unknown)."""
    return resolve_country(home_country) if home_country else None


def all_country_names() -> list[str]:
    """Every country name the gazetteer knows (for completion), sorted."""
    from search.extract.countries import all_countries

    return sorted({name for _code, name in all_countries()})


# --------------------------------------------------------------------------- meetings and briefs


@dataclass(frozen=True, slots=True)
class MeetingRow:
    """A stored meeting as the lists show it.

    Attributes:
        meeting: The meeting.
        name: The counterpart's name.
        days_left: Days from "today" to the meeting (negative: past).
        yaml_path: Where its brief's YAML goes (`briefs.render.brief_paths`).
        markdown_path: Where its brief's Markdown goes.
        yaml_exists: Whether the YAML is on disk.
        markdown_exists: Whether the Markdown is on disk.
    """

    meeting: Meeting
    name: str
    days_left: int
    yaml_path: Path
    markdown_path: Path
    yaml_exists: bool
    markdown_exists: bool

    @property
    def brief_status(self) -> str:
        """``on disk``, ``YAML only``, ``Markdown only`` or ``none``."""
        if self.yaml_exists and self.markdown_exists:
            return "on disk"
        if self.yaml_exists:
            return "YAML only"
        if self.markdown_exists:
            return "Markdown only"
        return "none"


@dataclass(frozen=True, slots=True)
class MeetingsData:
    """The stored meetings and our side."""

    rows: tuple[MeetingRow, ...]
    home: str | None
    home_name: str | None
    as_of: date


def brief_name(meeting: Meeting) -> str:
    """What a meeting's brief files are named after (as `briefroom brief` names them)."""
    return meeting.title or "brief"


def brief_files(meeting: Meeting, briefs_dir: Path) -> tuple[Path, Path]:
    """The YAML and Markdown paths of a meeting's brief in ``briefs_dir``."""
    from briefs.render import meeting_paths

    paths = meeting_paths(briefs_dir, meeting.date, country_name(meeting.country),
                          meeting.country, brief_name(meeting))  # fmt: skip
    return paths.yaml, paths.markdown


def meeting_rows(
    store: Store, *, as_of: date, briefs_dir: Path, upcoming: bool = False, limit: int | None = None
) -> tuple[MeetingRow, ...]:
    """Stored meetings, soonest first, with days left and whether their brief is on disk."""
    from briefs.meetings import list_meetings

    found = list_meetings(store, since=as_of if upcoming else None)
    if limit is not None:
        found = found[:limit]
    rows = []
    for meeting in found:
        yaml_path, md_path = brief_files(meeting, briefs_dir)
        rows.append(
            MeetingRow(
                meeting,
                country_name(meeting.country),
                meeting.days_left(as_of),
                yaml_path,
                md_path,
                yaml_path.is_file(),
                md_path.is_file(),
            )
        )
    return tuple(rows)


def load_meetings(
    home: Path, *, as_of: date, briefs_dir: Path, home_country: str | None
) -> MeetingsData:
    """Every stored meeting (past ones too) and our side."""
    code = home_code(home_country)
    with open_archive(home) as archive:
        rows = meeting_rows(archive.store, as_of=as_of, briefs_dir=briefs_dir)
    return MeetingsData(rows, code, country_name(code) if code else None, as_of)


def save_meeting(home: Path, meeting: Meeting) -> Meeting:
    """Store a new meeting; returns it with its id."""
    from briefs.meetings import add_meeting

    with open_archive(home, readonly=False) as archive:
        return add_meeting(archive.store, meeting)


def delete_meeting(home: Path, meeting_id: int) -> bool:
    """Remove a stored meeting (False when it was not there)."""
    from briefs.meetings import remove_meeting

    with open_archive(home, readonly=False) as archive:
        return remove_meeting(archive.store, meeting_id)


@dataclass(frozen=True, slots=True)
class FormCheck:
    """What the add-meeting form's country and date mean.

    Attributes:
        country_text: The country as typed.
        date_text: The date as typed.
        code: The counterpart's ISO code (None: empty, unknown or our own side).
        country_note: "Norway (NOR)", or why the country cannot be used.
        resolution: What the date means (None: empty or not a date).
        date_error: Why the date cannot be used (not a date), else None.
    """

    country_text: str
    date_text: str
    code: str | None
    country_note: str
    resolution: DateResolution | None
    date_error: str | None

    @property
    def ok(self) -> bool:
        """A known counterpart and one day."""
        return (
            self.code is not None
            and self.resolution is not None
            and self.resolution.day is not None
        )


def check_meeting_form(
    country_text: str,
    date_text: str,
    *,
    as_of: date,
    languages: tuple[str, ...],
    day_order: str,
    home: str | None,
) -> FormCheck:
    """Resolve the form's country and date (dateparser: run it in a worker)."""
    from briefs.meeting import MeetingDateError, resolve_date

    code: str | None = None
    country = " ".join(country_text.split())
    if not country:
        note = "the counterpart country: a name, demonym or ISO code"
    else:
        code = resolve_country(country)
        if code is None:
            note = f"unknown country {country!r}"
        elif code == home:
            note = f"{country_name(code)} ({code}) is our own side"
            code = None
        else:
            note = f"{country_name(code)} ({code})"
    resolution: DateResolution | None = None
    error: str | None = None
    if date_text.strip():
        try:
            resolution = resolve_date(date_text, as_of=as_of, languages=languages,
                                      day_order=day_order)  # fmt: skip
        except MeetingDateError as exc:
            error = " ".join(str(exc).split())
    return FormCheck(country_text, date_text, code, note, resolution, error)


@dataclass(frozen=True)
class BriefDraft:
    """A brief as the brief builder shows it.

    Attributes:
        meeting: The meeting it is for.
        brief: The brief.
        markdown: Its Markdown.
        yaml_path: Where its YAML goes.
        markdown_path: Where its Markdown goes.
        from_disk: Read from the YAML on disk (the user's copy) rather than generated.
    """

    meeting: Meeting
    brief: Brief
    markdown: str
    yaml_path: Path
    markdown_path: Path
    from_disk: bool = False


def _template(templates_dir: Path | None) -> str:
    from briefs.render import load_template

    return load_template(templates_dir)


def draft_brief(
    home: Path,
    meeting: Meeting,
    *,
    home_country: str,
    as_of: date,
    briefs_dir: Path,
    templates_dir: Path | None = None,
) -> BriefDraft:
    """Generate the brief for a meeting (`briefs.brief.build_brief`) and its Markdown."""
    from briefs.brief import build_brief
    from briefs.render import render_markdown

    template = _template(templates_dir)
    with open_archive(home) as archive:
        brief = build_brief(archive.store, meeting, home_country, as_of)
    yaml_path, md_path = brief_files(meeting, briefs_dir)
    return BriefDraft(meeting, brief, render_markdown(brief, template), yaml_path, md_path)


def read_brief(
    meeting: Meeting, *, briefs_dir: Path, templates_dir: Path | None = None
) -> BriefDraft | None:
    """The meeting's brief as saved on disk (None when its YAML is not there).

    Raises:
        BriefError: the YAML is not a valid brief (one-line message).
    """
    from briefs.render import BriefError, brief_from_yaml, render_markdown

    yaml_path, md_path = brief_files(meeting, briefs_dir)
    try:
        text = yaml_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefError(f"{yaml_path.name}: cannot read ({exc})") from exc
    try:
        brief = brief_from_yaml(text)
    except BriefError as exc:
        raise BriefError(f"{yaml_path.name}: {' '.join(str(exc).split())}") from exc
    markdown = render_markdown(brief, _template(templates_dir))
    return BriefDraft(meeting, brief, markdown, yaml_path, md_path, from_disk=True)


def export_files(draft: BriefDraft, formats: tuple[str, ...]) -> list[Path]:
    """The files an export of ``formats`` writes (a brief read from disk keeps its YAML)."""
    return [path for _fmt, path in _export_targets(draft, formats)]


def _export_targets(draft: BriefDraft, formats: tuple[str, ...]) -> list[tuple[str, Path]]:
    # The Word file is named after the same stem as the YAML and the Markdown
    # (`briefs.render.meeting_paths` names all three), so it sits beside them.
    paths = {
        "yaml": draft.yaml_path,
        "md": draft.markdown_path,
        "docx": draft.yaml_path.with_suffix(".docx"),
    }
    return [(f, paths[f]) for f in formats if not (f == "yaml" and draft.from_disk)]


def export_brief(
    draft: BriefDraft,
    *,
    formats: tuple[str, ...],
    force: bool,
    docx_template: Path | None = None,
) -> list[Path]:
    """Write the brief's YAML, the Markdown shown and/or a Word file (`briefs.safe_write`:
    nothing is overwritten unless ``force``, a link at a name is never followed, all files
    or none).

    A brief read from its YAML on disk only gets its Markdown and Word files written: the
    YAML is the user's own copy (comments and all).  The Word file is built from the same
    brief (`briefs.docx_export.build_docx`), on ``docx_template``'s styles when given.

    Args:
        draft: The brief.
        formats: Any of ``yaml``, ``md``, ``docx``.
        force: Overwrite what is there.
        docx_template: The ministry's .docx template (`briefs.docx_export.find_docx_template`).

    Raises:
        BriefExists: something (a file or a link) is there and ``force`` is false
            (nothing is written).
        DocxTemplateError: the Word template cannot be used (nothing is written).
    """
    from briefs.render import BriefExists, brief_to_yaml
    from briefs.safe_write import write_files

    contents: list[tuple[Path, str | bytes]] = []
    for fmt, path in _export_targets(draft, formats):
        if fmt == "yaml":
            contents.append((path, brief_to_yaml(draft.brief)))
        elif fmt == "docx":
            from briefs.docx_export import build_docx

            contents.append((path, build_docx(draft.brief, docx_template)))
        else:
            contents.append((path, draft.markdown))
    for path, _text in contents:
        path.parent.mkdir(parents=True, exist_ok=True)
    return write_files(contents, force=force, exists=BriefExists)


def write_yaml_for_edit(draft: BriefDraft) -> Path:
    """Put the draft's YAML on disk for the editor (never over an existing file or link)."""
    from briefs.render import brief_to_yaml
    from briefs.safe_write import TargetExists, occupied, write_file

    path = draft.yaml_path
    if not occupied(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            write_file(path, brief_to_yaml(draft.brief))
        except TargetExists:
            pass  # written meanwhile: the editor opens that one
    return path
