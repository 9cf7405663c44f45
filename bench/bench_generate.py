"""Pack generation benchmark: time to turn the Parallel Mothers facts into its pack.

Prints the best and median of several runs, each split into its stages, with a same-run baseline
(PyYAML's C loader reading the committed pack) so the figure can be compared across machines.
Target: generating the film pack (read facts + generate + write YAML) in under 0.5 s.

Usage: python bench/bench_generate.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

from quizgame.core.generate import generate  # noqa: E402
from quizgame.core.generate.parse import load_facts  # noqa: E402
from quizgame.core.packs.write import dump_pack  # noqa: E402

FACTS = REPO / "questions" / "facts" / "parallel-mothers.facts.yaml"
PACK = REPO / "questions" / "parallel-mothers.yaml"
TARGET_SECONDS = 0.5


def _timed(func: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    # One warm-up run: imports and regex compilation are paid once per process, not per pack.
    dump_pack(generate(load_facts(FACTS)).pack)

    totals, stages = [], []
    for _ in range(args.repeat):
        t_load, facts = _timed(lambda: load_facts(FACTS))
        t_gen, result = _timed(lambda: generate(facts))  # noqa: B023
        t_dump, _text = _timed(lambda: dump_pack(result.pack))  # noqa: B023
        totals.append(t_load + t_gen + t_dump)
        stages.append((t_load, t_gen, t_dump))
    baseline = min(
        _timed(lambda: yaml.load(PACK.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))[0]
        for _ in range(args.repeat)
    )
    best = min(totals)
    load, gen, dump = stages[totals.index(best)]
    questions = len(result.questions)
    print(f"generate {FACTS.name}: {questions} questions, best of {args.repeat} runs")
    print(f"  total   {best * 1000:7.1f} ms   (median {statistics.median(totals) * 1000:.1f} ms)")
    print(f"  facts   {load * 1000:7.1f} ms   read and validate")
    print(f"  build   {gen * 1000:7.1f} ms   templates and quality rules")
    print(f"  yaml    {dump * 1000:7.1f} ms   dump_pack")
    ratio = best / baseline
    print(f"  ratio   {ratio:7.1f} x   PyYAML C loader reading the pack ({baseline * 1000:.1f} ms)")
    verdict = "ok" if best < TARGET_SECONDS else "OVER TARGET"
    print(f"  target  {TARGET_SECONDS * 1000:7.0f} ms   {verdict}")


if __name__ == "__main__":
    main()
