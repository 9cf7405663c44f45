"""A pack as Home's list shows it: title, size, categories, author, description, learn counts;
or a broken pack's file and its first error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from quizgame.tui import safetext

if TYPE_CHECKING:
    from quizgame.core.packs.summary import PackSummary

DESCRIPTION_CHARS = 160  # a pack's description in the list is cut to this


def pack_prompt(pack: PackSummary, learning: tuple[int, int, int] | None = None) -> Content:
    """A pack in the list (as listed, or `summarize`d once read): title, number of questions
    and categories, and for a pack being learned (`learning`: due, new, studied) what is due
    today; or the file and its first error."""
    if pack.id is None:
        where = f"line {pack.error_line}: " if pack.error_line is not None else ""
        message = pack.error_message if pack.error_message is not None else "unknown error"
        return safetext.assemble(
            ("✗ ", "bold $text-error"),
            (pack.path.name, "bold"),
            (" (broken, cannot be played)", "italic"),
            "\n  ",
            (where + message, "$text-error"),
        )
    count = pack.questions
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
