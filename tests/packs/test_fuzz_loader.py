"""The loader fuzzed: any text, and valid packs with hostile scalars put where fields go, give a
result and positioned problems, never an exception; a cached load gives the same result.

The number of examples is bounded, and CI ($CI set, as .ci/run does) runs the same examples
every time (derandomized), so a failure there is reproducible.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgame.core.packs.read import LoadResult, load_pack, load_pack_text

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Scalars that once broke a command, or might: tags on bad text, numbers past every limit,
# YAML 1.1 surprises, anchors and aliases, escapes, control characters, half a structure.
NASTY = [
    "!!int abc", "!!float x", "!!bool maybe", "!!null", "!!str 1", "!!binary aGk=", "!!set {a}",
    "!!python/object:os.system ls", "0x_", "0b_", "0o_", "0x1F", "007", "1_000", "20:45",
    "1:30", "1e3", "6.022e23", "1e400", "-.inf", ".nan", "9" * 400, "9" * 5000, "yes", "~",
    '"\\ud800"', '"\\e]0;t\\a"', '"\\u202e"', '"Bjo\\u0308rk"', '"Si\\u200ba"', "&a x", "*a",
    "*nope", "[", "{", "]", "}", "? x", "<<: *a", "- x", "|", ">", "'", '"', "\t", "a: b",
    "[1, [2, [3]]]", "{a: 1, a: 2}", "", " ", "#", "%YAML 1.1", "---", "...", "\ufeff",
]  # fmt: skip
FIELDS = ["id", "title", "prompt", "answer", "choices", "items", "pairs", "tolerance",
          "time_limit", "difficulty", "type", "accept", "tags", "group", "version", "colour"]  # fmt: skip
TEMPLATE = """\
id: {0}
title: {1}
version: {2}
questions:
  - id: {3}
    type: multiple_choice
    prompt: {4}
    choices: [{5}, b, c]
    answer: {6}
  - id: n
    type: numeric
    prompt: How many?
    answer: {7}
    tolerance: {8}
  - id: o
    type: ordering
    prompt: Order them
    items: [{9}, y, z]
  - id: m
    type: matching
    prompt: Match
    pairs: {{{10}: {11}, k: v}}
  - {{id: t, type: typed, prompt: Who?, answer: {12}, {13}: {14}}}
"""
SLOTS = TEMPLATE.count("{") - TEMPLATE.count("{{") * 2

scalar = st.one_of(
    st.sampled_from(NASTY),
    st.sampled_from(["a", "b", "7", "3.5", "true", "x y"]),
    st.text(max_size=12),
)


# What YAML counts as a line break (YAML 1.1, 5.4; PyYAML's reader): a lone CR is one, so
# positions after it are on later lines than `str.count("\n")` says.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _sound(result: LoadResult, text: str) -> None:
    lines = len(_LINE_BREAK.findall(text)) + 1
    for problem in result.problems:
        assert 1 <= problem.line <= lines + 1, problem
        assert problem.col >= 1, problem
        assert problem.code
        str(problem)
    json.dumps([p.to_dict() for p in result.problems])
    if result.pack is not None:
        assert not result.errors
        for question in result.pack.questions:
            question.answer_text()


@FUZZ
@given(st.text(max_size=400))
def test_any_text_gives_a_result(text: str) -> None:
    _sound(load_pack_text(text, "fuzz.yaml"), text)


def test_a_lone_carriage_return_ends_a_line() -> None:
    """Once found by the fuzzer: a problem after a CR-only line break is on the next line."""
    result = load_pack_text("\r{", "fuzz.yaml")
    assert len(result.problems) == 1
    _sound(result, "\r{")  # counting only "\n", line 3 was past the end


@FUZZ
@given(st.lists(scalar, min_size=SLOTS, max_size=SLOTS), st.sampled_from(FIELDS))
def test_hostile_scalars_in_a_pack_give_a_result(values: list[str], field: str) -> None:
    values[13] = field
    text = TEMPLATE.format(*values)
    _sound(load_pack_text(text, "fuzz.yaml"), text)


@FUZZ
@given(st.lists(scalar, min_size=SLOTS, max_size=SLOTS))
def test_a_cached_load_is_the_same_load(values: list[str]) -> None:
    text = TEMPLATE.format(*values)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.yaml"
        try:
            path.write_text(text, encoding="utf-8")
        except UnicodeEncodeError:  # a lone surrogate drawn by st.text: not a file's text
            return
        first = load_pack(path, cache_dir=Path(folder) / "cache")
        again = load_pack(path, cache_dir=Path(folder) / "cache")
        _sound(first, text)
        assert again.pack == first.pack
        assert again.problems == first.problems
