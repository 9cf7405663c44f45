"""A bug must never show a player a traceback: the details go to a crash log in the data folder,
and the terminal gets one line.

Textual has no public hook for an unhandled exception, so `QuizApp._handle_exception` (the one
private method the game overrides; `tests/tui/test_navigation.py` fails if Textual changes it) hands
each one to `as_one_line`. That gives the exception a `__rich__` method, which Textual's own
handler takes as "render this exception yourself" and shows through the public `App.panic`.
"""

from __future__ import annotations

import contextlib
import traceback
from datetime import datetime
from pathlib import Path

from rich.segment import Segment, Segments

from quizgame.tui import safetext


def write_log(error: BaseException, log: Path) -> bool:
    """Append the time and the traceback of `error` to `log`; False if it cannot be written."""
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n")
            handle.write("".join(traceback.format_exception(error)))
    except OSError:
        return False
    return True


def crash_line(error: BaseException, log: Path | None) -> str:
    """What the terminal says: the error in one line, and where the details are."""
    where = f" (details in {log})" if log is not None else ""
    return safetext.clean_line(f"quizgame: internal error: {type(error).__name__}: {error}{where}")


def as_one_line(error: BaseException, log: Path) -> None:
    """Log `error` and make it render as its one line (Segments, not Text: printed as they are,
    one line however narrow the terminal)."""
    line = crash_line(error, log if write_log(error, log) else None)
    shown = Segments([Segment(line), Segment.line()])
    # An exception that takes no attributes keeps Textual's own traceback.
    with contextlib.suppress(AttributeError):
        error.__rich__ = lambda: shown  # type: ignore[attr-defined]
