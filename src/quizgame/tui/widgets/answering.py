"""What every answer widget offers the question screen, so the screen names no widget class.

A widget gives the player's answer by posting `AnswerGiven` to its screen (`give`); the screen calls `pick` for the
number keys, `submit` for the Answer button and `remove_choices` after a 50:50; a widget that can
show the next round's question in place (`renewable`, `renew`) is kept from question to question
instead of being removed and a new one mounted, and stays in view with the feedback
(`show_result`). What a type's
answer means, and when it cannot be one yet, is its `AnswerArea`'s (`widgets/answers.py`).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from textual.dom import NoScreen
from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:
    from quizgame.core.packs.model import Question
    from quizgame.core.play.dealing import Round
    from quizgame.core.play.results import AnswerRecord
    from quizgame.core.play.session import Session


class AnswerMessage(Message):
    """What an answer widget tells the screen: the `widget` and the answer `value` it holds."""

    def __init__(self, widget: AnswerWidget, value: Any) -> None:
        super().__init__()
        self.widget = widget
        self.value = value

    @property
    def control(self) -> AnswerWidget:
        return self.widget


class AnswerGiven(AnswerMessage):
    """The player answered: `value` is what the widget holds (a choice's text, the typed text
    without the spaces around it, the items in order, or the pairs made, left → right)."""


class AnswerKept(AnswerMessage):
    """An answer in progress (a list's items found so far): `value` counts, as `AnswerGiven`'s
    would, if the question's time runs out before the player finishes."""


class AnswerWidget(Widget):
    """The base of every answer widget, mixed in after its Textual class
    (`class ChoiceList(OptionList, AnswerWidget)`): it adds no style, keys or state."""

    renewable: ClassVar[bool] = False
    """Whether `renew` can show another round in this widget (then the screen keeps it in view,
    marked by `show_result`, while the feedback is shown under it)."""

    draws_pick: bool = True
    """Whether a pick (a number key, a click) is drawn at once. The question screen turns it off:
    its feedback marks the pick in the frame that shows it, and a frame of the pick's own first
    would put the feedback off by up to a frame."""

    answers_to: Callable[[AnswerMessage], None] | None = None
    """Where `give` and `keep` hand their message at once, instead of posting it (the question
    screen sets it to its handler). A posted answer waits in the screen's queue while the app
    takes the keys that came with it: an Enter typed just after the digit that answered was
    checked before the answer was handled, on a question, and never went on to the next one."""

    def give(self, value: Any) -> None:
        """Post `AnswerGiven(value)`, to the screen: it is the screen's to handle, and a message
        that bubbled up the containers between would wait in each one's queue in turn."""
        self._to_screen(AnswerGiven(self, value))

    def keep(self, value: Any) -> None:
        """Post `AnswerKept(value)` (an answer in progress), to the screen as `give` does."""
        self._to_screen(AnswerKept(self, value))

    def _to_screen(self, message: AnswerMessage) -> None:
        if self.answers_to is not None:
            self.answers_to(message)
            return
        try:
            screen = self.screen
        except NoScreen:  # not on a screen (yet): as any message goes
            self.post_message(message)
            return
        screen.post_message(message)

    def pick(self, number: int) -> bool:
        """Number key `number` (1-9): act on it; False if it means nothing to this widget."""
        return False

    @abstractmethod
    def submit(self) -> None:
        """The Answer button: `give` the answer as it stands."""

    def remove_choices(self, removed: Collection[str]) -> None:
        """A 50:50 removed these choices (nothing to do for a widget without choices)."""

    def show_result(self, record: AnswerRecord) -> None:
        """The feedback on `record` is shown: mark in place what was right and wrong, if this
        widget stays in view with it (a `renewable` one does; the others are removed)."""

    def one_key_answers(self) -> Sequence[Any]:
        """The answers one key can give now (a choice each), whose feedback the screen draws
        ahead (`prepare_result`); none for a widget that takes more than a key."""
        return ()

    def prepare_result(self, question: Question) -> None:
        """Draw ahead what `show_result` will show for an answer to `question` (this round's),
        while the player reads (nothing to do for a widget without `one_key_answers`)."""

    def renew(self, session: Session, round_: Round) -> None:
        """Show `round_` (the session's current round, of a type the same `AnswerArea.make`
        makes a widget for) in this widget, as a new one made for it would. Only a `renewable`
        widget is asked; the others raise NotImplementedError."""
        raise NotImplementedError(f"{type(self).__name__} is made anew for each round")
