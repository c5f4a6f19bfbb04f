"""`briefroom meetings`, `briefroom brief` and `briefroom render` (CLI contract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from tui.cli import cli

GLOBAL = ["--home", "Kazakhstan", "--as-of", "2025-06-11"]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_brief_writes_yaml_and_markdown(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(
        *GLOBAL,
        "brief",
        "Norway",
        "--date",
        "next Tuesday",
        "--place",
        "Oslo",
        "--title",
        "Political consultations",
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.stderr
    assert "Tuesday 17 June 2025 (2025-06-17)" in result.stderr
    stem = "2025-06-17-norway-political-consultations"
    assert result.stdout.split() == [
        str(out.resolve() / f"{stem}.yaml"),
        str(out.resolve() / f"{stem}.md"),
    ]
    md = (out / f"{stem}.md").read_text()
    assert md.startswith("# Political consultations\n")
    assert "Roman Vassilenko" in md and "Audun Halvorsen" in md and "Oslo" in md
    doc = yaml.safe_load((out / f"{stem}.yaml").read_text())
    assert doc["schema"] == "briefroom.brief/v1"
    assert doc["meeting"]["home"] == "KAZ" and doc["meeting"]["country"] == "NOR"


def test_default_folder_and_render_reproduces_the_markdown(home: Path, tmp_path: Path) -> None:
    result = run(*GLOBAL, "brief", "NOR", "--date", "5 Dec")
    assert result.exit_code == 0, result.stderr
    yaml_path = home / "briefs" / "2025-12-05-norway-brief.yaml"
    md_path = yaml_path.with_suffix(".md")
    assert yaml_path.exists() and md_path.exists()
    rendered = tmp_path / "again.md"
    again = run("render", str(yaml_path), "--out", str(rendered))
    assert again.exit_code == 0, again.stderr
    assert rendered.read_bytes() == md_path.read_bytes()
    to_stdout = run("render", str(yaml_path), "--out", "-")
    assert to_stdout.stdout == md_path.read_text()


def test_render_after_editing_the_yaml(home: Path) -> None:
    assert run(*GLOBAL, "brief", "Norway", "--date", "5 Dec").exit_code == 0
    yaml_path = home / "briefs" / "2025-12-05-norway-brief.yaml"
    doc = yaml.safe_load(yaml_path.read_text())
    doc["purpose"] = {"items": [{"text": "Agree the visit programme"}]}
    doc["title"] = "Edited title"
    yaml_path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
    result = run("render", str(yaml_path))
    assert result.exit_code == 0, result.stderr
    md = yaml_path.with_suffix(".md").read_text()
    assert md.startswith("# Edited title\n") and "- Agree the visit programme" in md


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("!!python/object/apply:os.system ['echo owned']\n", "tags are not allowed"),
        ("schema: briefroom.brief/v1\ntitle: x\n", "meeting: missing"),
        ("title: [unclosed\n", "not valid YAML"),
    ],
)
def test_render_refuses_bad_yaml_in_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "brief.yaml"
    path.write_text(content)
    result = run("render", str(path))
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not path.with_suffix(".md").exists()


def test_existing_brief_needs_force(home: Path, tmp_path: Path) -> None:
    args = [*GLOBAL, "brief", "Norway", "--date", "5 Dec", "--out", str(tmp_path)]
    assert run(*args).exit_code == 0
    md = tmp_path / "2025-12-05-norway-brief.md"
    md.write_text("my edits")
    again = run(*args)
    assert again.exit_code == 1 and "--force" in again.stderr
    assert md.read_text() == "my edits"
    assert run(*args, "--force").exit_code == 0
    assert md.read_text() != "my edits"


def test_names_cannot_escape_the_output_folder(home: Path, tmp_path: Path) -> None:
    base = tmp_path / "a" / "b"
    out = base / "out"
    result = run(
        *GLOBAL,
        "brief",
        "Norway",
        "--date",
        "5 Dec",
        "--title",
        "../../../evil",
        "--with",
        "../../x",
        "--out",
        str(out),
        "--format",
        "yaml",
    )
    assert result.exit_code == 0, result.stderr
    assert [p.relative_to(tmp_path).as_posix() for p in sorted((tmp_path / "a").rglob("*"))] == [
        "a/b",
        "a/b/out",
        "a/b/out/2025-12-05-norway-evil.yaml",
    ]


def test_format_md_only(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(*GLOBAL, "brief", "Norway", "--date", "5 Dec", "--out", str(out), "--format", "md")
    assert result.exit_code == 0
    assert [p.name for p in out.iterdir()] == ["2025-12-05-norway-brief.md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--as-of", "2025-06-11", "brief", "Norway", "--date", "5 Dec"], "no home country"),
        ([*GLOBAL, "brief", "Narnia", "--date", "5 Dec"], "unknown country 'Narnia'"),
        ([*GLOBAL, "brief", "Kazakhstan", "--date", "5 Dec"], "our own side"),
        ([*GLOBAL, "brief", "Norway", "--date", "June"], "ambiguous date 'June'"),
        ([*GLOBAL, "brief", "Norway", "--date", "end of month"], "ambiguous date"),
        ([*GLOBAL, "brief", "Norway", "--date", "purple"], "'purple' is not a date"),
        ([*GLOBAL, "brief", "Norway", "--date", "12 марта"], "add its language (e.g. ru)"),
        (["--home", "Atlantis", "brief", "Norway", "--date", "5 Dec"], "unknown home country"),
    ],
)
def test_usage_errors(home: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (home / "briefs").exists()


def test_home_country_from_config(home: Path) -> None:
    (home / "config.yaml").write_text("home_country: Norway\nlanguages: [en, ru]\n")
    result = run("--as-of", "2025-06-11", "brief", "Kazakhstan", "--date", "12 марта")
    assert result.exit_code == 0, result.stderr
    assert "Thursday 12 March 2026 (2026-03-12)" in result.stderr
    assert (home / "briefs" / "2026-03-12-kazakhstan-brief.md").exists()


def test_user_template(home: Path, tmp_path: Path) -> None:
    (home / "templates").mkdir()
    (home / "templates" / "brief.md").write_text("NOTE FOR ${country_name}\n\n${sources}\n")
    result = run(*GLOBAL, "brief", "Norway", "--date", "5 Dec", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    md = (tmp_path / "2025-12-05-norway-brief.md").read_text()
    assert md.startswith("NOTE FOR Norway\n")
    (home / "templates" / "brief.md").write_text("${oops}")
    bad = run("render", str(tmp_path / "2025-12-05-norway-brief.yaml"))
    assert bad.exit_code == 1 and "unknown placeholder $oops" in bad.stderr


def test_meetings_add_list_remove(home: Path) -> None:
    added = run(
        "--as-of",
        "2025-06-11",
        "meetings",
        "add",
        "Norway",
        "--date",
        "in two weeks",
        "--title",
        "Consultations",
        "--place",
        "Oslo",
        "--with",
        "Audun Halvorsen",
    )
    assert added.exit_code == 0, added.stderr
    assert "Wednesday 25 June 2025 (2025-06-25), in 14 days" in added.stdout
    assert (
        run("--as-of", "2025-06-11", "meetings", "add", "NOR", "--date", "5 Dec 2024").exit_code
        == 0
    )
    listing = run("--as-of", "2025-06-11", "meetings")
    assert listing.exit_code == 0
    lines = listing.stdout.splitlines()
    assert len(lines) == 2 and "in 14 days" in lines[0] and "Norway (NOR)" in lines[0]
    assert lines[1].split()[:3] == ["theirs:", "Audun", "Halvorsen"]  # the delegation
    assert "Consultations · Oslo" in lines[0]
    everything = json.loads(
        run("--as-of", "2025-06-11", "meetings", "list", "--all", "--json").stdout
    )
    assert [m["days_left"] for m in everything["meetings"]] == [-188, 14]
    assert everything["meetings"][1]["participants"] == ["Audun Halvorsen"]
    first = everything["meetings"][1]["id"]
    assert run("meetings", "remove", str(first)).exit_code == 0
    missing = run("meetings", "remove", str(first))
    assert missing.exit_code == 1 and f"no meeting {first}" in missing.stderr
    ambiguous = run("--as-of", "2025-06-11", "meetings", "add", "Norway", "--date", "next week")
    assert ambiguous.exit_code == 2 and "ambiguous" in ambiguous.stderr


def test_brief_uses_the_stored_meeting(home: Path, tmp_path: Path) -> None:
    assert (
        run(
            "--as-of",
            "2025-06-11",
            "meetings",
            "add",
            "Norway",
            "--date",
            "5 Dec",
            "--place",
            "Oslo",
            "--with",
            "Audun Halvorsen",
        ).exit_code
        == 0
    )
    result = run(*GLOBAL, "brief", "Norway", "--date", "2025-12-05", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    doc = yaml.safe_load((tmp_path / "2025-12-05-norway-brief.yaml").read_text())
    assert doc["meeting"]["place"] == "Oslo"
    assert doc["meeting"]["attendees"] == ["Audun Halvorsen"]


# --------------------------------------------------------------------------- safe writes

MINIMAL_BRIEF = """\
schema: briefroom.brief/v1
title: A brief
meeting: {country: NOR, country_name: Norway, home: KAZ, home_name: Kazakhstan}
prepared: {as_of: '2025-06-11'}
"""


def _one_line_error(result: Result, *needles: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("briefroom:")]
    assert len(errors) == 1, result.stderr
    for needle in needles:
        assert needle in result.stderr


def test_render_out_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    brief_path = tmp_path / "b.yaml"
    brief_path.write_text(MINIMAL_BRIEF)
    unrelated = tmp_path / "unrelated.txt"
    unrelated.write_text("not a brief")
    refused = run("render", str(brief_path), "--out", str(unrelated))
    _one_line_error(refused, "unrelated.txt", "--force")
    assert unrelated.read_text() == "not a brief"
    forced = run("render", str(brief_path), "--out", str(unrelated), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert unrelated.read_text().startswith("# A brief\n")


def test_render_never_writes_over_its_input(tmp_path: Path) -> None:
    same = tmp_path / "same.md"
    same.write_text(MINIMAL_BRIEF)
    (tmp_path / "sub").mkdir()
    for args in (
        [str(same)],
        [str(same), "--force"],
        [str(same), "--out", str(tmp_path / "sub" / ".." / "same.md"), "--force"],
    ):
        result = run("render", *args)
        _one_line_error(result, "same.md")
    assert same.read_text() == MINIMAL_BRIEF
    assert sorted(p.name for p in tmp_path.iterdir()) == ["same.md", "sub"]


def test_render_replaces_a_link_never_its_target(tmp_path: Path) -> None:
    brief_path = tmp_path / "b.yaml"
    brief_path.write_text(MINIMAL_BRIEF)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "out.md"
    link.symlink_to(victim)
    _one_line_error(run("render", str(brief_path), "--out", str(link)), "out.md")
    assert run("render", str(brief_path), "--out", str(link), "--force").exit_code == 0
    assert victim.read_text() == "precious"
    assert not link.is_symlink() and link.read_text().startswith("# A brief\n")


def test_brief_force_does_not_follow_a_planted_link(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "victim"
    victim.write_text("precious")
    (out / "2025-12-05-norway-x.md").symlink_to(victim)
    args = [*GLOBAL, "brief", "Norway", "--date", "5 Dec", "--title", "x", "--out", str(out)]
    result = run(*args, "--force")
    assert result.exit_code == 0, result.stderr
    assert victim.read_text() == "precious"
    md = out / "2025-12-05-norway-x.md"
    assert not md.is_symlink() and md.read_text().startswith("# x\n")


def test_brief_dangling_link_writes_nothing(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "2025-12-05-norway-x.md").symlink_to(tmp_path / "elsewhere" / "victim")
    args = [*GLOBAL, "brief", "Norway", "--date", "5 Dec", "--title", "x", "--out", str(out)]
    result = run(*args)
    _one_line_error(result, "2025-12-05-norway-x.md", "--force")
    assert [p.name for p in out.iterdir()] == ["2025-12-05-norway-x.md"]
    assert not (tmp_path / "elsewhere").exists()


def test_render_refuses_yaml_aliases(tmp_path: Path) -> None:
    items = "".join(f"  - text: {'word ' * 40}{i}\n" for i in range(50))
    amplified = (
        MINIMAL_BRIEF
        + "purpose:\n  items: &lots\n"
        + items
        + "".join(f"{name}: {{items: *lots}}\n" for name in ("background", "engagements", "asks"))
    )
    path = tmp_path / "amplified.yaml"
    path.write_text(amplified)
    result = run("render", str(path))
    _one_line_error(result, "amplified.yaml", "alias")
    assert not path.with_suffix(".md").exists()


def test_render_default_output_replaces_only_a_plain_file(tmp_path: Path) -> None:
    brief_path = tmp_path / "b.yaml"
    brief_path.write_text(MINIMAL_BRIEF)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / "b.md").symlink_to(victim)
    _one_line_error(run("render", str(brief_path)), "b.md", "--force")
    assert victim.read_text() == "precious" and (tmp_path / "b.md").is_symlink()
    (tmp_path / "b.md").unlink()
    (tmp_path / "b.md").write_text("an older rendering")
    assert run("render", str(brief_path)).exit_code == 0  # the brief's own Markdown
    assert (tmp_path / "b.md").read_text().startswith("# A brief\n")
