"""`briefroom brief --format docx|all --max-items N` and `briefroom render --format docx`."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from click.testing import CliRunner, Result

from tui.cli import cli

GLOBAL = ["--home", "Kazakhstan", "--as-of", "2025-06-11"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)


def test_brief_format_all_writes_yaml_markdown_and_word(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(*GLOBAL, "brief", "Norway", "--date", "next Tuesday", "--format", "all",
                 "--out", str(out))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    stem = out.resolve() / "2025-06-17-norway-brief"
    assert result.stdout.split() == [f"{stem}.yaml", f"{stem}.md", f"{stem}.docx"]
    text = _text(Path(f"{stem}.docx"))
    assert "At a glance" in text and "Norway on its own" in text and "Sources" in text
    assert "article" in result.stderr and "sentences" in result.stderr


def test_brief_format_docx_alone(home: Path, tmp_path: Path) -> None:
    result = run(*GLOBAL, "brief", "NOR", "--date", "5 Dec", "--format", "docx",
                 "--out", str(tmp_path))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [Path(p).suffix for p in result.stdout.split()] == [".docx"]


def test_max_items_shortens_every_list(home: Path, tmp_path: Path) -> None:
    result = run(*GLOBAL, "brief", "NOR", "--date", "5 Dec", "--max-items", "1",
                 "--out", str(tmp_path))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    md = next(tmp_path.glob("*.md")).read_text()
    assert "Shortened:" in md and " of " in md
    bad = run(*GLOBAL, "brief", "NOR", "--date", "5 Dec", "--max-items", "0",
              "--out", str(tmp_path / "x"))  # fmt: skip
    assert bad.exit_code == 2


def test_render_docx_beside_the_yaml_and_in_place(home: Path, tmp_path: Path) -> None:
    made = run(*GLOBAL, "brief", "NOR", "--date", "5 Dec", "--format", "yaml",
               "--out", str(tmp_path))  # fmt: skip
    assert made.exit_code == 0, made.stderr
    yaml_path = Path(made.stdout.split()[0])
    edited = yaml_path.read_text().replace("title: Meeting with Norway", "title: Edited title")
    yaml_path.write_text(edited)
    first = run("render", str(yaml_path), "--format", "docx")
    assert first.exit_code == 0, first.stderr
    target = yaml_path.with_suffix(".docx")
    assert first.stdout.strip() == str(target)
    assert _text(target).startswith("Edited title")
    again = run("render", str(yaml_path), "--format", "docx")  # its own file: replaced
    assert again.exit_code == 0, again.stderr
    other = tmp_path / "other.docx"
    other.write_text("keep")
    refused = run("render", str(yaml_path), "--format", "docx", "--out", str(other))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert other.read_text() == "keep"
    forced = run("render", str(yaml_path), "--format", "docx", "--out", str(other), "--force")
    assert forced.exit_code == 0 and _text(other).startswith("Edited title")
    stdout = run("render", str(yaml_path), "--format", "docx", "--out", "-")
    assert stdout.exit_code == 2 and "binary" in stdout.stderr


def test_word_template_from_the_config_folder(home: Path, tmp_path: Path) -> None:
    template = docx.Document()
    template.styles["Normal"].font.name = "Garamond"
    (home / "templates").mkdir(exist_ok=True)
    template.save(str(home / "templates" / "brief.docx"))
    result = run(*GLOBAL, "brief", "NOR", "--date", "5 Dec", "--format", "docx",
                 "--out", str(tmp_path))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    written = docx.Document(result.stdout.strip())
    assert written.styles["Normal"].font.name == "Garamond"
    (home / "templates" / "brief.docx").write_text("broken")
    broken = run(*GLOBAL, "brief", "NOR", "--date", "5 Dec", "--format", "docx",
                 "--out", str(tmp_path / "b"))  # fmt: skip
    assert broken.exit_code == 1 and "not a usable Word template" in broken.stderr
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())
