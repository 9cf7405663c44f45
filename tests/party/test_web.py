"""The web player: `host --web` serves `quizgame join` through textual-serve, and a real headless
Chromium (Debian's package, driven by selenium) joins, answers and reaches the podium.

Skipped, saying why, only where Chromium or its driver is not installed (`.ci/run` installs
them). Everything is on 127.0.0.1 and bounded in time.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quizgame.cli.lifeline import start_group, stop_group
from quizgame.core.party.room import Phase
from quizgame.net.server import PartyServer
from tests.clocks import FakeClock
from tests.party.helpers import PIN, make_room, right

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--window-size=1000,700",
]
TIMEOUT = 60.0  # seconds for any one wait; the whole test is bounded by WHOLE
WHOLE = 180.0

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="no Chromium here: apt-get install chromium chromium-driver (.ci/run does)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(TIMEOUT)
    try:
        yield driver
    finally:
        driver.quit()


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(TIMEOUT):
        while not condition():
            await asyncio.sleep(0.05)


async def test_a_browser_joins_answers_and_reaches_the_podium(
    browser: Any, clock: FakeClock, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    server = PartyServer(make_room(clock, count=2))  # multiple choice: a number key answers
    await server.start(run_clock=False)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    serving = [f"127.0.0.1:{server.port}", PIN, url]  # what to join, and the public URL
    # In its own process group, as `host --web` starts it: stopping it ends the `quizgame join`
    # each page started too (none is left retrying after the test).
    web = start_group([sys.executable, "-m", "quizgame.cli.web", "127.0.0.1", str(port), *serving])
    room = server.room

    def keys(text: str) -> None:
        box = WebDriverWait(browser, TIMEOUT).until(
            lambda d: d.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        )
        box.send_keys(text)

    try:
        async with asyncio.timeout(WHOLE):
            await until(lambda: _listening(port))
            await asyncio.to_thread(browser.get, url)
            # The page's terminal runs `quizgame join`, which asks the name first. Keys sent
            # before the name box is up are lost, so wait for the page to draw it (its picture
            # grows from the empty terminal's: watched from the page's load, so as not to miss
            # that), then type the name, clearing the box first, until the page shows it; then
            # Enter, until the host has the player.
            name_box = await _drawn(browser)
            assert _first_byte(browser)
            for _ in range(6):
                await asyncio.to_thread(keys, Keys.BACKSPACE * 20)  # focuses the box: the
                await asyncio.to_thread(keys, "Webby")  # first keys after that may be lost
                with contextlib.suppress(TimeoutError):
                    await _settled(browser, since=name_box, wait=5.0)
                    break
            else:
                raise AssertionError("the name typed never showed on the page")
            await retry(lambda: keys(Keys.ENTER), lambda: bool(room.players))
            assert room.players[1].name == "Webby"
            server.start_game()
            for number in (1, 2):
                choice = room.current.choices.index(right(room.current)) + 1
                answered = lambda: len(room.players[1].answers) == number  # noqa: B023, E731
                await retry(lambda: keys(str(choice)), answered)  # noqa: B023
                assert room.players[1].answers[number].verdict == "correct"
                before_podium = await _picture(browser)
                server.tick()
                server.advance()
            assert room.phase is Phase.OVER
            podium = await _settled(browser, since=before_podium)  # the podium, drawn
            (tmp_path / "podium.png").write_bytes(podium)
            body = await asyncio.to_thread(browser.find_element, By.TAG_NAME, "body")
            assert "-closed" not in (body.get_attribute("class") or "")  # the app still runs
            assert 1 in server.connections  # and is still connected, on the podium
    finally:
        await asyncio.to_thread(stop_group, web)
        await server.close()
    assert not _live_in_group(web.pid), "a process the web server started outlived it"


def _live_in_group(group: int) -> list[int]:
    """The live processes (not zombies) of process group `group`, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == group:
            found.append(int(stat.parent.name))
    return found


async def retry(act: Callable[[], None], done: Callable[[], bool], tries: int = 6) -> None:
    """Do `act` (in a thread: selenium blocks) until `done`, waiting up to 10 s after each."""
    for _ in range(tries):
        await asyncio.to_thread(act)
        try:
            async with asyncio.timeout(10.0):
                while not done():
                    await asyncio.sleep(0.05)
            return
        except TimeoutError:
            continue
    raise AssertionError(f"not done after {tries} tries")


async def _picture(browser: Any) -> bytes:
    """The page as a PNG (selenium blocks: in a thread)."""
    picture: bytes = await asyncio.to_thread(browser.get_screenshot_as_png)
    return picture


async def _drawn(browser: Any, grown: int = 2_000, wait: float = 20.0) -> bytes:
    """The page's picture once the app has drawn its first screen, and then holds still
    (`_settled`). Drawn: the picture has grown by `grown` bytes of PNG from the smallest seen
    (the empty terminal, between the page's loading picture and the app's first screen), or it
    is no longer the loading picture and as large as it (the empty terminal came and went
    between two pictures). Waits at most `wait` s for that, then goes on."""
    loading = await _picture(browser)
    least = len(loading)

    def drawn(picture: bytes) -> bool:
        size = len(picture)
        return size >= least + grown or (picture != loading and size >= len(loading))

    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(wait):
            while not drawn(picture := await _picture(browser)):
                least = min(least, len(picture))
                await asyncio.sleep(0.1)
    return await _settled(browser)


async def _settled(
    browser: Any, since: bytes = b"", still: int = 3, wait: float = TIMEOUT
) -> bytes:
    """The page's picture once it differs from `since` and then holds still (`still` pictures
    in a row the same, about 0.1 s apart; a text cursor's blink is slower), waiting at most
    `wait` s (TimeoutError): the app has drawn what it was sent. A wait on what the page
    shows, not a fixed pause."""
    async with asyncio.timeout(wait):
        same, last = 0, b""
        while same < still:
            await asyncio.sleep(0.1)
            picture = await _picture(browser)
            same = same + 1 if picture == last and picture != since else 1
            last = picture
    return last


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _first_byte(browser: Any) -> bool:
    """The page has had the app's first bytes (textual-serve marks the body)."""
    from selenium.webdriver.common.by import By

    body = browser.find_element(By.TAG_NAME, "body")
    return "-first-byte" in (body.get_attribute("class") or "")
