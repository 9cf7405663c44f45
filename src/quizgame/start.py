"""The `quizgame` program's entry point: the console script's and `python -m quizgame`'s.

It runs the command line (`quizgame.cli`) with Python's cyclic garbage collector paused while
the command line loads. Loading click and our modules makes about 7,000 objects the collector
tracks (classes, functions, their dicts), all of which live until the process ends: its ~25
passes while they are made find nothing to free (~6 ms of every command, a fifth of a bare
interpreter's start), and at exit the interpreter's last collections take them all apart again
(~8 ms). `resume` moves everything alive out of the collector's reach (`gc.freeze`: at exit it
is left to the operating system) and starts it again: `quizgame.cli` calls it as a command's
own code begins (the group's callback), and `main` at the latest as the program ends
(`--help`, `--version`, a usage error). What a command
makes afterwards is collected as usual, at exit too; only garbage made while loading is never
collected: a few hundred objects (~70 KB), which a collection to find them would cost the
milliseconds saved.

Importing `quizgame.cli` does not pause anything: a test or another program that imports it
keeps its collector as it was.
"""

from __future__ import annotations

import gc

_paused: list[bool] = []  # [True] while this module holds the collector paused


def pause() -> None:
    """Pause the collector until `resume`, unless it is already off (then leave it alone)."""
    if gc.isenabled() and not _paused:
        gc.disable()
        _paused.append(True)


def resume() -> None:
    """If `pause` paused the collector: move everything alive out of its reach, and start it
    again (the game's own start-up, `quizgame.tui.startup`, then pauses it as it needs).
    Otherwise nothing."""
    if _paused:
        _paused.clear()
        gc.freeze()
        gc.enable()


def main() -> None:
    """Run `quizgame` with the arguments in `sys.argv`; exits the process (`SystemExit`)."""
    pause()
    try:
        from quizgame.cli import main as run_cli

        run_cli()
    finally:
        resume()
