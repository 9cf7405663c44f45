"""Loading packs: every validation problem with its exact position, hostile input, the cache,
and finding packs in folders."""

from __future__ import annotations

import itertools
import json
import os
import textwrap
import threading
import tracemalloc
from pathlib import Path

import pytest

from quizgame.core.packs import read as loader
from quizgame.core.packs import yaml_reader as yamlload
from quizgame.core.packs.model import Difficulty, QuestionType, Spoiler
from quizgame.core.packs.read import LoadResult, discover_packs, load_pack, load_pack_text
from tests.paths import REPO

GOOD = """\
id: parallel-mothers
title: Parallel Mothers (2021)
description: Almodóvar's film.
author: Test
version: 2
language: en
license: CC-BY-4.0
tags: [film, drama]
questions:
  - id: cast-janis
    type: multiple_choice
    prompt: Who plays Janis?
    choices: [Penélope Cruz, Milena Smit, Rossy de Palma, Israel Elejalde]
    answer: Penélope Cruz
    difficulty: easy
    category: cast
    explanation: Penélope Cruz plays Janis, a Madrid photographer.
    source: 002_e3e4f36170c357ef.txt
    time_limit: 20
  - id: tf
    type: true_false
    prompt: Janis is a photographer.
    answer: true
  - id: typed
    type: typed
    prompt: Who directed it?
    answer: Pedro Almodóvar
    accept: [Almodóvar]
    hint: He is from La Mancha.
    spoiler: mid
    tags: [crew]
  - id: year
    type: numeric
    prompt: Which year?
    answer: 2021
    tolerance: 0
    unit: year
    difficulty: hard
  - id: order
    type: ordering
    prompt: In story order
    items: [Birth, Swap, Exhumation]
    spoiler: ending
  - id: match
    type: matching
    prompt: Actor to role
    pairs:
      Penélope Cruz: Janis
      Milena Smit: Ana
"""


def load(text: str) -> LoadResult:
    return load_pack_text(textwrap.dedent(text), "p.yaml")


def problems(text: str) -> list[str]:
    """Each problem as 'LINE:COL: message' (warnings keep their 'warning: ' label)."""
    return [str(p).removeprefix("p.yaml:") for p in load(text).problems]


def pack_with(question: str) -> str:
    """A valid pack header followed by one question written at the list's indentation."""
    head = "id: p\ntitle: T\nquestions:\n"
    return head + textwrap.indent(textwrap.dedent(question), "  ")


# --- a valid pack ----------------------------------------------------------------------------


def test_valid_pack_loads_every_type_and_field(tmp_path: Path) -> None:
    path = tmp_path / "pm.yaml"
    path.write_text(GOOD, encoding="utf-8")
    result = load_pack(path)
    assert result.problems == []
    pack = result.pack
    assert pack is not None
    assert (pack.id, pack.title, pack.version, pack.language, pack.path) == (
        "parallel-mothers",
        "Parallel Mothers (2021)",
        2,
        "en",
        path,
    )
    assert pack.extra == {"license": "CC-BY-4.0", "tags": ["film", "drama"]}
    mc, tf, typed, year, order, match = pack.questions
    assert mc.type is QuestionType.MULTIPLE_CHOICE and mc.answer == "Penélope Cruz"
    assert mc.choices[1] == "Milena Smit" and mc.difficulty is Difficulty.EASY
    assert (mc.category, mc.time_limit, mc.points) == ("cast", 20.0, 100)
    assert tf.answer is True and tf.difficulty is Difficulty.MEDIUM  # the default
    assert typed.accept == ("Almodóvar",) and typed.hint == "He is from La Mancha."
    assert typed.spoiler is Spoiler.MID and typed.tags == ("crew",)
    assert (year.answer, year.tolerance, year.unit, year.points) == (2021.0, 0.0, "year", 300)
    assert order.items == ("Birth", "Swap", "Exhumation") and order.spoiler is Spoiler.ENDING
    assert match.pairs == (("Penélope Cruz", "Janis"), ("Milena Smit", "Ana"))
    assert pack.categories == ["cast"]


