"""Pack loading benchmark: quizgame's load+validate against PyYAML's C loader alone.

Makes packs of 1k, 10k and 100k questions (in bench/out/, ignored by git) and prints, for each:
- first load (no cache) time as a ratio to `yaml.load(f, Loader=yaml.CSafeLoader)` on the same file;
- peak memory of each (tracemalloc, each in a fresh subprocess), and their ratio;
- a repeated load of the unchanged pack (cache hit) as a speed-up over the naive parse.

Targets at 100k: first-load ratio <= 1.0, peak memory <= 0.5 of naive, repeated load >= 20x faster.
Usage: python bench/bench_load.py [--sizes 1000,10000,100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from quizgame.core.packs.read import load_pack  # noqa: E402
from quizgame.core.packs.write import dump_pack  # noqa: E402

OUT = HERE / "out"
WORDS = [
    "film",
    "mother",
    "daughter",
    "photographer",
    "village",
    "grave",
    "hospital",
    "camera",
    "light",
    "madrid",
]


def make_pack(n: int, path: Path) -> None:
    """A pack of `n` questions cycling through all six types, with accents and long prompts."""
    rng = random.Random(n)
    questions = []
    for i in range(n):
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        base = {"id": f"q{i}", "prompt": f"Question {i}: which {words}, según Almodóvar?"}
        kind = i % 6
        if kind == 0:
            choices = [f"Choice {i}-{c} Penélope" for c in range(4)]
            q = {**base, "type": "multiple_choice", "choices": choices, "answer": choices[i % 4]}
        elif kind == 1:
            q = {**base, "type": "true_false", "answer": bool(i % 2)}
        elif kind == 2:
            q = {**base, "type": "typed", "answer": f"Answer {i}", "accept": [f"Alt {i}"]}
        elif kind == 3:
            q = {
                **base,
                "type": "numeric",
                "answer": 1900 + i % 120,
                "tolerance": 1,
                "unit": "year",
            }
        elif kind == 4:
            q = {**base, "type": "ordering", "items": [f"Step {i}.{s}" for s in range(4)]}
        else:
            q = {**base, "type": "matching", "pairs": {f"L{i}.{s}": f"R{i}.{s}" for s in range(3)}}
        q.update(
            difficulty=("easy", "medium", "hard")[i % 3],
            category=f"category {i % 9}",
            explanation=f"Because {words}.",
            source="bench",
        )
        questions.append(q)
    pack = {
        "id": f"bench-{n}",
        "title": f"Bench {n}",
        "version": 1,
        "language": "en",
        "questions": questions,
    }
    path.write_text(dump_pack(pack), encoding="utf-8")


def naive(path: Path) -> object:
    with path.open("rb") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def best_time(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


MEMORY_CHILD = """
import sys, tracemalloc
sys.path.insert(0, {src!r})
import yaml
from pathlib import Path
from quizgame.core.packs.read import load_pack
path = Path({path!r})
tracemalloc.start()
if {which!r} == "naive":
    with path.open("rb") as f:
        data = yaml.load(f, Loader=yaml.CSafeLoader)
else:
    data = load_pack(path)
    assert data.ok, data.problems[:3]
print(tracemalloc.get_traced_memory()[1])
"""


def peak_memory(which: str, path: Path) -> int:
    code = MEMORY_CHILD.format(src=str(HERE.parent / "src"), path=str(path), which=which)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        path = OUT / f"pack-{n}.yaml"
        if not path.exists():
            make_pack(n, path)
        cache = OUT / f"cache-{n}"
        shutil.rmtree(cache, ignore_errors=True)
        repeat = args.repeat if n <= 10_000 else max(1, args.repeat - 1)

        t_naive = best_time(lambda p=path: naive(p), repeat)
        t_first = best_time(lambda p=path: load_pack(p), repeat)
        result = load_pack(path, cache_dir=cache)  # fills the cache
        assert result.ok, result.problems[:3]
        t_cached = best_time(lambda p=path, c=cache: load_pack(p, cache_dir=c), repeat + 2)
        assert load_pack(path, cache_dir=cache).pack == result.pack
        m_naive = peak_memory("naive", path)
        m_ours = peak_memory("quizgame", path)
        rows.append(
            {
                "questions": n,
                "file_mb": round(path.stat().st_size / 1e6, 2),
                "naive_s": round(t_naive, 4),
                "first_load_s": round(t_first, 4),
                "first_load_ratio": round(t_first / t_naive, 3),
                "cached_load_s": round(t_cached, 4),
                "cached_speedup": round(t_naive / t_cached, 1),
                "naive_peak_mb": round(m_naive / 1e6, 1),
                "peak_mb": round(m_ours / 1e6, 1),
                "peak_ratio": round(m_ours / m_naive, 3),
            }
        )
        r = rows[-1]
        print(
            f"{n:>7} questions ({r['file_mb']} MB): first load {r['first_load_s']:.3f}s = "
            f"{r['first_load_ratio']:.2f}x naive ({r['naive_s']:.3f}s); cached {r['cached_load_s']:.4f}s = "
            f"{r['cached_speedup']:.0f}x faster than naive; peak {r['peak_mb']} MB = "
            f"{r['peak_ratio']:.2f}x naive ({r['naive_peak_mb']} MB)",
            flush=True,
        )
    (OUT / "bench_load.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
