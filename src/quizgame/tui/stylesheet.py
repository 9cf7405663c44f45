"""The game's one stylesheet, `quizgame.tcss`, as the apps hand it to Textual: compacted, and
for the game, in two parts.

Textual parses the stylesheet before the first frame, one token at a time, and about half of
quizgame.tcss's tokens are whitespace between declarations (and its comments cost a scan). The
same rules without them parse in about two thirds of the time (bench/bench_startup.py).

Home's first frame needs only the rules at the top of the file, up to the line that starts
with `HOME_END`: the game (`QuizApp`) hands Textual those at start-up (`home_css`) and the rest
(`later_css`, four fifths of the file: the question, results, editor, statistics and party
screens) just after Home is drawn, or before another screen shows if that is sooner. The rules
keep their order, so the look is the same; tests/tui/test_stylesheet.py pins that no rule below
the line styles anything on Home. The party's apps take it whole (`app_css`).

The file stays the one place the look is written, laid out and commented for people; tests
pin that the compact text parses to the very same rules (selectors and styles) as the file, and
that the file itself parses cleanly (a mistake there is reported at the file's own line and
column).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

PATH = Path(__file__).with_name("quizgame.tcss")
HOME_END = "/* === Home's first frame needs none of the rules below"

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


def split(css: str) -> tuple[str, str]:
    """`css` (the stylesheet's text) as (what comes before the `HOME_END` line, what comes from
    it on); raises ValueError if the line is not there."""
    at = css.find(HOME_END)
    if at < 0:
        raise ValueError(f"the stylesheet has no line starting {HOME_END!r}")
    return css[:at], css[at:]


@cache
def _halves(path: Path) -> tuple[str, str]:
    return split(path.read_text(encoding="utf-8"))


@cache
def home_css(path: Path = PATH) -> str:
    """The rules Home's first frame needs (the stylesheet at `path` up to `HOME_END`),
    compacted; raises OSError if the file cannot be read, ValueError without the line."""
    return compact(_halves(path)[0])


@cache
def later_css(path: Path = PATH) -> str:
    """The rules of every other screen (the stylesheet at `path` from `HOME_END` on),
    compacted when first asked for (not at start-up); raises as `home_css` does."""
    return compact(_halves(path)[1])


def app_css(path: Path = PATH) -> str:
    """The whole stylesheet at `path` (quizgame.tcss by default), compacted (`compact`), the
    rules in the file's order; raises as `home_css` does."""
    return home_css(path) + later_css(path)