def test_dates_and_other_plain_text_stay_text() -> None:
    # YAML 1.1 would make these a date and a "value" object: in a pack they are just text.
    result = load(
        pack_with("""\
        - id: q
          type: typed
          prompt: When was it released?
          answer: 2021-09-10
          accept: [=]
        """)
    )
    assert result.problems == []
    assert result.pack is not None
    assert result.pack.questions[0].answer == "2021-09-10"
    assert result.pack.questions[0].accept == ("=",)


# --- reading: syntax, encoding, shape --------------------------------------------------------


def test_yaml_syntax_error_has_its_position() -> None:
    assert problems("""\
        id: p
        title: [unclosed
        questions: []
        """) == [
        "3:10: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)"
        "; it starts at line 2, column 8"
    ]


def test_an_unclosed_quote_says_where_it_opened() -> None:
    assert problems('id: p\ntitle: "unclosed\nquestions: []\n') == [
        "4:1: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)"
        "; it starts at line 2, column 8"
    ]


def test_a_tab_in_the_indentation_is_named() -> None:
    assert problems("id: p\ntitle: T\nquestions:\n\t- id: a\n") == [
        "4:1: YAML syntax error: a tab; YAML indents with spaces only"
    ]


def test_bad_indentation_is_a_syntax_error() -> None:
    assert problems("id: p\ntitle: T\n  author: x\n") == [
        "3:9: YAML syntax error: mapping values are not allowed in this context"
    ]


def test_non_utf8_byte_is_reported_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("id: p\ntitle: Pedro Almodóvar\n".encode() + b"author: caf\xe9\n")
    result = load_pack(path)
    assert [str(p) for p in result.problems] == [
        f"{path}:3:12: the file is not valid UTF-8: byte 0xe9 cannot be decoded"
    ]


def test_non_utf8_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes("title: éé".encode() + b"\xff\n")
    assert [(p.line, p.col) for p in load_pack(path).problems] == [(1, 10)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: p\ntitle: a\x07bell\n", "2:9: control characters are not allowed: found U+0007"),
        ("id: p\ntitle: éé\x00\n", "2:10: control characters are not allowed: found U+0000"),
    ],
)
def test_control_character_is_reported_where_it_is(text: str, expected: str) -> None:
    # Valid UTF-8, so not an encoding problem; the column counts characters, not bytes.
    assert problems(text) == [expected]


@pytest.mark.parametrize(
    ("text", "line"), [("", 1), ("\n\n  \n", 1), ("# only a comment\n", 1), ("---\n", 2)]
)
def test_empty_file(text: str, line: int) -> None:
    assert problems(text) == [
        f"{line}:1: the file is empty; a pack needs an id, a title and questions"
    ]


@pytest.mark.parametrize(
    ("text", "kind"), [("- a\n- b\n", "a list"), ("just words\n", "text"), ("42\n", "a number")]
)
def test_top_level_not_a_mapping(text: str, kind: str) -> None:
    assert problems(text) == [f"1:1: a pack should be a mapping of fields, not {kind}"]


def test_second_document_is_refused() -> None:
    assert problems(GOOD + "---\nid: other\n") == [
        "50:1: a pack is one YAML document, found a second"
    ]


# --- validation: the pack --------------------------------------------------------------------


def test_missing_pack_fields_point_at_the_pack() -> None:
    assert problems("description: nothing else\n") == [
        "1:1: missing field 'id' (expected text)",
        "1:1: missing field 'title' (expected text)",
        "1:1: missing field 'questions' (expected a list of questions)",
    ]


def test_wrongly_typed_pack_fields() -> None:
    assert problems("""\
        id: Not A Slug
        title: [a, list]
        version: {major: 1}
        questions: {q1: x}
        """) == [
        "1:5: pack id 'Not A Slug' should be a slug: a-z, 0-9, '-', '_', '.'",
        "2:8: 'title' should be text, not a list",
        "3:10: 'version' should be a number or text, not a mapping",
        "4:12: 'questions' should be a list, not a mapping",
    ]


