"""`quizgame play`: options given without a pack preset Home; an option that cannot apply is a
usage error saying why; a missing thing is named with the valid choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.cli import COMMANDS
from quizgame.cli.common import Places
from quizgame.core import paths
from quizgame.core.packs.model import Pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.tui.prefs import HomeChoices, Preset
from tests.cli.test_commands import GOOD, Launch, assert_one_line_error, run


@pytest.fixture(autouse=True)
def no_bundled_packs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path_factory.mktemp("bundled")
    monkeypatch.setattr(paths, "bundled_packs_dir", lambda: bundled)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "good.yaml").write_text(GOOD, encoding="utf-8")
    return packs


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[Launch]:
    """What `play` would hand to the terminal UI, instead of starting it."""
    calls: list[Launch] = []

    def fake_run_game(
        where: Places, pack: Pack | None, options: SessionOptions, preset: Preset | None = None
    ) -> None:
        calls.append(Launch(where, pack, options, preset))

    monkeypatch.setattr("quizgame.cli.play.run_game", fake_run_game)
    return calls


OTHER = """\
id: other
title: Another pack
questions:
  - {id: q1, type: true_false, prompt: Is it?, answer: true, category: music}
"""


def test_options_without_a_pack_preset_home(launched: list[Launch], folder: Path) -> None:
    result = run(
        "play",
        "--packs",
        str(folder),
        "--count",
        "5",
        "--mode",
        "challenge",
        "--difficulty",
        "hard",
        "--spoiler",
        "mid",
        "--category",
        "cast",
    )
    assert result.exit_code == 0, result.output
    [launch] = launched
    assert launch.pack is None
    assert launch.preset == Preset("challenge", 5, "hard", "mid", ("cast",))


def test_no_options_leave_home_as_remembered(launched: list[Launch]) -> None:
    assert run("play").exit_code == 0
    preset = launched[0].preset
    assert preset is not None
    remembered = HomeChoices(mode="blitz", count=None, difficulty="easy", spoiler="ending")
    assert preset.apply(remembered) == remembered


def test_a_preset_replaces_only_what_it_names() -> None:
    chosen = Preset(mode="challenge", count=5).apply(HomeChoices(difficulty="easy"))
    assert (chosen.mode, chosen.count, chosen.difficulty) == ("challenge", 5, "easy")


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["--mode", "classic", "--time-limit", "5"], "--time-limit cannot apply: classic mode"),
        (["--time-limit", "5"], "--time-limit cannot apply: classic mode is untimed"),
        (["--mode", "blitz", "--count", "5"], "--count cannot apply: blitz plays every"),
    ],
)
def test_an_option_that_cannot_apply_is_a_usage_error(
    launched: list[Launch], folder: Path, args: list[str], text: str
) -> None:
    result = run("play", "--pack", "good", "--packs", str(folder), *args)
    assert_one_line_error(result, 2, text)
    assert launched == []


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["--seed", "3"], "--seed needs --pack (Home has no seed to choose)"),
        (["--mode", "blitz", "--time-limit", "30"], "--time-limit needs --pack"),
    ],
)
def test_options_home_cannot_show_need_a_pack(
    launched: list[Launch], args: list[str], text: str
) -> None:
    assert_one_line_error(run("play", *args), 2, text)
    assert launched == []


def test_packs_with_a_pack_file_cannot_apply(launched: list[Launch], folder: Path) -> None:
    result = run("play", "--pack", str(folder / "good.yaml"), "--packs", str(folder))
    assert_one_line_error(result, 2, "--packs cannot apply: --pack names a file")


@pytest.mark.parametrize("command", ["play", "packs"])
def test_a_missing_packs_folder_is_named(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "nowhere"
    result = run(command, "--packs", str(missing))
    assert_one_line_error(result, 2, f"'{missing}' does not exist")


def test_an_unknown_category_of_the_pack_lists_its_categories(
    launched: list[Launch], folder: Path
) -> None:
    result = run("play", "--pack", "good", "--packs", str(folder), "--category", "nonsense")
    assert_one_line_error(
        result, 1, "quizgame: good: no category 'nonsense'; its categories: cast, crew"
    )
    assert launched == []


def test_an_unknown_category_without_a_pack_lists_every_pack_s(
    launched: list[Launch], folder: Path
) -> None:
    (folder / "other.yaml").write_text(OTHER, encoding="utf-8")
    result = run("play", "--packs", str(folder), "--category", "nonsense")
    assert_one_line_error(
        result,
        1,
        "quizgame: no pack found has the category 'nonsense'; categories found: cast, crew, music",
    )
    assert launched == []


def test_a_difficulty_the_pack_has_none_of_lists_its_difficulties(
    launched: list[Launch], folder: Path
) -> None:
    result = run("play", "--pack", "good", "--packs", str(folder), "--difficulty", "easy")
    assert_one_line_error(
        result, 1, "quizgame: good: no easy questions; its difficulties: medium, hard"
    )
    assert launched == []


def test_an_unknown_command_lists_the_commands() -> None:
    assert_one_line_error(
        run("fly"), 2, "No such command 'fly'; the commands: " + ", ".join(COMMANDS)
    )
