"""Where the time of a key goes: bench_keys' session on a pseudo-terminal, with the game's
process timing each phase between a key and the frame that shows what the player waits for.

bench_keys.py says how long a key takes; this says why. The game runs as in bench_keys (its own
process, a real pty, 80x24, the same pack), with these wrapped in a timer: our handlers
(`QuestionScreen.show_feedback`, `show_round`, `Session.answer`, the score keeper's note of an
answer and its write),
CSS restyles (`Stylesheet.update_nodes`), Textual's frame (`Screen._on_timer_update`: the
layout `Compositor.reflow`, the paint `Compositor.render_update`, the write to the terminal)
and each collection of the garbage collector. For each kind of key (an answer, Enter) it
prints the median time from the key to the write that holds what bench_keys waits for, and
the mean time per key of each phase before that write. The wrappers cost a little; compare phases, not totals, with
bench_keys; `--timeline N` prints the Nth answer and Enter event by event.
Usage: python bench/keys_trace.py [--rounds 30] [--src DIR] [--timeline N].
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import bench_keys

LOG: list[tuple[str, float, float]] = []
KEYS = {"1": "answer -> feedback", "enter": "Enter -> next question"}


def timed(owner: Any, name: str, label: str) -> None:
    """Wrap `owner.name` (a function or coroutine function) so that each call is logged."""
    original = getattr(owner, name)
    if getattr(original, "__code__", None) and original.__code__.co_flags & 0x80:

        @functools.wraps(original)
        async def wrapper_async(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                LOG.append((label, start, time.perf_counter()))

        setattr(owner, name, wrapper_async)
        return

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            LOG.append((label, start, time.perf_counter()))

    setattr(owner, name, wrapper)


def child_game(pack_file: str, data_dir: str, rounds: int, src: str, out: str) -> None:
    sys.path.insert(0, src)
    from textual import events
    from textual._compositor import Compositor
    from textual.app import App
    from textual.css.stylesheet import Stylesheet
    from textual.drivers._writer_thread import WriterThread
    from textual.drivers.linux_driver import LinuxDriver
    from textual.screen import Screen
    from textual.widget import Widget

    from quizgame.core.play.session import Session
    from quizgame.tui.scorekeeper import ScoreKeeper
    from quizgame.tui.screens import in_place
    from quizgame.tui.screens.question import QuestionScreen
    from quizgame.tui.widgets.choices import ChoiceList
    from quizgame.tui.widgets.feedback import FeedbackView
    from quizgame.tui.widgets.lifelines import LifelineBar
    from quizgame.tui.widgets.status import StatusBar

    on_event = App.on_event

    async def key_seen(self: App[Any], event: events.Event) -> None:
        if isinstance(event, events.Key):
            now = time.perf_counter()
            LOG.append(("KEY " + event.key, now, now))
        await on_event(self, event)

    App.on_event = key_seen  # type: ignore[method-assign]
    for owner, name, label in (
        (QuestionScreen, "show_feedback", "our handler: show_feedback"),
        (QuestionScreen, "show_round", "our handler: show_round"),
        (Session, "answer", "session: answer (judge, score)"),
        (in_place, "feedback_lines", "show_feedback: what it says (feedback_lines)"),
        (FeedbackView, "show", "show_feedback: FeedbackView.show"),
        (ChoiceList, "show_result", "show_feedback: ChoiceList.show_result"),
        (LifelineBar, "show_next", "show_feedback: LifelineBar.show_next"),
        (StatusBar, "show", "StatusBar.show"),
        (QuestionScreen, "prepare_feedback", "drawn ahead: prepare_feedback"),
        (ScoreKeeper, "answer_recorded", "score history: note the answer"),
        (ScoreKeeper, "flush", "score history: write what is noted"),
        (Stylesheet, "update_nodes", "CSS: restyle (focus, classes)"),
        (Screen, "_on_timer_update", "frame (all of it)"),
        (Compositor, "reflow", "frame: layout (reflow)"),
        (Compositor, "render_update", "frame: paint (render_update)"),
    ):
        timed(owner, name, label)
    write = LinuxDriver.write
    shows = {"DRAWN 1": bench_keys.FEEDBACK, "DRAWN enter": bench_keys.QUESTION}

    def drawn(self: LinuxDriver, data: str) -> None:
        """The write that shows what the player waits for (as bench_keys reads it) ends a key."""
        start = time.perf_counter()
        write(self, data)
        plain = bench_keys.ESCAPES.sub(b"", data.encode())
        for label, markers in shows.items():
            if any(marker in plain for marker in markers):
                LOG.append((label, start, time.perf_counter()))

    LinuxDriver.write = drawn  # type: ignore[method-assign]
    writer_init = WriterThread.__init__

    class Written:
        """The terminal's file, as Textual's writer thread writes to it: when the bytes that
        show what the player waits for really go out (the thread needs the GIL for that)."""

        def __init__(self, file: Any) -> None:
            self._file = file

        def write(self, text: str) -> int:
            start = time.perf_counter()
            written: int = self._file.write(text)
            plain = bench_keys.ESCAPES.sub(b"", text.encode())
            for label, markers in shows.items():
                if any(marker in plain for marker in markers):
                    LOG.append((label.replace("DRAWN", "WRITTEN"), start, time.perf_counter()))
            return written

        def __getattr__(self, name: str) -> Any:
            return getattr(self._file, name)

    def writer(self: WriterThread, file: Any) -> None:
        writer_init(self, Written(file))

    WriterThread.__init__ = writer  # type: ignore[method-assign]
    render_lines = Widget.render_lines

    def painted(self: Widget, crop: Any) -> Any:
        """Each widget's own paint, named by its class and id."""
        start = time.perf_counter()
        try:
            return render_lines(self, crop)
        finally:
            name = type(self).__name__ + (f"#{self.id}" if self.id else "")
            LOG.append((f"paint: {name}", start, time.perf_counter()))

    Widget.render_lines = painted  # type: ignore[method-assign]
    collecting: dict[str, float] = {}

    def collector(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collecting["start"] = time.perf_counter()
        elif "start" in collecting:
            label = f"garbage collector: generation {info['generation']}"
            LOG.append((label, collecting.pop("start"), time.perf_counter()))

    gc.callbacks.append(collector)
    try:
        bench_keys.child_game(pack_file, data_dir, rounds, src)
    finally:
        Path(out).write_text(json.dumps(LOG), encoding="utf-8")


def timeline(log: list[tuple[str, float, float]], key: str, nth: int) -> None:
    """Print the `nth` `key` (from the start of the run) event by event: when each began, in
    ms after the key, and how long it took."""
    log.sort(key=lambda entry: entry[1])
    starts = [i for i, entry in enumerate(log) if entry[0] == f"KEY {key}"]
    starts = [i for n, i in enumerate(starts) if n == 0 or log[i][1] - log[starts[n - 1]][1] > 0.01]
    if len(starts) <= nth:
        return
    index = starts[nth]
    start = log[index][1]
    print(f"timeline of {KEYS.get(key, key)} number {nth}: start (ms), took (ms), what")
    for label, begun, ended in log[index:]:
        if label.startswith("KEY ") and label != f"KEY {key}":
            break
        print(f"  {(begun - start) * 1000:7.2f} {(ended - begun) * 1000:6.2f}  {label}")
        if label == f"WRITTEN {key}":
            break


def report(log: list[tuple[str, float, float]]) -> None:
    log.sort(key=lambda entry: entry[1])
    starts = [i for i, entry in enumerate(log) if entry[0].startswith("KEY ")]
    # A key reaches App.on_event more than once (forwarded, then bubbled): keep the first.
    keys = [i for n, i in enumerate(starts) if n == 0 or log[i][1] - log[starts[n - 1]][1] > 0.01]
    to_write: dict[str, list[float]] = defaultdict(list)
    to_out: dict[str, list[float]] = defaultdict(list)
    phases: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    after: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for n, index in enumerate(keys):
        name, start, _ = log[index]
        key = name.removeprefix("KEY ")
        kind = KEYS.get(key)
        if kind is None:
            continue
        end = log[keys[n + 1]][1] if n + 1 < len(keys) else start + 1.0
        drawn = False
        for label, begun, ended in log[index + 1 :]:
            if begun >= end:
                break
            if label == "DRAWN " + key:
                to_write[kind].append(ended - start)
                drawn = True
            elif label == "WRITTEN " + key:
                to_out[kind].append(ended - start)
                break
            elif not label.startswith(("KEY ", "DRAWN ", "WRITTEN ")):
                (after if drawn else phases)[kind][label] += ended - begun
    for kind, times in to_write.items():
        print(
            f"{kind}: key to the frame that shows it, median {statistics.median(times) * 1000:.1f} ms;"
            f" to its bytes written, {statistics.median(to_out[kind] or [0.0]) * 1000:.1f} ms"
        )
        print("  before the frame, mean per key (phases nest: a frame holds its layout and paint)")
        for label, total in sorted(phases[kind].items(), key=lambda item: -item[1]):
            print(f"    {label:<40} {total / len(times) * 1000:6.2f} ms")
        print("  after the frame, before its bytes are written (the writer thread needs the GIL)")
        for label, total in sorted(after[kind].items(), key=lambda item: -item[1]):
            print(f"    {label:<40} {total / len(times) * 1000:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--src", type=Path, default=bench_keys.ROOT / "src")
    parser.add_argument(
        "--timeline", type=int, metavar="N", help="also print the Nth answer and Enter in order"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_game(*args.rest[:2], int(args.rest[2]), *args.rest[3:5])
        return
    with tempfile.TemporaryDirectory(prefix="quizgame-keys-trace-") as folder:
        pack = bench_keys.bench_pack(Path(folder), args.rounds + 1)
        out = Path(folder) / "trace.json"
        command = ["--child", str(pack), str(Path(folder) / "data"), str(args.rounds)]
        terminal = bench_keys.Terminal(
            [*command, str(args.src.resolve()), str(out)], script=Path(__file__).resolve()
        )
        try:
            terminal.read_until(bench_keys.QUESTION)
            terminal.drain(0.5)
            for _ in range(args.rounds):
                terminal.key(b"1", bench_keys.FEEDBACK)
                terminal.key(b"\r", bench_keys.QUESTION)
        finally:
            terminal.close()
        log = json.loads(out.read_text(encoding="utf-8"))
        report(log)
        if args.timeline is not None:
            for key in KEYS:
                timeline(log, key, args.timeline)


if __name__ == "__main__":
    main()
