"""CSV with a header of question fields, and flashcards (term, definition): reading, writing,
formulas escaped, bad rows reported at their line."""

from __future__ import annotations

import pytest

from quizgame.core.formats import Imported, ReadOptions, export_pack, format_for, import_text
from quizgame.core.formats.cells import escape_formula, join_list, split_list, unescape_formula
from quizgame.core.formats.common import NoteCode
from quizgame.core.formats.flashcards.reading import CardOptions
from quizgame.core.packs.model import ListItem, Pack, Question, QuestionType

CSV = """\
id,type,prompt,choices,answer,tolerance,explanation,category,difficulty,tags
spain,multiple_choice,What is the capital of Spain?,Lisbon|Madrid|Seville,Madrid,,Since 1561.,Geography,easy,capitals|europe
pacific,true_false,The Pacific is the largest ocean.,,TRUE,,,Geography,,
everest,numeric,How high is Everest (m)?,,8849,10,,,hard,
,,"Which band sang ""Rio""?",Duran Duran|The Cure,Duran Duran,,,,,
bond,,Who wrote the James Bond novels?,,Ian Fleming,,,,,
"""


def convert(text: str | bytes, fmt: str, **options: int | str) -> Imported:
    read = ReadOptions(CardOptions(**options)) if options else None  # type: ignore[arg-type]
    return import_text(text, fmt, pack_id="test", title="Test", options=read)


def pack_of(result: Imported) -> Pack:
    assert result.pack is not None, [str(n) for n in result.notes]
    return result.pack


def test_a_csv_row_is_a_question_of_our_fields() -> None:
    spain, pacific, everest, rio, bond = pack_of(convert(CSV, "csv")).questions
    assert spain.choices == ("Lisbon", "Madrid", "Seville") and spain.answer == "Madrid"
    assert spain.tags == ("capitals", "europe") and spain.explanation == "Since 1561."
    assert (pacific.type, pacific.answer) == (QuestionType.TRUE_FALSE, True)
    assert (everest.answer, everest.tolerance, everest.difficulty.value) == (8849, 10, "hard")
    # no type: multiple choice with choices, else typed; no id: one is made
    assert (rio.id, rio.type, rio.prompt) == (
        "q4",
        QuestionType.MULTIPLE_CHOICE,
        'Which band sang "Rio"?',
    )
    assert (bond.type, bond.answer) == (QuestionType.TYPED, "Ian Fleming")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("id,promt,answer\na,Q?,b\n", 1, "column B: 'promt' is not a question field"),
        ("id,promt,answer\na,Q?,b\n", 1, "the question fields a column may name: accept,"),
        ("id,prompt,prompt\n", 1, "column C: 'prompt' is named twice"),
        ("id,answer\na,b\n", 1, "the header has no 'prompt' column"),
        ("prompt,answer\nQ?,a,b\n", 2, "3 cells, but the header names 2 columns"),
        ('prompt,answer\n"Q?\n\n,a\n', 2, "not readable as CSV"),
        ("prompt,answer\n" + "Q" * 40_000 + ",a\n", 2, "cell A holds 40,000 characters"),
    ],
)
def test_a_broken_csv_is_an_error_at_its_line(text: str, line: int, message: str) -> None:
    result = convert(text, "csv")
    assert not result.ok
    assert any(n.line == line and message in n.message for n in result.errors), [
        str(n) for n in result.notes
    ]


def test_a_hostile_header_costs_a_few_lines() -> None:
    result = convert("prompt" + ",x" * 200_000 + "\n", "csv")
    messages = [n.message for n in result.errors]
    assert len(messages) == 12 and messages[10] == "... and 199,990 more problems"


def test_a_csv_question_the_checker_refuses_is_left_out_at_its_line() -> None:
    text = "prompt,type,answer\nQ?,numeric,lots\nFine?,typed,yes\n"
    result = convert(text, "csv")
    assert [q.prompt for q in pack_of(result).questions] == ["Fine?"]
    (note,) = result.warnings
    assert note.code is NoteCode.NOT_IMPORTED and note.line == 2 and "lots" in note.message


def test_cells_escape_formulas_and_list_separators_both_ways() -> None:
    for text in ["=1+1", "+1+1", "@SUM(A1)", "-x", "\tx", "'=x", "''"]:
        assert escape_formula(text)[0] == "'" and unescape_formula(escape_formula(text)) == text
    for text in ["-5", "+1.5", "plain", "", "it's", "'plain"]:
        assert escape_formula(text) == text == unescape_formula(text)
    values = ["a|b", "c\\d", "e"]
    assert split_list(join_list(values)) == values


def test_csv_export_escapes_formulas() -> None:
    question = Question(
        "q1",
        QuestionType.MULTIPLE_CHOICE,
        "=cmd|' /C calc'!A0",
        answer="+1+1",
        choices=("+1+1", "-1", "@x|y"),
    )
    written = export_pack(Pack("p", "P", (question,)), "csv")
    row = written.text.splitlines()[1]
    assert row.startswith("q1,multiple_choice,'=cmd|' /C calc'!A0,'+1+1|-1|@x\\|y,'+1+1")
    back = pack_of(convert(written.text, "csv")).questions[0]
    assert (back.prompt, back.choices, back.answer) == (
        question.prompt,
        question.choices,
        question.answer,
    )


