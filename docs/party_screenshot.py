"""Make the README's picture of a party game's podium: docs/images/party-podium.svg.

Hosts the bundled Parallel Mothers pack headless at 80x24 on loopback (127.0.0.1, a port the OS
picks), with four players joining over the real protocol, a clock that moves only when told, and
a fixed seed, so the picture comes out the same each time.
Usage: python docs/party_screenshot.py
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))  # the test helpers: a clock that moves when told, answers

from tests.clocks import FakeClock  # noqa: E402
from tests.party.helpers import right, wrong  # noqa: E402

from quizgame.core.packs.read import require_pack  # noqa: E402
from quizgame.core.party.room import Phase, Room  # noqa: E402
from quizgame.core.play.dealing import SessionOptions  # noqa: E402
from quizgame.core.play.modes import Mode  # noqa: E402
from quizgame.net.client import PartyClient  # noqa: E402
from quizgame.net.server import PartyServer  # noqa: E402
from quizgame.tui.party_host import HostApp  # noqa: E402

IMAGES = ROOT / "docs" / "images"
PACK = ROOT / "questions" / "parallel-mothers.yaml"
PLAYERS = {"Ana": 5, "Janis": 4, "Arturo": 3, "Teresa": 1}  # right answers of five
SPEED = {"Ana": 4.0, "Janis": 1.0, "Arturo": 2.0, "Teresa": 6.0}  # seconds to answer


async def main() -> None:
    clock = FakeClock()
    options = SessionOptions(count=5, seed=11, mode=Mode.CHALLENGE, time_limit=20)
    room = Room(require_pack(PACK), options, clock=clock, pin="482913")
    server = PartyServer(room)
    app = HostApp(server, join_port=8765, run_clock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        clients = {
            name: PartyClient(f"127.0.0.1:{server.port}", room.pin, name) for name in PLAYERS
        }
        for client in clients.values():
            await asyncio.wait_for(client.join(), 10)
        await pilot.pause(0.5)
        await pilot.press("s")
        for number in range(1, room.total + 1):
            await pilot.pause(0.2)
            start = clock.now
            for name in sorted(SPEED, key=SPEED.__getitem__):
                clock.now = start + SPEED[name]
                is_right = number <= PLAYERS[name]
                given = right(room.current) if is_right else wrong(room.current)
                await clients[name].answer(number, given)
                async with asyncio.timeout(10):
                    while room.players[list(PLAYERS).index(name) + 1].answers.get(number) is None:
                        await pilot.pause(0.01)
            await pilot.pause(0.2)
            assert room.phase is Phase.REVEAL
            await pilot.press("n")
        await pilot.pause(0.5)
        assert room.phase is Phase.OVER
        app.save_screenshot(filename="party-podium.svg", path=str(IMAGES))
        for client in clients.values():
            await client.close()


if __name__ == "__main__":
    asyncio.run(main())
