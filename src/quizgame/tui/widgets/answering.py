"""What every answer widget offers the question screen, so the screen names no widget class.

A widget gives the player's answer by posting `AnswerGiven`; the screen calls `pick` for the
number keys, `submit` for the Answer button and `remove_choices` after a 50:50. What a type's
answer means, and when it cannot be one yet, is its `AnswerArea`'s (`widgets/answers.py`).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Collection
from typing import Any

from textual.message import Message
from textual.widget import Widget


class _AnswerMessage(Message):
    """What an answer widget tells the screen: the `widget` and the answer `value` it holds."""

    def __init__(self, widget: AnswerWidget, value: Any) -> None:
        super().__init__()
        self.widget = widget
        self.value = value

    @property
    def control(self) -> AnswerWidget:
        return self.widget


class AnswerGiven(_AnswerMessage):
    """The player answered: `value` is what the widget holds (a choice's text, the typed text
    without the spaces around it, the items in order, or the pairs made, left → right)."""


class AnswerKept(_AnswerMessage):
    """An answer in progress (a list's items found so far): `value` counts, as `AnswerGiven`'s
    would, if the question's time runs out before the player finishes."""


class AnswerWidget(Widget):
    """The base of every answer widget, mixed in after its Textual class
    (`class ChoiceList(OptionList, AnswerWidget)`): it adds no style, keys or state."""

    def pick(self, number: int) -> bool:
        """Number key `number` (1-9): act on it; False if it means nothing to this widget."""
        return False

    @abstractmethod
    def submit(self) -> None:
        """The Answer button: post `AnswerGiven` with the answer as it stands."""

    def remove_choices(self, removed: Collection[str]) -> None:
        """A 50:50 removed these choices (nothing to do for a widget without choices)."""
