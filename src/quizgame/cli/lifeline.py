"""Helper processes that end with the process that started them, however it ended (SIGKILL too).

`host --web` runs textual-serve in a process group of its own, and textual-serve starts a
`quizgame join` per browser page. `start_group` gives the helper the read end of a pipe whose
only write end stays in the starting process (`LIFELINE` names the descriptor); the helper calls
`follow_parent` first thing, and a thread of its own waits on the pipe. The kernel closes the
write end when the starter dies, by any means, so the read returns end-of-file and the helper
kills its whole group (itself and every page's process) with SIGKILL: nothing is left to save
there, and no process of the group can outlive it by ignoring SIGTERM. A portable stand-in for
Linux's PR_SET_PDEATHSIG, which would reach only the helper, not the processes it started.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading

LIFELINE = "QUIZGAME_LIFELINE_FD"  # the environment variable naming the pipe's read end
_kept: dict[int, int] = {}  # a started group's pid -> its pipe's write end, open until stopped


def start_group(argv: list[str]) -> subprocess.Popen[bytes]:
    """`argv` in a session (and process group) of its own, so that `stop_group` ends it with
    every process it started; on POSIX it is also handed a lifeline (see the module)."""
    if os.name != "posix":
        return subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    read, write = os.pipe()  # neither end is inherited unless passed
    try:
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            pass_fds=(read,),
            env={**os.environ, LIFELINE: str(read)},
        )
    except BaseException:
        os.close(write)
        raise
    finally:
        os.close(read)
    _kept[process.pid] = write
    return process


def stop_group(process: subprocess.Popen[bytes], wait: float = 10.0) -> None:
    """SIGTERM to `process`'s whole group, SIGKILL after `wait` seconds if it is still there."""
    try:
        _stop(process, wait)
    finally:
        write = _kept.pop(process.pid, None)
        if write is not None:
            os.close(write)  # the group is stopped: its lifeline is no longer needed


def _stop(process: subprocess.Popen[bytes], wait: float) -> None:
    if not hasattr(os, "killpg"):  # Windows: no process groups to signal
        process.terminate()
        process.wait(timeout=wait)
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        if sig is signal.SIGTERM:
            # The leader is gone; its children may not have been waiting on it.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        return


def follow_parent() -> None:
    """In a process `start_group` started: kill this process group once the starter is gone.

    Does nothing elsewhere (no `LIFELINE` in the environment). The variable is removed, so
    that the processes this one starts do not take the lifeline for their own."""
    fd = os.environ.pop(LIFELINE, None)
    if fd is None or not fd.isdigit():
        return

    def watch(fd: int) -> None:
        with contextlib.suppress(OSError):
            while os.read(fd, 64):
                pass  # nobody writes: the read ends only when the starter has gone
        if os.getpgrp() == os.getpid():  # the group's leader, as `start_group` makes it
            os.killpg(os.getpgrp(), signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, args=(int(fd),), name="lifeline", daemon=True).start()
