"""Make the README's pictures: a question and the results screen, as SVG in docs/images/.

Plays the bundled Parallel Mothers pack headless at 80x24 with a fixed seed and a clock that
only moves when told, so the pictures come out the same each time.
Usage, after the README's set-up (quizgame installed in .venv): .venv/bin/python docs/screenshots.py
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from quizgame.core.packs.model import QuestionType, Spoiler
from quizgame.core.packs.read import require_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.question import QuestionScreen

ROOT = Path(__file__).resolve().parent.parent

IMAGES = ROOT / "docs" / "images"
PACK = ROOT / "questions" / "parallel-mothers.yaml"
COUNT = 8
SEED = 152  # eight questions of five types, the second a multiple choice of four
WRONG = {2, 5}  # the rounds answered wrongly (0-based)


class StoppedClock:
    """A clock that moves only when the script says, so every picture is the same."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def still(app: QuizApp) -> None:
    """Nothing on the screen may move on its own in a picture: no text cursor blinks."""
    for box in app.screen.query(Input):
        box.cursor_blink = False


async def answer(pilot: Pilot[None], app: QuizApp, right: bool) -> None:
    """Answer the current question: with keys for choices, through the screen for the rest."""
    screen = app.screen
    assert isinstance(screen, QuestionScreen)
    round_ = screen.round
    question = round_.question
    if question.type is QuestionType.TRUE_FALSE:
        await pilot.press("1" if question.answer == right else "2")
    elif question.type is QuestionType.MULTIPLE_CHOICE:
        wanted = next(c for c in round_.choices if (c == question.answer) == right)
        await pilot.press(str(round_.choices.index(wanted) + 1))
    elif question.type in (QuestionType.TYPED, QuestionType.NUMERIC):
        screen.submit(question.answer_text().split(" ")[0] if right else "0")
    elif question.type is QuestionType.ORDERING:
        screen.submit(list(question.items if right else round_.items))
    else:
        rights = [r for _, r in question.pairs]
        rights = rights if right else rights[1:] + rights[:1]
        screen.submit(dict(zip(round_.lefts, rights, strict=True)))
    await pilot.pause()


async def main() -> None:
    clock = StoppedClock()
    pack = require_pack(PACK)
    # The spoiler level is pinned: the pictures must not change with the default.
    options = SessionOptions(count=COUNT, seed=SEED, spoiler=Spoiler.ENDING)
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        app = QuizApp(
            pack_dirs=[PACK.parent],
            data_dir=Path(data),
            start_pack=pack,
            start_options=options,
            clock=clock,
        )
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for number in range(COUNT):
                if number == 1:
                    await pilot.press("down")
                    still(app)
                    app.save_screenshot("question.svg", str(IMAGES))
                clock.advance(6 + number)
                await answer(pilot, app, right=number not in WRONG)
                await pilot.press("enter")
                await pilot.pause()
            still(app)
            app.save_screenshot("results.svg", str(IMAGES))
    print(f"wrote {IMAGES / 'question.svg'} and {IMAGES / 'results.svg'}")


if __name__ == "__main__":
    asyncio.run(main())
