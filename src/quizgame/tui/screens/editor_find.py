"""Finding a question in the editor's list: by its number, or by words of its prompt or id."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

Summary = Callable[[int], tuple[str, str, str]]  # index -> (prompt, type, id)


def find_question(query: str, count: int, summary: Summary, after: int | None) -> int | None:
    """The index of the question `query` names: a number is the question's number (1-based);
    other text is found in a prompt or id (case and accents as typed, case ignored), searching
    from the question after `after` and round to the start. None if there is none."""
    query = query.strip()
    if not query or not count:
        return None
    if query.lstrip("#").isdigit():
        number = int(query.lstrip("#"))
        return number - 1 if 1 <= number <= count else None
    wanted = query.casefold()
    start = 0 if after is None else after + 1
    for step in range(count):
        index = (start + step) % count
        prompt, _type, qid = summary(index)
        if wanted in prompt.casefold() or wanted in qid.casefold():
            return index
    return None


class FindBox(Input):
    """A one-line box under the list: Enter posts `Find` with what was typed (and keeps it, so
    Enter again finds the next one); Escape posts `Find` with None (closed)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", show=False)]

    class Find(Message):
        def __init__(self, query: str | None) -> None:
            super().__init__()
            self.query = query

    def __init__(self, *, id: str | None = None) -> None:
        placeholder = "Find: a question's number, or words of its prompt or id; Enter"
        super().__init__(placeholder=placeholder, id=id)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Find(event.value))

    def action_close(self) -> None:
        self.post_message(self.Find(None))
