"""Key benchmark: from the key that answers to the feedback on the terminal, and from the key
that goes on to the next question drawn, against a one-label Textual app.

Each app runs in its own process on a real pseudo-terminal (80x24, Textual's own Linux driver,
as in a player's terminal): this script writes a key to the terminal and times until the bytes
the app writes back contain what the player waits for ("Next question (Enter)" after an
answer; the next question's "Press 1-4" after Enter). The baseline is an app with one Label
that shows how many keys it got, timed the same way. The apps take turns (baseline, game,
baseline, game ...), in the same run, so drift in the machine hits both alike.

Goals (issue 13): median(answer) / median(baseline) <= 2.0, median(next) / median(baseline)
<= 2.5. On a busy machine those wall-clock times stretch with the load, the game's more than
the baseline's (it has more to do when it gets a core), so the script also prints the CPU time
each app's process spent per key (from /proc, summed over the run: the kernel counts in 10 ms
ticks), which the load changes much less. `--src DIR` plays another checkout's `src` (the "before" figures, from the same
sitting). Usage: python bench/bench_keys.py [--rounds 30] [--turns 2] [--src DIR].
Figures go to stdout and bench/out/bench_keys.json.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import re
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
SIZE = (80, 24)
GOAL_ANSWER = 2.0
GOAL_NEXT = 2.5
SETTLE_S = 0.15  # between keys: a player reads; the app finishes what it does after a frame
ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=$ ]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Z]")

FEEDBACK = (b"Next question (Enter)", b"See the results (Enter)")
QUESTION = (b"Press 1-4",)
BASELINE_READY = b"keys 0!"


def bench_pack(folder: Path, count: int) -> Path:
    """A pack of `count` multiple-choice questions (with an explanation, as feedback shows)."""
    lines = ["id: bench-keys", "title: Key bench", "questions:"]
    for n in range(count):
        lines += [
            f"  - id: q{n}",
            "    type: multiple_choice",
            f"    prompt: Which of these is choice number {n % 4 + 1} in bench question {n}?",
            f"    choices: [first {n}, second {n}, third {n}, fourth {n}]",
            f"    answer: {['first', 'second', 'third', 'fourth'][n % 4]} {n}",
            "    category: bench",
            f"    explanation: Question {n} has its answer in place {n % 4 + 1}.",
        ]
    path = folder / "bench-keys.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def child_game(pack_file: str, data_dir: str, rounds: int, src: str) -> None:
    sys.path.insert(0, src)
    from quizgame.core.packs.read import require_pack
    from quizgame.core.play.dealing import SessionOptions
    from quizgame.tui.app import QuizApp

    pack = require_pack(Path(pack_file))
    options = SessionOptions(count=rounds + 1, seed=1)
    QuizApp(data_dir=Path(data_dir), start_pack=pack, start_options=options).run()


def child_baseline() -> None:
    from textual.app import App, ComposeResult
    from textual.events import Key
    from textual.widgets import Label

    class OneLabel(App[None]):
        keys = 0

        def compose(self) -> ComposeResult:
            yield Label("keys 0!")

        def on_key(self, event: Key) -> None:
            if event.key == "ctrl+q":
                self.exit()
                return
            self.keys += 1
            self.query_one(Label).update(f"keys {self.keys}!")

    OneLabel().run()


class Terminal:
    """A child process on a pseudo-terminal: write keys, read until the screen says something."""

    def __init__(self, args: list[str], script: Path | None = None) -> None:
        """Run `script` (this file unless given) with `args` on a new pseudo-terminal."""
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "TEXTUAL": "", "COLORTERM": "truecolor"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        command = [sys.executable, str(script or Path(__file__).resolve()), *args]
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)

    def read_until(self, markers: tuple[bytes, ...], timeout: float = 20.0) -> float:
        """Seconds until the output (escapes removed) holds one of `markers`."""
        start = time.perf_counter()
        seen = b""
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"never saw {markers!r}; last: {seen[-300:]!r}")
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                seen += ESCAPES.sub(b"", os.read(self.master, 65536))
                if any(marker in seen for marker in markers):
                    return time.perf_counter() - start

    def drain(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    os.read(self.master, 65536)
                except OSError:
                    return

    def cpu(self) -> float:
        """Seconds of CPU the child has used so far (user and system; 0 if /proc cannot say)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def key(self, data: bytes, markers: tuple[bytes, ...], cpu: list[float] | None = None) -> float:
        """Seconds from writing `data` to seeing one of `markers`; the CPU the child spent on
        the key (until it settles) is added to `cpu`."""
        before = self.cpu()
        os.write(self.master, data)
        elapsed = self.read_until(markers)
        self.drain(SETTLE_S)
        if cpu is not None:
            cpu.append(self.cpu() - before)
        return elapsed

    def close(self) -> None:
        try:
            os.write(self.master, b"\x11")  # ctrl+q
            if self.process.poll() is None:
                self.read_until((b"Quit quizgame?",), timeout=5)
                os.write(self.master, b"y")  # yes
            self.drain(0.2)
        except (OSError, TimeoutError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.master)


