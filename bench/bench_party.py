"""Party play benchmark: one host and N simulated players on loopback, in separate processes.

The host runs in its own process (the real `PartyServer` and `Room`, serving on 127.0.0.1, a
port the OS picks, writing the score history as `quizgame host` does, to a temporary database)
and is driven over its stdin. The players are asyncio clients speaking the documented protocol
(`quizgame.net.client`) on uvloop (where it is installed: the test extra has it), spread over
`--procs` worker processes so that no one client process is the bottleneck. With `--pin` (the
default where there are two cores or more) the host runs on the first CPU and the players and
this conductor on the others, as in a real game, where the players are on their own devices and
never take the host's core; `--no-pin` lets the OS place them all. Every player answers `--think` seconds after a question arrives (0.5 s, a
fast human, by default: no answer can come in before the question has reached its player; all
answers still come in one burst; `--think 0` answers at once, while the question is still going
out to the others, the worst case). For N = 10, 100 and 1,000 it prints:

- question delivery: from the host sending a question to each player receiving it (p50, p99)
  and to the last player receiving it (the median over the rounds). The host stamps its send
  time and the players their receive time with `time.monotonic()`, one clock for every process
  on Linux (CLOCK_MONOTONIC), so the two compare;
- host out: from the host sending a question to its last frame handed to the OS (median), and
  beside it ("on cpu") the CPU time its event loop spent in that span;
- answer -> ack: from a player sending an answer to its acknowledgement (p50, p99);
- the host's CPU time and peak memory (RSS), and the longest its event loop was blocked
  (a 5 ms ticker's worst lateness on the monotonic clock), over the rounds; beside it ("on
  cpu"), the most of such a lateness the loop spent on the CPU itself: the rest was the host
  waiting for a core that the player processes (or anything else on the machine) held.

Goal: at 1,000 players, p99 delivery under 100 ms and the host's loop never blocked over 20 ms.
Each figure is printed with its ratio to the goal, and beside the same figure for one player,
measured in the same run, as the machine's own baseline; the last lines give each goal's figure
and "met" or "not met". Bounded: at most 20 rounds per N,
every wait under a timeout, the whole run under RUN_LIMIT seconds.

Usage: python bench/bench_party.py [--players 10,100,1000] [--rounds 5] [--procs 4]
       [--think 0.5] [--pin/--no-pin] [--src DIR] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# `--src DIR`: another checkout's sources (the "before" figures, in the same sitting); read
# before the imports below, and handed on to the host's and the players' processes.
SRC = (
    sys.argv[sys.argv.index("--src") + 1] if "--src" in sys.argv[:-1] else str(HERE.parent / "src")
)
sys.path.insert(0, SRC)

from quizgame.core.packs.model import Pack, Question, QuestionType  # noqa: E402
from quizgame.core.party.log import PartyLog  # noqa: E402
from quizgame.core.party.messages import Ack, Over, Reveal  # noqa: E402
from quizgame.core.party.messages import Question as QuestionMessage  # noqa: E402
from quizgame.core.party.room import Room  # noqa: E402
from quizgame.core.play.dealing import SessionOptions  # noqa: E402
from quizgame.net.client import PartyClient  # noqa: E402
from quizgame.net.loop import new_loop  # noqa: E402
from quizgame.net.server import PartyServer  # noqa: E402

PIN = "424242"
WAIT = 60.0  # seconds: the longest any one step may take
RUN_LIMIT = 900.0  # seconds for the whole run
GOAL_PLAYERS = 1000  # the goals are set for this many players
GOAL_DELIVERY = 0.100
GOAL_BLOCKED = 0.020
TICK = 0.005  # seconds between the host's lateness checks
THINK = 0.5  # seconds a player takes to answer: a fast human (0: all at once, the worst case)
PIPE_LIMIT = 64 * 2**20  # bytes: a worker's report line (every arrival time) is one line


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


def cpus() -> list[int]:
    """The CPUs this process may run on ([] where the OS cannot say or pin)."""
    if not hasattr(os, "sched_getaffinity"):
        return []
    return sorted(os.sched_getaffinity(0))


def pin_plan(pin: bool) -> tuple[set[int], set[int]] | None:
    """With `pin` and two CPUs or more: the host's CPU (the first) and everyone else's (the
    rest); None: not pinned."""
    mine = cpus()
    if not pin or len(mine) < 2:
        return None
    return {mine[0]}, set(mine[1:])


def pin_to(cpu_list: str) -> None:
    """Run this process on the CPUs in `cpu_list` ("1,2"; "": anywhere)."""
    if cpu_list and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {int(c) for c in cpu_list.split(",")})


def client_loop() -> tuple[Any, str]:
    """How the players' processes run asyncio: uvloop where installed (a quarter of the CPU per
    frame, so that the simulated players, not the host, are never the bottleneck)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run, "asyncio"
    return uvloop.run, "uvloop"


