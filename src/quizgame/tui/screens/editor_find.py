"""The editor's find box: a question's number, or words of its prompt or id (what is found, and
how, is `core.packs.find`)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


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
