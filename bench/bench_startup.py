"""Start-up benchmark: quizgame's first usable screen against a minimal Textual app.

"First usable screen" is Home with the packs listed, drawn once. The baseline is a bare Textual
app with the same widgets (title, option list, four selects, selection list, button, footer)
filled with placeholder text and no game code. Both are started the same way, in a fresh
interpreter (`python bench/bench_startup.py --child NAME`), headless at 80x24, alternating, in
the same run; the time is from spawning the process to the child saying it is ready. A first
start of each (not counted) warms the file cache, the pack cache and the byte-code cache.

Target: median(quizgame) / median(baseline) <= 1.2.
Usage: python bench/bench_startup.py [--runs 15] [--packs DIR]...
Figures go to stdout and bench/out/bench_startup.json.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()  # before any heavy import, for the child's own import figure

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
READY = "READY"
SIZE = (80, 24)


def child_quizgame(data_dir: str, packs: list[str]) -> None:
    """The real app, built the way `quizgame` builds it; says READY once Home shows packs."""
    sys.path.insert(0, str(ROOT / "src"))
    from quizgame.cli.common import places
    from quizgame.tui.app import QuizApp

    class Timed(QuizApp):
        def home_ready(self) -> None:
            self.call_after_refresh(self.ready)

        def ready(self) -> None:
            print(f"{READY} {time.perf_counter() - T0:.4f}", flush=True)
            self.exit()

    where = places(data_dir, tuple(packs))
    Timed(pack_dirs=where.pack_dirs, data_dir=where.data).run(headless=True, size=SIZE)


def child_baseline() -> None:
    """A minimal Textual app with Home's widgets and no game code."""
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import Button, Footer, Label, OptionList, Select, SelectionList, Static

    class Baseline(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("title")
            with Horizontal():
                with Vertical():
                    yield OptionList("pack one\n  6 questions", "pack two\n  error")
                with VerticalScroll():
                    yield Static("pack info")
                    for name in ("mode", "count", "difficulty", "spoiler"):
                        with Horizontal():
                            yield Label(name)
                            yield Select([("a", "a"), ("b", "b")], value="a", compact=True)
                    yield Label("Categories")
                    yield SelectionList[str](("x", "x", True), ("y", "y", True))
                    yield Button("Start", compact=True)
            yield Static("")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.ready)

        def ready(self) -> None:
            print(f"{READY} {time.perf_counter() - T0:.4f}", flush=True)
            self.exit()

    Baseline().run(headless=True, size=SIZE)


def spawn(name: str, data_dir: str, packs: list[str]) -> tuple[float, float]:
    """(seconds from spawn to READY, seconds the child counted itself) for one start."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name]
    command += ["--data-dir", data_dir, *(f"--packs={p}" for p in packs)]
    env = {**os.environ, "TEXTUAL": ""}  # no devtools
    # Byte-code is written and reused, as for an installed quizgame (pip compiles on install)
    # and for Textual in the venv: otherwise every start would compile our modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith(READY):
                elapsed = time.perf_counter() - start
                inside = float(line.split()[1])
                child.wait(timeout=30)
                return elapsed, inside
        child.wait(timeout=30)
    raise RuntimeError(f"{name} never became ready (exit code {child.returncode})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--packs", action="append", default=[], help="Extra pack folder.")
    parser.add_argument("--child", choices=["quizgame", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "quizgame":
        child_quizgame(args.data_dir, args.packs)
        return
    if args.child == "baseline":
        child_baseline()
        return

    packs = args.packs or [str(ROOT / "tests" / "data" / "packs")]
    with tempfile.TemporaryDirectory(prefix="quizgame-bench-") as data_dir:
        spawn("quizgame", data_dir, packs)  # warm the OS file cache and the pack cache
        spawn("baseline", data_dir, packs)
        times: dict[str, list[tuple[float, float]]] = {"quizgame": [], "baseline": []}
        for _ in range(args.runs):
            for name in times:  # alternate, so drift in the machine hits both alike
                times[name].append(spawn(name, data_dir, packs))

    report: dict[str, object] = {"runs": args.runs, "size": list(SIZE), "packs": packs}
    print(f"start-up to first usable screen, {args.runs} runs each, headless {SIZE[0]}x{SIZE[1]}")
    for name, samples in times.items():
        wall = [s[0] for s in samples]
        inside = [s[1] for s in samples]
        figures = {
            "median_s": statistics.median(wall),
            "min_s": min(wall),
            "max_s": max(wall),
            "median_in_process_s": statistics.median(inside),
        }
        report[name] = figures
        print(
            f"  {name:<9} median {figures['median_s'] * 1000:6.0f} ms   "
            f"min {figures['min_s'] * 1000:6.0f} ms   max {figures['max_s'] * 1000:6.0f} ms   "
            f"(in process {figures['median_in_process_s'] * 1000:.0f} ms)"
        )
    ratio = statistics.median(s[0] for s in times["quizgame"]) / statistics.median(
        s[0] for s in times["baseline"]
    )
    report["ratio"] = ratio
    verdict = "ok" if ratio <= 1.2 else "OVER TARGET"
    print(f"  ratio quizgame / baseline: {ratio:.2f} (target <= 1.20: {verdict})")
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_startup.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
