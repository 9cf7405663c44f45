"""Choices for multiple choice and true/false: numbered, picked by 1-9, arrows + Enter, or a click."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizgame.tui import safetext
from quizgame.tui.widgets.answering import AnswerGiven, AnswerWidget

if TYPE_CHECKING:
    from quizgame.core.play.dealing import Round
    from quizgame.core.play.session import Session


class ChoiceList(OptionList, AnswerWidget):
    """The round's choices; picking one gives its text (`AnswerGiven`). A choice removed by 50:50
    keeps its number and is shown struck out. `renew` shows the next round's choices in the same
    widget (nothing is mounted or styled anew)."""

    renewable = True

    def __init__(
        self, choices: Sequence[str], hidden: Collection[str] = (), *, id: str | None = None
    ) -> None:
        self.choices = tuple(choices)
        super().__init__(*self._build_options(hidden), id=id)

    def on_mount(self) -> None:
        self._highlight_first()

    def renew(self, session: Session, round_: Round) -> None:
        """Show `round_`'s choices (and the ones 50:50 removed) in place of these."""
        self.choices = tuple(round_.choices)
        self.set_options(self._build_options(session.hidden_choices))
        self._highlight_first()

    def _highlight_first(self) -> None:
        first = next(
            (i for i in range(self.option_count) if not self.get_option_at_index(i).disabled), None
        )
        self.highlighted = first

    def _prompt(self, index: int, hidden: bool) -> Content:
        key = f"{index + 1}. " if index < 9 else "   "
        if hidden:
            return safetext.assemble(
                (key, "bold"),
                (safetext.clean_line(self.choices[index]), "strike"),
                ("  (removed by 50:50)", "italic"),
            )
        return safetext.assemble((key, "bold"), safetext.literal(self.choices[index]))

    def _build_options(self, hidden: Collection[str]) -> list[Option]:
        return [
            Option(self._prompt(i, choice in hidden), id=f"choice-{i}", disabled=choice in hidden)
            for i, choice in enumerate(self.choices)
        ]

    def remove_choices(self, removed: Collection[str]) -> None:
        """Strike out the choices 50:50 removed."""
        for index, choice in enumerate(self.choices):
            if choice in removed:
                self.replace_option_prompt_at_index(index, self._prompt(index, True))
                self.disable_option_at_index(index)
        if self.highlighted is not None and self.choices[self.highlighted] in removed:
            self.action_cursor_down()

    def pick(self, number: int) -> bool:
        """Pick the choice numbered `number` (1-based); False if there is no such choice."""
        index = number - 1
        if not 0 <= index < len(self.choices) or self.get_option_at_index(index).disabled:
            return False
        self.highlighted = index
        self.post_message(AnswerGiven(self, self.choices[index]))
        return True

    def submit(self) -> None:
        """Choose the highlighted choice, as Enter does."""
        self.action_select()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(AnswerGiven(self, self.choices[event.option_index]))
