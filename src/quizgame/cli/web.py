"""The web player: textual-serve serving `quizgame join` to browsers (run by `host --web`).

    python -m quizgame.cli.web BIND PORT JOIN_ADDRESS PIN PUBLIC_URL

Each page that opens runs one `quizgame join JOIN_ADDRESS --pin PIN` (which asks the name).
Started by `host --web`, it ends with every page's process when the host does, however the host
ended (`cli.lifeline`).
"""

from __future__ import annotations

import shlex
import sys


def serve(bind: str, port: int, join: str, pin: str, public_url: str) -> None:
    """Serve until stopped (SIGTERM or SIGINT)."""
    from textual_serve.server import Server

    command = shlex.join([sys.executable, "-m", "quizgame", "join", join, "--pin", pin])
    Server(command, host=bind, port=port, title="quizgame party", public_url=public_url).serve()


if __name__ == "__main__":
    from quizgame.cli.lifeline import follow_parent

    follow_parent()
    serve(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5].rstrip("/"))