def test_pack_with_no_questions() -> None:
    assert problems("id: p\ntitle: T\nquestions: []\n") == ["3:12: the pack has no questions"]


def test_known_extra_pack_fields_must_be_text() -> None:
    assert problems("""\
        id: p
        title: T
        license: [MIT]
        attribution: {by: me}
        url: https://example.org/pack
        tags: crew
        questions:
          - {id: q, type: true_false, prompt: P, answer: true}
        """) == [
        "3:10: 'license' should be text, not a list",
        "4:14: 'attribution' should be text, not a mapping",
        "6:7: 'tags' should be a list of tags, not text",
    ]


def test_unknown_fields_are_warnings_and_the_pack_still_loads() -> None:
    result = load("""\
        id: p
        title: T
        colour: blue
        questions:
          - id: q
            type: true_false
            prompt: P
            answer: true
            choices: [a, b]
            flavour: sweet
        """)
    assert result.ok and result.pack is not None
    assert result.errors == []
    assert [str(p) for p in result.warnings] == [
        "p.yaml:3:1: warning: unknown pack field 'colour' (ignored)",
        "p.yaml:9:5: warning: unknown field 'choices' for a true_false question (ignored)",
        "p.yaml:10:5: warning: unknown field 'flavour' (ignored)",
    ]


def test_duplicate_mapping_keys() -> None:
    assert problems("""\
        id: p
        title: T
        title: Again
        questions:
          - id: q
            type: matching
            prompt: P
            pairs: {a: x, b: y, a: z}
        """) == [
        "3:1: the key 'title' is given twice",
        "8:25: the key 'a' is given twice",
    ]


# --- validation: questions -------------------------------------------------------------------


def test_question_not_a_mapping() -> None:
    assert problems("id: p\ntitle: T\nquestions:\n  - just text\n") == [
        "4:5: question 1 should be a mapping of fields, not text"
    ]


def test_missing_question_fields_point_at_the_question() -> None:
    assert problems(pack_with("- category: cast\n")) == [
        "4:5: missing field 'id' (expected text)",
        "4:5: missing field 'prompt' (expected text)",
        "4:5: missing field 'type' (expected one of multiple_choice, true_false, typed, numeric, ordering, matching, list)",
    ]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "{id: q, type: multiple_choice, prompt: P, choices: [a, b]}",
            "4:5: missing field 'answer' (expected text)",
        ),
        (
            "{id: q, type: multiple_choice, prompt: P, answer: a}",
            "4:5: missing field 'choices' (expected a list of 2+ choices)",
        ),
        (
            "{id: q, type: true_false, prompt: P}",
            "4:5: missing field 'answer' (expected true or false)",
        ),
        ("{id: q, type: typed, prompt: P}", "4:5: missing field 'answer' (expected text)"),
        ("{id: q, type: numeric, prompt: P}", "4:5: missing field 'answer' (expected a number)"),
        (
            "{id: q, type: ordering, prompt: P}",
            "4:5: missing field 'items' (expected a list of 2+ items)",
        ),
        (
            "{id: q, type: matching, prompt: P}",
            "4:5: missing field 'pairs' (expected a mapping of 2+ left: right)",
        ),
    ],
)
def test_missing_fields_per_type(question: str, expected: str) -> None:
    assert problems(pack_with(f"- {question}\n")) == [expected]


def test_wrongly_typed_question_fields() -> None:
    assert problems(
        pack_with("""\
        - id: q
          type: multiple_choice
          prompt: [a]
          choices: a, b
          answer: {x: 1}
          difficulty: extreme
          spoiler: lots
          time_limit: soon
          category: [x]
        - id: r
          type: true_false
          prompt: P
          answer: maybe
        - id: s
          type: numeric
          prompt: P
          answer: about 20
          tolerance: two
        - id: t
          type: matching
          prompt: P
          pairs: [a, b]
        - id: u
          type: typed
          prompt: P
          answer: true
        """)
    ) == [
        "6:13: 'prompt' should be text, not a list",
        "7:14: 'choices' should be a list of choices, not text",
        "8:13: answer should be text, not a mapping",
        "9:17: difficulty 'extreme' should be easy, medium or hard",
        "10:14: spoiler 'lots' should be none, mid or ending",
        "11:17: time_limit should be a number of seconds above 0, not 'soon'",
        "12:15: 'category' should be text, not a list",
        "16:13: answer should be true or false, not 'maybe'",
        "20:13: answer should be a number, not 'about 20'",
        "21:16: tolerance should be a number, not 'two'",
        "25:12: 'pairs' should be a mapping of left: right, not a list",
        "29:13: answer should be text, not true/false",
    ]


