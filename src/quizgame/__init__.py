"""quizgame: a trivia game for the terminal."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here (hatch's dynamic
# version), so `quizgame --version` needs no package metadata (importlib.metadata: ~35 ms).
__version__ = "0.1.0"
