"""Command benchmark: each read-only command's whole-process time against `import sqlite3`.

Runs each command as a player would (a fresh interpreter, `python -m quizgame.cli`-style through
the installed entry point's `main`), alternating with the baseline `python -c "import sqlite3"`
in the same run, on an empty data folder with one finished session in it. Prints each median,
its ratio to the baseline's (goal: <= 3.0, issue 13) with "met"/"not met", and, for each command,
the modules that cost most to import (`-X importtime`, cumulative, top 5). For reference, no
goal: `python -c "import sqlite3, click"`, what click alone costs (it imports inspect, uuid and
platform, which quizgame.cli defers where it can: see cli/deferred.py); and `packs` and
`validate` with nothing kept in the cache (it cannot be written), what they cost the first time
or after a pack changed (`packs` then parses every pack; after one pack changed, only that one);
and `scores` in the platform's data folder (no --data-dir, no QUIZGAME_DATA_DIR: a home folder
made for the run), as a player runs it: platformdirs finds the folder.

Usage: python bench/bench_commands.py [--runs 9] [--src DIR]. Figures go to
bench/out/bench_commands.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
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


def run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def quizgame(src: Path, args: list[str]) -> list[str]:
    code = (
        f"import sys; sys.path.insert(0, {str(src)!r}); sys.argv = ['quizgame', *{args!r}]; "
        "from quizgame.cli import main; main()"
    )
    return [sys.executable, "-c", code]


def seed_scores(src: Path, data_dir: str, env: dict[str, str]) -> None:
    """One finished session in the score history, so the queries have rows to read."""
    code = f"""
import sys
sys.path.insert(0, {str(src)!r})
sys.path.insert(1, {str(ROOT)!r})
from tests.played import make_pack, play
from pathlib import Path
from quizgame.core import paths
from quizgame.core.scores.store import ScoreStore
store = ScoreStore.open(paths.scores_db(Path({data_dir!r})))
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
        times: dict[str, list[float]] = {"baseline": [], "click": []}
        times |= {name: [] for name in [*named, *reference]}
        every = [("baseline", baseline), ("click", click_alone), *named.items(), *reference.items()]
        for name, command in every:  # warm the byte-code and file caches
            run(command, envs.get(name, env))
        for _ in range(args.runs):
            for name, command in every:
                times[name].append(run(command, envs.get(name, env)))
        importers = {name: top_importers(command, env) for name, command in named.items()}
        importers |= {name: top_importers(cmd, envs[name]) for name, cmd in reference.items()}

    base = statistics.median(times["baseline"])
    print(f"whole commands, {args.runs} runs each, median, against `python -c 'import sqlite3'`")
    print(f"  {'baseline':<10} {base * 1000:7.1f} ms")
    report: dict[str, object] = {"runs": args.runs, "baseline_ms": base * 1000}
    click_ms = statistics.median(times["click"])
    print(
        f"  {'(click)':<10} {click_ms * 1000:7.1f} ms  ratio {click_ms / base:5.2f}  (import click alone)"
    )
    report["click_alone"] = {"ms": click_ms * 1000, "ratio": click_ms / base}
    for name in named:
        median = statistics.median(times[name])
        ratio = median / base
        verdict = "met" if ratio <= GOAL else "not met"
        print(
            f"  {name:<10} {median * 1000:7.1f} ms  ratio {ratio:5.2f}  (goal <= {GOAL}: {verdict})"
        )
        print(f"  {'':<10} top imports: {', '.join(importers[name])}")
        report[name] = {"ms": median * 1000, "ratio": ratio, "top_imports": importers[name]}
    print("  * nothing kept in the cache; ~ the platform's data folder: for reference, no goal")
    for name in reference:
        median = statistics.median(times[name])
        print(f"  {name:<10} {median * 1000:7.1f} ms  ratio {median / base:5.2f}")
        print(f"  {'':<10} top imports: {', '.join(importers[name])}")
        report[name] = {"ms": median * 1000, "ratio": median / base, "top_imports": importers[name]}
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_commands.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
