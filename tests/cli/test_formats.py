"""`quizgame import` and `export` with the formats of the table: told by extension and
content, flashcard options, binary output, hostile files as one-line errors."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from quizgame.cli import cli
from quizgame.core.packs.read import load_pack
from tests.paths import REPO, TEST_DATA

BUNDLED = REPO / "questions" / "parallel-mothers.yaml"
SAMPLE = TEST_DATA / "opentdb" / "sample.json"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("suffix", "fmt"), [(".xml", "moodle"), (".xlsx", "xlsx"), (".csv", "csv")]
)
def test_export_then_import_by_file_name(tmp_path: Path, suffix: str, fmt: str) -> None:
    exported = tmp_path / f"quiz{suffix}"
    pack_file = tmp_path / "sample.yaml"
    assert run("import", str(SAMPLE), "-o", str(pack_file))[0] == 0
    code, out, _ = run("export", str(pack_file), "-o", str(exported))
    assert code == 0 and out.startswith(f"wrote {exported}: 42 of 42 questions")
    back = tmp_path / "back.yaml"
    code, out, err = run("import", str(exported), "-o", str(back))
    assert code == 0 and "42 questions" in out, err
    original, again = load_pack(pack_file).pack, load_pack(back).pack
    assert original is not None and again is not None
    assert [q.prompt for q in again.questions] == [q.prompt for q in original.questions]


def test_an_xlsx_is_never_printed(tmp_path: Path) -> None:
    code, out, err = run("export", str(BUNDLED), "--to", "xlsx")
    assert code == 2 and out == ""
    assert "a live-quiz spreadsheet is not text to print; name a file with -o FILE.xlsx" in err


def test_an_exported_xlsx_is_the_template(tmp_path: Path) -> None:
    target = tmp_path / "film.xlsx"
    code, out, err = run("export", str(BUNDLED), "-o", str(target))
    assert code == 0 and out.startswith(f"wrote {target}: ") and " questions (" in out
    assert "holds quiz and true/false questions, not numeric: not exported" in err
    sheet = openpyxl.load_workbook(io.BytesIO(target.read_bytes())).worksheets[0]
    header = [c.value for c in sheet[8]]
    assert header[1] == "Question - max 120 characters" and str(header[7]).startswith("Correct")
    assert sheet["A1"].value == "quizgame pack: parallel-mothers"


def test_flashcards_from_a_csv_with_choices(tmp_path: Path) -> None:
    words = tmp_path / "words.csv"
    words.write_text("cat,Katze\ndog,Hund\nbird,Vogel\nfish,Fisch\n", encoding="utf-8")
    target = tmp_path / "words.yaml"
    code, _out, err = run(
        "import", str(words), "--choices", "3", "--ask", "definition", "-o", str(target)
    )
    assert code == 0, err
    pack = load_pack(target).pack
    assert pack is not None and pack.description == "Imported from words.csv (flashcards)."
    first = pack.questions[0]
    assert (first.prompt, first.answer, len(first.choices)) == ("Katze", "cat", 3)


def test_flashcard_options_are_for_flashcards_only(tmp_path: Path) -> None:
    source = tmp_path / "q.gift"
    source.write_text("::q:: Q? {T}\n", encoding="utf-8")
    code, _, err = run("import", str(source), "--choices", "3", "-o", str(tmp_path / "q.yaml"))
    assert code == 2 and "--choices is for flashcards; q.gift is read as GIFT" in err


def test_flashcard_options_tell_a_txt_is_flashcards(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("cat,Katze\ndog,Hund\nbird,Vogel\n", encoding="utf-8")
    target = tmp_path / "words.yaml"
    code, _, err = run("import", str(words), "--choices", "2", "-o", str(target))
    assert code == 0, err
    pack = load_pack(target).pack
    assert pack is not None and len(pack.questions[0].choices) == 2


def test_from_overrides_the_extension(tmp_path: Path) -> None:
    source = tmp_path / "download.json"
    source.write_text("Q?\nA) yes\nB) no\nANSWER: A\n", encoding="utf-8")
    target = tmp_path / "q.yaml"
    code, _, err = run("import", str(source), "-o", str(target))
    assert code == 1 and "download.json:1: error: not valid JSON" in err
    code, _, err = run("import", str(source), "--from", "aiken", "-o", str(target))
    assert code == 0, err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "bomb.xml",
            '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz>&a;</quiz>\n',
            "bomb.xml:2: error: refused: the file has a DTD",
        ),
        ("zip.xlsx", "PK\x03\x04 not really", "zip.xlsx: error: not an .xlsx file"),
        ("cells.csv", "prompt,answer\n" + "x" * 40_000 + ",y\n", "cells.csv:2: error: cell A"),
        ("deep.json", "[" * 100_000, "deep.json:1: error: nested more than 100 levels deep"),
    ],
)
def test_hostile_files_are_one_line_errors(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    code, _out, err = run("import", str(source), "-o", str(tmp_path / "out.yaml"))
    assert code == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "out.yaml").exists()


def test_a_thousand_broken_lines_print_as_a_hundred_and_a_count(tmp_path: Path) -> None:
    source = tmp_path / "cards.tsv"
    source.write_text("lonely\n" * 1_000, encoding="utf-8")
    code, _, err = run("import", str(source), "-o", str(tmp_path / "out.yaml"))
    lines = err.splitlines()
    assert code == 1 and len(lines) == 102
    assert lines[-2] == f"{source}: ... and 900 more errors (--verbose lists every one)"
