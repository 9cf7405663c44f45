"""Facts files: bad input gives clear, positioned errors (never a traceback); the command works;
and a second, unrelated film gives a valid pack, so the generator knows nothing of one film."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from quizgame.cli import cli
from quizgame.core.generate import generate, generate_pack
from quizgame.core.generate.facts import Fact
from quizgame.core.generate.parse import FactsError, load_facts, parse_facts
from quizgame.core.packs.read import load_pack, load_pack_text
from quizgame.core.packs.write import dump_pack
from tests.film import FACTS, PACK
from tests.paths import REPO, TEST_DATA

ROMA = TEST_DATA / "roma.facts.yaml"


@pytest.fixture
def roma() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(ROMA.read_text(encoding="utf-8"))
    return data


def _problems(data: Any) -> list[str]:
    with pytest.raises(FactsError) as info:
        parse_facts(data, origin="f.yaml")
    return info.value.problems


# --- a second film ---------------------------------------------------------------------------


def test_another_film_makes_a_valid_pack() -> None:
    result = generate(load_facts(ROMA))
    assert result.dropped == ()
    assert abs(result.true_count - result.false_count) <= 1  # balanced even in a small pack
    loaded = load_pack_text(dump_pack(result.pack), name="roma")
    assert loaded.ok and loaded.problems == [], [str(p) for p in loaded.problems]
    pack = loaded.pack
    assert pack is not None and pack.id == "roma-test"
    assert {q.type.value for q in pack.questions} == {
        "multiple_choice", "true_false", "typed", "numeric", "ordering", "matching", "list",
    }  # fmt: skip
    text = dump_pack(result.pack)
    assert "Parallel" not in text and "Almodóvar" not in text and "Janis" not in text
    assert "Cuarón" in text and "Cleo" in text


def test_the_other_film_uses_its_own_names(roma: dict[str, Any]) -> None:
    by_id = {q["id"]: q for q in generate_pack(roma)["questions"]}
    assert by_id["crew-director-alfonso-cuaron"]["answer"] == "Alfonso Cuarón"
    assert by_id["film-language"]["accept"] == ["Mixtec"]  # a second language is accepted
    assert "de Tavira" in str(by_id.get("cast-who-plays-sofia", {})) or "cast-tf-sofia" in by_id


# --- validation --------------------------------------------------------------------------------


def test_the_real_facts_are_valid() -> None:
    facts = load_facts(FACTS)
    assert facts.pack.id == "parallel-mothers"
    assert len(facts.sources) == 3


def test_not_a_mapping() -> None:
    assert _problems([1, 2]) == ["f.yaml: (top): should be a mapping of fields, not a list"]


def test_every_problem_is_reported_with_its_path(roma: dict[str, Any]) -> None:
    bad = copy.deepcopy(roma)
    bad["facts"] = 2
    bad["cast"][0]["person"] = "nobody"
    bad["cast"][1]["colour"] = "red"
    del bad["crew"][0]["source"]
    bad["crew"][1]["source"] = "elsewhere.txt"
    bad["crew"][2]["job"] = "caterer"
    bad["events"][0]["keys"][0]["value"] = "Guadalajara"
    bad["relations"][0]["is"] = "mother"  # Adela is not Cleo's mother, but she may be; kind known
    bad["relations"][0]["who"] = "fermin"  # a mother must be female; Fermín is male
    problems = _problems(bad)
    expected = [
        "f.yaml: facts: 'facts: 1' should open a facts file (the format version)",
        "f.yaml: cast[0].person: 'nobody' is not an id under 'people'",
        "f.yaml: cast[1].colour: unknown field 'colour'",
        "f.yaml: crew[0]: no source: cite a seed file with 'source:' (one listed under 'sources')",
        "f.yaml: crew[1].source: source 'elsewhere.txt' is not listed under 'sources'",
        "f.yaml: crew[2].job: unknown job 'caterer'",
        "f.yaml: relations[0].is: a mother should be female, and fermin is male",
        "f.yaml: events[0].keys[0].value: 'Guadalajara' should appear word for word in the "
        "statement's text",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)


def test_accepted_wordings_groups_and_moments(roma: dict[str, Any]) -> None:
    data = copy.deepcopy(roma)
    data["characters"][0]["profession"]["accept"] = ["maid", "housemaid"]
    data["events"][0]["group"] = "cleo-work"
    data["events"][0]["moment"] = "opening"
    data["events"][1]["moment"] = "opening"
    facts = parse_facts(data)
    cleo = facts.characters["cleo"]
    assert isinstance(cleo.profession, Fact) and cleo.profession.accept == ("maid", "housemaid")
    assert facts.events[0].group == "cleo-work"
    assert facts.events[0].moment == facts.events[1].moment == "opening"
    # Yalitza Aparicio plays Cleo, a woman: her gender is taken from the part.
    assert facts.people["yalitza-aparicio"].gender == "female"
    by_id = {q["id"]: q for q in generate_pack(facts)["questions"]}
    # Both events happen at one moment: no ordering holds the two.
    first, second = (e.label for e in facts.events[:2])
    for q in by_id.values():
        assert not {first, second} <= set(q.get("items", ())), q["id"]
    assert by_id["plot-household"]["group"] == "cleo-work"


def test_bad_accept_group_and_moment(roma: dict[str, Any]) -> None:
    bad = copy.deepcopy(roma)
    bad["film"]["runtime"] = {"value": 135, "accept": ["long"], "source": "test-notes"}
    bad["events"][0]["group"] = "Not a slug"
    bad["trivia"] = [{"id": "t", "text": "A fact.", "source": "test-notes", "moment": "x"}]
    problems = _problems(bad)
    assert any(p.startswith("f.yaml: film.runtime.accept: unknown field") for p in problems)
    assert any("events[0].group: 'Not a slug' should be a slug" in p for p in problems)
    assert any(p.startswith("f.yaml: trivia[0].moment: unknown field") for p in problems)


def test_a_pack_is_not_taken_for_facts(tmp_path: Path) -> None:
    """A question pack given instead of a facts file: one line says so, not one per field."""
    pack = PACK
    with pytest.raises(FactsError) as info:
        load_facts(pack)
    assert info.value.problems == [f"{pack}: this looks like a question pack, not a facts file"]
    result = CliRunner().invoke(cli, ["generate", str(pack), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"quizgame: {pack}: this looks like a question pack, not a facts file\n"
    )
    assert not (tmp_path / "out.yaml").exists()


def test_a_blank_fact_is_left_out_not_null(roma: dict[str, Any]) -> None:
    bad = copy.deepcopy(roma)
    bad["film"]["runtime"] = {"value": None, "source": "test-notes"}
    assert any("film.runtime: missing field 'value'" in p for p in _problems(bad))


def test_load_facts_gives_line_and_column(tmp_path: Path) -> None:
    text = ROMA.read_text(encoding="utf-8").replace("job: editor", "job: caterer")
    path = tmp_path / "bad.facts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FactsError) as info:
        load_facts(path)
    (problem,) = info.value.problems
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "caterer" in row)
    assert problem.startswith(f"{path}:{line}:")
    assert "crew[3].job: unknown job 'caterer'" in problem


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("facts: 1\npack: [unclosed\n", "YAML syntax error"),
        ("", "(top): should be a mapping"),
        ("facts: 1\nfacts: 1\n", ""),
    ],
)
def test_broken_files_are_reported_not_raised(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "x.facts.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FactsError) as info:
        load_facts(path)
    assert info.value.problems and all(p.startswith(str(path)) for p in info.value.problems)
    assert fragment in "\n".join(info.value.problems)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(FactsError, match="cannot read"):
        load_facts(tmp_path / "missing.yaml")
    (tmp_path / "latin1.yaml").write_bytes("facts: 1\nx: caf\xe9\n".encode("latin-1"))
    with pytest.raises(FactsError, match="not valid UTF-8"):
        load_facts(tmp_path / "latin1.yaml")


# --- the command -------------------------------------------------------------------------------


def test_command_writes_the_pack(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "roma.yaml"
    result = CliRunner().invoke(cli, ["generate", str(ROMA), "-o", str(out), "--parents"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == dump_pack(generate_pack(load_facts(ROMA)))
    assert load_pack(out).ok
    assert "questions" in result.stderr and "0 dropped" in result.stderr


def test_command_seed_and_stdout() -> None:
    first = CliRunner().invoke(cli, ["generate", str(ROMA), "--seed", "3"])
    assert first.exit_code == 0
    assert first.stdout == dump_pack(generate_pack(load_facts(ROMA), seed=3))


def test_command_reports_bad_facts_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.facts.yaml"
    bad.write_text(ROMA.read_text(encoding="utf-8").replace("job: editor", "job: caterer"))
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(cli, ["generate", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{bad}:") and "unknown job 'caterer'" in lines[0]
    assert lines[-1] == f"quizgame: {bad}: 1 problem, no pack written"
    assert not out.exists()


def test_command_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["generate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert "cannot read the file" in result.stderr and "Traceback" not in result.output


def test_the_documented_example_is_a_valid_facts_file() -> None:
    doc = (REPO / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = doc.split("## Writing a facts file and generating a pack", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    result = generate(parse_facts(yaml.safe_load(example), origin="docs/authoring.md"))
    assert result.dropped == ()
    assert load_pack_text(dump_pack(result.pack)).ok
    assert len(result.questions) >= 20
