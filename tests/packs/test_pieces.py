"""A big text a piece at a time: the same lines, text and YAML as in one call."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.core.packs import pieces
from quizgame.core.packs.outline import outline
from quizgame.core.packs.pieces import PieceReader, lines_of, read_text
from quizgame.core.packs.yaml_reader import YamlProblem, read_data

TEXT = (
    "\ufeffid: p\ntitle: 'Ñandú ’quoted’'\r\nquestions:\n"
    '- id: q1\n  prompt: "two\\nlines"\n  answer: é\r\n\r\n'
    "# a comment\n- id: q2\n  prompt: |\n    block\n    text ✓\n  answer: 2\n"
    "notes: last\n"
)


@pytest.fixture(autouse=True)
def tiny_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "PIECE", 3)  # every few characters: every boundary is tried


def test_lines_are_those_of_one_split() -> None:
    assert lines_of(TEXT) == TEXT.splitlines(keepends=True)
    assert lines_of("") == [] and lines_of("no newline") == ["no newline"]
    assert "".join(pieces.pieces(TEXT)) == TEXT


def test_a_file_is_read_as_one_read_text(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_bytes(TEXT.encode("utf-8"))
    assert read_text(path) == path.read_text(encoding="utf-8")
    path.write_bytes(b"id: caf\xc3\xa9\n" * 3 + b"bad: \xff\n")
    with pytest.raises(UnicodeDecodeError) as caught:
        read_text(path)
    assert caught.value.start == len(b"id: caf\xc3\xa9\n" * 3) + len(b"bad: ")


def test_yaml_read_a_piece_at_a_time_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = "id: p\nquestions:\n- id: [unclosed\n"
    in_pieces = read_data(TEXT), outline(TEXT), problem(broken)
    monkeypatch.setattr(pieces, "PIECE", 10**9)  # the whole text in one piece
    assert in_pieces == (read_data(TEXT), outline(TEXT), problem(broken))
    data, where, _problem = in_pieces
    assert data["questions"][1] == {"id": "q2", "prompt": "block\ntext ✓\n", "answer": 2}
    assert where.items == [(3, 2), (8, 2)] and where.questions_line == 2


def problem(text: str) -> tuple[str, int, int]:
    with pytest.raises(YamlProblem) as caught:
        read_data(text)
    return caught.value.message, caught.value.line, caught.value.col


def test_the_reader_gives_the_text_back_then_nothing() -> None:
    reader = PieceReader("ab\ncd\nef")
    got = [reader.read(1) for _ in range(5)]
    assert "".join(got) == "ab\ncd\nef" and got[-1] == ""
