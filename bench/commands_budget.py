"""Where a read-only command's time goes: a budget of `quizgame scores` and `quizgame history`.

For each command, in fresh interpreters run as the console script runs them (see
bench_commands.py), the median of: the interpreter's start (process start to the first line of
the script), loading the command line (the entry point and `quizgame.cli`: click and ours),
choosing the command (click parsing the group, importing the command's module), its options
(click parsing them), the command itself (its callback: the store opened, queried, closed,
the output written), its ending (click and `main` winding up, until SystemExit), and the exit
(to the process's end). Then, from `-X importtime` (self times, median of 5 runs), every
module the command imports beyond `python -c "import sqlite3, click"`, and the total of
click's imports that the command does not make (what quizgame.cli defers). Times under
-X importtime run high: read them against each other.

Usage: python bench/commands_budget.py [--runs 15] [--src DIR]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_commands import entry_point, seed_scores  # noqa: E402
from importers import importtime_lines  # noqa: E402

# The console script's steps, with a stamp (time.time(), shared by processes) after each.
SCRIPT = r"""
import time
started = time.time()
import re
import sys
sys.path.insert(0, {src!r})
from {module} import {function}
pause = getattr(sys.modules["{module}"], "pause", None)  # quizgame.start: as its main does,
if pause:  # before loading the command line (main's own call then finds it paused already)
    pause()
import quizgame.cli
loaded = time.time()
stamps = {{}}
group = quizgame.cli.QuizgameGroup
chosen = group.get_command
def get_command(self, ctx, name):
    command = chosen(self, ctx, name)
    stamps.setdefault("chosen", time.time())
    callback = command.callback
    def timed(*args, **kwargs):
        stamps["begun"] = time.time()
        try:
            return callback(*args, **kwargs)
        finally:
            stamps["done"] = time.time()
    command.callback = timed
    return command
group.get_command = get_command
sys.argv = ["quizgame", *{args!r}]
sys.argv[0] = re.sub(r"(-script\.pyw|\.exe)?$", "", sys.argv[0])
try:
    {function}()
finally:
    sys.stderr.write(f"STAMPS {{started}} {{loaded}} {{stamps['chosen']}} {{stamps['begun']}} "
                     f"{{stamps['done']}} {{time.time()}}\n")
"""

STAGES = ("interpreter", "load cli", "choose", "options", "command", "ending", "exit", "total")


def budget(src: Path, args: list[str], env: dict[str, str], runs: int) -> list[float]:
    """The median of each stage in STAGES, in ms."""
    module, _, function = entry_point(src).partition(":")
    code = SCRIPT.format(src=str(src), module=module, function=function, args=args)
    rows = []
    for _ in range(runs + 1):
        start = time.time()
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        end = time.time()
        line = [x for x in done.stderr.splitlines() if x.startswith("STAMPS ")][-1]
        started, loaded, chosen, begun, ended, exiting = map(float, line.split()[1:])
        rows.append(
            [
                started - start,
                loaded - started,
                chosen - loaded,
                begun - chosen,  # click parses the command's own options
                ended - begun,
                exiting - ended,  # click and `main` wind up, up to SystemExit
                end - exiting,
                end - start,
            ]
        )
    return [statistics.median(stage) * 1000 for stage in zip(*rows[1:], strict=True)]


_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def self_times(command: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    """Each module's median self time (ms) under -X importtime."""
    seen: dict[str, list[int]] = {}
    for _ in range(runs):
        for line in importtime_lines(command, env):
            match = _LINE.match(line)
            if match:
                seen.setdefault(match[4], []).append(int(match[1]))
    return {name: statistics.median(times) / 1000 for name, times in seen.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--src", type=Path, default=HERE.parent / "src")
    options = parser.parse_args()
    src = options.src.resolve()
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: byte-code written and reused
    with tempfile.TemporaryDirectory(prefix="quizgame-budget-") as data_dir:
        env["QUIZGAME_DATA_DIR"] = data_dir
        seed_scores(src, data_dir, env)
        click_alone = self_times([sys.executable, "-c", "import sqlite3, click"], env, 5)
        print(f"median of {options.runs} fresh processes each, ms ({src})")
        print("  " + " ".join(f"{stage:>11}" for stage in ("", *STAGES)))
        imported = {}
        for name in ("scores", "history"):
            args = [name, "--data-dir", data_dir]
            figures = budget(src, args, env, options.runs)
            print("  " + " ".join(f"{x:>11}" for x in (name, *(f"{f:.1f}" for f in figures))))
            module, _, function = entry_point(src).partition(":")
            script = (
                f"import re, sys; sys.path.insert(0, {str(src)!r}); from {module} import "
                f"{function}; sys.argv = ['quizgame', *{args!r}]; {function}()"
            )
            imported[name] = self_times([sys.executable, "-c", script], env, 5)
    for name, times in imported.items():
        extra = {m: t for m, t in times.items() if m not in click_alone}
        spared = sum(t for m, t in click_alone.items() if m not in times)
        print(f"{name}: beyond `import sqlite3, click`, self ms under -X importtime")
        print(f"  {sum(extra.values()):.1f} ms in all; click's own imports spared: {spared:.1f} ms")
        ranked = sorted(extra.items(), key=lambda item: -item[1])
        for start in range(0, len(ranked), 4):
            print("  " + "  ".join(f"{m} {t:.2f}" for m, t in ranked[start : start + 4]))


if __name__ == "__main__":
    main()
