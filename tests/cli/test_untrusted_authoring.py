"""Pack text never reaches the terminal raw from import, export, scores or history."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from quizgame.cli import cli
from quizgame.core import paths
from quizgame.core.scores.store import ScoreStore
from tests.clocks import WallClock
from tests.played import make_pack, play

# A prompt that would turn the terminal red (7- and 8-bit CSI) and a title that would retitle it (YAML escapes).
HOSTILE = """\
id: hostile
title: "T\\e]0;PWNED\\aRED"
license: "CC0\\e[2J"
questions:
  - id: a
    type: multiple_choice
    prompt: "Hi \\e[31mred\\x9b0m"
    choices: [x, y]
    answer: x
  - id: b
    type: true_false
    prompt: Plain
    answer: true
"""


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _no_control_characters(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output


def test_export_to_gift_prints_no_escapes_and_says_what_it_took_out(tmp_path: Path) -> None:
    pack = tmp_path / "hostile.yaml"
    pack.write_text(HOSTILE, encoding="utf-8")
    code, out, err = _run("export", str(pack), "--to", "gift")
    assert code == 0
    _no_control_characters(out + err)
    assert "::a::Hi red{" in out and "// title: TRED" in out
    assert err.splitlines() == [
        f"{pack}: warning: question 1 (a): control characters (terminal escapes) not kept "
        "(GIFT has no way to write them)",
        f"{pack}: warning: the pack's own fields: control characters (terminal escapes) not "
        "kept (GIFT has no way to write them)",
    ]


def test_export_to_opentdb_escapes_them_and_keeps_them(tmp_path: Path) -> None:
    pack = tmp_path / "hostile.yaml"
    pack.write_text(HOSTILE, encoding="utf-8")
    code, out, err = _run("export", str(pack), "--to", "opentdb")
    assert code == 0
    _no_control_characters(out + err)
    data = json.loads(out)
    assert data["results"][0]["question"] == "Hi \x1b[31mred\x9b0m"
    assert data["license"] == "CC0\x1b[2J"


def test_import_warnings_quoting_pack_text_print_no_escapes(tmp_path: Path) -> None:
    source = tmp_path / "q.gift"
    source.write_text("::a::Q? {=x ~%50%\x1b]0;PWN\x07y}\n", encoding="utf-8")
    code, _, err = _run("import", str(source), "-o", str(tmp_path / "q.yaml"))
    assert code == 0
    _no_control_characters(err)
    assert "partial credit not kept, these now count as wrong: 'y' (50%)" in err


def test_scores_and_history_print_no_escapes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with ScoreStore.open(paths.scores_db(data), now=WallClock()) as store:
        play(store, make_pack("bad\x1b[2J\x9b31mid"), [True, False])
    for command in ("scores", "history"):
        code, out, _ = _run(command, "--data-dir", str(data))
        assert code == 0
        _no_control_characters(out)
        assert "badid" in out
        code, out, _ = _run(command, "--data-dir", str(data), "--format", "json")
        _no_control_characters(out)
        assert json.loads(out)[0]["pack_id"] == "bad\x1b[2J\x9b31mid"  # escaped, not lost
