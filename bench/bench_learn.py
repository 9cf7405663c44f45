"""Learn mode benchmark: the due query and the deal over a long learning history.

Generates 10,000 cards (one 10,000-question pack) and 100,000 reviews into a temporary score
database through the real schema, then times what a learn session and Home run: the due query
(`cards.due_ids`), the whole deal (due, then new, `cards.deal`), `learn-status` (`cards.status`)
and the 30-day forecast of the statistics chart. Target: the due query under 50 ms. Prints the
median of several runs, its ratio to 50 ms, and its ratio to a same-run baseline (a plain full
scan of the reviews), then whether the target is met.

Usage: python bench/bench_learn.py [--cards 10000] [--reviews 100000] [--repeat 15] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from quizgame.core.learn import cards  # noqa: E402
from quizgame.core.learn.schedule import day_end  # noqa: E402
from quizgame.core.packs.model import Pack, Question, QuestionType  # noqa: E402
from quizgame.core.scores.store import ScoreStore  # noqa: E402

TARGET = 0.050
NOW = datetime(2026, 6, 1, 9, tzinfo=UTC)


def make_pack(n: int) -> Pack:
    questions = tuple(
        Question(id=f"q{i}", type=QuestionType.TRUE_FALSE, prompt=f"Question {i}?", answer=True)
        for i in range(n)
    )
    return Pack(id="big", title="A big pack", questions=questions)


def generate(path: Path, n_cards: int, n_reviews: int, seed: int = 1) -> None:
    """Cards due from a year ago to a year ahead, and reviews spread over them."""
    rng = random.Random(seed)
    ScoreStore.open(path).close()  # the real schema, through the real migrations
    conn = sqlite3.connect(path)
    card_rows = []
    for i in range(n_cards):
        due = NOW + timedelta(days=rng.uniform(-365, 365))
        last = due - timedelta(days=rng.uniform(1, 90))
        card_rows.append(
            ("big", f"q{i}", 2, None, rng.uniform(1, 200), rng.uniform(1, 10),
             cards.stamp(due), cards.stamp(last), last.date().isoformat(), 10, 1)
        )  # fmt: skip
    conn.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", card_rows)
    review_rows = []
    for _ in range(n_reviews):
        at = NOW - timedelta(days=rng.uniform(0, 730))
        review_rows.append(
            (None, "big", f"q{rng.randrange(n_cards)}", rng.randint(1, 4), "correct", 4.0,
             cards.stamp(at), cards.stamp(at + timedelta(days=3)))
        )  # fmt: skip
    conn.executemany(
        "INSERT INTO reviews (session_id, pack_id, question_id, rating, verdict, time_taken, "
        "reviewed_at, due) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        review_rows,
    )
    conn.commit()
    conn.close()


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scores.db"
        began = time.perf_counter()
        generate(path, args.cards, args.reviews)
        print(
            f"history: {args.cards:,} cards, {args.reviews:,} reviews, "
            f"{path.stat().st_size / 1e6:.1f} MB (generated in {time.perf_counter() - began:.1f} s)"
        )
        pack = make_pack(args.cards)
        store = ScoreStore.open(path, now=lambda: NOW)
        raw = sqlite3.connect(path)
        end = day_end(NOW, UTC)
        due_count = len(store.read(cards.due_ids, pack.id, end))
        timed: list[tuple[str, Callable[[], object], bool]] = [
            ("due query (cards.due_ids)", lambda: store.read(cards.due_ids, pack.id, end), True),
            ("the deal: due, then new", lambda: store.read(cards.deal, pack, NOW, tz=UTC), False),
            ("learn-status", lambda: store.read(cards.status, pack, NOW, tz=UTC), False),
            ("reviews due, 30 days", lambda: store.read(cards.forecast, pack, NOW, 30, UTC), False),
        ]
        baseline = median_time(
            lambda: raw.execute("SELECT sum(rating) FROM reviews").fetchone(), args.repeat
        )
        print(f"{due_count:,} cards due today")
        print(f"baseline (a full scan of the reviews): {baseline * 1000:.2f} ms\n")
        print(f"{'query':<30} {'median ms':>10} {'/ 50 ms':>8} {'/ scan':>7}")
        figures = {}
        met = True
        for name, fn, targeted in timed:
            took = median_time(fn, args.repeat)
            figures[name] = took
            if targeted:
                met = met and took < TARGET
            print(f"{name:<30} {took * 1000:>10.2f} {took / TARGET:>8.3f} {took / baseline:>7.2f}")
        store.close()
        raw.close()
    print(f"\ndue query under 50 ms: {'met' if met else 'NOT MET'}")
    if args.json:
        print(json.dumps({k: round(v * 1000, 3) for k, v in figures.items()}, indent=2))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
