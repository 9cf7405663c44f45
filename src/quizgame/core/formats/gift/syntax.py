"""GIFT syntax that reading and writing share: escapes, `[format]` prefixes, answer weights."""

from __future__ import annotations

import re

from quizgame.core.formats.htmltext import html_to_text, moodle_to_text

NAME = "GIFT"
TEXT_FORMATS = ("moodle", "html", "plain", "markdown")

# Escaped characters are hidden behind private-use characters while the structure is parsed.
_HIDDEN = {
    "\\": "\ue000",
    ":": "\ue001",
    "#": "\ue002",
    "=": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    "~": "\ue006",
    "n": "\ue007",
}
_RESTORE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _HIDDEN.items()})
_ESCAPE_IN = re.compile(r"\\(.)")
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
FORMAT_PREFIX = re.compile(r"^\[(?:" + "|".join(TEXT_FORMATS) + r")\]")


def hide(text: str) -> str:
    """GIFT text with each escape (`\\~`, `\\n`, ...) turned into a private-use character."""
    return _ESCAPE_IN.sub(lambda m: _HIDDEN.get(m.group(1), m.group(0)), text)


def restore(text: str) -> str:
    """Hidden text (from `hide`) with its escaped characters put back, `\\n` as a line break."""
    return text.translate(_RESTORE)


def formatted(text: str, default: str = "moodle") -> tuple[str, str]:
    """Plain text from (hidden) GIFT text and its `[format]` prefix, if any."""
    text = text.strip()
    fmt = default
    match = FORMAT_PREFIX.match(text)
    if match:
        fmt = match.group(0)[1:-1]
        text = text[match.end() :]
    text = restore(text)
    if fmt == "html":
        text = html_to_text(text)
    elif fmt == "moodle":
        text = moodle_to_text(text)  # Moodle reads its own format as HTML too
    return fmt, text.strip()
