"""The `quizgame` command through click's CliRunner: exit codes, output, and one-line errors."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

import quizgame
from quizgame.cli import cli
from quizgame.cli.common import Places
from quizgame.core import paths
from quizgame.core.packs.model import Difficulty, Pack, Spoiler
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode
from quizgame.tui.prefs import Preset

GOOD = """\
id: good
title: A good pack
questions:
  - {id: q1, type: true_false, prompt: Is it?, answer: true, category: cast}
  - {id: q2, type: typed, prompt: Who?, answer: Penélope Cruz, category: crew}
  - {id: q3, type: true_false, prompt: Really?, answer: false, difficulty: hard, category: cast}
"""
WARNS = """\
id: warns
title: Warns
questions:
  - {id: q1, type: true_false, prompt: Is it?, answer: true, colour: red}
"""
BROKEN = "id: broken\ntitle: Broken\nquestions: []\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="quizgame")


def assert_one_line_error(result: Result, code: int, text: str) -> None:
    """A user error: one line on stderr, nothing on stdout, the exit code, never a traceback."""
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert text in result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "good.yaml").write_text(GOOD, encoding="utf-8")
    return packs


@pytest.fixture(autouse=True)
def no_bundled_packs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The tests see only the packs they make, whatever ships in questions/."""
    bundled = tmp_path_factory.mktemp("bundled")
    monkeypatch.setattr(paths, "bundled_packs_dir", lambda: bundled)
    return bundled


@dataclass
class Launch:
    where: Places
    pack: Pack | None
    options: SessionOptions
    preset: Preset | None


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


# --- the group -------------------------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"quizgame, version {quizgame.__version__}\n"


def test_every_command_takes_data_dir() -> None:
    names = cli.list_commands(click.Context(cli))
    assert set(names) >= {"validate", "packs", "play", "import", "scores", "generate"}
    for name in names:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.name == name
        options = {opt for param in command.params for opt in param.opts}
        assert "--data-dir" in options, name
    assert "--data-dir" in {opt for param in cli.params for opt in param.opts}


def test_unknown_command_is_a_usage_error() -> None:
    result = run("fly")
    assert result.exit_code == 2
    assert "No such command 'fly'" in result.stderr


def test_an_unexpected_failure_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("quizgame.cli.packs.pack_summaries", boom)
    assert_one_line_error(run("packs"), 70, "quizgame: internal error: RuntimeError: boom")


# --- validate --------------------------------------------------------------------------------


def test_validate_valid_pack_exits_0(folder: Path) -> None:
    result = run("validate", str(folder / "good.yaml"))
    assert result.exit_code == 0
    assert result.stdout == f"{folder / 'good.yaml'}: ok, 3 questions\n"
    assert result.stderr == ""


def test_validate_invalid_pack_exits_1_with_positioned_errors_on_stderr(folder: Path) -> None:
    bad = folder / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\nquestions:\n  - {id: q, type: essay, prompt: P}\n")
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{bad}:4:19: unknown question type 'essay' (expected one of multiple_choice, "
        "true_false, typed, numeric, ordering, matching, list)\n"
    )
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_validate_several_paths_one_invalid_exits_1(folder: Path) -> None:
    (folder / "broken.yaml").write_text(BROKEN)
    (folder / "warns.yaml").write_text(WARNS)
    result = run("validate", str(folder / "good.yaml"), str(folder / "broken.yaml"))
    assert result.exit_code == 1
    assert result.stderr == f"{folder / 'broken.yaml'}:3:12: the pack has no questions\n"
    assert result.stdout.splitlines()[-1] == "1 of 2 packs valid"


def test_validate_a_folder_checks_each_pack_in_it(folder: Path) -> None:
    (folder / "warns.yaml").write_text(WARNS)
    (folder / "notes.facts.yaml").write_text("not: a pack\n")
    result = run("validate", str(folder))
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{folder / 'good.yaml'}: ok, 3 questions",
        f"{folder / 'warns.yaml'}:4:62: warning: unknown field 'colour' (ignored)",
        f"{folder / 'warns.yaml'}: ok, 1 question",
        "2 of 2 packs valid",
    ]


def test_validate_a_folder_without_packs_is_an_error(tmp_path: Path) -> None:
    assert_one_line_error(
        run("validate", str(tmp_path)), 1, f"quizgame: no pack files (*.yaml, *.yml) in {tmp_path}"
    )


def test_validate_strict_makes_warnings_fail(folder: Path) -> None:
    (folder / "warns.yaml").write_text(WARNS)
    assert run("validate", str(folder / "warns.yaml")).exit_code == 0
    assert run("validate", "--strict", str(folder / "warns.yaml")).exit_code == 1


