"""Writing the user's files: no overwrite without force, never over the input, never
through a link, both files or neither; briefs with YAML aliases are refused."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from briefs.brief import build_brief
from briefs.brief_yaml import doc_to_yaml
from briefs.meeting_model import Meeting
from briefs.render import (
    BriefError,
    BriefExists,
    brief_from_yaml,
    brief_to_doc,
    render_markdown,
    write_brief,
)
from briefs.safe_write import SameAsInput, TargetExists, write_file, write_files
from search.archive import Archive
from search.ingest import ingest

DATA = Path(__file__).resolve().parents[1] / "data"

MINIMAL = """\
schema: briefroom.brief/v1
title: Amplified
meeting: {country: NOR, country_name: Norway, home: KAZ, home_name: Kazakhstan}
prepared: {as_of: '2025-06-11'}
"""


@pytest.fixture(scope="module")
def seed_brief(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    archive = Archive.open(tmp_path_factory.mktemp("archive"))
    ingest(archive, [DATA / "seed.txt"])
    meeting = Meeting("NOR", "2025-06-17", "next Tuesday", place="Oslo")
    yield build_brief(archive.store, meeting, "KAZ", date(2025, 6, 11))
    archive.close()


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --------------------------------------------------------------------------- the helper


def test_any_existing_name_refuses_and_writes_nothing(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "a.md"
    second.write_text("mine")
    with pytest.raises(TargetExists, match="a.md"):
        write_files([(first, "one"), (second, "two")])
    assert _names(tmp_path) == ["a.md"] and second.read_text() == "mine"


@pytest.mark.parametrize("dangling", [True, False])
def test_a_link_at_a_name_refuses_without_force(tmp_path: Path, dangling: bool) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "victim"
    if not dangling:
        victim.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").symlink_to(victim)
    with pytest.raises(TargetExists, match="a.md"):
        write_files([(out / "a.yaml", "one"), (out / "a.md", "two")])
    assert _names(out) == ["a.md"] and (out / "a.md").is_symlink()
    assert _names(elsewhere) == ([] if dangling else ["victim"])
    if not dangling:
        assert victim.read_text() == "precious"


def test_force_replaces_the_link_itself_never_its_target(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").symlink_to(victim)
    (out / "a.yaml").symlink_to(tmp_path / "nowhere")
    write_files([(out / "a.yaml", "one"), (out / "a.md", "two")], force=True)
    assert victim.read_text() == "precious"
    assert not (tmp_path / "nowhere").exists()
    for path, text in ((out / "a.yaml", "one"), (out / "a.md", "two")):
        assert not path.is_symlink() and path.read_text() == text
    assert _names(out) == ["a.md", "a.yaml"]  # no temporary files left


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("old")
    path.chmod(0o640)
    write_file(path, "new", force=True)
    assert path.read_text() == "new" and (path.stat().st_mode & 0o777) == 0o640


def test_a_folder_at_a_name_is_refused_even_with_force(tmp_path: Path) -> None:
    (tmp_path / "a.md").mkdir()
    with pytest.raises(OSError, match="a.md"):
        write_files([(tmp_path / "a.yaml", "one"), (tmp_path / "a.md", "two")], force=True)
    assert _names(tmp_path) == ["a.md"]


@pytest.mark.parametrize("force", [False, True])
def test_when_the_second_file_fails_the_first_is_undone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, force: bool
) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "a.md"
    if force:
        first.write_text("old yaml")
        second.write_text("old md")

    def failing(real: Any) -> Any:
        def call(src: Any, dst: Any, *args: Any, **kwargs: Any) -> Any:
            if Path(dst) == second:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(src, dst, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "link", failing(os.link))
    monkeypatch.setattr(os, "replace", failing(os.replace))
    with pytest.raises(OSError, match="No space left"):
        write_files([(first, "new yaml"), (second, "new md")], force=force)
    monkeypatch.undo()
    if force:
        assert first.read_text() == "old yaml" and second.read_text() == "old md"
        assert _names(tmp_path) == ["a.md", "a.yaml"]
    else:
        assert _names(tmp_path) == []


def test_the_input_is_never_written_even_with_force(tmp_path: Path) -> None:
    source = tmp_path / "same.md"
    source.write_text("the brief")
    (tmp_path / "hard.md").hardlink_to(source)
    (tmp_path / "soft.md").symlink_to(source)
    (tmp_path / "sub").mkdir()
    for target in (
        source,
        tmp_path / "sub" / ".." / "same.md",
        tmp_path / "hard.md",
        tmp_path / "soft.md",
    ):
        with pytest.raises(SameAsInput, match=target.name):
            write_file(target, "rendered", force=True, protect=(source,))
    assert source.read_text() == "the brief"
    assert (tmp_path / "soft.md").is_symlink()


# --------------------------------------------------------------------------- write_brief


def test_write_brief_force_does_not_follow_a_planted_link(seed_brief: Any, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "victim"
    victim.write_text("precious")
    out = tmp_path / "out"
    out.mkdir()
    (out / "2025-06-17-norway-x.md").symlink_to(victim)
    written = write_brief(seed_brief, out, name="x", force=True)
    assert victim.read_text() == "precious" and _names(elsewhere) == ["victim"]
    assert not written[1].is_symlink()
    assert written[1].read_text() == render_markdown(seed_brief)


def test_write_brief_dangling_link_writes_nothing(seed_brief: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "2025-06-17-norway-x.md").symlink_to(tmp_path / "elsewhere" / "victim")
    with pytest.raises(BriefExists, match="2025-06-17-norway-x.md"):
        write_brief(seed_brief, out, name="x")
    assert _names(out) == ["2025-06-17-norway-x.md"]
    assert not (tmp_path / "elsewhere").exists()


# --------------------------------------------------------------------------- TUI export


def _draft(seed_brief: Any, folder: Path, *, from_disk: bool = False) -> Any:
    from briefs.api import BriefDraft

    meeting = Meeting("NOR", "2025-06-17", "next Tuesday")
    return BriefDraft(
        meeting,
        seed_brief,
        render_markdown(seed_brief),
        folder / "b.yaml",
        folder / "b.md",
        from_disk=from_disk,
    )


def test_tui_export_refuses_a_dangling_link_and_force_replaces_links(
    seed_brief: Any, tmp_path: Path
) -> None:
    from briefs.api import export_brief

    victim = tmp_path / "victim"
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.md").symlink_to(victim)
    draft = _draft(seed_brief, out)
    with pytest.raises(BriefExists, match="b.md"):
        export_brief(draft, formats=("yaml", "md"), force=False)
    assert _names(out) == ["b.md"] and not victim.exists()
    victim.write_text("precious")
    export_brief(draft, formats=("yaml", "md"), force=True)
    assert victim.read_text() == "precious"
    assert not (out / "b.md").is_symlink() and (out / "b.md").read_text() == draft.markdown
    assert brief_from_yaml((out / "b.yaml").read_text()) == seed_brief


# --------------------------------------------------------------------------- aliases


def test_aliases_in_a_brief_are_refused_in_one_line() -> None:
    text = MINIMAL + "purpose:\n  items: &lots\n  - text: one\nbackground: {items: *lots}\n"
    with pytest.raises(BriefError, match="alias") as caught:
        brief_from_yaml(text)
    assert "\n" not in str(caught.value) and "line 6" in str(caught.value)


def test_a_billion_laughs_is_refused_before_it_expands() -> None:
    lines = ['a0: &a0 ["lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    with pytest.raises(BriefError, match="alias"):
        brief_from_yaml("\n".join(lines) + "\n")


def test_written_yaml_never_holds_aliases(seed_brief: Any) -> None:
    doc = brief_to_doc(seed_brief)
    shared = {"text": "said twice"}
    doc["purpose"] = {"items": [shared, shared]}
    text = doc_to_yaml(doc)
    assert "&id0" not in text and "*id0" not in text
    assert [i.text for i in brief_from_yaml(text).purpose.items] == ["said twice"] * 2
