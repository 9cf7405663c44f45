"""quizgame: a trivia game for the terminal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("quizgame")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+src"
