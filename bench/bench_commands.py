"""Command benchmark: each read-only command's whole-process time against `import sqlite3`.

Runs each command as a player would: a fresh interpreter running what pip's console script
runs (`import re, sys`, then the entry point that pyproject.toml names), alternating with the
baseline `python -c "import sqlite3"` in the same run, on an empty data folder with one finished
session in it. Prints each median,
its ratio to the baseline's (goal: <= 3.0, issue 13) with "met"/"not met", and, for each command,
the modules that cost most to import (`-X importtime`, cumulative, top 5). For reference, no
goal: `python -c "import sqlite3, click"`, what click alone costs (it imports inspect, uuid and
platform, which quizgame.cli defers where it can: see cli/deferred.py); and `packs` and
`validate` with nothing kept in the cache (it cannot be written), what they cost the first time
or after a pack changed (`packs` then parses every pack; after one pack changed, only that one);
and `scores` in the platform's data folder (no --data-dir, no QUIZGAME_DATA_DIR: a home folder
made for the run, its history seeded as the other's), as a player runs it: platformdirs finds
the folder.

Usage: python bench/bench_commands.py [--runs 9] [--src DIR]. Figures go to
bench/out/bench_commands.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from importers import top_importers  # noqa: E402

OUT = HERE / "out"
GOAL = 3.0
SMALL_PACK = ROOT / "tests" / "data" / "packs" / "all-types.yaml"


def commands(data_dir: str) -> dict[str, list[str]]:
    return {
        "--version": ["--version"],
        "--help": ["--help"],
        "scores": ["scores", "--data-dir", data_dir],
        "history": ["history", "--data-dir", data_dir],
        "packs": ["packs", "--data-dir", data_dir],
        "validate": ["validate", str(SMALL_PACK)],
    }


def cold(data_dir: str) -> dict[str, list[str]]:
    """Commands that reuse what an earlier run kept in the cache, run with nothing kept."""
    return {
        "packs*": ["packs", "--data-dir", data_dir],
        "validate*": ["validate", str(SMALL_PACK)],
    }


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall time, CPU time: user + system) of one whole process, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def entry_point(src: Path) -> str:
    """What the `quizgame` console script calls ("module:function"), as the pyproject.toml
    beside `src` names it (`--src` may be an older checkout, with another entry point)."""
    project = tomllib.loads((src.parent / "pyproject.toml").read_text(encoding="utf-8"))
    entry: str = project["project"]["scripts"]["quizgame"]
    return entry


def quizgame(src: Path, args: list[str]) -> list[str]:
    """`quizgame ARGS...` as a player runs it: the console script pip writes (it imports `re`
    and `sys`, then the entry point), with `src` first on the path."""
    module, _, function = entry_point(src).partition(":")
    code = "\n".join(
        [
            "import re",
            "import sys",
            f"sys.path.insert(0, {str(src)!r})",
            f"from {module} import {function}",
            f"sys.argv = ['quizgame', *{args!r}]",
            "sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])",
            f"sys.exit({function}())",
        ]
    )
    return [sys.executable, "-c", code]


def seed_scores(src: Path, data_dir: str | None, env: dict[str, str]) -> None:
    """One finished session in the score history, so the queries have rows to read; `data_dir`
    None: in the data folder `env` makes quizgame find (the platform's, with no override)."""
    code = f"""
import sys
sys.path.insert(0, {str(src)!r})
sys.path.insert(1, {str(ROOT)!r})
from tests.played import make_pack, play
from quizgame.core import paths
from quizgame.core.scores.store import ScoreStore
store = ScoreStore.open(paths.scores_db(paths.data_dir({data_dir!r})))
play(store, make_pack(), [True, False, True])
store.close()
"""
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--src", type=Path, default=ROOT / "src")
    args = parser.parse_args()
    src = args.src.resolve()
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: byte-code written and reused
    baseline = [sys.executable, "-c", "import sqlite3"]
    click_alone = [sys.executable, "-c", "import sqlite3, click"]
    with tempfile.TemporaryDirectory(prefix="quizgame-bench-commands-") as data_dir:
        env["QUIZGAME_DATA_DIR"] = data_dir
        seed_scores(src, data_dir, env)
        named = {name: quizgame(src, argv) for name, argv in commands(data_dir).items()}
        reference = {name: quizgame(src, argv) for name, argv in cold(data_dir).items()}
        blocked = Path(data_dir) / "not-a-folder"
        blocked.write_text("the cache cannot be written under a file\n")
        cold_env = {**env, "QUIZGAME_CACHE_DIR": str(blocked / "cache")}
        envs = {name: cold_env for name in reference}
        home = Path(data_dir) / "home"
        home.mkdir()
        reference["scores~"] = quizgame(src, ["scores"])
        envs["scores~"] = {
            **{k: v for k, v in env.items() if not k.startswith(("QUIZGAME_", "XDG_"))},
            "HOME": str(home),
        }
        seed_scores(src, None, envs["scores~"])  # a player's history, where platformdirs says
        load_before = os.getloadavg()[0]
        times: dict[str, list[tuple[float, float]]] = {"baseline": [], "click": []}
        times |= {name: [] for name in [*named, *reference]}
        every = [("baseline", baseline), ("click", click_alone), *named.items(), *reference.items()]
        for name, command in every:  # warm the byte-code and file caches
            run(command, envs.get(name, env))
        for _ in range(args.runs):
            for name, command in every:
                times[name].append(run(command, envs.get(name, env)))
        load_after = os.getloadavg()[0]
        importers = {name: top_importers(command, env) for name, command in named.items()}
        importers |= {name: top_importers(cmd, envs[name]) for name, cmd in reference.items()}

    def median(name: str) -> tuple[float, float]:
        return (
            statistics.median(wall for wall, _cpu in times[name]),
            statistics.median(cpu for _wall, cpu in times[name]),
        )

    base, base_cpu = median("baseline")
    print(f"whole commands, {args.runs} runs each, median, against `python -c 'import sqlite3'`")
    print(
        f"  (load average {load_before:.2f} before, {load_after:.2f} after: on a busy machine the"
        " wall ratios grow; the CPU ratios, user + system time, much less)"
    )
    print(f"  {'baseline':<10} {base * 1000:7.1f} ms  cpu {base_cpu * 1000:5.1f} ms")
    report: dict[str, object] = {
        "runs": args.runs,
        "baseline_ms": base * 1000,
        "baseline_cpu_ms": base_cpu * 1000,
        "load_average": [load_before, load_after],
    }

    def row(name: str, label: str, note: str) -> dict[str, object]:
        wall, cpu = median(name)
        print(
            f"  {label:<10} {wall * 1000:7.1f} ms  ratio {wall / base:5.2f}"
            f"  cpu ratio {cpu / base_cpu:5.2f}  {note}".rstrip()
        )
        return {"ms": wall * 1000, "ratio": wall / base, "cpu_ratio": cpu / base_cpu}

    report["click_alone"] = row("click", "(click)", "(import click alone)")
    for name in named:
        verdict = "met" if median(name)[0] / base <= GOAL else "not met"
        report[name] = {
            **row(name, name, f"(goal <= {GOAL}: {verdict})"),
            "top_imports": importers[name],
        }
        print(f"  {'':<10} top imports: {', '.join(importers[name])}")
    print("  * nothing kept in the cache; ~ the platform's data folder: for reference, no goal")
    for name in reference:
        report[name] = {**row(name, name, ""), "top_imports": importers[name]}
        print(f"  {'':<10} top imports: {', '.join(importers[name])}")
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_commands.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