def test_a_csv_list_question_holds_accepted_forms_and_clues_both_ways() -> None:
    text = (
        "id,type,prompt,answers\n"
        "cast,list,Name the leads.,Penélope Cruz = Cruz -> Janis|Milena Smit -> Ana|Rossy de Palma\n"
    )
    question = pack_of(convert(text, "csv")).questions[0]
    assert [(i.answer, i.accept, i.show) for i in question.answers] == [
        ("Penélope Cruz", ("Cruz",), "Janis"),
        ("Milena Smit", (), "Ana"),
        ("Rossy de Palma", (), None),
    ]
    written = export_pack(Pack("p", "P", (question,)), "csv")
    assert pack_of(convert(written.text, "csv")).questions[0].answers == question.answers


def test_a_list_item_a_csv_cell_cannot_tell_apart_is_left_out_with_a_note() -> None:
    text = "id,type,prompt,answers\nsums,list,Name them.,1 + 1 = 2|2 + 2\n"
    question = pack_of(convert(text, "csv")).questions[0]
    assert question.answers[0].accept  # read as an answer and an accepted form
    odd = Question(
        "sums", QuestionType.LIST, "Name them.", answers=(ListItem("a = b"), ListItem("c"))
    )
    written = export_pack(Pack("p", "P", (odd,)), "csv")
    assert written.count == 0
    assert "cannot be written in CSV" in written.notes[0].message


CARDS = """\
#separator:tab
#html:false
term\tdefinition
Photosynthesis\tHow plants turn light into sugar
Mitochondrion\tThe cell's power plant
Ribosome\tWhere proteins are made
Nucleus\tWhere the DNA is kept
"""


def test_flashcards_become_typed_questions_asking_the_term() -> None:
    questions = pack_of(convert(CARDS, "flashcards")).questions
    assert [(q.type, q.prompt, q.answer) for q in questions[:1]] == [
        (QuestionType.TYPED, "Photosynthesis", "How plants turn light into sugar")
    ]
    asked = pack_of(convert(CARDS, "flashcards", ask="definition")).questions
    assert (asked[1].prompt, asked[1].answer) == ("The cell's power plant", "Mitochondrion")


def test_flashcards_with_choices_offer_other_cards_answers() -> None:
    first = pack_of(convert(CARDS, "flashcards", choices=3)).questions
    again = pack_of(convert(CARDS, "flashcards", choices=3)).questions
    assert first == again  # the same file gives the same pack
    answers = {"How plants turn light into sugar", "The cell's power plant"}
    answers |= {"Where proteins are made", "Where the DNA is kept"}
    for question in first:
        assert question.type is QuestionType.MULTIPLE_CHOICE and len(question.choices) == 3
        assert question.answer in question.choices and set(question.choices) <= answers
    result = convert(CARDS, "flashcards", choices=6)
    note = result.warnings[0]
    assert note.code is NoteCode.FEW_DISTRACTORS and note.line == 4 and note.about == (3,)


def test_quotes_in_tab_separated_cards_are_text() -> None:
    pack = Pack("p", "P", (Question("a", QuestionType.TYPED, 'Who sang "Rio?', answer='"Duran"'),))
    written = export_pack(pack, "flashcards").text
    assert written == 'Who sang "Rio?\t"Duran"\n'
    back = pack_of(convert(written, "flashcards")).questions[0]
    assert (back.prompt, back.answer) == ('Who sang "Rio?', '"Duran"')


def test_comma_separated_cards_and_their_problems() -> None:
    assert pack_of(convert("cat,Katze\ndog,Hund\n", "flashcards")).questions[1].answer == "Hund"
    result = convert("cat,Katze\ndog\n", "flashcards")
    assert not result.ok and result.errors[0].line == 2
    assert "a term and a definition" in result.errors[0].message
    extra = convert("cat\tKatze\tnoun\n", "flashcards")
    assert extra.warnings[0].code is NoteCode.COLUMNS_NOT_KEPT


def test_flashcards_export_keeps_prompt_and_answer() -> None:
    pack = Pack(
        "p",
        "P",
        (
            Question("a", QuestionType.TYPED, "=2+2 is?", answer="four\tor 4"),
            Question("b", QuestionType.MULTIPLE_CHOICE, "Q?", answer="x", choices=("x", "y")),
            Question("c", QuestionType.TRUE_FALSE, "T?", answer=True),
        ),
    )
    written = export_pack(pack, "flashcards")
    assert written.text == "'=2+2 is?\tfour or 4\nQ?\tx\n"
    codes = [n.code for n in written.notes]
    assert codes == [NoteCode.LINES_JOINED, NoteCode.CHOICES_NOT_KEPT, NoteCode.TYPE_NOT_HELD]


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("q.csv", CSV, "csv"),
        ("q.csv", "cat,Katze\n", "flashcards"),
        ("q.tsv", "anything", "flashcards"),
        ("q.txt", "Q?\nA. a\nB. b\nANSWER: A\n", "aiken"),
        ("q.txt", "cat\tKatze\n", "flashcards"),
        ("download", '<?xml version="1.0"?><quiz/>', "moodle"),
        ("download", '{"response_code": 0, "results": []}', "opentdb"),
        ("download", "::t::Q?{=a ~b}\n", "gift"),
        ("download", "PK\x03\x04...", "xlsx"),
        ("download", "just words", None),
        ("q.gift", '{"results": []}', "gift"),  # an extension naming one format wins
    ],
)
def test_formats_are_told_by_extension_then_content(name: str, head: str, fmt: str | None) -> None:
    assert format_for(name, head.encode()) == fmt
