"""The game's one stylesheet, `quizgame.tcss`, as the app hands it to Textual: compacted.

Textual parses the stylesheet before the first frame, one token at a time, and about half of
quizgame.tcss's tokens are whitespace between declarations (and its comments cost a scan). The
same rules without them parse in about two thirds of the time (bench/bench_startup.py). The
file stays the one place the look is written, laid out and commented for people; the app reads
it through `app_css`, and tests/tui/test_stylesheet.py pins that the compact text parses to the
very same rules (selectors and styles) as the file, and that the file itself parses cleanly (a
mistake there is reported at the file's own line and column).
"""

from __future__ import annotations

import re
from pathlib import Path

PATH = Path(__file__).with_name("quizgame.tcss")

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_AROUND_PUNCTUATION = re.compile(r"\s*([{};,>])\s*")  # no space is needed beside these
_AFTER_COLON = re.compile(r":\s+")  # "height: 1" is "height:1"; "Button:hover" has none
_RUNS = re.compile(r"\s+")  # what is left separates words: one space does


def compact(css: str) -> str:
    """`css` (Textual CSS, str) without comments and without whitespace Textual does not need;
    the same rules. Line and column numbers in it no longer match the source's."""
    css = _COMMENT.sub("", css)
    css = _AROUND_PUNCTUATION.sub(r"\1", css)
    css = _AFTER_COLON.sub(":", css)
    return _RUNS.sub(" ", css).strip()


def app_css(path: Path = PATH) -> str:
    """The stylesheet at `path` (quizgame.tcss by default), compacted (`compact`); raises
    OSError if it cannot be read."""
    return compact(path.read_text(encoding="utf-8"))
