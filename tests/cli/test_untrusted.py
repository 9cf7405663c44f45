"""Pack text never reaches the terminal raw from the command line (the TUI has its own tests)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizgame.cli import cli

# A title that would retitle the terminal, a prompt that would turn it red, and a bad
# difficulty made of an escape sequence: all written as YAML double-quoted escapes.
HOSTILE = """\
id: hostile
title: "T\\e]0;PWNED\\aRED"
questions:
  - id: a
    type: typed
    prompt: "Hi \\e[31mred"
    answer: x
    category: "cat\\e[2J"
"""
BROKEN = HOSTILE.replace("id: hostile", "id: broken").replace(
    "    answer: x\n", '    answer: x\n    difficulty: "\\e]0;PWN\\a"\n'
)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout + result.stderr


def _no_control_characters(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output


def test_validate_warns_about_escapes_and_prints_none(tmp_path: Path) -> None:
    pack = tmp_path / "hostile.yaml"
    pack.write_text(HOSTILE, encoding="utf-8")
    code, output = _run("validate", str(pack))
    assert code == 0
    _no_control_characters(output)
    assert f"{pack}:2:8: warning: this text holds control characters" in output
    assert f"{pack}:6:13: warning: this text holds control characters" in output


def test_a_bad_value_made_of_escapes_is_shown_escaped(tmp_path: Path) -> None:
    pack = tmp_path / "broken.yaml"
    pack.write_text(BROKEN, encoding="utf-8")
    code, output = _run("validate", str(pack))
    assert code == 1
    _no_control_characters(output)
    assert "difficulty '\\x1b]0;PWN\\x07' should be easy, medium or hard" in output


def test_packs_and_play_errors_print_no_escapes(tmp_path: Path) -> None:
    (tmp_path / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    code, output = _run("packs", "--packs", str(tmp_path))
    assert code == 0
    _no_control_characters(output)
    assert "TRED" in output  # the title, cleaned
    code, output = _run("play", "--pack", str(tmp_path / "broken.yaml"))
    assert code == 1
    _no_control_characters(output)