def say(**data: Any) -> None:
    print(json.dumps(data), flush=True)


async def lines(reader: asyncio.StreamReader) -> Any:
    return json.loads(await asyncio.wait_for(reader.readline(), WAIT))


async def stdin_reader() -> asyncio.StreamReader:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    return reader


# --- the host's process --------------------------------------------------------------------------


async def serve(rounds: int) -> None:
    """The host: print the port, then obey 'start' / 'next' / 'stats' lines on stdin."""
    room = Room(bench_pack(), SessionOptions(count=rounds, seed=1, time_limit=60), pin=PIN)
    with tempfile.TemporaryDirectory() as tmp:
        log = PartyLog(Path(tmp) / "scores.db")  # the score history, as `quizgame host` keeps it
        log.start_game(room, "bench")
        try:
            server = PartyServer(room, freeze_gc=True)  # as `quizgame host` runs it
        except TypeError:  # --src: a checkout from before freeze_gc
            server = PartyServer(room)
        await server.start(run_clock=False)
        worst = busiest = 0.0
        drained: list[float] = []
        drained_cpu: list[float] = []

        async def ticker() -> None:
            # Lateness is wall time: the loop's own work, and any wait for a CPU the OS gave to
            # another process. The loop's CPU time in the same span (thread_time) tells them apart.
            nonlocal worst, busiest
            while True:
                before, cpu = time.monotonic(), time.thread_time()
                await asyncio.sleep(TICK)
                late = time.monotonic() - before - TICK
                worst = max(worst, late)
                busiest = max(busiest, min(late, time.thread_time() - cpu))

        async def out(sent: float, cpu: float) -> None:  # when the last frame was handed on
            await server._outbox.join()
            drained.append(time.monotonic() - sent)
            drained_cpu.append(time.thread_time() - cpu)

        watch = asyncio.create_task(ticker())
        say(port=server.port)
        reader = await stdin_reader()
        cpu0 = time.process_time()
        pending: set[asyncio.Task[None]] = set()
        while line := (await reader.readline()).decode().strip():
            if line in ("start", "next"):
                if line == "start":
                    worst, busiest, cpu0 = 0.0, 0.0, time.process_time()
                sent, cpu = time.monotonic(), time.thread_time()
                server.start_game() if line == "start" else server.advance()
                pending.add(asyncio.create_task(out(sent, cpu)))
                say(sent=sent)
            elif line == "stats":
                await asyncio.gather(*pending)
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
                out_median = statistics.median(drained) if drained else 0.0
                out_cpu = statistics.median(drained_cpu) if drained_cpu else 0.0
                say(
                    cpu=time.process_time() - cpu0,
                    rss=rss,
                    blocked=worst,
                    busy=busiest,
                    out=out_median,
                    out_cpu=out_cpu,
                )
        watch.cancel()
        await server.close()
        log.close()


# --- a players' process --------------------------------------------------------------------------


async def player(
    client: PartyClient,
    rounds: int,
    think: float,
    got: list[float],
    acks: list[float],
    revealed: collections.Counter[int],
    all_in: asyncio.Event,
    count: int,
) -> None:
    """Answer every question `think` seconds after it arrives; note when each question arrived
    and each ack took, and count the reveals (`all_in` is set when `count` players have seen
    the latest one). The host's frames are taken straight from the client's queue, one timeout
    for the whole game: a `wait_for` a frame cost a task each, on the one core the players
    share (bounded all the same: `players` waits on every player for at most WAIT a round)."""
    frames = client.messages
    while True:
        message = await frames.get()
        if isinstance(message, QuestionMessage):
            got.append(time.monotonic())
            await asyncio.sleep(think)
            sent = time.monotonic()
            await client.answer(message.round, "right")
            while not isinstance(reply := await frames.get(), Ack):
                assert reply is not None, "the host closed the connection"
            acks.append(time.monotonic() - sent)
        elif isinstance(message, Reveal):
            revealed[message.round] += 1
            if revealed[message.round] == count:
                all_in.set()
            if message.round == rounds:
                return
        elif isinstance(message, Over) or message is None:
            return


