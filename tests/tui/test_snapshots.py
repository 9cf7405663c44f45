"""Snapshots of Home and help at 80x24, and at 80x24 and 200x50 of a question of each type the
code knows (from its sample in the test pack), feedback and results.

Everything that moves is frozen: a FakeClock that only the test advances, no cursor blink
(`still`, at the end of every `run_before`), and bars drawn as text. Update with
`pytest --snapshot-update` after a deliberate change, and look at the pictures
(`snapshot_report.html`) before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from quizgame.core.packs.model import QuestionType
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode
from quizgame.tui.app import QuizApp
from tests.clocks import FakeClock
from tests.tui.helpers import DATA, make_app, pack, still

SnapCompare = Callable[..., bool]
RunBefore = Callable[[Pilot[None]], Awaitable[None]]
SIZE = (80, 24)
# A session's screens are pinned on the smallest terminal the game fits and on a large one,
# where the question sits in the middle with its bars beside it.
SIZES = {"80x24": SIZE, "200x50": (200, 50)}
sizes = pytest.mark.parametrize("size", list(SIZES))


def sample_id(question_type: QuestionType) -> str:
    """The id of the test pack's sample of `question_type`: a new type needs one."""
    for question in pack().questions:
        if question.type is question_type:
            return question.id
    raise AssertionError(f"add a {question_type.value} question to the test pack all-types.yaml")


def then_still(*steps: RunBefore) -> RunBefore:
    """A `run_before` that takes `steps`, then stops the cursor blinking for the picture."""

    async def run_before(pilot: Pilot[None]) -> None:
        for step in steps:
            await step(pilot)
        await still(pilot)

    return run_before


def only(*ids: str, mode: Mode = Mode.CLASSIC) -> SessionOptions:
    return SessionOptions(count=None, seed=5, question_ids=ids, mode=mode)


async def packs_loaded(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_home(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap_compare(make_app(data_dir), terminal_size=SIZE, run_before=then_still(packs_loaded))


def test_home_focused_setting_light_theme(snap_compare: SnapCompare, data_dir: Path) -> None:
    """The focused setting stands out by more than a shade (a bar, bold accent, a background)."""
    app = make_app(data_dir)
    app.theme = "textual-light"
    assert snap_compare(
        app, press=["tab", "tab"], terminal_size=SIZE, run_before=then_still(packs_loaded)
    )


@sizes
@pytest.mark.parametrize("question_type", list(QuestionType), ids=lambda t: t.value)
def test_question(
    snap_compare: SnapCompare, data_dir: Path, question_type: QuestionType, size: str
) -> None:
    app = make_app(data_dir, start=pack(), options=only(sample_id(question_type)))
    assert snap_compare(app, terminal_size=SIZES[size], run_before=then_still())


def test_list_question_partly_found(snap_compare: SnapCompare, data_dir: Path) -> None:
    """Two blanks filled, the rest waiting with their clues, the last answer said below."""
    app = make_app(data_dir, start=pack("cast", DATA / "lists"), options=only("leading-cast"))

    async def two_found(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for answer in ("cruz", "rossy", "pedro"):
            await pilot.press(*answer, "enter")

    assert snap_compare(app, terminal_size=SIZE, run_before=then_still(two_found))


def test_timed_question_with_lives(snap_compare: SnapCompare, data_dir: Path) -> None:
    clock = FakeClock()
    app = make_app(data_dir, start=pack(), options=only("mc", mode=Mode.SURVIVAL), clock=clock)

    async def seven_seconds_in(pilot: Pilot[None]) -> None:
        clock.advance(7.2)
        pilot.app.screen.tick()  # type: ignore[attr-defined]

    assert snap_compare(app, terminal_size=SIZE, run_before=then_still(seven_seconds_in))


async def wrong_answer(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, QuizApp) and app.session is not None
    round_ = app.session.current
    assert round_ is not None
    wrong = next(i for i, c in enumerate(round_.choices) if c != round_.question.answer)
    await pilot.press(str(wrong + 1))
    await pilot.pause()


@sizes
def test_feedback_wrong(snap_compare: SnapCompare, data_dir: Path, size: str) -> None:
    app = make_app(data_dir, start=pack(), options=only("mc"))
    assert snap_compare(app, terminal_size=SIZES[size], run_before=then_still(wrong_answer))


def test_feedback_light_theme(snap_compare: SnapCompare, data_dir: Path) -> None:
    app = make_app(data_dir, start=pack(), options=only("mc"))
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=SIZE, run_before=then_still(wrong_answer))


@sizes
def test_results(snap_compare: SnapCompare, data_dir: Path, size: str) -> None:
    clock = FakeClock()
    app = make_app(data_dir, start=pack(), options=only("mc", "tf", "numeric"), clock=clock)

    async def play(pilot: Pilot[None]) -> None:
        await pilot.pause()
        clock.advance(4)
        await wrong_answer(pilot)  # mc first (seed 5)
        await pilot.press("enter")
        clock.advance(3)
        await pilot.press("2")  # true/false: False is right
        await pilot.press("enter")
        clock.advance(6)
        await pilot.press("3", "6", "6", "enter", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=then_still(play))


def test_help(snap_compare: SnapCompare, data_dir: Path) -> None:
    assert snap_compare(
        make_app(data_dir),
        press=["question_mark"],
        terminal_size=SIZE,
        run_before=then_still(packs_loaded),
    )


def test_every_snapshot_has_its_test(request: pytest.FixtureRequest) -> None:
    """No picture is left behind by a renamed or removed test. Run serially, syrupy fails on
    such a file itself; on several workers (-n) it cannot tell, so this test does."""
    module = request.node.parent
    assert isinstance(module, pytest.Module)
    tests = {item.name for item in module.collect() if isinstance(item, pytest.Function)}
    snapshots = Path(__file__).parent / "__snapshots__" / Path(__file__).stem
    pictures = {svg.stem for svg in snapshots.glob("*.svg")}
    assert pictures and pictures <= tests, sorted(pictures - tests)
