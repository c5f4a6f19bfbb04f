"""A meeting's brief as the brief builder holds it (`BriefDraft`), and its files: named
after the meeting (`brief_files`), generated, read back from the YAML the user may have
edited, exported with `briefs.render.write_brief` (the one brief writer), put on disk
for the editor, or re-rendered from a YAML file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from search.api import using

if TYPE_CHECKING:
    from briefs.brief_model import Brief
    from briefs.meeting_model import Meeting
    from briefs.render import BriefPaths
    from search.archive import Archive


def _name(code: str) -> str:
    from search.extract.countries import country_name

    return country_name(code)


def brief_files(meeting: Meeting, briefs_dir: Path) -> tuple[Path, Path]:
    """The YAML and Markdown paths of a meeting's brief in ``briefs_dir`` (named after the
    meeting's title, as `briefroom brief` names them)."""
    from briefs.render import meeting_paths

    paths = meeting_paths(briefs_dir, meeting.date, _name(meeting.country), meeting.country,
                          meeting.title or "brief")  # fmt: skip
    return paths.yaml, paths.markdown


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
        template: The Markdown template it was rendered with (None: the bundled one).
    """

    meeting: Meeting
    brief: Brief
    markdown: str
    yaml_path: Path
    markdown_path: Path
    from_disk: bool = False
    template: str | None = None


def draft_brief(
    where: Path | Archive,
    meeting: Meeting,
    *,
    home_country: str,
    as_of: date,
    briefs_dir: Path,
    templates_dir: Path | None = None,
) -> BriefDraft:
    """Generate the brief for a meeting and its Markdown (the user's template if any)."""
    from briefs.brief import build_brief
    from briefs.render import load_template, render_markdown

    template = load_template(templates_dir)
    with using(where) as archive:
        brief = build_brief(archive.store, meeting, home_country, as_of)
    yaml_path, md_path = brief_files(meeting, briefs_dir)
    markdown = render_markdown(brief, template)
    return BriefDraft(meeting, brief, markdown, yaml_path, md_path, template=template)


def read_brief(
    meeting: Meeting, *, briefs_dir: Path, templates_dir: Path | None = None
) -> BriefDraft | None:
    """The meeting's brief as saved on disk (None when its YAML is not there).

    Raises:
        BriefError: the YAML is not a valid brief (one-line message).
    """
    from briefs.render import BriefError, brief_from_yaml, load_template, render_markdown

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
    template = load_template(templates_dir)
    markdown = render_markdown(brief, template)
    return BriefDraft(meeting, brief, markdown, yaml_path, md_path, True, template)


def _export_formats(draft: BriefDraft, formats: tuple[str, ...]) -> tuple[str, ...]:
    # A brief read from its YAML keeps it: the YAML is the user's own copy (comments too).
    return tuple(f for f in formats if not (f == "yaml" and draft.from_disk))


def _draft_paths(draft: BriefDraft) -> BriefPaths:
    from briefs.render import BriefPaths

    # The Word file is named after the same stem as the YAML and the Markdown
    # (`briefs.render.meeting_paths` names all three), so it sits beside them.
    return BriefPaths(draft.yaml_path, draft.markdown_path, draft.yaml_path.with_suffix(".docx"))


def export_files(draft: BriefDraft, formats: tuple[str, ...]) -> list[Path]:
    """The files an export of ``formats`` writes (a brief read from disk keeps its YAML)."""
    paths = _draft_paths(draft)
    named = {"yaml": paths.yaml, "md": paths.markdown, "docx": paths.docx}
    return [named[f] for f in _export_formats(draft, formats)]


def export_brief(
    draft: BriefDraft,
    *,
    formats: tuple[str, ...],
    force: bool,
    docx_template: Path | None = None,
) -> list[Path]:
    """Write the brief's YAML, Markdown and/or Word files (`briefs.render.write_brief`:
    nothing is overwritten unless ``force``, a link at a name is never followed, all
    files or none), at the meeting's names.

    A brief read from its YAML on disk only gets its Markdown and Word files written: the
    YAML is the user's own copy (comments and all).

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
    from briefs.render import write_brief

    paths = _draft_paths(draft)
    return write_brief(draft.brief, paths.yaml.parent, formats=_export_formats(draft, formats),
                       force=force, template=draft.template, docx_template=docx_template,
                       paths=paths)  # fmt: skip


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


def render_brief(text: str, fmt: str = "md", *, templates_dir: Path | None = None) -> str | bytes:
    """A brief's Markdown (``md``) or Word document (``docx``) from its YAML ``text``, with
    the user's templates in ``templates_dir`` (``brief.md``, ``brief.docx``) if any.

    Raises:
        BriefError: the YAML is not a valid brief.
        TemplateError: the Markdown template cannot be used.
        DocxTemplateError: the Word template cannot be used.
    """
    from briefs.render import brief_from_yaml, load_template, render_markdown

    brief = brief_from_yaml(text)
    if fmt == "docx":
        from briefs.docx_export import build_docx, find_docx_template

        return build_docx(brief, find_docx_template(templates_dir))
    return render_markdown(brief, load_template(templates_dir))
