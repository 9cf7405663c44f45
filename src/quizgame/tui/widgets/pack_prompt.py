"""A pack as Home's list shows it: title, size, categories, author, description, learn counts;
or a broken pack's file and its first error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from quizgame.tui import safetext

if TYPE_CHECKING:
    from quizgame.core.packs.read import LoadResult

DESCRIPTION_CHARS = 160  # a pack's description in the list is cut to this


def pack_prompt(result: LoadResult, learning: tuple[int, int, int] | None = None) -> Content:
    """A pack in the list: title, number of questions and categories, and for a pack being
    learned (`learning`: due, new, studied) what is due today; or the file and its error."""
    pack = result.pack
    if pack is None:
        first = result.errors[0] if result.errors else None
        where = f"line {first.line}: " if first else ""
        return safetext.assemble(
            ("✗ ", "bold $text-error"),
            (result.path.name, "bold"),
            (" (broken, cannot be played)", "italic"),
            "\n  ",
            (where + (first.message if first else "unknown error"), "$text-error"),
        )
    count = len(pack.questions)
    details = f"{count} question{'s' if count != 1 else ''}"
    if pack.categories:
        details += " · " + ", ".join(pack.categories)
    if learning is not None:
        due, new, _studied = learning
        details += f" · learn: {due} due, {new} new"
    parts: list[safetext.Part] = [
        safetext.line(pack.title, "bold"),
        "\n  ",
        (safetext.clean_line(details), "$text-muted"),
    ]
    if pack.author:
        parts += [("\n  by ", "$text-muted"), (safetext.clean_line(pack.author), "$text-muted")]
    if pack.description:
        text = safetext.clean_line(pack.description)
        if len(text) > DESCRIPTION_CHARS:
            text = text[: DESCRIPTION_CHARS - 1].rstrip() + "…"
        parts += ["\n  ", (text, "italic $text-muted")]
    return safetext.assemble(*parts)