CPU: dict[str, list[float]] = {"baseline": [], "answer": [], "next": []}


def run_baseline(rounds: int) -> list[float]:
    terminal = Terminal(["--child", "baseline"])
    try:
        terminal.read_until((BASELINE_READY,))
        terminal.drain(0.5)
        return [
            terminal.key(b"1", (f"keys {n}!".encode(),), CPU["baseline"])
            for n in range(1, 2 * rounds + 1)
        ]
    finally:
        terminal.close()


def run_game(pack: Path, data_dir: str, rounds: int, src: Path) -> tuple[list[float], list[float]]:
    terminal = Terminal(["--child", "game", str(pack), data_dir, str(rounds), str(src)])
    answers: list[float] = []
    nexts: list[float] = []
    try:
        terminal.read_until(QUESTION)
        terminal.drain(0.5)
        for _ in range(rounds):
            answers.append(terminal.key(b"1", FEEDBACK, CPU["answer"]))
            nexts.append(terminal.key(b"\r", QUESTION, CPU["next"]))
        return answers, nexts
    finally:
        terminal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="answers per turn")
    parser.add_argument("--turns", type=int, default=2, help="turns of each app")
    parser.add_argument(
        "--src", type=Path, default=ROOT / "src", help="the game's sources (another checkout's)"
    )
    parser.add_argument("--child", choices=["game", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "baseline":
        child_baseline()
        return
    if args.child == "game":
        child_game(args.rest[0], args.rest[1], int(args.rest[2]), args.rest[3])
        return

    baseline: list[float] = []
    answers: list[float] = []
    nexts: list[float] = []
    with tempfile.TemporaryDirectory(prefix="quizgame-bench-keys-") as folder:
        pack = bench_pack(Path(folder), args.rounds + 1)
        for turn in range(args.turns):
            baseline += run_baseline(args.rounds)
            data_dir = str(Path(folder) / f"data{turn}")
            more_answers, more_nexts = run_game(pack, data_dir, args.rounds, args.src.resolve())
            answers += more_answers
            nexts += more_nexts

    def ms(samples: list[float]) -> str:
        return (
            f"median {statistics.median(samples) * 1000:6.1f} ms   "
            f"min {min(samples) * 1000:6.1f}   max {max(samples) * 1000:6.1f}"
        )

    base = statistics.median(baseline)
    ratio_answer = statistics.median(answers) / base
    ratio_next = statistics.median(nexts) / base
    print(f"key to screen, {args.turns} turns of {args.rounds} rounds, pty {SIZE[0]}x{SIZE[1]}")
    print(f"  baseline (one Label)     {ms(baseline)}")
    print(f"  answer -> feedback       {ms(answers)}")
    print(f"  Enter -> next question   {ms(nexts)}")
    for name, ratio, goal in (
        ("answer / baseline", ratio_answer, GOAL_ANSWER),
        ("next / baseline", ratio_next, GOAL_NEXT),
    ):
        verdict = "met" if ratio <= goal else "not met"
        print(f"  ratio {name:<18} {ratio:5.2f}  (goal <= {goal}: {verdict})")
    cpu = {name: sum(spent) / len(spent) * 1000 if spent else 0.0 for name, spent in CPU.items()}
    print(
        f"  CPU per key (ms): baseline {cpu['baseline']:.1f}, answer {cpu['answer']:.1f} "
        f"({cpu['answer'] / cpu['baseline'] if cpu['baseline'] else 0:.2f}x), "
        f"next {cpu['next']:.1f} ({cpu['next'] / cpu['baseline'] if cpu['baseline'] else 0:.2f}x)"
        f"; load average {os.getloadavg()[0]:.2f}"
    )
    OUT.mkdir(exist_ok=True)
    report = {
        "rounds": args.rounds,
        "turns": args.turns,
        "baseline_ms": base * 1000,
        "answer_ms": statistics.median(answers) * 1000,
        "next_ms": statistics.median(nexts) * 1000,
        "ratio_answer": ratio_answer,
        "ratio_next": ratio_next,
        "cpu_ms_per_key": cpu,
        "load_average": os.getloadavg()[0],
    }
    (OUT / "bench_keys.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
