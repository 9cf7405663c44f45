"""Hostile and worst-case packs: time and peak memory of loading each, against its file size.

Makes each input in a temporary folder (nothing large is committed), then loads it in a fresh
process twice: without a cache entry (parse and check) and again from the cache. Prints the
file size, the time, the peak memory (growth of the peak resident size) and the peak as a multiple of the file size,
with the documented bound (docs/pack-format.md, "Limits") and "met" or "not met".

Inputs: a valid pack (--questions, 10,000 by default); the issue's alias pack (one 99,000-character
title reused in 2,000 questions); a million duplicate tags; a broken pack of --questions (its
failure is cached too); an ordering question of 10,000 items; a file past the size cap (sparse:
it takes no disk).
Usage: python bench/bench_hostile.py [--questions 10000] [--duplicates 1000000]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from bench_load import make_pack  # noqa: E402

from quizgame.core.packs.limits import MAX_FILE_BYTES, PEAK_FLOOR_BYTES, PEAK_MULTIPLE  # noqa: E402

# Peak memory is the growth of the process's peak resident size (VmHWM) over its resident size
# before loading: tracemalloc would slow the load several times over, and misses C buffers.
# (ru_maxrss would do elsewhere, but Linux keeps it across exec: the child would inherit the
# bench's own peak.)
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {src!r})
from pathlib import Path
from quizgame.core.packs import cache, check, positions, yaml_reader
from quizgame.core.packs.read import load_pack
def status(field):
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
before = status("VmRSS")
start = time.perf_counter()
result = load_pack(Path({path!r}), cache_dir=Path({cache!r}))
seconds = time.perf_counter() - start
peak = status("VmHWM") - before
first = str(result.problems[0])[:90] if result.problems else "ok"
print(json.dumps([seconds, peak, len(result.problems), first]))
"""


def measure(path: Path, cache: Path) -> tuple[float, int, int, str]:
    code = CHILD.format(src=str(HERE.parent / "src"), path=str(path), cache=str(cache))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, peak, problems, first = json.loads(out.stdout)
    return seconds, peak, problems, first


def aliases(path: Path, _n: int) -> None:
    title = "x" * 99_000
    lines = [f"id: aliases\ntitle: &t {title}\nquestions:"]
    lines += [f"- {{id: q{i}, type: true_false, prompt: *t, answer: true}}" for i in range(2_000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def duplicates(count: int) -> Callable[[Path, int], None]:
    def make(path: Path, _n: int) -> None:
        head = "id: dups\ntitle: D\nquestions:\n- id: q\n  type: true_false\n  prompt: x\n"
        path.write_text(head + "  answer: true\n  tags: [" + ", ".join(["a"] * count) + "]\n")

    return make


def valid(path: Path, n: int) -> None:
    make_pack(n, path)


def broken(path: Path, n: int) -> None:
    make_pack(n, path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("- {id: last, type: numeric, prompt: x, answer: 0x_}\n")


def items(path: Path, _n: int) -> None:
    listed = ", ".join(f"item {i}" for i in range(10_000))
    path.write_text(
        f"id: items\ntitle: I\nquestions:\n- {{id: q, type: ordering, prompt: x, items: [{listed}]}}\n"
    )


def over_cap(path: Path, _n: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--duplicates", type=int, default=1_000_000)
    args = parser.parse_args()
    inputs: list[tuple[str, Callable[[Path, int], None]]] = [
        (f"valid, {args.questions:,} questions", valid),
        ("aliases: 99,000 chars x 2,000", aliases),
        (f"{args.duplicates:,} duplicate tags", duplicates(args.duplicates)),
        (f"broken, {args.questions:,} questions", broken),
        ("ordering of 10,000 items", items),
        ("past the size cap (sparse)", over_cap),
    ]
    bound = f"peak <= {PEAK_MULTIPLE}x file + {PEAK_FLOOR_BYTES // 2**20} MiB"
    print(
        f"{'input':34} {'file':>10} {'load':>14} {'peak':>9} {'peak/file':>9} {'cached':>8}  {bound}"
    )
    verdicts = []
    with tempfile.TemporaryDirectory() as folder:
        for i, (name, make) in enumerate(inputs):
            path = Path(folder) / f"input-{i}.yaml"
            make(path, args.questions)
            size = path.stat().st_size
            cache = Path(folder) / f"cache-{i}"
            seconds, peak, problems, first = measure(path, cache)
            again, _peak, problems_again, _ = measure(path, cache)
            assert problems_again == problems
            met = peak <= PEAK_MULTIPLE * size + PEAK_FLOOR_BYTES
            verdicts.append(met)
            print(
                f"{name:34} {size / 2**20:8.2f}MB {seconds:7.2f}s {problems:4}pb"
                f" {peak / 2**20:7.1f}MB {peak / size:8.2f}x {again:7.3f}s"
                f"  {'met' if met else 'NOT MET'}   {first[-60:]}"
            )
            path.unlink()
    print(
        f"memory bound: {'met' if all(verdicts) else 'not met'} for {sum(verdicts)} of {len(verdicts)}"
    )


if __name__ == "__main__":
    main()
