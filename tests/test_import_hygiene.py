"""The core never imports Textual or Rich (each module imported into a clean interpreter).

One child interpreter loads the game's other dependencies (YAML, click, ...: the same for every
module, and checked to load no textual or rich themselves), then forks once per module, so each
module is imported into a clean state without paying fifty times for an interpreter start-up
and those dependencies.
"""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys

import pytest

import quizgame.core

CORE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(quizgame.core.__path__, prefix="quizgame.core.")
)
CHECKED = ["quizgame.cli", *CORE_MODULES]

# Run in the child: for each module named in argv, what of textual and rich it loads.
IMPORT_EACH = r"""
import json, os, subprocess, sys

FORBIDDEN = ("textual", "rich")
ALLOWED = ("click", "msgspec", "platformdirs", "rapidfuzz", "ruamel.yaml", "yaml", "sqlite3")
REPORT = "print(sorted(m for m in sys.modules if m.split('.')[0] in {0!r}))".format(FORBIDDEN)


def loaded_by(module):
    if not hasattr(os, "fork"):  # no fork here: a fresh interpreter per module instead
        code = f"import sys, {module}; {REPORT}"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else done.stderr.strip()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: import, report, and leave without running any clean-up
        os.close(read)
        try:
            __import__(module)
            found = [m for m in sys.modules if m.split(".")[0] in FORBIDDEN]
            out = str(sorted(found))
        except BaseException as exc:
            out = f"import failed: {exc!r}"
        os.write(write, out.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        out = pipe.read().decode()
    os.waitpid(pid, 0)
    return out or "the child died"


for name in ALLOWED:
    __import__(name)
already = sorted(m for m in sys.modules if m.split(".")[0] in FORBIDDEN)
print(json.dumps({m: loaded_by(m) for m in sys.argv[1:]} | {"": str(already)}))
"""


@pytest.fixture(scope="module")
def loaded() -> dict[str, str]:
    """Module name → the textual and rich modules its import loaded, as a list's repr."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # find src/ without an install
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_EACH, *CHECKED],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    results: dict[str, str] = json.loads(done.stdout)
    return results


def test_core_modules_found() -> None:
    assert "quizgame.core.play.session" in CORE_MODULES
    assert "quizgame.core.packs.read" in CORE_MODULES


def test_the_clean_interpreter_is_clean(loaded: dict[str, str]) -> None:
    """The game's other dependencies, loaded before each module, load no textual or rich."""
    assert loaded[""] == "[]"


@pytest.mark.parametrize("module", CHECKED)
def test_no_textual_in_core(module: str, loaded: dict[str, str]) -> None:
    assert loaded[module] == "[]", f"{module} imports {loaded[module]}"
