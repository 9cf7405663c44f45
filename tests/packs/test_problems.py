"""Problems are data: each one located in the file carries its code and its data path, through
`load_pack`, the cache and `validate --format json`; the file-level ones `read` makes have codes
too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgame.core.packs import read as loader
from quizgame.core.packs import yaml_reader
from quizgame.core.packs.issues import Code
from quizgame.core.packs.read import Problem, discover_packs, load_pack, load_pack_text

PACK = """\
id: p
title: T
questions:
  - id: q1
    type: multiple_choice
    prompt: Pick one
    choices: [a, b]
    answer: c
  - id: q2
    type: true_false
    prompt: Is it?
    colour: red
"""


def coded(problems: list[Problem]) -> list[tuple[str, list[object]]]:
    return [(p.code, list(p.path)) for p in problems]


def test_a_problem_found_in_the_data_keeps_its_code_and_path() -> None:
    result = load_pack_text(PACK, "p.yaml")
    assert coded(result.problems) == [
        (Code.NOT_A_CHOICE, ["questions", 0, "answer"]),
        (Code.MISSING, ["questions", 1, {"missing": "answer"}]),
        (Code.UNKNOWN_FIELD, ["questions", 1, {"key": "colour"}]),
    ]
    # What people read is unchanged.
    assert [str(p) for p in result.problems] == [
        "p.yaml:8:13: answer 'c' is not one of the choices",
        "p.yaml:9:5: missing field 'answer' (expected true or false)",
        "p.yaml:12:5: warning: unknown field 'colour' (ignored)",
    ]


def test_to_dict_is_json_with_the_code_and_path() -> None:
    [problem] = load_pack_text("id: p\ntitle: T\nquestions:\n  - 3\n", "p.yaml").problems
    assert json.loads(json.dumps(problem.to_dict())) == {
        "file": "p.yaml",
        "line": 4,
        "col": 5,
        "severity": "error",
        "code": "wrong-kind",
        "path": ["questions", 0],
        "message": problem.message,
    }


def test_a_duplicate_key_names_the_key() -> None:
    [problem] = load_pack_text("id: p\ntitle: T\ntitle: U\nquestions: []\n").errors[:1]
    assert (problem.code, problem.path) == (Code.DUPLICATE, ({"key": "title"},))


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"  \n", Code.EMPTY_FILE),
        (b"id: caf\xe9\n", Code.NOT_UTF8),
        (b"id: [p\n", Code.YAML),
        (b"id: !!binary aGk=\n", Code.YAML),
        (b"id: " + b"[" * 5_000 + b"\n", Code.YAML),
    ],
)
def test_file_level_problems_have_codes(tmp_path: Path, raw: bytes, code: Code) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(raw)
    [problem] = load_pack(path).problems
    assert (problem.code, problem.path) == (code, ())


def test_unreadable_and_too_large_files_have_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert coded(load_pack(tmp_path).problems) == [(Code.UNREADABLE, [])]
    assert coded(load_pack(tmp_path / "missing.yaml").problems) == [(Code.UNREADABLE, [])]
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 10)
    big = tmp_path / "big.yaml"
    big.write_text(PACK)
    assert coded(load_pack(big).problems) == [(Code.TOO_LARGE, [])]


def test_a_pack_id_used_twice_is_a_duplicate_at_the_id(tmp_path: Path) -> None:
    text = (
        "id: same\ntitle: T\nquestions:\n  - {id: q, type: true_false, prompt: P, answer: true}\n"
    )
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "pack.yaml").write_text(text)
    first, second = discover_packs([tmp_path / "a", tmp_path / "b"])
    assert first.ok and not second.ok
    assert coded(second.problems) == [(Code.DUPLICATE, ["id"])]


def test_the_cache_keeps_the_code_and_path(tmp_path: Path) -> None:
    path = tmp_path / "warns.yaml"
    path.write_text(
        PACK.replace("    answer: c\n", "    answer: a\n").replace(
            "?\n", "?\n    answer: true\n", 1
        )
    )
    cache = tmp_path / "cache"
    first = load_pack(path, cache_dir=cache)
    assert first.ok
    second = load_pack(path, cache_dir=cache)
    assert coded(second.problems) == [(Code.UNKNOWN_FIELD, ["questions", 1, {"key": "colour"}])]
    assert second.problems == first.problems


def test_read_data_applies_the_depth_rule_whatever_libyaml_allows() -> None:
    # libyaml stops at 1,000 levels with its own message; our rule and position win.
    with pytest.raises(yaml_reader.YamlProblem) as raised:
        yaml_reader.read_data("x: " + "[" * 5_000 + "\n")
    depth = yaml_reader.MAX_DEPTH
    problem = raised.value
    assert (problem.line, problem.col) == (1, 3 + depth)
    assert problem.message == f"nesting is deeper than {depth} levels"
