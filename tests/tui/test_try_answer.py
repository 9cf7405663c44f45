"""The editor's "try an answer" field: the question as the form holds it judges an answer,
as `quizgame judge` does."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.widgets import Input, Static

from quizgame.core.packs.model import QuestionType
from quizgame.tui.screens.editor_form import QuestionFormScreen

ORIGINAL = {
    "id": "who",
    "type": "typed",
    "prompt": "Who directed it?",
    "answer": "Pedro Almodóvar",
    "accept": ["Almodóvar"],
}


class FormApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(QuestionFormScreen(QuestionType.TYPED, ORIGINAL))


def _result(app: App[None]) -> str:
    return str(app.screen.query_one("#try-result", Static).render())


async def test_an_answer_tried_in_the_form_is_judged_with_its_reason() -> None:
    app = FormApp()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#try-answer", Input)
        field.focus()
        app.post_message(events.Paste("almodovar"))
        await pilot.pause()
        assert _result(app) == "Right, all the points (surname, accent ignored)"
        field.value = "Agustin Almodóvar"
        await pilot.pause()
        assert _result(app).startswith("Wrong, none of the points")
