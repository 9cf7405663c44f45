"""The live-quiz spreadsheet (.xlsx): the template read row by row, written back, formulas
escaped, and hostile archives refused."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import openpyxl
import pytest

from quizgame.core.formats import Imported, export_pack, import_text
from quizgame.core.formats.common import NoteCode
from quizgame.core.formats.sheet import reading
from quizgame.core.formats.sheet.template import HEADERS
from quizgame.core.packs.model import Pack, Question, QuestionType


def workbook(rows: list[list[Any]], header_row: int = 8) -> bytes:
    """A template as the live-quiz site hands it out: instructions above the header."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.cell(1, 2, "Quiz template")
    sheet.cell(2, 2, "Add questions, at least two answer alternatives, time limit and ...")
    for column, header in enumerate(HEADERS, 2):
        sheet.cell(header_row, column, header)
    for offset, row in enumerate(rows, 1):
        for column, value in enumerate(row, 1):
            if value is not None:
                sheet.cell(header_row + offset, column, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def convert(data: bytes) -> Imported:
    return import_text(data, "xlsx", pack_id="test", title="Test")


def pack_of(result: Imported) -> Pack:
    assert result.pack is not None, [str(n) for n in result.notes]
    return result.pack


def test_quiz_and_true_false_rows_with_their_time_limits() -> None:
    data = workbook(
        [
            [1, "Capital of Spain?", "Lisbon", "Madrid", "Seville", None, 20, "2"],
            [2, "The Pacific is the largest ocean.", "True", "False", None, None, 10, 1],
            [3, "How many legs has a spider?", 6, 8, None, None, None, "2"],
        ]
    )
    pack = pack_of(convert(data))
    spain, pacific, spider = pack.questions
    assert spain.type is QuestionType.MULTIPLE_CHOICE
    assert (spain.choices, spain.answer, spain.time_limit) == (
        ("Lisbon", "Madrid", "Seville"),
        "Madrid",
        20,
    )
    assert (pacific.type, pacific.answer, pacific.time_limit) == (QuestionType.TRUE_FALSE, True, 10)
    assert (spider.choices, spider.answer, spider.time_limit) == (("6", "8"), "8", None)


def test_rows_that_cannot_be_held_are_reported_at_their_row() -> None:
    data = workbook(
        [
            [1, "Which are EU members?", "Spain", "France", "Norway", None, 20, "1,2"],
            [2, '=HYPERLINK("http://example.com", "Click")', "a", "b", None, None, 20, "1"],
            [3, "Fine?", "Yes", "No", None, None, 20, "1"],
        ]
    )
    result = convert(data)
    pack = pack_of(result)
    assert [q.prompt for q in pack.questions] == ["Fine?"]
    several, formula = result.warnings
    assert several.code is NoteCode.SEVERAL_RIGHT and several.line == 9
    assert formula.code is NoteCode.FORMULA and formula.line == 10 and "B10" in formula.message


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ([1, "Q?", "a", "b", None, None, 20, "3"], "names an empty answer cell"),
        ([1, "Q?", "a", "b", None, None, 20, "x"], "is not a number 1 to 4"),
        ([1, "Q?", "a", "b", None, None, 20, None], "no correct answer"),
        ([1, None, "a", "b", None, None, 20, "1"], "a row with no question"),
        ([1, "Q" * 2_000, "a", "b", None, None, 20, "1"], "cell B9 holds 2,000 characters"),
    ],
)
def test_broken_rows_are_errors_at_their_row(
    row: list[Any], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_CELL_CHARS", 1_000)  # openpyxl cuts what it writes
    result = convert(workbook([row]))
    assert not result.ok
    assert any(n.line == 9 and message in n.message for n in result.errors), [
        str(n) for n in result.notes
    ]


def test_a_file_that_is_no_spreadsheet_is_an_error() -> None:
    assert "not a zip archive" in convert(b"hello").errors[0].message
    assert "no header row" in convert(workbook([], header_row=40)).errors[0].message
    empty = io.BytesIO()
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert "cannot read the spreadsheet" in convert(empty.getvalue()).errors[0].message


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_UNZIPPED_BYTES", 100_000)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 1_000_000)
    assert len(bomb.getvalue()) < 5_000
    (error,) = convert(bomb.getvalue()).errors
    assert "unpacks to 1,000,000 bytes" in error.message


def _pack(*questions: Question) -> Pack:
    return Pack("p", "P", questions)


def test_export_escapes_formulas_and_reads_them_back_as_text() -> None:
    hostile = Question(
        "q1",
        QuestionType.MULTIPLE_CHOICE,
        '=HYPERLINK("http://evil.example", "Click")',
        answer="@SUM(A1)",
        choices=("@SUM(A1)", "+1+1", "-5", "'quoted"),
    )
    written = export_pack(_pack(hostile), "xlsx")
    assert written.data is not None
    sheet = openpyxl.load_workbook(io.BytesIO(written.data)).worksheets[0]
    row = next(iter(sheet.iter_rows(min_row=9, max_row=9)))
    assert [c.value for c in row[1:6]] == [
        '\'=HYPERLINK("http://evil.example", "Click")',
        "'@SUM(A1)",
        "'+1+1",
        "-5",
        "'quoted",
    ]
    assert all(c.data_type == "s" for c in row[1:6])
    back = pack_of(convert(written.data)).questions[0]
    assert (back.prompt, back.choices, back.answer) == (
        hostile.prompt,
        hostile.choices,
        hostile.answer,
    )


def test_export_leaves_out_what_the_template_cannot_hold() -> None:
    five = Question(
        "five", QuestionType.MULTIPLE_CHOICE, "Q?", answer="a", choices=("a", "b", "c", "d", "e")
    )
    typed = Question("typed", QuestionType.TYPED, "Q?", answer="a")
    written = export_pack(_pack(five, typed), "xlsx")
    assert written.count == 0
    assert [n.code for n in written.notes] == [NoteCode.TOO_MANY_CHOICES, NoteCode.TYPE_NOT_HELD]


def test_control_characters_never_reach_a_cell() -> None:
    question = Question("q", QuestionType.TRUE_FALSE, "Is \x1b[31mred\x07 red?", answer=True)
    written = export_pack(_pack(question), "xlsx")
    assert written.data is not None
    back = pack_of(convert(written.data)).questions[0]
    assert back.prompt == "Is red red?"
    assert written.notes[0].code is NoteCode.CONTROLS_NOT_KEPT


def test_entities_inside_the_archive_are_refused() -> None:
    """openpyxl parses with defusedxml when it is installed (a dependency for Moodle XML): a
    sheet that declares entities is an error, never expanded."""
    good = workbook([[1, "Q?", "a", "b", None, None, 20, "1"]])
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(bomb, "w") as target:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                head, _, rest = text.rpartition("?>")
                declared = '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                data = (head + "?>" * bool(head) + declared + rest).encode()
            target.writestr(part, data)
    result = convert(bomb.getvalue())
    assert not result.ok
    assert result.errors[0].message.startswith("refused: the spreadsheet's XML declares entities")
