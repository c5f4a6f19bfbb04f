"""Render a brief to Markdown, and write its files.

The Markdown comes from a `string.Template` (``briefs/templates/brief.md``, or the
user's copy in a templates folder: `load_template`), whose placeholders are the
rendered sections (``${participants}``, ``${sources}``...) and the meeting's fields
(``${country_name}``, ``${date}``...).  Rendering is a pure, deterministic function of
the `Brief`, so rendering the untouched YAML reproduces the generated Markdown byte for
byte.  File names are slugs confined to the output folder; files are written with
`briefs.safe_write` (nothing overwritten without ``force``, never through a link at a
file's name, both files or neither).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from string import Template

from briefs.brief_model import Brief, Commitments, Issue, Item, Participants, Person, Section
from briefs.brief_yaml import BriefError, brief_from_yaml, brief_to_doc, brief_to_yaml
from briefs.citations import citation_labels, format_cites, group_sources
from briefs.safe_write import TargetExists, write_files
from briefs.wording import GLANCE_TODO, TODO, meeting_date_line
from briefs.wording import one_line as _line
from search.bidi import neutral_bidi

__all__ = [
    "BriefError",
    "BriefExists",
    "TemplateError",
    "brief_from_yaml",
    "brief_paths",
    "meeting_paths",
    "brief_to_doc",
    "brief_to_yaml",
    "load_template",
    "render_markdown",
    "slugify",
    "write_brief",
]

TEMPLATE_NAME = "brief.md"
BUNDLED_TEMPLATES = Path(__file__).parent / "templates"
# The citation labels of the brief being rendered (`render_markdown` sets them): every
# `_cites` call shows ``[3a]`` without each piece taking the labels as an argument.
_LABELS: ContextVar[dict[int, str] | None] = ContextVar("brief_citation_labels", default=None)
PLACEHOLDERS = (
    "title",
    "header",
    "glance",
    "purpose",
    "participants",
    "background",
    "counterpart",
    "engagements",
    "upcoming",
    "issues",
    "asks",
    "commitments",
    "sensitivities",
    "sources",
    "caveats",
    "schema",
    "country",
    "country_name",
    "home",
    "home_name",
    "date",
    "date_text",
    "place",
    "format",
    "as_of",
)


class TemplateError(ValueError):
    """A Markdown template that cannot be used (one line naming the problem)."""


class BriefExists(TargetExists):
    """A brief file (or a link, or a folder) is already there and ``force`` was not given."""


# --------------------------------------------------------------------------- templates


def load_template(user_dir: Path | None = None, name: str = TEMPLATE_NAME) -> str:
    """The Markdown template: ``user_dir/name`` when it exists, else the bundled one.

    Raises:
        TemplateError: the user's template cannot be read.
    """
    if user_dir is not None:
        path = user_dir / name
        if path.is_file():
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise TemplateError(f"{path}: cannot read template ({exc})") from exc
    return (BUNDLED_TEMPLATES / name).read_text(encoding="utf-8")


def render_markdown(brief: Brief, template: str | None = None) -> str:
    """The brief as Markdown (deterministic: the same brief gives the same bytes).

    Bidi controls from the articles (or the template) come out as a visible ``<U+202E>``
    or are dropped (`search.bidi.neutral_bidi`): Markdown has no escape for them, and
    raw they would reorder the text around them in a viewer.

    Args:
        brief: The brief.
        template: Template text (default: the bundled template).

    Raises:
        TemplateError: the template has an unknown or malformed placeholder.
    """
    text = template if template is not None else load_template()
    token = _LABELS.set(citation_labels(brief.sources))
    try:
        values = _values(brief)
    finally:
        _LABELS.reset(token)
    try:
        out = Template(text).substitute(values)
    except KeyError as exc:
        raise TemplateError(
            f"template: unknown placeholder ${exc.args[0]} (known: {', '.join(PLACEHOLDERS)})"
        ) from None
    except ValueError as exc:
        raise TemplateError(f"template: {exc} (write $$ for a dollar sign)") from None
    lines = [line.rstrip() for line in out.splitlines()]
    # A section left out (no counterpart profile) leaves one empty line, not three.
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines).strip("\n"))
    return neutral_bidi(text + "\n")


def _values(brief: Brief) -> dict[str, str]:
    m = brief.meeting
    return {
        "title": _line(brief.title),
        "header": _header(brief),
        "glance": _section(brief.glance, GLANCE_TODO),
        "purpose": _section(brief.purpose),
        "participants": _participants(brief.participants, brief),
        "background": _section(brief.background),
        "counterpart": _counterpart(brief),
        "engagements": _section(brief.engagements),
        "upcoming": _section(brief.upcoming),
        "issues": _issues(brief),
        "asks": _section(brief.asks),
        "commitments": _commitments(brief.commitments, brief),
        "sensitivities": _section(brief.sensitivities),
        "sources": _sources(brief),
        "caveats": "\n".join(f"- {_flow(c)}" for c in brief.caveats) or "- None.",
        "schema": brief.schema,
        "country": m.country,
        "country_name": m.country_name,
        "home": m.home,
        "home_name": m.home_name,
        "date": m.date or "",
        "date_text": m.date_text or "",
        "place": m.place or "",
        "format": m.format or "",
        "as_of": brief.prepared.as_of,
    }


# --------------------------------------------------------------------------- pieces


def _flow(text: str, indent: str = "  ") -> str:
    """Text inside a list item: continuation lines indented so the list holds."""
    lines = [line.strip() for line in text.strip().splitlines()] or [""]
    return f"\n{indent}".join(line for line in lines if line) or "…"


def _cites(numbers: Iterable[int]) -> str:
    """`` [1a, 2]``: the labels of these sources (`briefs.citations`)."""
    numbers = list(numbers)
    return f" [{format_cites(numbers, _LABELS.get() or {})}]" if numbers else ""


def _item(item: Item, indent: str = "") -> str:
    head = ""
    if item.label and item.date:
        head = f"**{_line(item.label)}**, {_line(item.date)}: "
    elif item.label:
        head = f"**{_line(item.label)}**: "
    elif item.date:
        head = f"{_line(item.date)}: "
    return f"{indent}- {head}{_flow(item.text, indent + '  ')}{_cites(item.cite)}"


def _todo(todo: str | None) -> list[str]:
    return [TODO.format(_line(todo))] if todo else []


def _note(note: str | None) -> list[str]:
    return [f"_{_line(note)}_"] if note else []


def _blocks(*blocks: list[str] | str) -> str:
    parts = []
    for block in blocks:
        text = block if isinstance(block, str) else "\n".join(block)
        if text:
            parts.append(text)
    return "\n\n".join(parts)


def _section(section: Section, empty: str = "this section.") -> str:
    items = [_item(i) for i in section.items]
    return _blocks(_note(section.note), items, _todo(section.todo)) or TODO.format(empty)


def _counterpart(brief: Brief) -> str:
    """The counterpart's own profile, with its heading (nothing when there is none)."""
    profile = brief.counterpart
    if profile is None:
        return ""
    name = _line(brief.meeting.country_name)
    return _blocks(
        f"## {name} on its own",
        _note(profile.note),
        "**Recent developments**",
        [_item(i) for i in profile.developments] or ["- _None in the archive._"],
        "**Leaders and roles**",
        _people(profile.leaders),
        "**Engagements with other countries**",
        [_item(i) for i in profile.engagements] or ["- _None in the archive._"],
        _todo(profile.todo),
    )


