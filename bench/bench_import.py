"""Import benchmark: 5,000 Open Trivia DB questions into a pack, against a 2-second target.

Takes the first 5,000 questions of the shared real data (../shared/data/opentdb/opentdb.json from
the repository root; CC BY-SA 4.0, see its NOTICE.md), or makes 5,000 questions of the same shape
if it is absent, and times what `quizgame import` does: read the file, parse and decode it,
validate, write the YAML, read it back with the real loader, write the pack file. Prints the best
time, its ratio to the 2 s target (below 1.0 is a pass) and, for scale, the ratio to
`json.loads` of the same file measured in the same run. Also times the whole command as a
subprocess, interpreter start-up included.

Usage: python bench/bench_import.py [--count 5000] [--repeat 5] [--data PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

from quizgame.cli.files import read_text, write_new_file  # noqa: E402
from quizgame.core.formats import import_text  # noqa: E402

OUT = HERE / "out"
TARGET_S = 2.0
DATA_CANDIDATES = [
    REPO / ".." / "shared" / "data" / "opentdb" / "opentdb.json",
    REPO / ".." / ".." / "shared" / "data" / "opentdb" / "opentdb.json",  # from a worktree
]


def synthetic(count: int) -> list[dict[str, object]]:
    """Questions shaped like Open Trivia DB's, entities and all, for when the data is absent."""
    rng = random.Random(count)
    words = ["Almod&oacute;var", "&quot;film&quot;", "Pen&eacute;lope", "mother's", "camera"]
    out: list[dict[str, object]] = []
    for i in range(count):
        prompt = f"Question {i}: which " + " ".join(rng.choice(words) for _ in range(10)) + "?"
        if i % 6 == 0:
            out.append(
                {
                    "type": "boolean",
                    "difficulty": "easy",
                    "category": "Entertainment: Film",
                    "question": prompt,
                    "correct_answer": "True",
                    "incorrect_answers": ["False"],
                }
            )
        else:
            out.append(
                {
                    "type": "multiple",
                    "difficulty": ("easy", "medium", "hard")[i % 3],
                    "category": "Entertainment: Film",
                    "question": prompt,
                    "correct_answer": f"Right {i} &amp; co",
                    "incorrect_answers": [f"Wrong {i}.{k}" for k in range(3)],
                }
            )
    return out


def make_input(count: int, data: Path | None) -> tuple[Path, str]:
    source = data or next((p for p in DATA_CANDIDATES if p.is_file()), None)
    if source is not None:
        results = json.loads(source.read_text(encoding="utf-8"))["results"][:count]
        origin = f"the first {len(results):,} of {source.resolve()}"
    else:
        results = synthetic(count)
        origin = "synthetic questions (the shared data was not found)"
    if len(results) < count:
        raise SystemExit(f"only {len(results)} questions in {source}")
    path = OUT / f"opentdb-{count}.json"
    path.write_text(json.dumps({"response_code": 0, "results": results}), encoding="utf-8")
    return path, origin


def import_once(source: Path, target: Path) -> int:
    imported = import_text(read_text(source), "opentdb", pack_id="bench", title="Bench")
    assert imported.pack is not None and imported.text is not None, imported.errors[:3]
    write_new_file(target, imported.text, force=True)
    return len(imported.pack.questions)


def best_time(fn: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, help="an Open Trivia DB JSON file to take them from")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    source, origin = make_input(args.count, args.data)
    target = OUT / f"imported-{args.count}.yaml"
    count = import_once(source, target)
    raw = source.read_text(encoding="utf-8")

    t_json = best_time(lambda: json.loads(raw), args.repeat)
    t_import = best_time(lambda: import_once(source, target), args.repeat)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-m", "quizgame", "import", str(source), "-o", str(target)]
    t_command = best_time(
        lambda: subprocess.run([*command, "--force"], env=env, check=True, capture_output=True),
        max(1, args.repeat // 2),
    )
    row = {
        "questions": count,
        "input": origin,
        "import_s": round(t_import, 4),
        "ratio_to_target": round(t_import / TARGET_S, 3),
        "json_loads_s": round(t_json, 4),
        "ratio_to_json_loads": round(t_import / t_json, 1),
        "command_s": round(t_command, 4),
        "command_ratio_to_target": round(t_command / TARGET_S, 3),
    }
    print(f"input: {origin}")
    print(
        f"import of {count:,} questions: {t_import:.3f}s = {row['ratio_to_target']:.2f}x the "
        f"{TARGET_S:.0f} s target ({'pass' if t_import < TARGET_S else 'FAIL'}); "
        f"{row['ratio_to_json_loads']:.0f}x json.loads alone ({t_json:.3f}s)"
    )
    print(
        f"`quizgame import` as a command, start-up included: {t_command:.3f}s = "
        f"{row['command_ratio_to_target']:.2f}x the target"
    )
    (OUT / "bench_import.json").write_text(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
