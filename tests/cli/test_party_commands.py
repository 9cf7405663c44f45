"""`quizgame host`, `join` and `party`: bad input is one line, never a traceback."""

from __future__ import annotations

import contextlib
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quizgame.cli import cli, host, lifeline


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_join_checks_the_pin_and_the_address() -> None:
    bad_pin = run("join", "127.0.0.1:8765", "--pin", "12ab56")
    assert bad_pin.exit_code == 1 and "six digits" in bad_pin.output
    bad_address = run("join", "no port here", "--pin", "123456")
    assert bad_address.exit_code == 1 and "is not HOST:PORT" in bad_address.output
    no_terminal = run("join", "127.0.0.1:8765", "--pin", "123456")
    assert no_terminal.exit_code == 1 and "needs a terminal" in no_terminal.output


def test_host_and_party_check_players_pack_and_terminal() -> None:
    assert "needs a terminal" in run("host", "--pack", "x").output
    no_players = run("party", "--players", " , ", "--pack", "x")
    assert no_players.exit_code == 1 and "name 1 to 12 players" in no_players.output
    unknown = run("party", "--players", "Ana,Bo", "--pack", "no-such-pack")
    assert unknown.exit_code == 1 and "no pack with id 'no-such-pack'" in unknown.output
    for result in (no_players, unknown):
        assert "Traceback" not in result.output and len(result.output.splitlines()) == 1


def test_without_a_pack_party_and_host_play_the_first_found_and_say_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZGAME_DATA_DIR", str(tmp_path))
    party = run("party", "--players", "A,B")
    assert "name the pack" not in party.output
    assert "playing the pack '" in party.stderr and "needs a terminal" in party.output
    hosted: list[object] = []
    monkeypatch.setattr(host, "has_terminal", lambda: True)
    monkeypatch.setattr(host, "run_host", lambda room, *_args: hosted.append(room))
    result = run("host", "-n", "2")
    assert result.exit_code == 0, result.output
    assert len(hosted) == 1 and "playing the pack '" in result.stderr


def test_bound_to_all_interfaces_the_join_line_shows_the_network_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Debian's host name resolves to 127.0.1.1: the outbound interface's address wins.
    monkeypatch.setattr(host, "_hostname_address", lambda: "127.0.1.1")
    monkeypatch.setattr(host, "_outbound_address", lambda: "192.168.1.20")
    assert host.join_host_for("0.0.0.0") == "192.168.1.20"
    assert host.join_host_for("::") == "192.168.1.20"
    assert host.join_host_for("127.0.0.1") == "127.0.0.1"
    assert host.join_host_for("10.1.2.3") == "10.1.2.3"
    # No outbound route: the host name's, if it is not loopback.
    monkeypatch.setattr(host, "_outbound_address", lambda: None)
    monkeypatch.setattr(host, "_hostname_address", lambda: "10.0.0.7")
    assert host.join_host_for("0.0.0.0") == "10.0.0.7"
    # Only loopback addresses: 127.0.0.1, and the lobby says only this computer can join.
    monkeypatch.setattr(host, "_hostname_address", lambda: "127.0.1.1")
    assert host.lan_address() is None
    assert host.join_host_for("0.0.0.0") == "127.0.0.1"


def test_the_outbound_probe_sends_nothing_and_gives_an_address_or_none() -> None:
    import ipaddress

    found = host._outbound_address()
    assert found is None or ipaddress.ip_address(found)


def _running(pid: int) -> bool:
    """Whether `pid` is a live process (a zombie waiting for its parent is not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_the_web_server_stops_with_every_process_it_started(tmp_path: Path) -> None:
    # As textual-serve does: the server starts a `quizgame join` child per page.
    import sys
    import time

    pid_file = tmp_path / "child.pid"
    server = textwrap.dedent(
        f"""
        import subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        open({str(pid_file)!r}, "w").write(str(child.pid))
        time.sleep(60)
        """
    )
    process = lifeline.start_group([sys.executable, "-c", server])
    deadline = time.monotonic() + 10
    while not (pid_file.exists() and pid_file.read_text()):
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.01)
    child = int(pid_file.read_text())
    lifeline.stop_group(process, wait=5)
    assert process.returncode is not None
    deadline = time.monotonic() + 5
    while _running(child):  # SIGKILL is sent; the kernel may take a moment
        assert time.monotonic() < deadline, "the web server's child outlived it"
        time.sleep(0.01)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_the_web_server_and_its_pages_end_when_the_host_is_killed(tmp_path: Path) -> None:
    # A host that starts the web server as `host --web` does, then is killed with SIGKILL: no
    # chance to stop anything. The web server (its lifeline) takes its page's process along.
    import os
    import signal
    import subprocess
    import sys
    import time

    pids = tmp_path / "pids"
    server = textwrap.dedent(
        f"""
        import subprocess, sys, time
        from quizgame.cli.lifeline import follow_parent
        follow_parent()
        page = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        open({str(pids)!r} + ".tmp", "w").write(f"{{page.pid}}")
        import os; os.replace({str(pids)!r} + ".tmp", {str(pids)!r})
        time.sleep(60)
        """
    )
    started = tmp_path / "server.pid"
    hosting = textwrap.dedent(
        f"""
        import time
        from quizgame.cli.lifeline import start_group
        process = start_group([{sys.executable!r}, "-c", {server!r}])
        open({str(started)!r}, "w").write(str(process.pid))
        time.sleep(60)
        """
    )
    host_process = subprocess.Popen([sys.executable, "-c", hosting])
    try:
        deadline = time.monotonic() + 20
        while not (pids.exists() and started.exists() and started.read_text()):
            assert time.monotonic() < deadline and host_process.poll() is None
            time.sleep(0.01)
        web, page = int(started.read_text()), int(pids.read_text())
        assert _running(web) and _running(page)
        os.kill(host_process.pid, signal.SIGKILL)
        host_process.wait(5)
        deadline = time.monotonic() + 5
        while _running(web) or _running(page):
            assert time.monotonic() < deadline, "the web server or its page outlived the host"
            time.sleep(0.01)
    finally:
        if host_process.poll() is None:
            host_process.kill()
        for pid_file in (started, pids):  # on a failure: nothing left behind
            with contextlib.suppress(OSError, ValueError):
                os.kill(int(pid_file.read_text()), signal.SIGKILL)
