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

from rich.text import Text
from textual.content import Content
from textual.style import Style

from quizgame.core.text import clean, clean_line

__all__ = ["assemble", "clean", "clean_line", "line", "literal", "rich_text"]

Part = str | Content | tuple[str, str | Style]


# `clean` removes every control character Content would strip (and more): built from cleaned
# text, Content need not look through it again (`strip_control_codes=False`).


def literal(text: object, style: str | Style = "") -> Content:
    """Pack text as Content, shown exactly as written (markup is not parsed)."""
    return Content.styled(clean(text), style, strip_control_codes=False)


def line(text: object, style: str | Style = "") -> Content:
    """Pack text as one line of Content (for list items and labels)."""
    return Content.styled(clean_line(text), style, strip_control_codes=False)


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
    return Content.assemble(*safe, strip_control_codes=False)


def rich_text(text: object, style: str = "") -> Text:
    """Pack text as a Rich `Text`, for widgets that take Rich renderables (e.g. DataTable)."""
    return Text(clean(text), style=style)
