"""The one door through which pack text reaches a widget.

Pack text is data, never markup: `[bold red]`, `[/]` or `[@click=app.quit]` in a prompt is shown
as typed. Textual widgets parse markup in plain `str` arguments, so everything a widget receives
from a pack is a `Content` (or a Rich `Text`) built here from literal text. Terminal escape
sequences and control characters are removed first, so a pack cannot move the cursor, recolour
the terminal, set its title or hide text with bidi overrides.

Our own fixed labels may use `Content.from_markup`; anything that came from a file goes through
`literal`, `line`, `assemble` or `rich_text`.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.content import Content
from textual.style import Style

# ESC-introduced sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks, clipboard),
# DCS/SOS/PM/APC strings, and the short two-character forms (e.g. ESC c: reset the terminal).
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[ [0-?]* [ -/]* [@-~]                      # CSI
    | \x9b [0-?]* [ -/]* [@-~]                      # 8-bit CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) .*? (?:\x07|\x1b\\|\x9c|$)   # OSC, DCS, SOS, PM, APC
    | \x1b [ -/]* [0-~]                             # nF / Fp / Fe / Fs two-character forms
    """,
    re.VERBOSE | re.DOTALL,
)

_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_DROP = {
    **{code: None for code in range(0x20) if code not in (0x09, 0x0A)},  # C0 except tab, newline
    0x7F: None,  # DEL
    **{code: None for code in range(0x80, 0xA0)},  # C1
    **{code: None for code in _BIDI_CONTROLS},
    0x09: " ",
    0x2028: "\n",  # line separator
    0x2029: "\n",  # paragraph separator
}
_SPACES = re.compile(r"\s+")

Part = str | Content | tuple[str, str | Style]


def clean(text: object) -> str:
    """`text` as a string without escape sequences or control characters (newlines kept)."""
    value = str(text)
    value = value.replace("\r\n", "\n")
    if "\x1b" in value or any("\x80" <= c <= "\x9f" for c in value):
        value = _ESCAPE_SEQUENCE.sub("", value)
    return value.translate(_DROP)


def clean_line(text: object) -> str:
    """`clean`, then every run of white space (newlines too) made one space: for one-line labels."""
    return _SPACES.sub(" ", clean(text)).strip()


def literal(text: object, style: str | Style = "") -> Content:
    """Pack text as Content, shown exactly as written (markup is not parsed)."""
    return Content.styled(clean(text), style)


def line(text: object, style: str | Style = "") -> Content:
    """Pack text as one line of Content (for list items and labels)."""
    return Content.styled(clean_line(text), style)


def assemble(*parts: Part) -> Content:
    """Join pieces into one Content: `str` pieces are cleaned and literal, `(text, style)` pairs
    are cleaned and styled, `Content` pieces are used as they are.

    Styles are ours (e.g. `"bold $success"`); only the text can come from a pack.
    """
    safe: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            safe.append(clean(part))
        elif isinstance(part, tuple):
            safe.append((clean(part[0]), part[1]))
        else:
            safe.append(part)
    return Content.assemble(*safe)


def rich_text(text: object, style: str = "") -> Text:
    """Pack text as a Rich `Text`, for widgets that take Rich renderables (e.g. DataTable)."""
    return Text(clean(text), style=style)
