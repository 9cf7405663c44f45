"""Where the editor's time goes: bench_editor's run, with the UI thread's stack sampled.

bench_editor.py says how long the UI is blocked and how long a key takes; this says why. It runs
the same game (the same pack, 100x30, Pilot) while a thread samples the UI thread's stack every
`--every` ms (the switch interval is set as short, so that the sampler gets the GIL in time: the
figures are slower than bench_editor's; compare functions, not totals). Then it prints:

- each stretch of the UI thread's work longer than `--block` ms once the editor's key was sent
  (the UI thread never in the event loop's wait between two samples), when it began (from the
  key), and the functions most often on the stack in it (inclusive: a caller counts for its
  callees), quizgame's and Textual's only;
- for each kind of key timed (the list's keys, Enter in the find box), the same functions over
  all its presses, as a share of its samples.

Usage: python bench/editor_trace.py [--size 100000] [--src DIR] [--every 1] [--block 30].
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

import bench_editor

Stack = tuple[str, ...]
SAMPLES: list[tuple[float, Stack]] = []
MARKS: list[tuple[str, float, float]] = []  # (what, start, end)
KEEP = ("quizgame", "textual", "rich")


def where(frame: FrameType | None) -> Stack:
    """The stack from `frame` down, innermost first: "module:function" of each frame."""
    names = []
    while frame is not None:
        code = frame.f_code
        names.append(f"{Path(code.co_filename).stem}:{code.co_name}")
        frame = frame.f_back
    return tuple(names)


def idle(stack: Stack) -> bool:
    return bool(stack) and stack[0] in ("selectors:select", "base_events:_run_once")


def sample(ident: int, every: float, stop: threading.Event) -> None:
    while not stop.is_set():
        frame = sys._current_frames().get(ident)
        SAMPLES.append((time.perf_counter(), where(frame)))
        time.sleep(every)


def ours(name: str, files: dict[str, str]) -> bool:
    return any(part in files.get(name, "") for part in KEEP)


def top(stacks: list[Stack], count: int) -> list[tuple[str, int]]:
    """The functions most often on `stacks` (each counted once a stack), leaving out the
    event loop's and Pilot's frames."""
    seen: Counter[str] = Counter()
    for stack in stacks:
        for name in set(stack):
            seen[name] += 1
    boring = ("asyncio", "base_events", "events:_run", "selectors", "threading", "runners")
    return [
        (name, n)
        for name, n in seen.most_common(count * 4)
        if not name.startswith(boring) and "pilot" not in name and "bench" not in name
    ][:count]


def leaves(stacks: list[Stack], count: int) -> list[tuple[str, int]]:
    """The innermost frames most often sampled (where the time is spent itself)."""
    return Counter(stack[0] for stack in stacks if stack).most_common(count)


def instrument() -> None:
    """Marks: the key that opens the editor, the read's end, each timed key."""
    from quizgame.tui.screens.editor_view import EditorView

    mount, loaded = EditorView.on_mount, EditorView._loaded

    def on_mount(self: Any) -> None:
        now = time.perf_counter()
        MARKS.append(("editor mounted", now, now))
        mount(self)

    def on_loaded(self: Any, *args: Any) -> None:
        start = time.perf_counter()
        loaded(self, *args)
        MARKS.append(("_loaded (the read handed over)", start, time.perf_counter()))

    EditorView.on_mount = on_mount  # type: ignore[method-assign]
    EditorView._loaded = on_loaded  # type: ignore[method-assign]
    key_time = bench_editor.key_time

    async def timed_key(pilot: Any, frames: Any, key: str) -> tuple[float, float]:
        start = time.perf_counter()
        result = await key_time(pilot, frames, key)
        MARKS.append((f"key {key}", start, start + result[0]))
        return result

    bench_editor.key_time = timed_key
    first = bench_editor.Frames.first

    async def first_frame(self: Any, check: Any, timeout: float = 120.0) -> float:
        start = time.perf_counter()
        end = await first(self, check, timeout)
        MARKS.append(("frame awaited", start, end))
        return end

    bench_editor.Frames.first = first_frame  # type: ignore[method-assign]


def report(opened: float, block_ms: float) -> None:
    # Stretches of work: consecutive samples off the event loop's wait.
    runs: list[list[tuple[float, Stack]]] = []
    current: list[tuple[float, Stack]] = []
    for at, stack in SAMPLES:
        if at < opened:
            continue
        if idle(stack):
            if current:
                runs.append(current)
            current = []
        else:
            current.append((at, stack))
    if current:
        runs.append(current)
    print(f"stretches of UI work over {block_ms:.0f} ms after the editor's key:")
    for run in runs:
        length = (run[-1][0] - run[0][0]) * 1000
        if length < block_ms:
            continue
        marks = [name for name, start, end in MARKS if start <= run[-1][0] and end >= run[0][0]]
        print(
            f"\n  {length:6.0f} ms from {(run[0][0] - opened) * 1000:8.0f} ms "
            f"({len(run)} samples) during: {', '.join(dict.fromkeys(marks)) or '-'}"
        )
        stacks = [stack for _, stack in run]
        for name, n in top(stacks, 28):
            print(f"    {n * 100 / len(run):5.0f}%  {name}")
        print("    innermost:")
        for name, n in leaves(stacks, 8):
            print(f"    {n * 100 / len(run):5.0f}%  {name}")
    kinds: dict[str, list[Stack]] = {}
    for name, start, end in MARKS:
        if name.startswith("key "):
            kind = name
        elif name == "frame awaited" and start > opened and kinds:
            kind = "find (Enter, to the frame)"
        else:
            continue
        kinds.setdefault(kind, []).extend(
            stack for at, stack in SAMPLES if start <= at <= end and not idle(stack)
        )
    for kind, stacks in kinds.items():
        if not stacks:
            continue
        print(f"\n{kind}: {len(stacks)} busy samples")
        for name, n in top(stacks, 22):
            print(f"    {n * 100 / len(stacks):5.0f}%  {name}")
        print("    innermost:")
        for name, n in leaves(stacks, 8):
            print(f"    {n * 100 / len(stacks):5.0f}%  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--src", type=Path, default=bench_editor.HERE.parent / "src")
    parser.add_argument("--every", type=float, default=1.0, help="ms between samples")
    parser.add_argument("--block", type=float, default=30.0, help="ms: stretches to print")
    args = parser.parse_args()
    source = bench_editor.OUT / f"editor-{args.size}.yaml"
    if not source.exists():
        sys.exit(f"run bench_editor.py --size {args.size} first: it makes {source}")
    sys.path.insert(0, str(args.src.resolve()))
    from quizgame.core import paths
    from quizgame.core.packs.read import discover_packs

    instrument()
    stop = threading.Event()
    sampler = threading.Thread(
        target=sample, args=(threading.get_ident(), args.every / 1000, stop), daemon=True
    )
    with tempfile.TemporaryDirectory(prefix="quizgame-editor-trace-") as tmp:
        data_dir = Path(tmp)
        folder = paths.user_packs_dir(data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / source.name).write_bytes(source.read_bytes())
        discover_packs([folder], cache_dir=paths.cache_dir(data_dir))
        sampler.start()
        interval = sys.getswitchinterval()
        sys.setswitchinterval(args.every / 1000)
        try:
            asyncio.run(bench_editor.game(data_dir, folder, args.size))
        finally:
            sys.setswitchinterval(interval)
            stop.set()
    opened = next(start for name, start, _ in MARKS if name == "editor mounted")
    report(opened, args.block)


if __name__ == "__main__":
    main()
