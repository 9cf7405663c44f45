"""Every YAML scalar form is a positioned problem of its own pack, numbers keep what the author
wrote where a field holds text, look-alike texts are duplicates, and the screen-sized limits."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import pytest

from quizgame.core.packs.issues import Checker
from quizgame.core.packs.read import discover_packs, load_pack, load_pack_text
from quizgame.core.packs.written import WrittenFloat, WrittenInt
from quizgame.core.packs.yaml_reader import read_data
from quizgame.core.play.judging import check_typed
from quizgame.core.text import fold_lookalikes

HEAD = "id: p\ntitle: P\nquestions:\n"


def numeric(answer: str, extra: str = "") -> str:
    return HEAD + f"- id: q\n  type: numeric\n  prompt: x\n  answer: {answer}\n{extra}"


# (pack text, line, col of the problem): each a scalar form that once crashed every command.
BAD_SCALARS = [
    pytest.param("id: p\ntitle: !!int abc\nquestions: []\n", 2, 8, id="int-tag-on-text"),
    pytest.param("id: p\ntitle: !!float abc\nquestions: []\n", 2, 8, id="float-tag-on-text"),
    pytest.param("id: p\ntitle: !!bool maybe\nquestions: []\n", 2, 8, id="bool-tag-on-text"),
    pytest.param("id: p\ntitle: !!int 0b_\nquestions: []\n", 2, 8, id="int-tag-0b_"),
    pytest.param(numeric("0x_"), 7, 11, id="0x_"),
    pytest.param(numeric("0b_"), 7, 11, id="0b_"),
    pytest.param(numeric("9" * 400), 7, 11, id="int-past-float-range"),
    pytest.param(numeric("9" * 5000), 7, 11, id="int-past-4300-digits"),
    pytest.param(numeric("!!int " + "9" * 5000), 7, 11, id="tagged-int-past-4300-digits"),
    pytest.param(numeric("1e400"), 7, 11, id="float-past-range"),
    pytest.param(numeric("1", "  tolerance: " + "9" * 400 + "\n"), 8, 14, id="huge-tolerance"),
    pytest.param(numeric("1", "  time_limit: " + "9" * 400 + "\n"), 8, 15, id="huge-time-limit"),
    pytest.param('id: p\ntitle: "\\ud800"\nquestions: []\n', 2, 8, id="lone-surrogate"),
    pytest.param('id: p\ntitle: "a\\udfffb"\nquestions: []\n', 2, 8, id="lone-low-surrogate"),
]


@pytest.mark.parametrize(("text", "line", "col"), BAD_SCALARS)
def test_each_scalar_form_is_a_positioned_problem(text: str, line: int, col: int) -> None:
    result = load_pack_text(text, "bad.yaml")
    assert result.pack is None
    first = result.errors[0]
    assert (first.file, first.line) == ("bad.yaml", line), str(first)
    assert first.col >= col - 3  # the value, or the quote that starts it
    assert first.code in {"yaml", "wrong-kind", "bad-value"}


def test_a_bad_scalar_hides_no_other_pack(tmp_path: Path) -> None:
    for i, param in enumerate(BAD_SCALARS):
        (tmp_path / f"bad{i:02}.yaml").write_text(str(param.values[0]), encoding="utf-8")
    (tmp_path / "zgood.yaml").write_text(numeric("3"), encoding="utf-8")
    results = discover_packs([tmp_path])
    assert [r.ok for r in results] == [False] * len(BAD_SCALARS) + [True]
    assert all(r.errors[0].line > 1 for r in results[:-1])


def test_a_bug_while_checking_one_pack_is_that_packs_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizgame.core.packs import check

    real = check.check_pack_data

    def flaky(checker: Checker, data: object, default_id: str = "pack") -> object:
        if isinstance(data, dict) and data.get("id") == "boom":
            raise RuntimeError("surprise")
        return real(checker, data, default_id)

    monkeypatch.setattr(check, "check_pack_data", flaky)
    (tmp_path / "a.yaml").write_text(HEAD.replace("id: p", "id: boom") + "  []\n")
    (tmp_path / "b.yaml").write_text(numeric("3"), encoding="utf-8")
    results = discover_packs([tmp_path])
    assert results[0].pack is None
    assert results[0].errors[0].code == "check-failed"
    assert "RuntimeError: surprise" in results[0].errors[0].message
    assert results[1].ok


# --- numbers as written ----------------------------------------------------------------------


def test_text_fields_keep_what_the_author_wrote() -> None:
    text = HEAD + (
        "- {id: t, type: typed, prompt: When?, answer: 20:45, accept: [007, 1_000, 1e3]}\n"
        "- {id: m, type: multiple_choice, prompt: How long?, choices: [1:30, 2:03], answer: 1:30}\n"
        "- {id: 007, type: true_false, prompt: x, answer: true, category: 0x1F}\n"
    )
    result = load_pack_text(text)
    assert result.pack is not None, result.problems
    typed, choice, tf = result.pack.questions
    assert (typed.answer, typed.accept) == ("20:45", ("007", "1_000", "1e3"))
    assert (choice.choices, choice.answer) == (("1:30", "2:03"), "1:30")
    assert (tf.id, tf.category) == ("007", "0x1F")


def test_numbers_as_yaml_1_2_and_json_write_them() -> None:
    result = load_pack_text(numeric("1e3", "  tolerance: 6.022e23\n"))
    assert result.pack is not None, result.problems
    question = result.pack.questions[0]
    assert (question.answer, question.tolerance) == (1000.0, 6.022e23)
    assert type(question.answer) is float


def test_a_clock_time_is_not_a_number() -> None:
    result = load_pack_text(numeric("20:45"))
    assert [(p.line, p.col, p.code) for p in result.errors] == [(7, 11, "wrong-kind")]


def test_written_numbers_copy_and_pickle() -> None:
    data = read_data("a: [007, 1e3]")
    assert copy.deepcopy(data) == data == {"a": [7, 1000.0]}
    again = pickle.loads(pickle.dumps(data))["a"]
    assert [str(v) for v in again] == ["007", "1e3"]
    assert isinstance(again[0], WrittenInt) and isinstance(again[1], WrittenFloat)


def test_a_number_as_a_key_is_a_plain_number_in_json_paths() -> None:
    result = load_pack_text(HEAD + "- id: q\n  type: matching\n  prompt: x\n  pairs: {007: a}\n")
    assert result.errors[0].path == ("questions", 0, "pairs")
    import json

    json.dumps([p.to_dict() for p in result.problems])


# --- look-alikes -----------------------------------------------------------------------------

COMPOSED, DECOMPOSED = "Bj\u00f6rk", "Bjo\u0308rk"


def test_fold_lookalikes() -> None:
    assert fold_lookalikes(DECOMPOSED) == COMPOSED
    assert fold_lookalikes("Si\u200ba\u2060") == "Sia"
    assert fold_lookalikes("plain") == "plain"


@pytest.mark.parametrize(
    "field",
    [
        'choices: [Björk, "Bjo\\u0308rk", Sia]\n  answer: Sia',
        'choices: [Sia, "Si\\u200ba", Adele]\n  answer: Adele',
    ],
)
def test_choices_that_look_the_same_are_duplicates(field: str) -> None:
    text = HEAD + f"- id: q\n  type: multiple_choice\n  prompt: x\n  {field}\n"
    result = load_pack_text(text)
    assert [(p.line, p.code) for p in result.errors] == [(7, "duplicate")]


def test_pairs_and_answers_that_look_the_same_are_duplicates() -> None:
    pairs = HEAD + '- id: q\n  type: matching\n  prompt: x\n  pairs: {a: Sia, b: "Si\\u200ba"}\n'
    assert [p.code for p in load_pack_text(pairs).errors] == ["duplicate"]
    lefts = HEAD + '- id: q\n  type: matching\n  prompt: x\n  pairs: {Sia: a, "Si\\u200ba": b}\n'
    assert [p.code for p in load_pack_text(lefts).errors] == ["duplicate"]
    accept = (
        HEAD + '- id: q\n  type: typed\n  prompt: x\n  answer: a\n  accept: [Sia, "Si\\u200ba"]\n'
    )
    assert [p.code for p in load_pack_text(accept).errors] == ["duplicate"]


def test_an_answer_written_unlike_its_choice_is_named() -> None:
    text = HEAD + "- id: q\n  type: multiple_choice\n  prompt: x\n  choices: [Björk, Sia]\n"
    result = load_pack_text(text + '  answer: "Bjo\\u0308rk"\n')
    assert [p.code for p in result.errors] == ["not-a-choice"]
    assert "written another way" in result.errors[0].message


def test_typed_answers_are_judged_as_they_look() -> None:
    assert check_typed(DECOMPOSED, COMPOSED).reason is None
    assert check_typed(COMPOSED, DECOMPOSED).reason is None
    assert check_typed("Si\u200ba", "Sia").reason is None
    assert check_typed("Sia", "x", accept=["Si\u200ba"]).reason == "accepted alternative"


# --- what fits a screen ----------------------------------------------------------------------


def test_ordering_and_matching_have_screen_sized_limits() -> None:
    items = ", ".join(f"i{n}" for n in range(10_000))
    result = load_pack_text(HEAD + f"- {{id: q, type: ordering, prompt: x, items: [{items}]}}\n")
    assert [p.code for p in result.errors] == ["too-many"]
    pairs = ", ".join(f"l{n}: r{n}" for n in range(10_000))
    result = load_pack_text(HEAD + f"- {{id: q, type: matching, prompt: x, pairs: {{{pairs}}}}}\n")
    assert [p.code for p in result.errors] == ["too-many"]
    nine = ", ".join(f"i{n}" for n in range(9))
    result = load_pack_text(HEAD + f"- {{id: q, type: ordering, prompt: x, items: [{nine}]}}\n")
    assert not result.ok
    eight = ", ".join(f"i{n}" for n in range(8))
    assert load_pack_text(HEAD + f"- {{id: q, type: ordering, prompt: x, items: [{eight}]}}\n").ok


def test_a_valid_file_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(numeric("42"), encoding="utf-8")
    assert load_pack(path).ok