def test_unknown_question_type() -> None:
    assert problems(pack_with("- {id: q, type: essay, prompt: P}\n")) == [
        "4:19: unknown question type 'essay' (expected one of multiple_choice, true_false, "
        "typed, numeric, ordering, matching, list)"
    ]


def test_duplicate_question_ids() -> None:
    assert problems(
        pack_with("""\
        - {id: q1, type: true_false, prompt: P, answer: true}
        - {id: q2, type: true_false, prompt: P, answer: true}
        - {id: q1, type: true_false, prompt: P, answer: false}
        """)
    ) == ["6:10: duplicate question id 'q1' (question 1 has it too)"]


def test_duplicate_question_ids_written_as_number_and_text() -> None:
    # Both become the id "7" in the pack, so they clash.
    assert problems(
        pack_with("""\
        - {id: 7, type: true_false, prompt: P, answer: true}
        - {id: '7', type: true_false, prompt: P, answer: false}
        """)
    ) == ["5:10: duplicate question id '7' (question 1 has it too)"]


def test_answer_not_among_the_choices() -> None:
    assert problems(
        pack_with("""\
        - id: q
          type: multiple_choice
          prompt: Who plays Janis?
          choices: [Penélope Cruz, Milena Smit]
          answer: penelope cruz
        """)
    ) == ["8:13: answer 'penelope cruz' is not one of the choices"]


def test_too_few_choices_items_and_pairs() -> None:
    assert problems(
        pack_with("""\
        - {id: a, type: multiple_choice, prompt: P, choices: [x], answer: x}
        - {id: b, type: ordering, prompt: P, items: [x]}
        - {id: c, type: matching, prompt: P, pairs: {x: y}}
        """)
    ) == [
        "4:56: too few choices: 1, at least 2 needed",
        "5:47: too few items: 1, at least 2 needed",
        "6:47: too few pairs: 1, at least 2 needed",
    ]


def test_too_many_choices() -> None:
    assert problems(
        pack_with(
            "- {id: a, type: multiple_choice, prompt: P, choices: [1, 2, 3, 4, 5, 6, 7], answer: 1}\n"
        )
    ) == ["4:56: too many choices: 7, at most 6"]


def test_duplicate_choices_items_and_right_sides() -> None:
    assert problems(
        pack_with("""\
        - {id: a, type: multiple_choice, prompt: P, choices: [Madrid, Paris, madrid], answer: Paris}
        - {id: b, type: ordering, prompt: P, items: [one, two, one]}
        - {id: c, type: matching, prompt: P, pairs: {x: 1, y: 1}}
        """)
    ) == [
        "4:72: duplicate choice 'madrid'",
        "5:58: duplicate item 'one'",
        "6:57: duplicate right side '1'",
    ]


def test_negative_tolerance() -> None:
    assert problems(
        pack_with("""\
        - id: q
          type: numeric
          prompt: Which year?
          answer: 2021
          tolerance: -1
        """)
    ) == ["8:16: tolerance should be 0 or more, not -1"]


def test_several_problems_are_all_reported_in_file_order() -> None:
    assert problems("""\
        id: p
        title: T
        questions:
          - id: q1
            type: multiple_choice
            prompt: Who?
            choices: [A, B, A]
            answer: X
          - id: q1
            type: nope
            prompt: p
          - id: q3
            type: numeric
            prompt: p
            answer: 3
            tolerance: -1
          - id: q6
            type: typed
            prompt: p
            answer: x
            colour: red
            id: q6b
        """) == [
        "7:21: duplicate choice 'A'",
        "8:13: answer 'X' is not one of the choices",
        "9:9: duplicate question id 'q1' (question 1 has it too)",
        "10:11: unknown question type 'nope' (expected one of multiple_choice, true_false, "
        "typed, numeric, ordering, matching, list)",
        "16:16: tolerance should be 0 or more, not -1",
        "21:5: warning: unknown field 'colour' (ignored)",
        "22:5: the key 'id' is given twice",
    ]


# --- hostile input ---------------------------------------------------------------------------


def test_alias_bomb_fails_fast_in_bounded_memory() -> None:
    # Billion laughs: nine levels of ten references expand to 10**9 strings. The text limit
    # (a multiple of the file's size) is crossed at the third *e of line 6.
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    names = "abcdefghi"
    for prev, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    tracemalloc.start()
    try:
        result = load("\n".join(lines) + "\n")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [str(p) for p in result.problems] == [
        "p.yaml:6:16: aliases expand to too much data (is this an alias bomb?)"
    ]
    assert peak < 5_000_000


def test_a_smaller_alias_bomb_cannot_hide_in_a_pack_field(tmp_path: Path) -> None:
    # Under the expansion limit but millions of values: it must be refused, not kept and
    # written out to the cache in full.
    lines = [
        "id: p",
        "title: T",
        "defs:",
        "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    ]
    for i in range(1, 7):
        lines.append(f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    lines += [
        "license: *a6",
        "questions:",
        "  - {id: q, type: true_false, prompt: P, answer: true}",
    ]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    result = load_pack(path, cache_dir=tmp_path / "cache")
    assert [f"{p.line}:{p.col}: {p.message}" for p in result.errors] == [
        "9:32: aliases expand to too much data (is this an alias bomb?)"
    ]


def test_deep_nesting_fails_fast() -> None:
    assert problems("id: p\nx: " + "[" * 100_000 + "\n") == [
        f"2:{3 + yamlload.MAX_DEPTH}: nesting is deeper than {yamlload.MAX_DEPTH} levels"
    ]


def test_gigantic_string_is_refused() -> None:
    limit = yamlload.MAX_SCALAR_CHARS
    assert problems(f"id: p\ntitle: {'x' * (limit + 1)}\n") == [
        f"2:8: a text of {limit + 1:,} characters is longer than the {limit:,} allowed"
    ]
    # A text right at the limit is fine (the pack fails later for other reasons).
    assert "longer than" not in " ".join(problems(f"id: p\ntitle: {'x' * limit}\n"))


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.mkdir [{marker}]",
        "!!python/object/new:pathlib.Path.mkdir [{marker}]",
        "!!python/object:os.mkdir {{path: {marker}}}",
        "!!python/name:os.mkdir",
    ],
)
def test_python_tags_are_never_constructed(tmp_path: Path, tagged: str) -> None:
    marker = tmp_path / "pwned"
    text = f"id: p\ntitle: {tagged.format(marker=json.dumps(str(marker)))}\n"
    path = tmp_path / "evil.yaml"
    path.write_text(text)
    result = load_pack(path)
    assert not marker.exists()
    [problem] = result.problems
    assert (problem.line, problem.col) == (2, 8)
    assert problem.message.startswith("the tag tag:yaml.org,2002:python/")
    assert problem.message.endswith(" is not allowed in a pack")


@pytest.mark.parametrize(
    "tag", ["!!binary aGk=", "!!set {a, b}", "!custom x", "!!timestamp 2021-01-01"]
)
def test_other_tags_are_refused(tag: str) -> None:
    [problem] = problems(f"id: p\ntitle: {tag}\n")
    assert problem.startswith("2:8: the tag ") and problem.endswith(" is not allowed in a pack")


def test_merge_keys_are_refused_clearly() -> None:
    assert problems("base: &b {type: typed}\nq:\n  <<: *b\n") == [
        "3:3: merge keys (<<) are not supported in a pack; write the fields out"
    ]


def test_unknown_alias() -> None:
    assert problems("id: p\ntitle: *nowhere\n") == ["2:8: unknown alias *nowhere"]


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.yaml"
    path.write_text(GOOD)
    size = path.stat().st_size
    assert [str(p) for p in load_pack(path).problems] == [
        f"{path}:1:1: the file is {size:,} bytes, more than the 100 a pack may be"
    ]


def test_size_limit_holds_when_the_size_lies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pipe reports size 0; reading must still stop at the limit.
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as pipe:
            pipe.write(GOOD.encode())

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    problems = load_pack(fifo).problems
    writer.join(timeout=5)
    assert [p.message for p in problems] == [
        "the file is 101 bytes, more than the 100 a pack may be"
    ]


def test_reading_a_small_pack_does_not_allocate_for_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "pm.yaml"
    path.write_text(GOOD, encoding="utf-8")
    tracemalloc.start()
    try:
        assert load_pack(path).ok
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000


def test_unreadable_paths(tmp_path: Path) -> None:
    assert [p.message for p in load_pack(tmp_path).problems] == [
        "this is a folder, not a pack file"
    ]
    missing = load_pack(tmp_path / "missing.yaml")
    assert [p.message for p in missing.problems] == [
        "cannot read the file: No such file or directory"
    ]


# --- finding packs ---------------------------------------------------------------------------


def test_discover_packs_a_broken_pack_never_stops_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "a-broken.yaml").write_text("id: broken\ntitle: [\n")
    (folder / "b-latin1.yml").write_bytes(b"id: x\ntitle: caf\xe9\n")
    (folder / "c-good.yaml").write_text(GOOD, encoding="utf-8")
    (folder / "d.facts.yaml").write_text("facts: [not a pack]\n")
    (folder / "notes.txt").write_text("not yaml")
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.yaml").write_text(GOOD, encoding="utf-8")

    results = discover_packs([folder, tmp_path / "missing"])
    assert [r.path.name for r in results] == ["a-broken.yaml", "b-latin1.yml", "c-good.yaml"]
    assert [r.ok for r in results] == [False, False, True]
    assert results[0].errors[0].line == 3
    assert results[2].pack is not None and results[2].pack.id == "parallel-mothers"


def test_discover_packs_duplicate_ids(tmp_path: Path) -> None:
    first, second = tmp_path / "bundled", tmp_path / "mine"
    first.mkdir()
    second.mkdir()
    (first / "pm.yaml").write_text(GOOD, encoding="utf-8")
    (second / "copy.yaml").write_text(GOOD, encoding="utf-8")

    results = discover_packs([first, second])
    assert [r.ok for r in results] == [True, False]
    assert [str(p) for p in results[1].errors] == [
        f"{second / 'copy.yaml'}:1:1: pack id 'parallel-mothers' is already used by {first / 'pm.yaml'}"
    ]


def test_the_example_in_the_pack_format_docs_is_a_valid_pack() -> None:
    docs = REPO / "docs" / "pack-format.md"
    example = docs.read_text(encoding="utf-8").split("```yaml\n", 1)[1].split("```", 1)[0]
    result = load_pack_text(example, "docs-example.yaml")
    assert result.problems == []
    assert result.pack is not None
    assert {q.type for q in result.pack.questions} == set(QuestionType)
    assert set(result.pack.extra) == {"license", "attribution", "url", "tags"}


def test_group_is_a_known_question_field() -> None:
    text = (
        "id: g\ntitle: G\nquestions:\n"
        "  - {id: a, type: true_false, prompt: P?, answer: true, group: who-plays-janis}\n"
    )
    result = load_pack_text(text, "g.yaml")
    assert result.problems == []
    assert result.pack is not None and result.pack.questions[0].groups == ("who-plays-janis",)


def test_group_may_list_several_facts() -> None:
    text = (
        "id: g\ntitle: G\nquestions:\n"
        "  - {id: a, type: true_false, prompt: P?, answer: true, group: [plays-janis, plays-ana]}\n"
        "  - {id: b, type: true_false, prompt: Q?, answer: true, group: []}\n"
    )
    result = load_pack_text(text, "g.yaml")
    assert [str(p) for p in result.problems] == [
        "g.yaml:5:64: too few groups: 0, at least 1 needed"
    ]