async def players(port: int, first: int, count: int, rounds: int, think: float) -> None:
    """`count` players: say 'joined', then 'revealed R' as all have seen round R's reveal, then
    their arrival times and ack times."""
    clients = [PartyClient(f"127.0.0.1:{port}", PIN, f"p{first + i}") for i in range(count)]
    for at in range(0, count, 100):  # in waves, as a real room fills: no join storm
        await asyncio.wait_for(asyncio.gather(*(c.join() for c in clients[at : at + 100])), WAIT)
    say(joined=count)
    got: list[list[float]] = [[] for _ in clients]
    acks: list[float] = []
    revealed: collections.Counter[int] = collections.Counter()
    all_in = asyncio.Event()
    tasks = [
        asyncio.create_task(player(c, rounds, think, got[i], acks, revealed, all_in, count))
        for i, c in enumerate(clients)
    ]
    async with asyncio.timeout(WAIT * (rounds + 1)):
        for number in range(1, rounds + 1):
            while revealed[number] < count:
                all_in.clear()
                await all_in.wait()
            say(revealed=number)
        await asyncio.gather(*tasks)
    say(got=got, acks=acks)
    await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)


# --- the conductor -------------------------------------------------------------------------------


async def spawn(*args: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        *args,
        "--src",
        SRC,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        limit=PIPE_LIMIT,
    )


def cpu_list(cpu_set: set[int] | None) -> str:
    return ",".join(str(c) for c in sorted(cpu_set)) if cpu_set else ""


async def tell(proc: asyncio.subprocess.Process, command: str) -> dict[str, Any]:
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(command.encode() + b"\n")
    await proc.stdin.drain()
    reply: dict[str, Any] = await lines(proc.stdout)
    return reply


