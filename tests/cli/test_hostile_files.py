"""Files and paths from the command line: one bad pack never hides the others, a link is never
written through, ids are matched whole, file names are cleaned like pack text, and a closed
pipe ends quietly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgame.cli import cli

PACK = "id: {id}\ntitle: T\nquestions:\n- {{id: a, type: true_false, prompt: x, answer: true}}\n"
AIKEN = "What?\nA. one\nB. two\nANSWER: A\n"
# A file name that would retitle the terminal, clear it and reverse the text after it.
HOSTILE_NAME = "x\x1b]0;pwned\x07\x1b[2J\u202e.yaml"
RAW = ("\x1b", "\x07", "\u202e")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_one_bad_pack_hides_no_other(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "a.yaml").write_text("id: a\ntitle: !!int abc\nquestions: []\n")
    (packs / "b.yaml").write_text(PACK.format(id="b").replace("true}", "0x_}"))
    (packs / "c.yaml").write_text(PACK.format(id="c").replace("true}", "1" + "0" * 400 + "}"))
    (packs / "d.yaml").write_text(PACK.format(id="good"))
    code, out, err = run("validate", str(packs))
    assert code == 1
    assert f"{packs / 'a.yaml'}:2:8: 'abc' is not a valid !!int" in err
    assert f"{packs / 'd.yaml'}: ok, 1 question" in out
    assert "internal error" not in err
    code, out, err = run("--data-dir", str(tmp_path / "data"), "packs", "--packs", str(packs))
    assert code == 0 and "internal error" not in err
    assert out.count("BROKEN") == 3 and "good" in out


# --- links ------------------------------------------------------------------------------------


def test_import_never_writes_through_a_dangling_link(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "packs").mkdir(parents=True)
    outside = tmp_path / "outside.yaml"
    (data / "packs" / "all.yaml").symlink_to(outside)
    source = tmp_path / "q.txt"
    source.write_text(AIKEN)
    code, _out, err = run(
        "--data-dir", str(data), "import", "--from", "aiken", str(source), "--id", "all"
    )
    assert code == 1
    assert "symbolic link" in err and "wrote" not in err
    assert not outside.exists()


def test_force_never_overwrites_a_links_target(tmp_path: Path) -> None:
    target = tmp_path / "precious.yaml"
    target.write_text("precious")
    link = tmp_path / "out.yaml"
    link.symlink_to(target)
    source = tmp_path / "q.txt"
    source.write_text(AIKEN)
    code, _out, err = run("import", "--from", "aiken", str(source), "-o", str(link), "--force")
    assert code == 1 and "symbolic link" in err
    assert target.read_text() == "precious" and link.is_symlink()
    code, _out, err = run("new", "p", "-o", str(link), "--force")
    assert code == 1 and "symbolic link" in err
    assert target.read_text() == "precious"


# --- ids ------------------------------------------------------------------------------------


def test_an_id_ending_in_a_newline_is_no_id(tmp_path: Path) -> None:
    pack = tmp_path / "nl.yaml"
    pack.write_text(PACK.format(id='"nl\\n"'))
    code, _out, err = run("validate", str(pack))
    assert code == 1 and "should be a slug" in err
    data = tmp_path / "data"
    source = tmp_path / "q.txt"
    source.write_text(AIKEN)
    code, _out, err = run(
        "--data-dir", str(data), "import", "--from", "aiken", str(source), "--id", "nl\n"
    )
    assert code == 1
    assert not (data / "packs").exists() or list((data / "packs").iterdir()) == []


# --- names shown ------------------------------------------------------------------------------


def _hostile_pack(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / HOSTILE_NAME
    path.write_text(PACK.format(id="hostile"))
    return path


def test_validate_cleans_file_names(tmp_path: Path) -> None:
    path = _hostile_pack(tmp_path / "packs")
    code, out, err = run("validate", str(path))
    assert code == 0 and "ok, 1 question" in out
    assert not any(c in out + err for c in RAW)
    code, out, _err = run("validate", "--format", "json", str(path))
    assert code == 0 and not any(c in out for c in RAW)
    assert json.loads(out)[0]["path"] == str(path)  # the same data, escaped


def test_packs_cleans_file_names(tmp_path: Path) -> None:
    path = _hostile_pack(tmp_path / "packs")
    data = str(tmp_path / "data")
    code, out, _err = run("--data-dir", data, "packs", "--packs", str(path.parent))
    assert code == 0 and "hostile" in out
    assert not any(c in out for c in RAW)
    code, out, _err = run(
        "--data-dir", data, "packs", "--format", "json", "--packs", str(path.parent)
    )
    assert not any(c in out for c in RAW)
    assert str(path) in [row["path"] for row in json.loads(out)]


def test_export_cleans_the_name_it_refuses(tmp_path: Path) -> None:
    pack = _hostile_pack(tmp_path / "packs")
    existing = tmp_path / ("out\x1b]0;pwned\x07\u202e.gift")
    existing.write_text("mine")
    code, out, err = run("export", str(pack), "-o", str(existing), "--to", "gift")
    assert code == 1 and "already exists" in err
    assert not any(c in out + err for c in RAW)
    fresh = tmp_path / ("new\x1b[2J.gift")
    code, out, err = run("export", str(pack), "-o", str(fresh), "--to", "gift")
    assert code == 0 and "wrote" in out
    assert not any(c in out + err for c in RAW)


# --- a closed pipe ----------------------------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="a POSIX pipe")
def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    packs.mkdir()
    for i in range(400):  # more than a pipe's buffer of output
        (packs / f"p{i:03}.yaml").write_text(PACK.format(id=f"p{i:03}"))
    command = [sys.executable, "-m", "quizgame", "--data-dir", str(tmp_path / "d")]
    with subprocess.Popen(
        [*command, "packs", "--packs", str(packs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # as `| head -1` does
        err = proc.stderr.read().decode()
        code = proc.wait()
    assert err == ""
    assert code in (0, 141)
