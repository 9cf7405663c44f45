"""Score history benchmark: the score and statistics queries over a long history.

Generates a history of 10,000 sessions (about 110,000 answers; 6 packs, 4 modes, two years) into
a temporary folder through the real schema, then times each query the game and the commands run.
Target: each under 50 ms. Prints the median of several runs, its ratio to 50 ms, and, as a
same-run baseline for the machine's speed, a plain full scan of the answers table.

Usage: python bench/bench_store.py [--sessions 10000] [--repeat 15] [--keep DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from quizgame.core.scores import accuracy, queries  # noqa: E402
from quizgame.core.scores.store import ScoreStore, timestamp  # noqa: E402

TARGET = 0.050
MODES = ("classic", "challenge", "blitz", "survival")
PACKS = [(f"pack-{i}", f"Pack number {i}") for i in range(6)]
QUESTIONS = 60


def generate(path: Path, sessions: int, seed: int = 1) -> int:
    """Fill the database at `path` with `sessions` sessions; returns the number of answers."""
    rng = random.Random(seed)
    ScoreStore.open(path).close()  # the real schema, through the real migrations
    import sqlite3

    conn = sqlite3.connect(path)
    # How hard each question is for this player: some are missed again and again.
    hardness = {(p, q): rng.random() ** 2 for p, _ in PACKS for q in range(QUESTIONS)}
    start = datetime(2023, 1, 1, 8, tzinfo=UTC)
    session_rows: list[tuple[Any, ...]] = []
    answer_rows: list[tuple[Any, ...]] = []
    for sid in range(1, sessions + 1):
        pack_id, title = rng.choice(PACKS)
        mode = rng.choice(MODES)
        kind = "practice" if rng.random() < 0.05 else "play"
        status = "abandoned" if rng.random() < 0.08 else "finished"
        began = start + timedelta(minutes=sid * 105 + rng.randrange(60))
        n = rng.randint(15, 25) if mode == "blitz" else 10
        if status == "abandoned":
            n = rng.randint(0, n - 1)
        score = correct = answered = 0
        moment = began
        for number in range(1, n + 1):
            question = rng.randrange(QUESTIONS)
            roll = rng.random()
            if roll < 0.03:
                verdict, points = "skipped", 0
            elif roll < 0.03 + hardness[pack_id, question] * 0.9:
                verdict = rng.choice(("wrong", "wrong", "timed_out", "partial"))
                points = 100 if verdict == "partial" else 0
            else:
                verdict, points = "correct", rng.choice((100, 200, 300))
            taken = round(rng.uniform(0.4, 20), 3)
            moment += timedelta(seconds=taken + 2)
            answered += verdict != "skipped"
            correct += verdict == "correct"
            score += points
            answer_rows.append(
                (sid, pack_id, number, f"q{question}", "given", verdict, points, 0, taken,
                 timestamp(moment))
            )  # fmt: skip
        session_rows.append(
            (sid, pack_id, title, mode, '{"count": 10}', rng.randrange(2**31), score,
             correct / answered if answered else 0.0, (moment - began).total_seconds(),
             timestamp(began), timestamp(moment), status, 1, kind, correct, answered, n, 10,
             0, "completed" if status == "finished" else "abandoned", "[]", None,
             began.date().isoformat())
        )  # fmt: skip
    with conn:
        conn.executemany(
            "INSERT INTO sessions (id, pack_id, pack_title, mode, settings, seed, score, "
            "accuracy, duration, started_at, ended_at, status, pid, kind, correct, answered, "
            "asked, total, best_streak, end_reason, lifelines, owner, local_day) "
            "VALUES (" + ", ".join("?" * 23) + ")",
            session_rows,
        )
        conn.executemany(
            "INSERT INTO answers (session_id, pack_id, number, question_id, given, verdict, "
            "points, streak_bonus, time_taken, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            answer_rows,
        )
    conn.execute("ANALYZE")
    conn.close()
    return len(answer_rows)


def median_time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm the page cache, as a second look at a screen would be
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "scores.db"
        if path.exists():
            path.unlink()
        began = time.perf_counter()
        n_answers = generate(path, args.sessions)
        print(
            f"history: {args.sessions:,} sessions, {n_answers:,} answers, "
            f"{path.stat().st_size / 1e6:.1f} MB (generated in {time.perf_counter() - began:.1f} s)"
        )
        store = ScoreStore.open(path)
        pack, mode = PACKS[0][0], "challenge"
        latest = store.read(queries.best_scores, pack_id=pack, mode=mode, limit=1)[0].id
        import sqlite3

        raw = sqlite3.connect(path)
        timed: list[tuple[str, Callable[[], object]]] = [
            ("open (check, migrate, sweep)", lambda: ScoreStore.open(path).close()),
            ("scores: best of all", lambda: store.read(queries.best_scores, limit=20)),
            ("scores --pack", lambda: store.read(queries.best_scores, pack_id=pack, limit=20)),
            (
                "scores --pack --mode",
                lambda: store.read(queries.best_scores, pack_id=pack, mode=mode),
            ),
            ("history: recent", lambda: store.read(queries.recent_sessions, limit=20)),
            ("results: rank and best", lambda: store.read(queries.standing, latest)),
            ("stats: accuracy by day, all packs", lambda: store.read(accuracy.accuracy_over_time)),
            (
                "stats: accuracy by week, one pack",
                lambda: store.read(accuracy.accuracy_over_time, pack, "week"),
            ),
            ("stats: missed most, all packs", lambda: store.read(accuracy.most_missed, limit=20)),
            (
                "stats: missed most, one pack",
                lambda: store.read(accuracy.most_missed, pack, limit=20),
            ),
            ("stats: practice my misses", lambda: store.read(accuracy.practice_ids, pack)),
        ]
        baseline = median_time(
            lambda: raw.execute("SELECT sum(points) FROM answers").fetchone(), args.repeat
        )
        print(f"baseline (a full scan of the answers): {baseline * 1000:.2f} ms\n")
        print(f"{'query':<36} {'median ms':>10} {'/ 50 ms':>8} {'/ scan':>7}")
        figures = {}
        slow = []
        for name, fn in timed:
            took = median_time(fn, args.repeat)
            figures[name] = took
            mark = "" if took < TARGET else "  SLOW"
            if took >= TARGET:
                slow.append(name)
            print(
                f"{name:<36} {took * 1000:>10.2f} {took / TARGET:>8.3f} {took / baseline:>7.2f}"
                + mark
            )
        store.close()
        raw.close()
    print(f"\n{len(timed) - len(slow)} of {len(timed)} under 50 ms")
    if args.json:
        print(json.dumps({k: round(v * 1000, 3) for k, v in figures.items()}, indent=2))
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
