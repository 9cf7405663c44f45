"""`quizgame host`, `join` and `party`: bad input is one line, never a traceback."""

from __future__ import annotations

from click.testing import CliRunner, Result

from quizgame.cli import cli


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_join_checks_the_pin_and_the_address() -> None:
    bad_pin = run("join", "127.0.0.1:8765", "--pin", "12ab56")
    assert bad_pin.exit_code == 1 and "six digits" in bad_pin.output
    bad_address = run("join", "no port here", "--pin", "123456")
    assert bad_address.exit_code == 1 and "is not HOST:PORT" in bad_address.output
    no_terminal = run("join", "127.0.0.1:8765", "--pin", "123456")
    assert no_terminal.exit_code == 1 and "needs a terminal" in no_terminal.output


def test_host_and_party_need_a_pack_and_a_terminal() -> None:
    assert "needs a terminal" in run("host", "--pack", "x").output
    no_players = run("party", "--players", " , ", "--pack", "x")
    assert no_players.exit_code == 1 and "name 1 to 12 players" in no_players.output
    no_pack = run("party", "--players", "Ana,Bo")
    assert "name the pack" in no_pack.output
    unknown = run("party", "--players", "Ana,Bo", "--pack", "no-such-pack")
    assert unknown.exit_code == 1 and "no pack with id 'no-such-pack'" in unknown.output
    for result in (no_players, no_pack, unknown):
        assert "Traceback" not in result.output and len(result.output.splitlines()) == 1