def _person(person: Person) -> str:
    text = f"- **{_line(person.name)}**"
    if person.role:
        text += f", {_line(person.role)}"
    if person.last_contact:
        text += f". Last contact: {_line(person.last_contact)}"
    text += _cites(person.cite)
    if person.note:
        text += f" _({_line(person.note)})_"
    return text


def _people(people: tuple[Person, ...]) -> list[str]:
    return [_person(p) for p in people] or ["- _None listed._"]


def _participants(parts: Participants, brief: Brief) -> str:
    m = brief.meeting
    return _blocks(
        _note(parts.note),
        f"**Their side** ({_line(m.country_name)})",
        _people(parts.theirs),
        f"**Our side** ({_line(m.home_name)})",
        _people(parts.ours),
        _todo(parts.todo),
    )


def _issue(number: int, issue: Issue) -> str:
    facts = [_item(i) for i in issue.facts] or ["- _Nothing on record in the archive._"]
    points = [_item(i) for i in issue.points] + [f"- {t}" for t in _todo(issue.todo)]
    return _blocks(
        f"### {number}. {_line(issue.issue)}",
        "On record:",
        facts,
        "Points to make:",
        points or ["- " + TODO.format("the points to make.")],
    )


def _issues(brief: Brief) -> str:
    section = brief.issues
    issues = "\n\n".join(_issue(n, issue) for n, issue in enumerate(section.items, 1))
    return _blocks(_note(section.note), issues, _todo(section.todo)) or TODO.format(
        "the issues to raise."
    )


def _commitments(c: Commitments, brief: Brief) -> str:
    m = brief.meeting

    def group(title: str, items: tuple[Item, ...]) -> str:
        return _blocks(f"**{title}**", [_item(i) for i in items] or ["- _None in the archive._"])

    last = c.last_meeting
    return _blocks(
        _blocks(
            "**Follow-ups from the last meeting**", _note(last.note), [_item(i) for i in last.items]
        )
        if last.items or last.note
        else "",
        _note(c.note),
        group(f"What we promised ({_line(m.home_name)})", c.ours),
        group(f"What they promised ({_line(m.country_name)})", c.theirs),
        group("Agreed together", c.joint),
        group("Follow-ups", c.follow_ups),
        _todo(c.todo),
    )


