"""Start-up benchmark: quizgame's first usable screen against a minimal Textual app.

"First usable screen" is Home with the packs listed, drawn once: as the summary index lists
them where no pack file changed since it was written (the packs are read just after; a key
pressed before acts once they are), else as read. The baseline is a bare Textual app with the
same widgets (title, option list, four selects, selection list, button, footer) filled with
placeholder text and no game code. Both are started the same way, in a fresh interpreter
(`python bench/bench_startup.py --child NAME`), headless at 80x24, alternating, in the same
run; the time is from spawning the process to the child saying it is ready. A first start of
each (not counted) warms the file cache, the pack cache and summary index, and the byte-code
cache. The data folder holds Home's remembered choices (settings.json), as after a first
session.

Four children: `app` is QuizApp built as `quizgame` builds it (`cli/play.run_game`); `command`
is the whole `quizgame play` command (click and every command module imported first);
`baseline` is the bare app; `stall` (below). Target: median(app) / median(baseline) <= 1.1
(issue 13): the goal reads this figure. Printed beside it: the ratio of the fastest starts; of
the CPU time each child had used when ready (its interpreter's start included; the start is
CPU-bound, so on an idle machine it nearly equals the wall time, and on a busy one it moves
less); of the app's time to the packs read (Home's list does not change then); and of the time
to the footer's keys drawn (each app's footer builds them just after its first frame, so READY
comes before them in both: Home shows 7 keys, the bare app 1). The
command's ratio is printed too, since what the command line imports before the game is its
own cost. Then the app's top imports (`-X importtime`, one run on a warm pack cache, as the
timed starts, up to the packs read); the stall after Home (child `stall`: the worst lateness of
a 10 ms timer in the 1.5 s after Home is drawn with the packs read, when the learn counts and
the rest of the stylesheet come; five starts on a warm pack cache); and how long Textual takes
to parse quizgame.tcss alone as the app hands it over before its first frame (compacted, and
only Home's rules: `tui/stylesheet.py`, where the checkout has it; the fastest of five), which
the bare app has no share of.

Method changes: 21 runs each by default (15 before); the CPU, packs-read and footer-keys
figures added with Home's listing from the summary index (issue 13).
Usage: python bench/bench_startup.py [--runs 21] [--packs DIR]... [--src DIR] (another
checkout's src, for a before figure measured in the same sitting; an app without the listing
is ready when its packs are read).
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
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import NamedTuple  # noqa: E402

import startup_children  # noqa: E402  # beside this script (its folder is on sys.path)
from startup_children import CHILDREN, KEYS, LOADED, READY, SIZE, STALL_WINDOW  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TARGET = 1.1  # issue 13
SRC = ROOT / "src"  # whose quizgame the app and command children run (--src)


def stylesheet_seconds(repeat: int = 5) -> tuple[float, float]:
    """(what the app parses of quizgame.tcss before its first frame, the whole file as the app
    hands it over): the fastest of `repeat` parses of each by Textual, with the default
    theme's variables. The app hands it over compacted, and only Home's rules before Home
    (`tui/stylesheet.py`), where the checkout does."""
    from textual.app import App
    from textual.css.stylesheet import Stylesheet

    path = SRC / "quizgame" / "tui" / "quizgame.tcss"
    whole = first = path.read_text(encoding="utf-8")
    if (path.parent / "stylesheet.py").exists():
        sys.path.insert(0, str(SRC))
        from quizgame.tui import stylesheet as sheet

        whole = first = sheet.compact(whole)
        if hasattr(sheet, "home_css"):
            first = sheet.home_css(path)
    variables = App().get_css_variables()

    def fastest(css: str) -> float:
        best = float("inf")
        for _ in range(repeat):
            stylesheet = Stylesheet(variables=variables)
            start = time.perf_counter()
            stylesheet.add_source(css, read_from=(str(path), ""))
            stylesheet.parse()
            best = min(best, time.perf_counter() - start)
        return best

    return fastest(first), fastest(whole)


def returning_player(data_dir: str) -> None:
    """Home's remembered choices in `data_dir`, as any start after a first session finds them
    (reading them is part of the app's start; the bare app has nothing to read)."""
    choices = {"home": {"mode": "classic", "count": 10, "spoiler": "none", "categories": {}}}
    (Path(data_dir) / "settings.json").write_text(json.dumps(choices), encoding="utf-8")


class Start(NamedTuple):
    """One start's figures, in seconds."""

    wall: float  # from spawning the child to its READY line
    inside: float  # the child's own count to READY (after its interpreter started)
    cpu: float  # CPU time the child had used at READY, its interpreter's start included
    loaded: float | None  # from spawning to LOADED (the app's packs read), if it says so
    keys: float | None  # from spawning to KEYS (the footer's keys drawn), if it says so


def spawn(name: str, data_dir: str, packs: list[str]) -> Start:
    """One start of the child `name`."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name, f"--src={SRC}"]
    command += ["--data-dir", data_dir, *(f"--packs={p}" for p in packs)]
    env = {**os.environ, "TEXTUAL": ""}  # no devtools
    # Byte-code is written and reused, as for an installed quizgame (pip compiles on install)
    # and for Textual in the venv: otherwise every start would compile our modules from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    ready: tuple[float, float, float] | None = None
    loaded = keys = None
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as child:
        assert child.stdout is not None
        for line in child.stdout:
            word, *figures = line.split()
            if word == READY:
                ready = (time.perf_counter() - start, float(figures[0]), float(figures[1]))
            elif word == LOADED:
                loaded = time.perf_counter() - start
            elif word == KEYS:
                keys = time.perf_counter() - start
        child.wait(timeout=30)
    if ready is None:
        raise RuntimeError(f"{name} never became ready (exit code {child.returncode})")
    return Start(*ready, loaded, keys)


def stall_seconds(data_dir: str, packs: list[str]) -> float:
    """One start's worst UI block after Home (`child_stall`), in seconds."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "stall", f"--src={SRC}"]
    command += ["--data-dir", data_dir, *(f"--packs={p}" for p in packs)]
    env = {**os.environ, "TEXTUAL": ""}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    for line in done.stdout.splitlines():
        if line.startswith("STALL"):
            return float(line.split()[1])
    raise RuntimeError(f"the stall child said nothing (exit code {done.returncode})")


def main() -> None:
    global SRC  # the children read it too
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument(
        "--packs", action="append", default=[], help="Another pack folder (the bundled are read)."
    )
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="The checkout's src to run.")
    parser.add_argument("--child", choices=[*CHILDREN, "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    SRC = args.src.resolve()
    startup_children.SRC, startup_children.T0 = SRC, T0
    if args.child == "baseline":
        startup_children.child_baseline()
        return
    if args.child:
        CHILDREN[args.child](args.data_dir, args.packs)
        return

    packs = args.packs  # the bundled packs are always looked at, as `quizgame` does
    with tempfile.TemporaryDirectory(prefix="quizgame-bench-") as data_dir:
        returning_player(data_dir)
        times: dict[str, list[Start]] = {"app": [], "command": [], "baseline": []}
        for name in times:  # warm the OS file cache, the pack cache and the byte-code
            spawn(name, data_dir, packs)
        for _ in range(args.runs):
            for name in times:  # alternate, so drift in the machine hits both alike
                times[name].append(spawn(name, data_dir, packs))

    report: dict[str, object] = {"runs": args.runs, "size": list(SIZE), "packs": packs}
    report["src"] = str(SRC)
    print(f"start-up to first usable screen, {args.runs} runs each, headless {SIZE[0]}x{SIZE[1]}")
    print("  app: QuizApp as `quizgame` builds it; command: `quizgame play` itself")
    print(f"  quizgame from {SRC}")
    for name, samples in times.items():
        wall = [s.wall for s in samples]
        figures = {
            "median_s": statistics.median(wall),
            "min_s": min(wall),
            "max_s": max(wall),
            "median_in_process_s": statistics.median(s.inside for s in samples),
            "median_cpu_s": statistics.median(s.cpu for s in samples),
        }
        loaded = [s.loaded for s in samples if s.loaded is not None]
        if loaded:
            figures["median_loaded_s"] = statistics.median(loaded)
        report[name] = figures
        print(
            f"  {name:<8} median {figures['median_s'] * 1000:6.0f} ms   "
            f"min {figures['min_s'] * 1000:6.0f} ms   max {figures['max_s'] * 1000:6.0f} ms   "
            f"(in process {figures['median_in_process_s'] * 1000:.0f} ms, "
            f"CPU {figures['median_cpu_s'] * 1000:.0f} ms)"
        )

    def ratio_of(
        name: str, pick: Callable[[list[float]], float], figure: Callable[[Start], float | None]
    ) -> float:
        def picked(of: str) -> float:
            return pick([f for f in map(figure, times[of]) if f is not None])

        return picked(name) / picked("baseline")

    def wall(start: Start) -> float:
        return start.wall

    ratio = ratio_of("app", statistics.median, wall)
    report["ratio"] = ratio
    report["ratio_of_minimums"] = ratio_of("app", min, wall)
    report["ratio_cpu"] = ratio_of("app", statistics.median, lambda s: s.cpu)
    report["ratio_loaded"] = ratio_of("app", statistics.median, lambda s: s.loaded or s.wall)
    report["ratio_keys"] = ratio_of("app", statistics.median, lambda s: s.keys)
    report["ratio_command"] = ratio_of("command", statistics.median, wall)
    verdict = "met" if ratio <= TARGET else "not met"
    print(
        f"  ratio app / baseline:     {ratio:.2f} median (the goal's figure: target <= "
        f"{TARGET:.2f}, {verdict}); {report['ratio_of_minimums']:.2f} fastest, "
        f"{report['ratio_cpu']:.2f} CPU time"
    )
    print(
        f"  ratio app / baseline to the packs read: {report['ratio_loaded']:.2f} median "
        "(Home lists them from the summary index first, where no pack file changed)"
    )
    print(
        f"  ratio app / baseline to the footer's keys drawn: {report['ratio_keys']:.2f} median "
        "(both build them just after their first frame: Home's 7, the bare app's 1)"
    )
    print(
        f"  ratio command / baseline: {report['ratio_command']:.2f} median "
        "(the command line's own imports included)"
    )
    sys.path.insert(0, str(HERE))
    from importers import top_importers

    env = {**os.environ, "TEXTUAL": ""}
    with tempfile.TemporaryDirectory(prefix="quizgame-bench-") as data_dir:
        returning_player(data_dir)
        spawn("app", data_dir, packs)  # the pack cache, as in the starts timed above
        command = [sys.executable, str(Path(__file__).resolve()), "--child", "app", f"--src={SRC}"]
        top = top_importers([*command, "--data-dir", data_dir], env, count=8)
    report["app_top_imports"] = top
    print(f"  the app's top imports (warm pack cache, as timed): {', '.join(top)}")
    with tempfile.TemporaryDirectory(prefix="quizgame-bench-") as data_dir:
        returning_player(data_dir)
        spawn("app", data_dir, packs)  # the pack cache, as on any start but the first
        stalls = sorted(stall_seconds(data_dir, packs) for _ in range(5))
    report["stall_after_home_s"] = stalls
    print(
        f"  stall after Home (learn counts, the rest of the stylesheet): median {statistics.median(stalls) * 1000:.0f} ms, "
        f"worst {stalls[-1] * 1000:.0f} ms of 5 (the longest the UI is blocked in the "
        f"{STALL_WINDOW:g} s after Home is drawn with the packs)"
    )
    parse, whole = stylesheet_seconds()
    share = parse / statistics.median(s.wall for s in times["baseline"])
    report["stylesheet_parse_s"] = parse
    report["stylesheet_parse_whole_s"] = whole
    print(
        f"  quizgame.tcss parsed alone: {parse * 1000:.0f} ms before the first frame, {share:.0%} "
        f"of the bare app's start ({whole * 1000:.0f} ms for the whole file; the bare app has "
        "no stylesheet of its own)"
    )
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_startup.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
