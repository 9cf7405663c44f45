"""`quizgame host`: open a room for a party game; players join from their terminals or browsers."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import click

from quizgame.cli.common import UserError, data_dir_option, packs_option, places
from quizgame.cli.lifeline import start_group, stop_group
from quizgame.cli.party_options import game_options, options_of
from quizgame.cli.play import has_terminal, pack_or_default, resolve_pack
from quizgame.core import paths

DEFAULT_PORT = 8765


@click.command("host")
@game_options
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="The port players join on (0: any free one); --web serves on the next one.",
)
@click.option(
    "--bind",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on; 0.0.0.0 lets other computers join (the screen says so).",
)
@click.option(
    "--web", is_flag=True, help="Also serve the player's screen to browsers (with a QR code)."
)
@click.option(
    "--resume",
    is_flag=True,
    help="Reopen the last hosted game that did not finish (e.g. the host was killed).",
)
@packs_option
@data_dir_option
def command(
    pack_ref: str | None,
    count: int,
    seed: int | None,
    difficulty: str | None,
    categories: tuple[str, ...],
    spoiler: str,
    time_limit: float | None,
    port: int,
    bind: str,
    web: bool,
    resume: bool,
    pack_dirs: tuple[str, ...],
    data_dir: str | None,
) -> None:
    """Host a quiz: a room PIN, the players as they join, then each question on this screen."""
    from quizgame.core.party.log import PartyLog, load_game, resume_room
    from quizgame.core.party.players import RoomError
    from quizgame.core.party.room import Room
    from quizgame.core.scores.database import StoreError

    if not has_terminal():
        raise UserError("hosting needs a terminal")
    where = places(data_dir, pack_dirs)
    try:
        log = PartyLog(paths.scores_db(where.data))
    except StoreError as exc:
        raise UserError(str(exc)) from None
    try:
        if resume:
            saved = log.read(load_game)
            if saved is None:
                raise UserError("no unfinished hosted game to resume")
            pack = resolve_pack(saved.pack_ref, where)
            room = Room(pack, saved.options, pin=saved.pin)
            resume_room(log, saved, room)
        else:
            pack = pack_or_default(pack_ref, where)
            options = options_of(count, seed, difficulty, categories, spoiler, time_limit)
            try:
                room = Room(pack, options)
            except RoomError as exc:
                raise UserError(f"{pack.id}: {exc}") from None
            log.start_game(room, pack_ref or pack.id)
        run_host(room, bind, port, web, where.data / "crash.log")
        log.host_quit()  # not after a crash (run_host raised): that game stays resumable
    finally:
        log.close()


def run_host(room: object, bind: str, port: int, web: bool, crash_log: Path) -> None:
    """The host's screen on `room`, serving on `bind:port` (and the web player with `web`)."""
    import asyncio

    from quizgame.core.party.room import Room
    from quizgame.net.loop import HostLoopPolicy
    from quizgame.net.server import PartyServer
    from quizgame.tui.party_host import HostApp

    assert isinstance(room, Room)
    server = PartyServer(room, host=bind, port=port, freeze_gc=True)
    join_host = join_host_for(bind)
    web_process = None
    web_url = None
    if web:
        if port == 0:
            raise UserError("--web needs a fixed --port (it serves on the next one)")
        web_url = f"http://{join_host}:{port + 1}/"
        web_process = start_web(bind, port + 1, f"127.0.0.1:{port}", room.pin, web_url)
    app = HostApp(server, join_host=join_host, web_url=web_url)
    app.crash_log = crash_log
    # The app's loop reads a bounded number of players a turn (see `net.loop`).
    asyncio.set_event_loop_policy(HostLoopPolicy())
    try:
        app.run()
    finally:
        if web_process is not None:
            stop_group(web_process)
    if app.return_code:
        raise SystemExit(app.return_code)


def start_web(
    bind: str, port: int, join: str, pin: str, public_url: str
) -> subprocess.Popen[bytes]:
    """textual-serve in its own process: each browser page runs `quizgame join` for one player.

    It ends with every page's process when this one does: on quitting (`stop_group`), and on
    being killed, even with SIGKILL (its lifeline, `cli.lifeline`)."""
    return start_group(
        [sys.executable, "-m", "quizgame.cli.web", bind, str(port), join, pin, public_url]
    )


ALL_INTERFACES = ("0.0.0.0", "::", "")
# TEST-NET-1 (RFC 5737): never routed, so a UDP `connect` to it only asks the kernel which
# interface would send there; nothing is sent.
PROBE_ADDRESS = ("192.0.2.1", 9)


def join_host_for(bind: str, lan: Callable[[], str | None] | None = None) -> str:
    """The address players are told to join at when the host listens on `bind`: bound to all
    interfaces, this computer's address on the network (`lan_address`), and 127.0.0.1 only when
    it has no other (the lobby then says the game is open to this computer alone)."""
    if bind not in ALL_INTERFACES:
        return bind
    return (lan or lan_address)() or "127.0.0.1"


def lan_address() -> str | None:
    """This computer's address on the local network, for the join line; None if it has only
    loopback ones. The outbound interface's first (found without sending anything), then the
    host name's (often 127.0.1.1 on Debian, so never trusted alone)."""
    for find in (_outbound_address, _hostname_address):
        address = find()
        if address and not _loopback(address):
            return address
    return None


def _outbound_address() -> str | None:
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(PROBE_ADDRESS)
            return str(probe.getsockname()[0])
    except OSError:
        return None


def _hostname_address() -> str | None:
    import socket

    try:
        return socket.gethostbyname(socket.gethostname())
    except OSError:
        return None


def _loopback(address: str) -> bool:
    import ipaddress

    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified
