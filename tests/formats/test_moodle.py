"""Moodle XML: each question type read as Moodle writes it, what cannot be held reported at its
element's line, and hostile XML (entity bombs, external entities) refused."""

from __future__ import annotations

from typing import Any

import pytest

from quizgame.core.formats import Imported, export_pack, import_text
from quizgame.core.formats.common import NoteCode
from quizgame.core.packs.model import Pack, QuestionType
from quizgame.core.packs.read import load_pack_text
from quizgame.core.packs.starter import starter_pack

MOODLE = """\
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Geography</text></category>
  </question>
  <question type="multichoice">
    <name><text>spain</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>What is the capital of <b>Spain</b>?</p>]]></text>
    </questiontext>
    <generalfeedback format="html"><text><![CDATA[<p>Since 1561.</p>]]></text></generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html">
      <text>Madrid</text>
      <feedback format="html"><text>Right: Madrid.</text></feedback>
    </answer>
    <answer fraction="0" format="html"><text>Lisbon</text></answer>
    <answer fraction="-50" format="html"><text>Seville &amp; Cadiz</text></answer>
    <tags><tag><text>capitals</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>two right</text></name>
    <questiontext format="html"><text>Which are EU members?</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>Spain</text></answer>
    <answer fraction="50"><text>France</text></answer>
    <answer fraction="0"><text>Norway</text></answer>
  </question>
  <question type="truefalse">
    <name><text>pacific</text></name>
    <questiontext format="moodle_auto_format"><text>The Pacific is the largest ocean.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>author</text></name>
    <questiontext format="plain_text"><text>Who wrote Don Quixote?</text></questiontext>
    <answer fraction="100"><text>Cervantes</text></answer>
    <answer fraction="100"><text>Miguel de Cervantes</text></answer>
    <answer fraction="50"><text>Miguel</text></answer>
  </question>
  <question type="numerical">
    <name><text>everest</text></name>
    <questiontext format="html"><text>How high is Everest?</text></questiontext>
    <answer fraction="100"><text>8849</text><tolerance>10</tolerance></answer>
    <units><unit><multiplier>1</multiplier><unit_name>m</unit_name></unit></units>
  </question>
  <question type="matching">
    <name><text>painters</text></name>
    <questiontext format="html"><text>Match the painting and its painter.</text></questiontext>
    <subquestion format="html"><text>Guernica</text><answer><text>Picasso</text></answer></subquestion>
    <subquestion format="html"><text>Las Meninas</text><answer><text>Velázquez</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Goya</text></answer></subquestion>
  </question>
  <question type="ordering">
    <name><text>planets</text></name>
    <questiontext format="html"><text>Nearest the Sun first.</text></questiontext>
    <answer fraction="2.0000000"><text>Venus</text></answer>
    <answer fraction="1.0000000"><text>Mercury</text></answer>
    <answer fraction="3.0000000"><text>Earth</text></answer>
  </question>
  <question type="description">
    <name><text>intro</text></name>
    <questiontext format="html"><text>Read this first.</text></questiontext>
  </question>
  <question type="cloze">
    <name><text>cloze</text></name>
    <questiontext format="html"><text>{1:SHORTANSWER:=Paris} is in France.</text></questiontext>
  </question>
  <question type="calculated">
    <name><text>calc</text></name>
    <questiontext format="html"><text>What is {a} + {b}?</text></questiontext>
  </question>
  <question type="multichoice">
    <name><text>flag</text></name>
    <questiontext format="html"><text><![CDATA[Whose flag? <img src="@@PLUGINFILE@@/f.png">]]></text>
      <file name="f.png" encoding="base64">iVBORw0KGgo=</file>
    </questiontext>
    <answer fraction="100"><text>Japan</text></answer>
    <answer fraction="0"><text>Bangladesh</text></answer>
  </question>
</quiz>
"""


def line_of(snippet: str) -> int:
    """The line of MOODLE where `snippet` first appears."""
    return MOODLE[: MOODLE.index(snippet)].count("\n") + 1


def convert(text: str) -> Imported:
    return import_text(text, "moodle", pack_id="test", title="Test")


def pack_of(result: Imported) -> Pack:
    assert result.pack is not None, [str(n) for n in result.notes]
    return result.pack


def warning(result: Imported, code: NoteCode) -> Any:
    found = [n for n in result.warnings if n.code is code]
    assert found, [str(n) for n in result.notes]
    return found[0]


def test_each_moodle_type_becomes_its_question() -> None:
    result = convert(MOODLE)
    pack = pack_of(result)
    by_id = {q.id: q for q in pack.questions}
    assert list(by_id) == ["spain", "pacific", "author", "everest", "painters", "planets", "flag"]
    spain = by_id["spain"]
    assert spain.type is QuestionType.MULTIPLE_CHOICE
    assert spain.prompt == "What is the capital of Spain?"
    assert spain.choices == ("Madrid", "Lisbon", "Seville & Cadiz")
    assert spain.answer == "Madrid"
    assert spain.explanation == "Right: Madrid.\n\nSince 1561."
    assert spain.category == "Geography" and spain.tags == ("capitals",)
    assert by_id["pacific"].answer is True
    assert by_id["author"].answer == "Cervantes"
    assert by_id["author"].accept == ("Miguel de Cervantes",)
    everest = by_id["everest"]
    assert (everest.answer, everest.tolerance, everest.unit) == (8849, 10, "m")
    assert by_id["painters"].pairs == (("Guernica", "Picasso"), ("Las Meninas", "Velázquez"))
    assert by_id["planets"].items == ("Mercury", "Venus", "Earth")
    assert by_id["flag"].prompt == "Whose flag?"


def test_what_cannot_be_held_is_reported_at_its_question() -> None:
    result = convert(MOODLE)
    assert warning(result, NoteCode.SEVERAL_RIGHT).line == line_of("<name><text>two right") - 1
    assert warning(result, NoteCode.NEGATIVE_WEIGHTS_NOT_KEPT).number == 1
    assert "Miguel" in warning(result, NoteCode.PARTIAL_CREDIT_NOT_KEPT).message
    assert "Goya" in warning(result, NoteCode.UNMATCHED_NOT_KEPT).message
    skipped = {n.about[0] for n in result.warnings if n.code is NoteCode.NOT_A_QUESTION}
    assert skipped == {"description", "cloze"}
    unknown = warning(result, NoteCode.UNKNOWN_TYPE)
    assert "calculated" in unknown.message
    assert unknown.line == line_of('<question type="calculated">')
    assert warning(result, NoteCode.IMAGES_NOT_KEPT).line == line_of("<name><text>flag") - 1
    assert result.skipped == 4


def test_moodle_xml_written_here_reads_back_with_the_packs_fields() -> None:
    pack = load_pack_text(starter_pack("starter", "Starter -- the first", "s.json")).pack
    assert pack is not None
    written = export_pack(pack, "moodle")
    assert written.text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!--\n')
    assert "--" not in written.text.split("<!--", 1)[1].split("-->", 1)[0]
    back = pack_of(convert(written.text))
    assert (back.id, back.title) == ("starter", "Starter -- the first")
    # Every type but a list, which Moodle XML cannot hold: left out with a note naming it.
    held = [q for q in pack.questions if q.type is not QuestionType.LIST]
    assert len(back.questions) == written.count == len(held) == len(pack.questions) - 1
    assert [n.about for n in written.notes if n.code is NoteCode.TYPE_NOT_HELD] == [("list",)]


BOMB = """<?xml version="1.0"?>
<!DOCTYPE quiz [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<quiz><question type="shortanswer"><questiontext><text>&c;</text></questiontext>
<answer fraction="100"><text>x</text></answer></question></quiz>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="shortanswer"><questiontext><text>&secret;</text></questiontext>
<answer fraction="100"><text>x</text></answer></question></quiz>
"""


@pytest.mark.parametrize("text", [BOMB, EXTERNAL], ids=["entity-bomb", "external-entity"])
def test_entities_are_refused_before_they_expand(text: str) -> None:
    result = convert(text)
    assert not result.ok
    (error,) = result.errors
    assert error.line == 2 and "refused" in error.message and "DTD" in error.message


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("<quiz>\n<question type='truefalse'>\n</quiz>", 3, "not valid XML: mismatched tag"),
        ("<quizz/>", 1, "expected <quiz>"),
        ("<quiz>" + "<a>" * 100 + "</a>" * 100 + "</quiz>", 1, "nested more than 64 levels"),
        ("<quiz>\n<question type='numerical'><questiontext><text>N?</text></questiontext>"
         "<answer fraction='1e400'><text>1</text></answer></question></quiz>", 2, "fraction"),
        ("<quiz>\n<question type='numerical'><questiontext><text>N?</text></questiontext>"
         "<answer fraction='100'><text>1e400</text></answer></question></quiz>", 2, "not a number"),
    ],
)  # fmt: skip
def test_broken_xml_is_an_error_at_its_line(text: str, line: int, message: str) -> None:
    result = convert(text)
    assert not result.ok
    assert any(n.line == line and message in n.message for n in result.errors), [
        str(n) for n in result.notes
    ]