def _sources(brief: Brief) -> str:
    """One entry per article, its cited sentences under it (``[3a]``: article 3,
    sentence a; `briefs.citations`)."""
    lines = []
    for group in group_sources(brief.sources):
        ref = group.ref
        head = (
            f"{group.number}. {_line(ref.title) or 'Untitled'} — "
            f"{_line(ref.source or 'unknown source')}, "
        )
        head += f"{_line(ref.date or 'undated')}. Article `{_line(ref.article)}`"
        if ref.url:
            head += f", <{_line(ref.url)}>"
        lines.append(head)
        indent = " " * len(f"{group.number}. ")
        shown: set[str] = set()
        for label, _n, sentence in group.sentences:
            if label not in shown:
                shown.add(label)
                lines.append(f"{indent}- [{label}] {_line(sentence)}")
    return "\n".join(lines) or "_No source cited._"


def _header(brief: Brief) -> str:
    m, p = brief.meeting, brief.prepared
    lines = [
        f"- **Counterpart:** {_line(m.country_name)} ({_line(m.country)}); "
        f"**our side:** {_line(m.home_name)} ({_line(m.home)})",
        f"- **Date:** {_date_line(m.date, m.date_text, p.as_of)}",
        f"- **Place:** {_line(m.place) if m.place else TODO.format('the place.')}",
        f"- **Format:** {_line(m.format) if m.format else TODO.format('consultations, visit, call...')}",
    ]
    if m.attendees:
        lines.append(f"- **Meeting with:** {', '.join(_line(a) for a in m.attendees)}")
    span = ""
    if p.first_date or p.last_date:
        span = f", {p.first_date or 'undated'} to {p.last_date or 'undated'}"
    articles = "article" if p.articles == 1 else "articles"
    stories = "story" if p.stories == 1 else "stories"
    lines.append(
        f"- **Prepared:** as of {_line(p.as_of)} by {_line(p.generator)}, from {p.articles} "
        f"{articles} ({p.stories} {stories}) concerning both sides{span}"
    )
    return "\n".join(lines)


def _date_line(when: str | None, text: str | None, as_of: str) -> str:
    return meeting_date_line(when, text, as_of)


# --------------------------------------------------------------------------- files


def slugify(text: str, max_length: int = 60) -> str:
    """A file-name-safe slug: letters and digits joined by hyphens, never a path."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    slug = re.sub(r"[\W_]+", "-", text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


@dataclass(frozen=True)
class BriefPaths:
    """Where a brief's files go."""

    yaml: Path
    markdown: Path
    docx: Path


def brief_paths(brief: Brief, out_dir: Path, name: str | None = None) -> BriefPaths:
    """``<date>-<country>-<slug>.yaml`` and ``.md`` inside ``out_dir`` (and only there).

    Args:
        brief: The brief.
        out_dir: The output folder.
        name: What the slug is made from (default: the brief's title).
    """
    meeting = brief.meeting
    return meeting_paths(
        out_dir, meeting.date, meeting.country_name, meeting.country,
        name if name is not None else brief.title,
    )  # fmt: skip


def meeting_paths(
    out_dir: Path, date: str | None, country_name: str, country: str, name: str
) -> BriefPaths:
    """`brief_paths` from a meeting's date, country and name alone (no brief yet)."""
    parts = [
        slugify(date or "undated") or "undated",
        slugify(country_name) or slugify(country) or "country",
        slugify(name) or "brief",
    ]
    stem = "-".join(parts)
    folder = out_dir.resolve()
    paths = BriefPaths(folder / f"{stem}.yaml", folder / f"{stem}.md", folder / f"{stem}.docx")
    for path in (paths.yaml, paths.markdown, paths.docx):
        if path.parent != folder:  # pragma: no cover - slugs hold no separators
            raise ValueError(f"{path}: outside {folder}")
    return paths


def write_brief(
    brief: Brief,
    out_dir: Path,
    *,
    formats: tuple[str, ...] = ("yaml", "md"),
    force: bool = False,
    template: str | None = None,
    name: str | None = None,
    docx_template: Path | None = None,
    paths: BriefPaths | None = None,
) -> list[Path]:
    """Write the brief's YAML, Markdown and/or Word files into ``out_dir``
    (`briefs.safe_write`).

    All files or none; a symbolic link at a file's name is replaced with ``force``
    (never followed) and refuses the write without it.

    Args:
        formats: Any of ``yaml``, ``md``, ``docx``.
        docx_template: A .docx supplying the Word styles (`briefs.docx_export`).
        paths: Where the files go (default: `brief_paths` in ``out_dir``, named after
            ``name``); a meeting's brief keeps the names its meeting gives it
            (`meeting_paths`) even when its YAML was edited.

    Raises:
        BriefExists: something is at a file's name and ``force`` is false (nothing is
            written).
        TemplateError: the template cannot be used (nothing is written).
        DocxTemplateError: the Word template cannot be used (nothing is written).
        OSError: the files could not be written (nothing is left written).
    """
    paths = paths or brief_paths(brief, out_dir, name)
    contents: list[tuple[Path, str | bytes]] = []
    if "yaml" in formats:
        contents.append((paths.yaml, brief_to_yaml(brief)))
    if "md" in formats:
        contents.append((paths.markdown, render_markdown(brief, template)))
    if "docx" in formats:
        from briefs.docx_export import build_docx

        contents.append((paths.docx, build_docx(brief, docx_template)))
    out_dir.mkdir(parents=True, exist_ok=True)
    return write_files(contents, force=force, exists=BriefExists)
