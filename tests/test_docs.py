"""The README and docs/ as a new user reads them: every command in a code block runs as written
after the README's set-up (through `.venv/bin/`), names a real command, script and options, and
every option of every command is in the README's Commands table."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from quizgame.cli import COMMANDS, cli
from tests.paths import REPO

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def code_lines(path: Path) -> list[tuple[int, str]]:
    """The commands in a Markdown file's indented code blocks (4 spaces), comments cut off."""
    lines = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("    ") and not line.startswith("     "):
            command = line.strip().split("  #")[0].strip()
            if re.match(r"(\S*/)?(quizgame|python3?)( |$)", command):
                lines.append((number, command))
    return lines


def commands_in_docs() -> list[tuple[str, str]]:
    return [
        (f"{path.relative_to(REPO)}:{number}", command)
        for path in DOCS
        for number, command in code_lines(path)
    ]


def command_of(name: str) -> click.Command:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None, f"no command {name!r}"
    return command


def option_names(command: click.Command) -> set[str]:
    return {name for p in command.params if isinstance(p, click.Option) for name in p.opts}


@pytest.mark.parametrize(("where", "line"), commands_in_docs())
def test_a_command_in_the_docs_runs_as_written(where: str, line: str) -> None:
    words = shlex.split(line.split(" && ")[-1], comments=True)
    program = words[0]
    if program in ("python", "python3"):
        raise AssertionError(f"{where}: '{line}' needs the venv's Python: .venv/bin/python")
    if program.endswith("python"):
        assert program == ".venv/bin/python", where
        if words[1] != "-m":
            assert (REPO / words[1]).is_file(), f"{where}: no script {words[1]}"
        return
    assert program == ".venv/bin/quizgame", f"{where}: run quizgame as .venv/bin/quizgame"
    if len(words) == 1:
        return
    command = command_of(words[1])
    known = option_names(command) | {"--help"}
    for word in words[2:]:
        if word.startswith("-") and word != "-":
            assert word.split("=")[0] in known, f"{where}: {words[1]} has no option {word}"


def test_the_docs_have_commands_to_check() -> None:
    assert len(commands_in_docs()) > 10


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_option_is_in_the_commands_table(name: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith(f"| `quizgame {name}")]
    assert rows, f"the Commands table has no row for {name}"
    row = rows[0]
    command = command_of(name)
    for param in command.params:
        if not isinstance(param, click.Option) or param.opts == ["--data-dir"]:
            continue  # every command takes --data-dir: said once, below the table
        long = next(o for o in param.opts if o.startswith("--"))
        assert long in row, f"the Commands table's {name} row leaves out {long}"
    assert "Every command takes `--data-dir DIR`" in readme


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_a_script_named_in_the_text_is_run_with_the_venv_s_python(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.findall(r"`python3? [^`]*`", text), "run scripts as `.venv/bin/python ...`"
    for script in re.findall(r"`\.venv/bin/python ([^ `]+)", text):
        assert (REPO / script).is_file(), f"{path.name}: no script {script}"


def test_the_screenshots_script_needs_no_path_hack() -> None:
    assert "sys.path" not in (REPO / "docs" / "screenshots.py").read_text(encoding="utf-8")
