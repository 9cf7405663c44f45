"""Formats benchmark: export and import 5,000 questions in every format of the table, each as
a ratio to the Open Trivia DB import of the same questions measured in the same run (the
baseline `bench_import.py` holds to its 2 s target).

The questions are the first 5,000 of the shared Open Trivia DB data (or, without it, the
synthetic ones `bench_import.py` makes). Each format's export of the pack is timed, then the
import of that export (read, validate, write the YAML, read it back). Target: every import
within 2 times the baseline (a ratio below 2.0 is a pass), so no format is much slower than the
one the import target is set on.

Usage: python bench/bench_formats.py [--count 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from bench_import import DATA_CANDIDATES, synthetic  # noqa: E402

from quizgame.core.formats import FORMATS, export_pack, import_text  # noqa: E402

TARGET_RATIO = 2.0


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    found = next((p for p in DATA_CANDIDATES if p.is_file()), None)
    if found is not None:
        results = json.loads(found.read_text(encoding="utf-8"))["results"][: args.count]
    else:
        results = synthetic(args.count)
    source = json.dumps({"response_code": 0, "results": results})
    imported = import_text(source, "opentdb", pack_id="bench", title="Bench")
    assert imported.pack is not None
    pack = imported.pack
    baseline = best(
        args.repeat, lambda: import_text(source, "opentdb", pack_id="bench", title="Bench")
    )
    print(f"input: {len(pack.questions):,} questions ({'shared data' if found else 'synthetic'})")
    print(f"baseline: the Open Trivia DB import, {baseline:.3f}s")
    failed = False
    for fmt in FORMATS:
        written = export_pack(pack, fmt)
        data = written.data if written.data is not None else written.text
        again = import_text(data, fmt, pack_id="b", title="B")
        if again.pack is None or len(again.pack.questions) != written.count:
            print(f"{fmt:>10}: FAIL, the export does not import back: {again.notes[:1]}")
            failed = True
            continue
        out = best(args.repeat, lambda fmt=fmt: export_pack(pack, fmt))  # type: ignore[misc]
        back = best(
            args.repeat,
            lambda fmt=fmt, data=data: import_text(data, fmt, pack_id="b", title="B"),  # type: ignore[misc]
        )
        ratio = back / baseline
        verdict = "ok" if ratio < TARGET_RATIO else "SLOW"
        failed |= ratio >= TARGET_RATIO
        print(
            f"{fmt:>10}: {written.count:>5,} questions; export {out:.3f}s "
            f"({out / baseline:.2f}x), import {back:.3f}s ({ratio:.2f}x the baseline, {verdict})"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
