"""Party play benchmark: one host and N simulated players on loopback.

The host runs in its own process (the real `PartyServer` and `Room`, serving on 127.0.0.1, a
port the OS picks) and is driven over its stdin; the players are asyncio clients in this process
speaking the documented protocol (`quizgame.net.client`). For N = 10, 100 and 1,000 it prints:

- question delivery: from the host sending a question to each player receiving it (p50, p99)
  and to the last player receiving it (the median over the rounds);
- answer -> ack: from a player sending an answer to its acknowledgement (p50, p99);
- the host's CPU time and peak memory (RSS), and the longest its event loop was blocked
  (a 5 ms ticker's worst lateness).

Goal: at 1,000 players, p99 delivery under 100 ms and the host's loop never blocked over 20 ms.
Each figure is printed with its ratio to the goal, and beside the same figure for one player,
measured in the same run, as the machine's own baseline. Bounded: at most ROUNDS rounds per N,
every wait under a timeout, the whole run under RUN_LIMIT seconds.

Usage: python bench/bench_party.py [--players 10,100,1000] [--rounds 5] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from quizgame.core.packs.model import Pack, Question, QuestionType  # noqa: E402
from quizgame.core.party.messages import (  # noqa: E402
    Ack,
    Over,
    Reveal,
)
from quizgame.core.party.messages import Question as QuestionMessage  # noqa: E402
from quizgame.core.party.room import Room  # noqa: E402
from quizgame.core.play.dealing import SessionOptions  # noqa: E402
from quizgame.net.client import PartyClient  # noqa: E402
from quizgame.net.server import PartyServer  # noqa: E402

PIN = "424242"
WAIT = 60.0  # seconds: the longest any one step may take
RUN_LIMIT = 900.0  # seconds for the whole run
GOAL_DELIVERY = 0.100
GOAL_BLOCKED = 0.020
TICK = 0.005


def bench_pack(n: int = 20) -> Pack:
    questions = tuple(
        Question(
            id=f"q{i}",
            type=QuestionType.MULTIPLE_CHOICE,
            prompt=f"Question number {i}: which of these is the right one?",
            answer="right",
            choices=("right", "wrong a", "wrong b", "wrong c"),
        )
        for i in range(n)
    )
    return Pack(id="bench", title="Bench pack", questions=questions)


# --- the host's process --------------------------------------------------------------------------


async def serve(rounds: int) -> None:
    """The host: print the port, then obey 'start' / 'next' / 'stats' lines on stdin."""
    room = Room(bench_pack(), SessionOptions(count=rounds, seed=1, time_limit=60), pin=PIN)
    server = PartyServer(room)
    await server.start(run_clock=False)
    worst = 0.0

    async def ticker() -> None:
        nonlocal worst
        while True:
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            worst = max(worst, time.perf_counter() - before - TICK)

    watch = asyncio.create_task(ticker())
    say(port=server.port)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    cpu0 = time.process_time()
    while line := (await reader.readline()).decode().strip():
        if line == "start":
            worst = 0.0
            cpu0 = time.process_time()
            sent = time.monotonic()
            server.start_game()
            say(sent=sent)
        elif line == "next":
            sent = time.monotonic()
            server.advance()
            say(sent=sent)
        elif line == "stats":
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            say(cpu=time.process_time() - cpu0, rss=rss, blocked=worst)
    watch.cancel()
    await server.close()


def say(**data: Any) -> None:
    print(json.dumps(data), flush=True)


# --- the players ---------------------------------------------------------------------------------


class Host:
    """The host's process, seen from here."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    async def tell(self, command: str) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(command.encode() + b"\n")
        await self.proc.stdin.drain()
        reply: dict[str, Any] = json.loads(
            await asyncio.wait_for(self.proc.stdout.readline(), WAIT)
        )
        return reply


async def player(
    client: PartyClient,
    rounds: int,
    got: list[float],
    revealed: list[int],
    acks: list[float],
    done: asyncio.Event,
) -> None:
    """Answer every question at once; note when each question arrived and each ack took."""
    while True:
        message = await client.next_message(WAIT)
        if isinstance(message, QuestionMessage):
            got.append(time.monotonic())
            sent = time.perf_counter()
            await client.answer(message.round, "right")
            while not isinstance(reply := await client.next_message(WAIT), Ack):
                assert reply is not None, "the host closed the connection"
            acks.append(time.perf_counter() - sent)
        elif isinstance(message, Reveal):
            revealed.append(message.round)
            if message.round == rounds:
                done.set()
        elif isinstance(message, Over) or message is None:
            return


