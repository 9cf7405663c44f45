"""The program's entry point (`quizgame.start`): the collector paused only while the command
line loads, running again (with what was loaded out of its reach) once a command's code runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Each probe runs in a fresh interpreter: the collector is the process's own.
PAUSE_AND_RESUME = r"""
import gc
from quizgame import start
start.pause()
assert not gc.isenabled()
start.resume()
assert gc.isenabled() and gc.get_freeze_count() > 0
start.resume()  # again: nothing more to do
assert gc.isenabled()
gc.disable()  # off already (someone else's pause): left as it is
start.pause()
start.resume()
assert not gc.isenabled()
print("ok")
"""

# Importing the command line, or running it through `quizgame.cli.main` as tests and
# CliRunner do, leaves the collector as it was.
IMPORT_ONLY = r"""
import gc, sys
import quizgame.cli
assert gc.isenabled() and gc.get_freeze_count() == 0
sys.argv = ["quizgame", "--version"]
try:
    quizgame.cli.main()
except SystemExit:
    pass
assert gc.isenabled() and gc.get_freeze_count() == 0
print("ok")
"""

# The program: a command's own code runs with the collector on (the game pauses it again as its
# own start-up needs: quizgame.tui.startup reads gc.isenabled()).
COMMAND_RUNS_COLLECTED = r"""
import gc, sys
from quizgame import start
import quizgame.cli.schema as schema
seen = []
def callback(*args, **kwargs):
    seen.append(gc.isenabled())
    return given(*args, **kwargs)
given, schema.command.callback = schema.command.callback, callback
sys.argv = ["quizgame", "schema"]
try:
    start.main()
except SystemExit as exc:
    assert exc.code in (0, None), exc.code
assert seen == [True] and gc.isenabled() and gc.get_freeze_count() > 0, seen
print("\nok", file=sys.stderr)
"""

# Paths that end before any command runs (help, version, a usage error) end resumed too.
ENDS_RESUMED = r"""
import gc, sys
from quizgame import start
sys.argv = ["quizgame", *sys.argv[1:]]
try:
    start.main()
except SystemExit:
    pass
assert gc.isenabled() and gc.get_freeze_count() > 0
print("\nok", file=sys.stderr)
"""


def probe(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=60
    )


def test_pause_and_resume() -> None:
    done = probe(PAUSE_AND_RESUME)
    assert done.stdout == "ok\n", done.stderr


def test_importing_the_command_line_leaves_the_collector_alone() -> None:
    done = probe(IMPORT_ONLY)
    assert done.stdout.endswith("ok\n"), done.stderr


def test_a_command_runs_with_the_collector_on() -> None:
    done = probe(COMMAND_RUNS_COLLECTED)
    assert done.stderr.endswith("\nok\n"), done.stderr
    assert '"$schema"' in done.stdout  # the command ran as usual


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["no-such-command"]])
def test_the_program_ends_with_the_collector_on(args: list[str]) -> None:
    done = probe(ENDS_RESUMED, *args)
    assert done.stderr.endswith("\nok\n"), done.stderr


def test_python_dash_m_runs_the_program() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quizgame", "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stdout.startswith("quizgame, version "), done.stderr
