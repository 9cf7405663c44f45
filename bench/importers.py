"""What a command costs to import: the top imports of a fresh interpreter, from -X importtime."""

from __future__ import annotations

import subprocess


def importtime_lines(command: list[str], env: dict[str, str]) -> list[str]:
    """What `command` (a Python interpreter and its arguments) writes under -X importtime."""
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    return done.stderr.splitlines()


def top_importers(command: list[str], env: dict[str, str], count: int = 5) -> list[str]:
    """The `count` costliest imports that `command` (a Python interpreter and its arguments)
    asked for itself, cumulative, as "module N ms" (one run: read them as a ranking)."""
    rows: list[tuple[int, str]] = []
    for line in importtime_lines(command, env):
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _own, cumulative, name = line.split(":", 1)[1].split("|")
        name = name[1:]  # the one space after the bar; more spaces: imported by another
        if not name.startswith(" "):
            rows.append((int(cumulative), name))
    rows.sort(reverse=True)
    return [f"{name} {cumulative / 1000:.0f} ms" for cumulative, name in rows[:count]]
