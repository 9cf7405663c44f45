"""Helpers for the party screens' tests: a hosted room on loopback and players joining it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.pilot import Pilot

from quizgame.net.client import PartyClient
from quizgame.net.server import PartyServer
from tests.clocks import FakeClock
from tests.party.helpers import PIN, all_types, make_room

TIMEOUT = 5.0  # seconds: no wait in these tests is longer


def hosted(clock: FakeClock, count: int = 3, seed: int = 1) -> PartyServer:
    """A server (not yet started) for a room on the all-types pack, PIN `PIN`."""
    return PartyServer(make_room(clock, pack=all_types(), count=count, seed=seed))


async def join(server: PartyServer, *names: str) -> list[PartyClient]:
    clients = [PartyClient(f"127.0.0.1:{server.port}", PIN, name) for name in names]
    for client in clients:
        await asyncio.wait_for(client.join(), TIMEOUT)
    return clients


async def until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Let the app run (bounded by TIMEOUT) until `condition` holds."""
    async with asyncio.timeout(TIMEOUT):
        while not condition():
            await pilot.pause(0.01)