def test_validate_missing_file_exits_1(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    result = run("validate", str(missing))
    assert result.exit_code == 1
    assert result.stderr == f"{missing}:1:1: cannot read the file: No such file or directory\n"


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],  # no path
        ["validate", "--format", "xml", "x.yaml"],
        ["validate", "--no-such-option", "x.yaml"],
    ],
)
def test_validate_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    # One line, like every user error, naming the command and where its help is.
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("quizgame validate: ")
    assert result.stderr.endswith("(see 'quizgame validate --help')\n")
    assert "Traceback" not in result.output


def test_validate_json(folder: Path) -> None:
    (folder / "broken.yaml").write_text(BROKEN)
    (folder / "warns.yaml").write_text(WARNS)
    result = run("validate", "--format", "json", str(folder))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report == [
        {
            "path": str(folder / "broken.yaml"),
            "valid": False,
            "questions": 0,
            "problems": [
                {
                    "file": str(folder / "broken.yaml"),
                    "line": 3,
                    "col": 12,
                    "severity": "error",
                    "code": "too-few",
                    "path": ["questions"],
                    "message": "the pack has no questions",
                }
            ],
        },
        {"path": str(folder / "good.yaml"), "valid": True, "questions": 3, "problems": []},
        {
            "path": str(folder / "warns.yaml"),
            "valid": True,
            "questions": 1,
            "problems": [
                {
                    "file": str(folder / "warns.yaml"),
                    "line": 4,
                    "col": 62,
                    "severity": "warning",
                    "code": "unknown-field",
                    "path": ["questions", 0, {"key": "colour"}],
                    "message": "unknown field 'colour' (ignored)",
                }
            ],
        },
    ]


def test_validate_json_all_valid_exits_0(folder: Path) -> None:
    result = run("validate", "--format", "json", str(folder / "good.yaml"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["valid"] is True


# --- packs -----------------------------------------------------------------------------------


def test_packs_table_with_a_broken_pack(folder: Path, tmp_path: Path) -> None:
    (folder / "broken.yaml").write_text(BROKEN)
    result = run("packs", "--packs", str(folder), "--data-dir", str(tmp_path / "data"))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "QUESTIONS", "CATEGORIES", "/", "PATH"]
    assert lines[1].split(None, 3) == [
        "-",
        "BROKEN",
        "-",
        f"{folder / 'broken.yaml'}:3:12: the pack has no questions",
    ]
    assert lines[2].split() == ["good", "A", "good", "pack", "3", "cast,", "crew"]
    assert lines[3].strip() == str(folder / "good.yaml")
    assert len(lines) == 4


def test_packs_json(folder: Path) -> None:
    (folder / "broken.yaml").write_text(BROKEN)
    result = run("packs", "--format", "json", "--packs", str(folder))
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["id"], r["questions"], r["categories"]) for r in rows] == [
        (None, 0, []),
        ("good", 3, ["cast", "crew"]),
    ]
    assert rows[0]["error"] == f"{folder / 'broken.yaml'}:3:12: the pack has no questions"
    assert rows[1]["error"] is None


def test_packs_none_found(tmp_path: Path) -> None:
    result = run("packs", "--data-dir", str(tmp_path))
    assert result.exit_code == 0
    assert result.stdout.startswith("No packs found. Looked in: ")
    assert str(tmp_path / "packs") in result.stdout


