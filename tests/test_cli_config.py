"""`briefroom config` (show, set, unset, path) and what commands say without our side."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from search.archive import Archive
from search.ingest import ingest
from tui.cli import cli
from tui.config import Config, load_config, read_settings
from tui.config_write import SettingError, check_setting, render_config, save_settings

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def config_file(home: Path) -> Path:
    return home / "config.yaml"


# --------------------------------------------------------------------------- path and show


def test_path_and_show_before_any_file(briefroom_home: Path) -> None:
    result = run("config", "path")
    assert result.exit_code == 0
    assert result.stdout.strip() == str(config_file(briefroom_home))
    result = run("config")
    assert result.exit_code == 0, result.stderr
    assert "not written yet" in result.stdout
    assert "home_country   - (not set: briefroom config set home_country COUNTRY)" in result.stdout
    data = json.loads(run("config", "show", "--json").stdout)
    assert data == {
        "path": str(config_file(briefroom_home)),
        "exists": False,
        "settings": {"home_country": None, "day_order": "DMY", "languages": ["en"],
                     "theme": "textual-dark", "keymap": {}, "store": None},
        "file": {},
        "home_country_code": None,
        "home_country_from": None,
    }  # fmt: skip
    assert not config_file(briefroom_home).exists()


def test_set_writes_a_commented_file_and_show_reads_it(briefroom_home: Path) -> None:
    result = run("config", "set", "home_country", "kazakh")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == str(config_file(briefroom_home))
    assert "home_country: Kazakhstan" in result.stderr
    for key, value in [("day_order", "mdy"), ("languages", "en, ru"), ("theme", "nord"),
                       ("keymap.app.search", "ctrl+f")]:  # fmt: skip
        result = run("config", "set", key, value)
        assert result.exit_code == 0, result.stderr
    assert load_config(config_file(briefroom_home)) == Config(
        home_country="Kazakhstan", day_order="MDY", languages=("en", "ru"), theme="nord",
        keymap={"app.search": "ctrl+f"},
    )  # fmt: skip
    text = config_file(briefroom_home).read_text(encoding="utf-8")
    assert text.startswith("# briefroom settings.")
    for key in ("home_country", "day_order", "languages", "theme", "keymap"):
        line = text.splitlines().index(next(ln for ln in text.splitlines() if ln.startswith(key)))
        assert text.splitlines()[line - 1].startswith("# "), key  # a comment above each
    data = json.loads(run("config", "show", "--json").stdout)
    assert data["settings"]["home_country"] == "Kazakhstan"
    assert data["home_country_code"] == "KAZ"
    assert data["home_country_from"] == "config"
    shown = run("config", "show").stdout
    assert "Kazakhstan (KAZ)" in shown and "MDY (month first" in shown
    # --home overrides the file for one run, and says so.
    data = json.loads(run("--home", "Norway", "config", "show", "--json").stdout)
    assert data["settings"]["home_country"] == "Norway"
    assert data["home_country_from"] == "--home"
    assert data["file"]["home_country"] == "Kazakhstan"


def test_set_keeps_the_other_settings_and_unset_restores_defaults(briefroom_home: Path) -> None:
    briefroom_home.mkdir(parents=True, exist_ok=True)
    config_file(briefroom_home).write_text("languages: [en, ru]\ntheme: nord\n", encoding="utf-8")
    assert run("config", "set", "home_country", "NOR").exit_code == 0
    assert read_settings(config_file(briefroom_home)) == {
        "home_country": "Norway", "languages": ("en", "ru"), "theme": "nord"
    }  # fmt: skip
    assert run("config", "unset", "theme").exit_code == 0
    assert run("config", "set", "keymap", "{app.help: f12, app.search: ctrl+f}").exit_code == 0
    assert run("config", "unset", "keymap.app.help").exit_code == 0
    assert load_config(config_file(briefroom_home)) == Config(
        home_country="Norway", languages=("en", "ru"), keymap={"app.search": "ctrl+f"}
    )
    text = config_file(briefroom_home).read_text(encoding="utf-8")
    assert "\n# theme: textual-dark\n" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["home_country", "Kazakstan"], "unknown country 'Kazakstan'; did you mean Kazakhstan"),
        (["home_country", "Norwy"], "did you mean Norway"),
        (["home_country", "Atlantis"], "unknown country 'Atlantis'"),
        (["day_order", "DDMM"], "expected DMY, MDY or YMD"),
        (["languages", "en, xx"], "not a language dateparser reads: 'xx'"),
        (["theme", "nordd"], "unknown theme 'nordd'; did you mean nord"),
        (["keymap.app.serch", "ctrl+f"], "no binding with id 'app.serch'; did you mean app.search"),
        (["keymap.app.search", "ctrl+ff"], "'ctrl+ff' is not a key name"),
        (["keymap", "[a, b]"], "expected lines of binding id: keys"),
        (["colour", "blue"], "unknown setting 'colour'"),
        (["home_countr", "Norway"], "did you mean home_country?"),
    ],
)
def test_set_refuses_bad_values(briefroom_home: Path, args: list[str], message: str) -> None:
    result = run("config", "set", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not config_file(briefroom_home).exists()


def test_a_broken_file_is_reported_and_never_overwritten(briefroom_home: Path) -> None:
    briefroom_home.mkdir(parents=True, exist_ok=True)
    config_file(briefroom_home).write_text("theme: [\n", encoding="utf-8")
    assert run("config", "path").exit_code == 0  # still says where it is
    result = run("config", "show")
    assert result.exit_code == 1 and "not valid YAML" in result.stderr
    result = run("config", "set", "theme", "nord")
    assert result.exit_code == 1 and "never overwritten" in result.stderr
    assert config_file(briefroom_home).read_text(encoding="utf-8") == "theme: [\n"
    result = run("index", "stats")  # other commands still refuse to run on it
    assert result.exit_code == 2 and "not valid YAML" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_link_at_the_settings_file_is_replaced_not_followed(
    briefroom_home: Path, tmp_path: Path
) -> None:
    briefroom_home.mkdir(parents=True, exist_ok=True)
    target = tmp_path / "elsewhere.yaml"
    target.write_text("theme: nord\n", encoding="utf-8")
    config_file(briefroom_home).symlink_to(target)
    assert run("config", "set", "home_country", "Norway").exit_code == 0
    assert not config_file(briefroom_home).is_symlink()
    assert target.read_text(encoding="utf-8") == "theme: nord\n"
    assert load_config(config_file(briefroom_home)) == Config(home_country="Norway", theme="nord")


def test_config_show_and_set_do_not_load_textual(briefroom_home: Path) -> None:
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tui.cli import cli\n"
        "r = CliRunner().invoke(cli, ['config', 'set', 'home_country', 'Norway'])\n"
        "assert r.exit_code == 0, r.output\n"
        "r = CliRunner().invoke(cli, ['config', 'show', '--json'])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'textual' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env=os.environ.copy())  # fmt: skip
    assert done.returncode == 0, done.stderr


# --------------------------------------------------------------------------- without our side


@pytest.fixture
def archive(briefroom_home: Path) -> Path:
    with Archive.open(briefroom_home) as opened:
        ingest(opened, [DATA / "seed.txt"])
    return briefroom_home


@pytest.mark.parametrize(
    "args",
    [
        ["--as-of", "2025-06-11", "brief", "Norway", "--date", "5 Dec"],
        ["country", "Norway", "--with"],
    ],
)
def test_commands_that_need_our_side_say_how_to_set_it(archive: Path, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    expected = (
        "no home country set: run `briefroom config set home_country COUNTRY` "
        f"or pass --home COUNTRY (settings file: {config_file(archive)})"
    )
    assert expected in result.stderr
    # ... and once it is set, they run.
    assert run("config", "set", "home_country", "Kazakhstan").exit_code == 0
    result = run(*args)
    assert result.exit_code == 0, result.stderr


# --------------------------------------------------------------------------- the writer


def test_check_setting_canonical_values() -> None:
    assert check_setting("home_country", "U.S.") == "United States"
    assert check_setting("home_country", "nor") == "Norway"
    assert check_setting("languages", "[EN, ru]") == ("en", "ru")
    assert check_setting("languages", ["en", "en"]) == ("en",)
    assert check_setting("day_order", " ymd ") == "YMD"
    assert check_setting("keymap", "app.help: '?'\napp.search: ctrl+f, f3\n") == {
        "app.help": "?", "app.search": "ctrl+f,f3"
    }  # fmt: skip
    with pytest.raises(SettingError) as raised:
        check_setting("home_country", "")
    assert raised.value.key == "home_country"


_KEYS = st.sampled_from(["a", "ctrl+f", "f6", "question_mark", "escape", "?", "ctrl+shift+x"])
_SETTINGS = st.fixed_dictionaries(
    {},
    optional={
        "home_country": st.sampled_from(["Kazakhstan", "Côte d'Ivoire", "Norway", "NO", "yes"]),
        "day_order": st.sampled_from(["DMY", "MDY", "YMD"]),
        "languages": st.lists(
            st.sampled_from(["en", "ru", "kk", "zh-Hans"]), min_size=1, unique=True
        ).map(tuple),  # fmt: skip
        "theme": st.sampled_from(["nord", "textual-light", "null", "1.5"]),
        "keymap": st.dictionaries(
            st.sampled_from(["app.help", "app.search", "a: b", "#x"]), _KEYS, max_size=3
        ),  # fmt: skip
    },
)


@settings(max_examples=80, deadline=None)
@given(_SETTINGS)
def test_render_round_trips(values: dict[str, object]) -> None:
    text = render_config(values)
    assert all(line == "" or line.startswith("#") or ":" in line for line in text.splitlines())
    parsed = yaml.safe_load(text) or {}
    expected = {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}
    assert parsed == expected


def test_save_settings_leaves_defaults_as_comments(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "config.yaml"
    config = save_settings({"home_country": "Norway", "day_order": "DMY", "keymap": {}}, path)
    assert config == Config(home_country="Norway")
    assert read_settings(path) == {"home_country": "Norway"}
    assert "\n# day_order: DMY\n" in path.read_text(encoding="utf-8")
    config = save_settings({"home_country": None}, path)
    assert config == Config() and read_settings(path) == {}
