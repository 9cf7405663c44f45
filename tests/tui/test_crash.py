"""A bug in the app never shows a player a traceback: one line, and the details in a log."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.helpers import make_app


async def test_an_unexpected_error_is_one_line_and_a_crash_log(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(data_dir)

    def boom() -> None:
        raise RuntimeError("boom \x1b]0;PWN\x07 [bold]x[/]")

    with pytest.raises(RuntimeError, match="boom"):  # Pilot hands the exception to the test
        async with app.run_test(size=(80, 24)) as pilot:
            app.call_later(boom)
            await pilot.pause()
    assert app.return_code == 1
    printed = capsys.readouterr().err  # what the terminal gets once the app has gone
    assert printed.count("\n") == 1, printed
    assert printed.startswith("quizgame: internal error: RuntimeError: boom [bold]x[/]")
    assert "Traceback" not in printed and "\x1b" not in printed
    log = (data_dir / "crash.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "RuntimeError" in log