@pytest.mark.parametrize("where", ["after", "before"])
def test_packs_reads_the_data_dir(
    tmp_path: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUIZGAME_CACHE_DIR")  # the test's own cache folder would win
    data = tmp_path / "data"
    (data / "packs").mkdir(parents=True)
    (data / "packs" / "good.yaml").write_text(GOOD, encoding="utf-8")
    args = ["packs", "--data-dir", str(data)]
    if where == "before":  # `quizgame --data-dir DIR packs` means the same
        args = ["--data-dir", str(data), "packs"]
    result = run(*args)
    assert result.exit_code == 0
    assert str(data / "packs" / "good.yaml") in result.stdout
    assert (data / "cache").is_dir()  # the cache lives in the data folder too


def test_the_command_s_own_data_dir_wins_over_the_group_s(tmp_path: Path) -> None:
    mine, other = tmp_path / "mine", tmp_path / "other"
    (mine / "packs").mkdir(parents=True)
    (mine / "packs" / "good.yaml").write_text(GOOD, encoding="utf-8")
    result = run("--data-dir", str(other), "packs", "--data-dir", str(mine))
    assert str(mine / "packs" / "good.yaml") in result.stdout


# --- play ------------------------------------------------------------------------------------


def test_bare_quizgame_opens_the_game(launched: list[Launch], tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    [launch] = launched
    assert launch.pack is None
    assert launch.where.data == tmp_path
    assert launch.options is None  # Home has its own choices (the remembered ones)


def test_play_with_a_pack_by_id_and_every_option(
    launched: list[Launch], folder: Path, tmp_path: Path
) -> None:
    result = run(
        "play",
        "--pack",
        "good",
        "--packs",
        str(folder),
        "--count",
        "2",
        "--seed",
        "7",
        "--difficulty",
        "hard",
        "--category",
        "cast",
        "--category",
        "crew",
        "--spoiler",
        "mid",
        "--mode",
        "challenge",
        "--time-limit",
        "15",
        "--data-dir",
        str(tmp_path / "data"),
    )
    assert result.exit_code == 0, result.output
    [launch] = launched
    assert launch.pack is not None and launch.pack.id == "good"
    assert launch.options == SessionOptions(
        count=2,
        categories=("cast", "crew"),
        difficulty=Difficulty.HARD,
        spoiler=Spoiler.MID,
        seed=7,
        mode=Mode.CHALLENGE,
        time_limit=15.0,
    )
    assert launch.where.data == tmp_path / "data"
    assert folder in launch.where.pack_dirs


def test_play_a_pack_by_path(launched: list[Launch], folder: Path) -> None:
    result = run("play", "--pack", str(folder / "good.yaml"))
    assert result.exit_code == 0, result.output
    assert launched[0].pack is not None and launched[0].pack.id == "good"


def test_play_finds_packs_in_the_data_dir(launched: list[Launch], tmp_path: Path) -> None:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "good.yaml").write_text(GOOD, encoding="utf-8")
    for args in (
        ["play", "--pack", "good", "--data-dir", str(tmp_path)],
        ["--data-dir", str(tmp_path), "play", "--pack", "good"],
    ):
        launched.clear()
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert launched[0].pack is not None and launched[0].where.data == tmp_path


def test_play_unknown_pack_id(launched: list[Launch], folder: Path) -> None:
    result = run("play", "--pack", "missing-id", "--packs", str(folder))
    assert_one_line_error(result, 1, "quizgame: no pack with id 'missing-id'; packs found: good")
    assert launched == []


def test_play_broken_pack_path(launched: list[Launch], folder: Path) -> None:
    broken = folder / "broken.yaml"
    broken.write_text("id: broken\ntitle: [\nquestions: []\n")
    result = run("play", "--pack", str(broken))
    assert_one_line_error(result, 1, f"quizgame: {broken}:4:1: ")
    assert "YAML syntax error" in result.stderr
    assert launched == []


def test_play_broken_pack_with_several_errors_points_to_validate(
    launched: list[Launch], folder: Path
) -> None:
    broken = folder / "broken.yaml"
    broken.write_text("id: Broken Id\ntitle: [a]\nquestions: []\n")
    result = run("play", "--pack", str(broken))
    assert_one_line_error(result, 1, "(and 2 more; run `quizgame validate")
    assert launched == []


def test_play_missing_pack_file(launched: list[Launch], tmp_path: Path) -> None:
    result = run("play", "--pack", str(tmp_path / "nowhere.yaml"))
    assert_one_line_error(result, 1, f"quizgame: no pack file at {tmp_path / 'nowhere.yaml'}")


def test_play_settings_no_question_matches(launched: list[Launch], folder: Path) -> None:
    result = run(
        "play",
        "--pack",
        "good",
        "--packs",
        str(folder),
        "--category",
        "crew",
        "--difficulty",
        "hard",
    )
    assert_one_line_error(
        result, 1, "quizgame: good: no questions in this pack match the chosen settings"
    )
    assert launched == []


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["--count", "0"], "should be 1 or more"),
        (["--count", "many"], "'many' is not a valid integer"),
        (["--mode", "zen"], "'zen' is not one of"),
        (["--difficulty", "insane"], "'insane' is not one of"),
        (["--time-limit", "0"], "0.0 is not in the range x>=1"),
    ],
)
def test_play_usage_errors_exit_2(launched: list[Launch], args: list[str], text: str) -> None:
    result = run("play", *args)
    assert result.exit_code == 2
    assert text in result.stderr
    assert "Traceback" not in result.output
    assert launched == []


def test_the_game_without_a_terminal_says_so_instead_of_spinning() -> None:
    # CliRunner's streams are not terminals, as under a pipe or in CI; run_game is not patched.
    assert_one_line_error(run("play"), 1, "quizgame: the game needs a terminal")
    assert_one_line_error(run(), 1, "quizgame: the game needs a terminal")


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["play", "--mode", "x"], "quizgame play: Invalid value for '--mode'"),
        (["play", "-n", "0"], "quizgame play: Invalid value for '--count'"),
        (["fly"], "quizgame: No such command 'fly'"),
    ],
)
def test_usage_errors_are_one_line(args: list[str], text: str) -> None:
    assert_one_line_error(run(*args), 2, text)


def test_play_a_broken_pack_by_its_name_says_why_it_does_not_load(
    launched: list[Launch], folder: Path
) -> None:
    (folder / "broken.yaml").write_text(BROKEN)
    result = run("play", "--pack", "broken", "--packs", str(folder))
    assert_one_line_error(
        result, 1, f"quizgame: pack 'broken' does not load: {folder / 'broken.yaml'}:3:12: "
    )
    assert launched == []