async def run(n: int, rounds: int) -> dict[str, Any]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--serve",
        "--rounds",
        str(rounds),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    host = Host(proc)
    try:
        assert proc.stdout is not None
        port = json.loads(await asyncio.wait_for(proc.stdout.readline(), WAIT))["port"]
        clients = [PartyClient(f"127.0.0.1:{port}", PIN, f"p{i}") for i in range(n)]
        await asyncio.wait_for(asyncio.gather(*(c.join() for c in clients)), WAIT)
        got: list[list[float]] = [[] for _ in clients]
        revealed: list[list[int]] = [[] for _ in clients]
        acks: list[float] = []
        finished = [asyncio.Event() for _ in clients]
        tasks = [
            asyncio.create_task(player(c, rounds, got[i], revealed[i], acks, finished[i]))
            for i, c in enumerate(clients)
        ]
        sent_times = []
        for number in range(1, rounds + 1):
            sent_times.append((await host.tell("start" if number == 1 else "next"))["sent"])
            # the room reveals as soon as everyone has answered; then the next question
            await asyncio.wait_for(_all_received(revealed, number), WAIT)
        await asyncio.wait_for(asyncio.gather(*(f.wait() for f in finished)), WAIT)
        stats = await host.tell("stats")
        delivery = [g[r] - sent_times[r] for g in got for r in range(rounds)]
        last = [max(g[r] for g in got) - sent_times[r] for r in range(rounds)]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)
        return {
            "players": n,
            "delivery_p50": _pct(delivery, 50),
            "delivery_p99": _pct(delivery, 99),
            "last_player": statistics.median(last),
            "ack_p50": _pct(acks, 50),
            "ack_p99": _pct(acks, 99),
            "host_cpu": stats["cpu"],
            "host_rss_mb": stats["rss"] / 2**20,
            "host_blocked": stats["blocked"],
        }
    finally:
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), 10)
        except TimeoutError:
            proc.kill()
            await proc.wait()


async def _all_received(seen: list[list[int]], number: int) -> None:
    while any(len(s) < number for s in seen):
        await asyncio.sleep(0.001)


def _pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", default="10,100,1000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    rounds = max(1, min(args.rounds, 20))
    if args.serve:
        asyncio.run(serve(rounds))
        return
    counts = [max(1, min(int(n), 2000)) for n in args.players.split(",")]

    async def everything() -> list[dict[str, Any]]:
        async with asyncio.timeout(RUN_LIMIT):
            return [await run(n, rounds) for n in [1, *counts]]

    results = asyncio.run(everything())
    if args.json:
        print(json.dumps(results, indent=2))
        return
    base, rows = results[0], results[1:]
    ms = 1000
    print(f"Party host on loopback, {rounds} rounds each; baseline: the same run with 1 player.")
    print(
        f"{'players':>8} {'deliv p50':>10} {'deliv p99':>10} {'last':>8} {'ack p50':>9} "
        f"{'ack p99':>9} {'cpu s':>7} {'rss MB':>7} {'blocked':>8}  p99/goal  blocked/goal"
    )
    for r in [base, *rows]:
        print(
            f"{r['players']:>8} {r['delivery_p50'] * ms:>8.1f}ms {r['delivery_p99'] * ms:>8.1f}ms "
            f"{r['last_player'] * ms:>6.1f}ms {r['ack_p50'] * ms:>7.1f}ms {r['ack_p99'] * ms:>7.1f}ms "
            f"{r['host_cpu']:>7.2f} {r['host_rss_mb']:>7.1f} {r['host_blocked'] * ms:>6.1f}ms "
            f"{r['delivery_p99'] / GOAL_DELIVERY:>8.2f}  {r['host_blocked'] / GOAL_BLOCKED:>12.2f}"
        )
    print(
        "ratio to the 1-player baseline, p99 delivery: "
        + ", ".join(
            f"N={r['players']}: {r['delivery_p99'] / base['delivery_p99']:.1f}x" for r in rows
        )
    )


if __name__ == "__main__":
    main()
