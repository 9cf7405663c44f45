"""Rejoin tokens kept in the player's data folder: a new `quizgame join` with the same host, PIN
and name is the same player, with the score; the file is small, ours only, written atomically.
Loopback (127.0.0.1, a port the OS picks), a fake clock."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgame.core.party.messages import Ack, Question
from quizgame.core.party.tokens import MAX_FILE_BYTES, MAX_TOKENS, TokenFile, tokens_file
from quizgame.net.client import PartyClient
from quizgame.net.server import PartyServer
from tests.clocks import FakeClock
from tests.party.helpers import PIN, make_room, right
from tests.party.test_loopback import expect, until

TIMEOUT = 5.0


@pytest.fixture
async def served(clock: FakeClock) -> AsyncIterator[PartyServer]:
    server = PartyServer(make_room(clock, count=3))
    await server.start(run_clock=False)
    try:
        yield server
    finally:
        await asyncio.wait_for(server.close(), TIMEOUT)


async def a_new_process(server: PartyServer, data: Path, name: str) -> PartyClient:
    """What `quizgame join 127.0.0.1:PORT --pin PIN --name NAME` does, with `data` its folder."""
    tokens = TokenFile(tokens_file(data))
    client = PartyClient(f"127.0.0.1:{server.port}", PIN, name, tokens=tokens)
    await asyncio.wait_for(client.join(), TIMEOUT)
    return client


async def test_the_same_join_command_in_a_new_process_keeps_the_seat_and_score(
    served: PartyServer, tmp_path: Path
) -> None:
    room = served.room
    cy = await a_new_process(served, tmp_path, "Cy")
    served.start_game()
    await expect(cy, Question)
    await cy.answer(1, right(room.current))
    await expect(cy, Ack)
    score = room.players[1].score
    assert score > 0
    await cy.drop()  # the process dies: only the file remembers the token
    await until(lambda: not room.players[1].connected)
    again = await a_new_process(served, tmp_path, "Cy")
    assert again.welcome is not None and again.welcome.name == "Cy"
    assert list(room.players) == [1] and room.players[1].score == score
    await again.close()


async def test_leaving_with_esc_then_joining_with_the_same_name_keeps_the_seat(
    served: PartyServer, tmp_path: Path
) -> None:
    room = served.room
    first = await a_new_process(served, tmp_path, "Cy")
    await first.leave()  # Esc
    await until(lambda: not room.players[1].connected)
    again = await a_new_process(served, tmp_path, " cy ")  # the same name, as typed again
    assert again.welcome is not None and again.welcome.name == "Cy"
    assert list(room.players) == [1]
    other = await a_new_process(served, tmp_path, "Dee")  # another name: another seat
    assert other.welcome is not None and other.welcome.name == "Dee"
    for client in (again, other):
        await client.close()


async def test_a_token_the_host_does_not_know_is_forgotten_and_we_join_anew(
    served: PartyServer, tmp_path: Path
) -> None:
    address = f"127.0.0.1:{served.port}"
    TokenFile(tokens_file(tmp_path)).put(address, PIN, "Cy", "stale-token-of-another-game")
    cy = await a_new_process(served, tmp_path, "Cy")
    assert cy.welcome is not None and cy.welcome.name == "Cy"
    assert TokenFile(tokens_file(tmp_path)).get(address, PIN, "Cy") == cy.welcome.token
    await cy.close()


def test_the_file_is_small_ours_and_keyed_by_host_pin_and_name(tmp_path: Path) -> None:
    now = FakeClock(1_000_000.0)
    tokens = TokenFile(tokens_file(tmp_path), now=now)
    tokens.put("10.0.0.2:8765", "111111", "Cy", "token-aaaaaaaa")
    assert tokens.get("10.0.0.2:8765", "111111", "Cy") == "token-aaaaaaaa"
    for other in (("10.0.0.3:8765", "111111", "Cy"), ("10.0.0.2:8765", "222222", "Cy")):
        assert tokens.get(*other) is None
    assert tokens.get("10.0.0.2:8765", "111111", "Dee") is None
    tokens.put("h:1", "111111", "Cy", "not a token!\n[red]")  # not the protocol's shape
    assert tokens.get("h:1", "111111", "Cy") is None
    for n in range(MAX_TOKENS + 10):
        now.advance(1)
        tokens.put(f"h:{n}", "111111", "Cy", f"token-{n:08d}")
    kept = json.loads(tokens_file(tmp_path).read_text())["tokens"]
    assert len(kept) == MAX_TOKENS and tokens.get(f"h:{MAX_TOKENS + 9}", "111111", "Cy")
    assert tokens.get("10.0.0.2:8765", "111111", "Cy") is None  # the oldest went
    assert [p.name for p in tmp_path.iterdir()] == ["party-tokens.json"]  # no temporary file
    # A damaged, foreign or oversized file is ignored (and replaced at the next save).
    for text in ("{not json", '{"tokens": []}', json.dumps({"version": 1, "tokens": {"k": 1}})):
        tokens_file(tmp_path).write_text(text)
        assert tokens.get("h:1", "111111", "Cy") is None
    big = {"version": 1, "tokens": {"h:1 111111 cy": {"token": "token-xxxxxxxx", "saved": 1}}}
    tokens_file(tmp_path).write_text(json.dumps(big) + " " * MAX_FILE_BYTES)
    assert tokens.get("h:1", "111111", "Cy") is None
    tokens.put("h:1", "111111", "Cy", "token-yyyyyyyy")
    assert tokens.get("h:1", "111111", "Cy") == "token-yyyyyyyy"


def test_quizgame_join_keeps_tokens_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizgame.cli import cli, join
    from quizgame.tui import party_player

    seen: list[PartyClient] = []

    class Recorder:
        def __init__(self, client: PartyClient, **_: object) -> None:
            seen.append(client)
            self.failure = None
            self.return_code = 0
            self.crash_log: Path | None = None

        def run(self) -> None:
            pass

    monkeypatch.setenv("QUIZGAME_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(join, "has_terminal", lambda: True)
    monkeypatch.setattr(party_player, "PlayerApp", Recorder)
    result = CliRunner().invoke(cli, ["join", "127.0.0.1:8711", "--pin", PIN, "--name", "Cy"])
    assert result.exit_code == 0, result.output
    assert seen[0].tokens is not None and seen[0].tokens.path == tmp_path / "party-tokens.json"
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.web_driver:WebDriver")
    CliRunner().invoke(cli, ["join", "127.0.0.1:8711", "--pin", PIN, "--name", "Cy"])
    assert seen[1].tokens is None  # a browser page: the host's folder keeps no player's token
