"""The core never imports Textual or Rich (checked in a fresh interpreter per module)."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys

import pytest

import quizgame.core

CORE_MODULES = sorted(
    m.name for m in pkgutil.walk_packages(quizgame.core.__path__, prefix="quizgame.core.")
)


def test_core_modules_found() -> None:
    assert "quizgame.core.play.session" in CORE_MODULES
    assert "quizgame.core.packs.read" in CORE_MODULES


@pytest.mark.parametrize("module", ["quizgame.cli", *CORE_MODULES])
def test_no_textual_in_core(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}  # find src/ without an install
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, f"{module} imports {done.stdout or done.stderr}"
