"""Every importer fed text made of its own syntax in any order: a pack or notes, never an
exception. Hypothesis runs a bounded number of examples, derandomized, so a run is repeatable
and CI sees the same examples each time."""

from __future__ import annotations

import io
import json
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgame.core.formats import FORMATS, Imported, import_text

FUZZ = settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _pieces(*pieces: str) -> st.SearchStrategy[str]:
    """Text made of a format's own pieces and a few characters that tend to break parsers."""
    odd = st.sampled_from(["\n", "\n\n", " ", "\t", "\r", "\ufeff", "²", "\ud800", "\x1b[2J", "é"])
    words = st.text(alphabet="ab1.-", max_size=4)
    return st.lists(st.sampled_from(pieces) | odd | words, max_size=40).map("".join)


def _check(result: Imported, text: str | bytes) -> None:
    lines = (len(text.splitlines()) if isinstance(text, str) else 10**6) + 2
    for note in result.notes:
        assert note.message
        assert note.line is None or 1 <= note.line <= lines, note
    if result.pack is not None:
        assert result.text is not None and not result.errors


def _import(text: str | bytes, fmt: str) -> Imported:
    result = import_text(text, fmt, pack_id="fuzz", title="Fuzz")
    _check(result, text)
    return result


GIFT = _pieces(
    "::", "::t::", "{", "}", "=", "~", "#", "##", "####", "->", "%50%", "%-100%", "%1e400%",
    "\\", "\\{", "\\n", "[html]", "[moodle]", "[plain]", "<p>", "&amp;", "&nbsp;", "&#0;",
    "$CATEGORY: a/b", "// ", "// [tag:x]", "// quizgame pack: p", "// version: ²", "T", "FALSE",
    "1e400", "1e308..1e309", ":", "..", "*",
)  # fmt: skip
AIKEN = _pieces("A. ", "A)", "B) ", "C.", "ANSWER: ", "ANSWER: A", "ANSWER:", "Z) ", "Q?")
CSV = _pieces(
    "id,type,prompt,choices,answer\n", "prompt,answer\n", ",", '"', '""', "|", "\\|", "'=",
    "=", "+", "@", "multiple_choice", "true_false", "numeric", "matching", "ordering", "->",
    "true", "1e400", "nan",
)  # fmt: skip
CARDS = _pieces("\t", ",", '"', "#separator:tab\n", "term\tdefinition\n", "'=", "=1+1")
MOODLE = _pieces(
    '<?xml version="1.0"?>', "<quiz>", "</quiz>", '<question type="multichoice">',
    '<question type="truefalse">', '<question type="numerical">', '<question type="matching">',
    '<question type="ordering">', '<question type="category">', "</question>",
    '<questiontext format="html">', "</questiontext>", "<text>", "</text>", "<![CDATA[<p>x",
    "]]>", '<answer fraction="100">', '<answer fraction="1e400">', "</answer>", "<subquestion>",
    "</subquestion>", "<tolerance>", "</tolerance>", "<!DOCTYPE quiz [", "<!ENTITY a 'x'>",
    "]>", "&a;", "&amp;", "<!--", "-->", "<img src='x'>",
)  # fmt: skip


@FUZZ
@given(GIFT)
def test_gift_never_raises(text: str) -> None:
    _import(text, "gift")


@FUZZ
@given(AIKEN)
def test_aiken_never_raises(text: str) -> None:
    result = _import(text, "aiken")
    if result.pack is not None:  # an ANSWER: line never ends up in a prompt
        assert not any("ANSWER:" in q.prompt.upper() for q in result.pack.questions)


@FUZZ
@given(CSV)
def test_csv_never_raises(text: str) -> None:
    _import(text, "csv")


@FUZZ
@given(CARDS)
def test_flashcards_never_raise(text: str) -> None:
    _import(text, "flashcards")


@FUZZ
@given(MOODLE)
def test_moodle_xml_never_raises(text: str) -> None:
    _import(text, "moodle")


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.sampled_from(["multiple", "boolean", "True", "easy", "&quot;", "bXVsdGlwbGU=", "%20"])
    | st.text(max_size=5)
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=15,
)
_ENTRY = st.fixed_dictionaries(
    {},
    optional={
        key: _JSON for key in ("type", "difficulty", "category", "question", "correct_answer")
    }
    | {"incorrect_answers": _JSON},
)
_OPENTDB = st.fixed_dictionaries(
    {"results": st.lists(_ENTRY, max_size=4)}, optional={"response_code": _JSON}
)


@settings(FUZZ, max_examples=30)  # building the JSON is the slow part
@given(_OPENTDB)
def test_opentdb_never_raises(payload: dict[str, Any]) -> None:
    _import(json.dumps(payload), "opentdb")


@FUZZ
@given(
    _pieces('{"results": [', "{", "}", "[", "]", '"', "\\ud800", "\\u", ",", ":", "1e999", "9" * 50)
)
def test_opentdb_text_never_raises(text: str) -> None:
    _import(text, "opentdb")


_CELL = (
    st.none()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["True", "False", "1", "1,2", "5", "x", "=1+1", "'=x", ""])
    | st.text(alphabet="ab ,=+-@'", max_size=8)
)


@settings(FUZZ, max_examples=20)
@given(st.lists(st.lists(_CELL, min_size=8, max_size=8), max_size=4))
def test_the_xlsx_template_never_raises(rows: list[list[Any]]) -> None:
    from quizgame.core.formats.sheet.template import HEADERS

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for column, header in enumerate(HEADERS, 2):
        sheet.cell(8, column, header)
    for row_number, row in enumerate(rows, 9):
        for column, value in enumerate(row, 1):
            sheet.cell(row_number, column, value)
    out = io.BytesIO()
    book.save(out)
    _import(out.getvalue(), "xlsx")


@FUZZ
@given(st.binary(max_size=200).map(lambda b: b"PK\x03\x04" + b))
def test_xlsx_bytes_never_raise(data: bytes) -> None:
    _import(data, "xlsx")


@FUZZ
@given(st.sampled_from(FORMATS), st.binary(max_size=100))
def test_any_bytes_in_any_format_never_raise(fmt: str, data: bytes) -> None:
    _import(data, fmt)


_TEXT = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(FUZZ, max_examples=60)
@given(st.sampled_from(FORMATS), _TEXT, _TEXT, _TEXT)
def test_any_text_comes_back_from_a_round_trip(
    fmt: str, prompt: str, right: str, wrong: str
) -> None:
    """What an author can write in a prompt or a choice, exported and imported back, is what
    they wrote, in every format (formats that read HTML get it escaped, spreadsheets get
    formulas marked, one-line formats lose only line breaks, which this text has none of)."""
    from quizgame.core.formats import export_pack
    from quizgame.core.packs.read import load_pack_text
    from quizgame.core.packs.write import dump_pack

    if right.casefold() == wrong.casefold():
        return
    question: dict[str, Any] = {"id": "q", "type": "multiple_choice", "prompt": prompt}
    question |= {"choices": [right, wrong], "answer": right}
    loaded = load_pack_text(dump_pack({"id": "p", "title": "P", "questions": [question]}))
    if loaded.pack is None:
        return  # text the pack format itself refuses
    written = export_pack(loaded.pack, fmt)
    if written.count == 0:
        return
    back = _import(written.data if written.data is not None else written.text, fmt)
    assert back.pack is not None, [str(n) for n in back.notes]
    original, again = loaded.pack.questions[0], back.pack.questions[0]
    assert again.prompt == original.prompt
    assert again.answer == original.answer