async def run(
    n: int, rounds: int, procs: int, think: float, plan: tuple[set[int], set[int]] | None
) -> dict[str, Any]:
    host_cpus, player_cpus = plan or (None, None)
    host = await spawn("--serve", "--rounds", str(rounds), "--cpus", cpu_list(host_cpus))
    workers: list[asyncio.subprocess.Process] = []
    try:
        assert host.stdout is not None
        port = (await lines(host.stdout))["port"]
        shares = [n // procs + (1 if i < n % procs else 0) for i in range(min(procs, n))]
        starts = [sum(shares[:i]) for i in range(len(shares))]
        for first, count in zip(starts, shares, strict=True):
            workers.append(
                await spawn(
                    "--play",
                    str(port),
                    "--first",
                    str(first),
                    "--count",
                    str(count),
                    "--rounds",
                    str(rounds),
                    "--think",
                    str(think),
                    "--cpus",
                    cpu_list(player_cpus),
                )
            )
        outs = [w.stdout for w in workers if w.stdout is not None]
        for o in outs:
            await lines(o)  # joined
        sent_times = []
        for number in range(1, rounds + 1):
            sent_times.append((await tell(host, "start" if number == 1 else "next"))["sent"])
            # the room reveals as soon as everyone has answered; then the next question
            for o in outs:
                await lines(o)  # revealed
        stats = await tell(host, "stats")
        got: list[list[float]] = []
        acks: list[float] = []
        for o in outs:
            report = await lines(o)
            got += report["got"]
            acks += report["acks"]
        delivery = [g[r] - sent_times[r] for g in got for r in range(rounds)]
        last = [max(g[r] for g in got) - sent_times[r] for r in range(rounds)]
        return {
            "players": n,
            "delivery_p50": _pct(delivery, 50),
            "delivery_p99": _pct(delivery, 99),
            "last_player": statistics.median(last),
            "last_by_round": last,
            "host_out": stats["out"],
            "host_out_cpu": stats["out_cpu"],
            "ack_p50": _pct(acks, 50),
            "ack_p99": _pct(acks, 99),
            "host_cpu": stats["cpu"],
            "host_rss_mb": stats["rss"] / 2**20,
            "host_blocked": stats["blocked"],
            "host_blocked_cpu": stats["busy"],
        }
    finally:
        for proc in [*workers, host]:
            if proc.stdin is not None:
                proc.stdin.close()
            try:
                await asyncio.wait_for(proc.wait(), 10)
            except TimeoutError:
                proc.kill()
                await proc.wait()


def _pct(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--players", default="10,100,1000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--procs", type=int, default=4, help="player processes")
    parser.add_argument(
        "--think", type=float, default=THINK, help="seconds each player takes to answer"
    )
    parser.add_argument(
        "--pin",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="host on the first CPU, players on the others (where there are two or more)",
    )
    parser.add_argument("--src", default=SRC, help="the game's sources (another checkout's)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--play", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--cpus", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    rounds = max(1, min(args.rounds, 20))
    think = max(0.0, min(args.think, 10.0))
    pin_to(args.cpus)
    if args.serve:
        with asyncio.Runner(loop_factory=new_loop) as runner:  # the loop `quizgame host` runs
            runner.run(serve(rounds))
        return
    run_players, loop_name = client_loop()
    if args.play:
        run_players(players(args.play, args.first, args.count, rounds, think))
        return
    counts = [max(1, min(int(n), 2000)) for n in args.players.split(",")]
    procs = max(1, min(args.procs, 16))
    plan = pin_plan(args.pin)
    if plan is not None:
        pin_to(cpu_list(plan[1]))  # the conductor is light, but never on the host's CPU

    async def everything() -> list[dict[str, Any]]:
        async with asyncio.timeout(RUN_LIMIT):
            return [await run(n, rounds, procs, think, plan) for n in [1, *counts]]

    results = asyncio.run(everything())
    if args.json:
        print(json.dumps(results, indent=2))
        return
    report(results, rounds, procs, think, placement(plan, args.pin), loop_name)


def placement(plan: tuple[set[int], set[int]] | None, pin: bool) -> str:
    if plan is not None:
        return f"host pinned to CPU {cpu_list(plan[0])}, players to CPU {cpu_list(plan[1])}"
    why = "--no-pin" if not pin else f"{len(cpus()) or 'unknown'} CPU(s) to pin to"
    return f"not pinned ({why}): host and players share the CPUs"


def verdict(value: float, goal: float) -> str:
    return "met" if value < goal else "not met"


def report(
    results: list[dict[str, Any]],
    rounds: int,
    procs: int,
    think: float,
    where: str,
    loop_name: str,
) -> None:
    base, rows = results[0], results[1:]
    ms = 1000
    print(
        f"Party host on loopback, {rounds} rounds each, players in {procs} processes "
        f"({loop_name}) answering {think:g} s after each question; "
        f"{where}; "
        "baseline: the same run with 1 player."
    )
    print(
        f"{'players':>8} {'deliv p50':>10} {'deliv p99':>10} {'last':>8} {'host out':>9} "
        f"{'on cpu':>7} "
        f"{'ack p50':>9} {'ack p99':>9} {'cpu s':>7} {'rss MB':>7} {'blocked':>8} {'on cpu':>7}  "
        "p99/goal  blocked/goal"
    )
    for r in [base, *rows]:
        print(
            f"{r['players']:>8} {r['delivery_p50'] * ms:>8.1f}ms {r['delivery_p99'] * ms:>8.1f}ms "
            f"{r['last_player'] * ms:>6.1f}ms {r['host_out'] * ms:>7.1f}ms "
            f"{r['host_out_cpu'] * ms:>5.1f}ms "
            f"{r['ack_p50'] * ms:>7.1f}ms {r['ack_p99'] * ms:>7.1f}ms "
            f"{r['host_cpu']:>7.2f} {r['host_rss_mb']:>7.1f} {r['host_blocked'] * ms:>6.1f}ms "
            f"{r['host_blocked_cpu'] * ms:>5.1f}ms "
            f"{r['delivery_p99'] / GOAL_DELIVERY:>8.2f}  {r['host_blocked'] / GOAL_BLOCKED:>12.2f}"
        )
    print(
        "ratio to the 1-player baseline, p99 delivery: "
        + ", ".join(
            f"N={r['players']}: {r['delivery_p99'] / base['delivery_p99']:.1f}x" for r in rows
        )
    )
    for r in rows:
        if r["players"] < GOAL_PLAYERS:
            continue
        p99, blocked = r["delivery_p99"], r["host_blocked"]
        print(
            f"goal at {r['players']:,} players: p99 delivery {p99 * ms:.1f} ms "
            f"(goal < {GOAL_DELIVERY * ms:.0f} ms): {verdict(p99, GOAL_DELIVERY)}; "
            f"host loop blocked {blocked * ms:.1f} ms, {r['host_blocked_cpu'] * ms:.1f} ms of it "
            f"on its CPU (goal < {GOAL_BLOCKED * ms:.0f} ms): {verdict(blocked, GOAL_BLOCKED)}"
        )
    if not any(r["players"] >= GOAL_PLAYERS for r in rows):
        print(f"goals: not measured (they are set at {GOAL_PLAYERS:,} players)")


if __name__ == "__main__":
    main()
