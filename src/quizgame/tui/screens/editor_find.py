"""Finding a question in the editor's list: by its number, or by words of its prompt or id."""

from __future__ import annotations

from bisect import bisect_right
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


class FindIndex:
    """Every question's prompt and id in one casefolded text, so a search is one `str.find`
    (C speed: milliseconds over 100,000 questions) instead of a Python loop. Made on the first
    search; make a new one when the questions change."""

    def __init__(self, count: int, summary: Summary) -> None:
        self.count = count
        self.starts: list[int] = []
        parts: list[str] = []
        at = 0
        for index in range(count):
            prompt, _type, qid = summary(index)
            line = f"{prompt}\u0000{qid}".replace("\n", " ").casefold() + "\n"
            self.starts.append(at)
            parts.append(line)
            at += len(line)
        self.text = "".join(parts)

    def _row(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def find(self, query: str, after: int | None) -> int | None:
        """As `find_question` (a number is a question's number), searching this index."""
        query = query.strip()
        if not query or not self.count:
            return None
        if query.lstrip("#").isdigit():
            return find_question(query, self.count, lambda index: ("", "", ""), after)
        wanted = query.casefold()
        if "\n" in wanted:
            return None
        start = 0 if after is None or after + 1 >= self.count else self.starts[after + 1]
        found = self.text.find(wanted, start)
        if found == -1:
            found = self.text.find(wanted, 0, start + len(wanted))
        return None if found == -1 else self._row(found)


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
