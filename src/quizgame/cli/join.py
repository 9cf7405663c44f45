"""`quizgame join HOST:PORT --pin PIN`: play in a room someone is hosting."""

from __future__ import annotations

import os
import re

import click

from quizgame.cli.common import UserError, data_dir_option
from quizgame.cli.play import has_terminal
from quizgame.core import paths


def served_to_a_browser() -> bool:
    """Run by textual-serve (`host --web`): the screen is a browser page, drawn over pipes."""
    return os.environ.get("TEXTUAL_DRIVER", "").startswith("textual.drivers.web_driver")


@click.command("join")
@click.argument("address", metavar="HOST:PORT")
@click.option("--pin", required=True, help="The room's six-digit PIN, from the host's screen.")
@click.option("--name", help="Your name in the room (asked when not given).")
@data_dir_option
def command(address: str, pin: str, name: str | None, data_dir: str | None) -> None:
    """Join a hosted quiz: answer each question on your own screen, see your rank and the podium.

    A host that cannot be reached within 10 seconds: one line saying so, and exit status 1.

    The game is the host's: your data folder (--data-dir) keeps only your rejoin tokens
    (party-tokens.json: the same command later rejoins as the same player, with the score) and
    a crash log, should this program have a bug."""
    if not re.fullmatch(r"[0-9]{6}", pin):
        raise UserError("the PIN is six digits, as the host's screen shows it")
    if not re.fullmatch(r"(wss?://)?[\w.\-\[\]:]+:[0-9]{1,5}/?", address):
        raise UserError(f"'{address}' is not HOST:PORT (e.g. 127.0.0.1:8765)")
    if not (has_terminal() or served_to_a_browser()):
        raise UserError("joining needs a terminal")
    from quizgame.core.party.tokens import TokenFile, tokens_file
    from quizgame.net.client import PartyClient
    from quizgame.tui.party_player import PlayerApp

    base = paths.data_dir(data_dir)
    browser = served_to_a_browser()
    # A browser page runs on the host's computer, in the host's data folder: its players'
    # tokens are not kept there (two people typing one name would take each other's seat).
    tokens = None if browser else TokenFile(tokens_file(base))
    client = PartyClient(address, pin, name or "", tokens=tokens)
    app = PlayerApp(client, leave_when_unreachable=not browser)
    app.crash_log = base / "crash.log"
    app.run()
    if app.failure:
        raise UserError(app.failure)
    if app.return_code:
        raise SystemExit(app.return_code)
