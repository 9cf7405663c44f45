"""The authoring commands: new, schema, import, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgame.cli import cli
from quizgame.core.formats.opentdb import ATTRIBUTION
from quizgame.core.packs import starter
from quizgame.core.packs.questions import KINDS
from quizgame.core.packs.read import load_pack
from quizgame.core.packs.schema import pack_schema, schema_file
from quizgame.core.packs.starter import SCHEMA_MODELINE
from tests.paths import REPO, TEST_DATA

GIFT = """\
// Capitals
::peru::Capital of Peru?{=Lima ~Cusco ~Arequipa}

Describe Lima.{}

::chile::Capital of Chile?{=Santiago =Santiago de Chile}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --- new ------------------------------------------------------------------------------------


def test_new_writes_a_commented_pack_with_every_type_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "my-quiz.yaml"
    code, out, _ = run("new", "my-quiz", "--title", "My quiz", "-o", str(target))
    assert code == 0 and "wrote" in out
    text = target.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith(SCHEMA_MODELINE)
    schema_path = Path(first.removeprefix(SCHEMA_MODELINE))
    assert schema_path.is_absolute() and schema_path.is_file()  # outside the repo: absolute
    assert json.loads(schema_path.read_text(encoding="utf-8")) == pack_schema()
    assert text.count("\n  # ") >= 6  # every example explained
    result = load_pack(target)
    assert result.ok and not result.problems
    assert result.pack is not None
    assert result.pack.id == "my-quiz" and result.pack.title == "My quiz"
    assert {q.type for q in result.pack.questions} == set(KINDS)
    code, _, _ = run("validate", str(target))
    assert code == 0


def test_the_schema_file_is_found_in_the_checkout() -> None:
    assert schema_file() == REPO / "docs" / "pack.schema.json"


def test_a_pack_beside_the_schema_points_at_it_relatively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = tmp_path / "docs" / "pack.schema.json"
    schema.parent.mkdir()
    schema.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(starter, "schema_file", lambda: schema)
    assert starter.schema_reference(tmp_path / "questions" / "x.yaml") == "../docs/pack.schema.json"
    assert starter.schema_reference(tmp_path / "x.yaml") == "docs/pack.schema.json"
    elsewhere = tmp_path.parent / "elsewhere" / "x.yaml"
    assert starter.schema_reference(elsewhere) == schema.as_posix()


def test_new_defaults_to_id_yaml_here_and_never_overwrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("new", "trivia")[0] == 0
    made = tmp_path / "trivia.yaml"
    pack = load_pack(made).pack
    assert pack is not None and pack.title == "Trivia"
    code, _, err = run("new", "trivia")
    assert code == 1 and "already exists; use --force" in err
    assert run("new", "trivia", "--force", "--schema", "x.json")[0] == 0
    assert made.read_text(encoding="utf-8").startswith(SCHEMA_MODELINE + "x.json\n")


def test_new_refuses_an_id_that_is_not_a_slug(tmp_path: Path) -> None:
    code, _, err = run("new", "My Quiz", "-o", str(tmp_path / "x.yaml"))
    assert code == 2
    assert err.strip() == "quizgame: pack id 'My Quiz' should be a slug: a-z, 0-9, '-', '_', '.'"
    assert not (tmp_path / "x.yaml").exists()


def test_new_keeps_an_odd_title_safe(tmp_path: Path) -> None:
    target = tmp_path / "odd.yaml"
    assert run("new", "odd", "--title", 'Quotes " and: colons # [x]', "-o", str(target))[0] == 0
    pack = load_pack(target).pack
    assert pack is not None and pack.title == 'Quotes " and: colons # [x]'


# --- schema ---------------------------------------------------------------------------------


def test_schema_prints_the_json_schema(tmp_path: Path) -> None:
    code, out, _ = run("schema")
    assert code == 0 and json.loads(out) == pack_schema()
    target = tmp_path / "pack.schema.json"
    assert run("schema", "-o", str(target))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == pack_schema()


# --- import ---------------------------------------------------------------------------------


def test_import_gift(tmp_path: Path) -> None:
    source = tmp_path / "capitals.gift"
    source.write_text(GIFT, encoding="utf-8")
    target = tmp_path / "out" / "south-america.yaml"
    code, out, err = run(
        "import", str(source), "-o", str(target), "--title", "South America", "--parents"
    )
    assert code == 0
    assert out.strip() == f"wrote {target}: 2 questions (1 left out: see the warnings)"
    assert err.strip() == (
        f"{source}:4: warning: question 2: an essay question (free text, marked by a teacher) "
        "cannot be played: skipped"
    )
    pack = load_pack(target).pack
    assert pack is not None
    assert (pack.id, pack.title) == ("south-america", "South America")
    assert [q.id for q in pack.questions] == ["peru", "chile"]
    assert pack.questions[1].accept == ("Santiago de Chile",)


def test_import_goes_to_my_packs_by_default_and_the_game_finds_it(
    tmp_path: Path, _isolated_data_dir: Path
) -> None:
    source = tmp_path / "World Capitals.gift"
    source.write_text(GIFT, encoding="utf-8")
    code, out, _ = run("import", str(source))
    assert code == 0
    made = _isolated_data_dir / "packs" / "world-capitals.yaml"
    assert out.startswith(f"wrote {made}: 2 questions")
    code, out, _ = run("packs", "--format", "json")
    rows = json.loads(out)
    assert any(r["id"] == "world-capitals" and r["title"] == "World Capitals" for r in rows)


def test_import_with_errors_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "broken.txt"
    source.write_text("Q1?\nA. yes\nB. no\nANSWER: C\n\nQ2?\nA. x\n", encoding="utf-8")
    target = tmp_path / "broken.yaml"
    code, _, err = run("import", str(source), "--from", "aiken", "-o", str(target))
    assert code == 1
    assert err.splitlines() == [
        f"{source}:4: error: question 1: ANSWER: C is not one of the options A, B",
        f"{source}:6: error: question 2: the last question has no 'ANSWER: <letter>' line",
        f"quizgame: {source}: 2 errors; nothing written",
    ]
    assert not target.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8", "not UTF-8 text"),
        (b'{"results": [', "error: not valid JSON"),
    ],
)
def test_import_bad_files_give_one_line_errors(
    tmp_path: Path, content: bytes, message: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(content)
    code, _, err = run("import", str(source), "-o", str(tmp_path / "bad.yaml"))
    assert code == 1 and message in err and "Traceback" not in err


def test_import_needs_a_format_it_can_tell(tmp_path: Path) -> None:
    source = tmp_path / "questions.txt"
    source.write_text("Q?\nA. a\nB. b\nANSWER: A\n", encoding="utf-8")
    code, _, err = run("import", str(source), "-o", str(tmp_path / "q.yaml"))
    assert code == 2 and "--from gift|aiken|opentdb" in err
    assert run("import", str(tmp_path / "missing.gift"), "-o", str(tmp_path / "m.yaml"))[0] == 1


def test_import_reports_the_files_errors_before_a_clash_with_an_existing_pack(
    tmp_path: Path, _isolated_data_dir: Path
) -> None:
    unrelated = _isolated_data_dir / "packs" / "broken.yaml"
    unrelated.parent.mkdir(parents=True)
    unrelated.write_text(
        "id: broken\ntitle: B\nquestions:\n- {id: a, type: true_false, prompt: P, answer: true}\n",
        encoding="utf-8",
    )
    before = unrelated.read_bytes()
    source = tmp_path / "broken.gift"
    source.write_text("::a::Capital of Peru? {=Lima ~Cusco\n", encoding="utf-8")
    code, _, err = run("import", str(source))
    assert code == 1
    assert err.splitlines() == [
        f"{source}:1: error: question 1: '{{' is never closed (a blank line ends a question)",
        f"quizgame: {source}: 1 error; nothing written",
    ]
    source.write_text("::a::Capital of Peru? {=Lima ~Cusco}\n", encoding="utf-8")
    code, _, err = run("import", str(source))
    assert code == 1
    assert err.strip() == (
        f"quizgame: {unrelated} already exists; use --force to replace it "
        "(or --id/-o to import under another name)"
    )
    assert unrelated.read_bytes() == before


def test_import_groups_the_same_warning_about_many_questions(tmp_path: Path) -> None:
    source = tmp_path / "essays.gift"
    source.write_text(
        "".join(f"Essay {n}?{{}}\n\n" for n in range(1, 8)) + "::ok::Sky is blue{T}\n",
        encoding="utf-8",
    )
    code, _, err = run("import", str(source), "-o", str(tmp_path / "essays.yaml"))
    assert code == 0
    assert err.splitlines() == [
        f"{source}: warning: an essay question (free text, marked by a teacher) cannot be "
        "played: skipped: 7 questions (1, 2, 3, 4, 5, ...; the first at line 1)"
    ]
    code, _, err = run("import", str(source), "-o", str(tmp_path / "e2.yaml"), "--verbose")
    assert len(err.splitlines()) == 7


# --- export ---------------------------------------------------------------------------------


def test_export_to_gift_and_back(tmp_path: Path) -> None:
    pack_file = tmp_path / "starter.yaml"
    assert run("new", "starter", "-o", str(pack_file))[0] == 0
    out_file = tmp_path / "starter.gift"
    code, out, err = run("export", str(pack_file), "-o", str(out_file))
    assert code == 0
    assert out.strip() == f"wrote {out_file}: 5 of 7 questions (2 left out: see the warnings)"
    assert f"{pack_file}: warning: question 5 (planets-from-the-sun): GIFT has no ordering" in err
    assert f"{pack_file}: warning: question 7 (largest-spanish-cities): GIFT has no list" in err
    assert run("import", str(out_file), "-o", str(tmp_path / "back.yaml"))[0] == 0
    back = load_pack(tmp_path / "back.yaml").pack
    assert back is not None and len(back.questions) == 5


def test_export_prints_when_there_is_no_output(tmp_path: Path) -> None:
    pack_file = tmp_path / "starter.yaml"
    run("new", "starter", "-o", str(pack_file))
    code, out, _ = run("export", str(pack_file), "--to", "opentdb")
    assert code == 0 and len(json.loads(out)["results"]) == 2
    code, _, err = run("export", str(pack_file))
    assert code == 2 and "--to gift|aiken|opentdb" in err


def test_export_of_a_pack_with_nothing_that_fits(tmp_path: Path) -> None:
    pack_file = tmp_path / "order.yaml"
    pack_file.write_text(
        "id: order\ntitle: O\nquestions:\n- {id: a, type: ordering, prompt: O, items: [x, y]}\n",
        encoding="utf-8",
    )
    code, _, err = run("export", str(pack_file), "--to", "aiken", "-o", str(tmp_path / "o.txt"))
    assert code == 1 and "nothing to export: none of the 1 questions fit aiken" in err
    assert not (tmp_path / "o.txt").exists()


def opentdb_json(count: int) -> str:
    entry = {
        "type": "boolean",
        "difficulty": "hard",
        "category": "Science",
        "question": "Question {n}?",
        "correct_answer": "True",
        "incorrect_answers": ["False"],
    }
    results = [{**entry, "question": f"Question {n}?"} for n in range(1, count + 1)]
    return json.dumps({"response_code": 0, "results": results})


def test_export_keeps_the_licence_and_groups_the_same_warning(tmp_path: Path) -> None:
    source = tmp_path / "opentdb.json"
    source.write_text(opentdb_json(30), encoding="utf-8")
    pack_file = tmp_path / "trivia.yaml"
    assert run("import", str(source), "-o", str(pack_file))[0] == 0
    out_file = tmp_path / "o.gift"
    code, _, err = run("export", str(pack_file), "-o", str(out_file))
    assert code == 0
    assert err.splitlines() == [
        f"{pack_file}: warning: difficulty not kept (GIFT has no place for it): "
        "30 questions (1, 2, 3, 4, 5, ...)"
    ]
    head = out_file.read_text(encoding="utf-8").split("\n\n")[0].splitlines()
    assert head[0] == "// quizgame pack: trivia"
    assert "// license: CC-BY-SA-4.0" in head
    assert f"// attribution: {ATTRIBUTION}" in head
    json_file = tmp_path / "o.json"
    assert run("export", str(pack_file), "-o", str(json_file))[0] == 0
    exported = json.loads(json_file.read_text(encoding="utf-8"))
    assert (exported["license"], exported["attribution"]) == ("CC-BY-SA-4.0", ATTRIBUTION)


def test_an_exported_gift_imports_as_the_pack_it_came_from(
    tmp_path: Path, _isolated_data_dir: Path
) -> None:
    pack_file = tmp_path / "mypack.yaml"
    assert run("new", "mypack", "--title", "My pack", "-o", str(pack_file))[0] == 0
    gift_file = tmp_path / "m.gift"
    assert run("export", str(pack_file), "-o", str(gift_file))[0] == 0
    code, out, _ = run("import", str(gift_file))
    made = _isolated_data_dir / "packs" / "mypack.yaml"
    assert code == 0 and out.startswith(f"wrote {made}: 5 questions")
    back = load_pack(made).pack
    assert back is not None and (back.id, back.title) == ("mypack", "My pack")
    # naming the output names the pack: a copy does not take the id of the pack it came from
    copy_file = tmp_path / "copy.yaml"
    assert run("import", str(gift_file), "-o", str(copy_file))[0] == 0
    copy = load_pack(copy_file).pack
    assert copy is not None and (copy.id, copy.title) == ("copy", "My pack")


def test_import_refuses_an_id_another_pack_already_has(
    tmp_path: Path, _isolated_data_dir: Path
) -> None:
    gift_file = tmp_path / "pm.gift"
    assert run("export", "parallel-mothers", "-o", str(gift_file))[0] == 0
    code, _, err = run("import", str(gift_file))
    assert code == 1
    assert err.splitlines()[-1] == (
        f"quizgame: the pack id 'parallel-mothers' is taken by "
        f"{REPO / 'questions' / 'parallel-mothers.yaml'}; choose another with --id "
        "(or a file with -o)"
    )
    assert not (_isolated_data_dir / "packs" / "parallel-mothers.yaml").exists()
    code, out, _ = run("import", str(gift_file), "--id", "pm")
    assert code == 0 and "packs/pm.yaml" in out


# --- what exists before what is missing; options that cannot apply ----------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["new", "x", "-o", "{missing}/x.yaml"],
        ["schema", "-o", "{missing}/pack.schema.json"],
        ["export", "{pack}", "-o", "{missing}/x.gift"],
        ["import", "{gift}", "-o", "{missing}/x.yaml"],
        ["generate", "{facts}", "-o", "{missing}/x.yaml"],
    ],
)
def test_a_missing_output_folder_is_refused_unless_parents(tmp_path: Path, args: list[str]) -> None:
    pack_file = tmp_path / "p.yaml"
    assert run("new", "p", "-o", str(pack_file))[0] == 0
    (tmp_path / "q.gift").write_text(GIFT, encoding="utf-8")
    missing = tmp_path / "no" / "such"
    names = {
        "missing": str(missing),
        "pack": str(pack_file),
        "gift": str(tmp_path / "q.gift"),
        "facts": str(TEST_DATA / "roma.facts.yaml"),
    }
    filled = [arg.format(**names) for arg in args]
    code, out, err = run(*filled)
    assert (code, out) == (1, "")
    assert f"there is no folder {missing} (--parents creates it)" in err
    assert not missing.parent.exists()
    code, _, err = run(*filled, "--parents")
    assert code == 0, err
    assert Path(filled[filled.index("-o") + 1]).exists()


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["schema", "--force"], "--force cannot apply: there is no -o FILE to write"),
        (["schema", "--parents"], "--parents cannot apply"),
        (["export", "{pack}", "--to", "gift", "--force"], "--force cannot apply"),
        (["export", "{pack}", "--packs", "{folder}"], "--packs cannot apply: PACK names a file"),
        (["import", "{gift}", "--parents"], "--parents cannot apply"),
        (["generate", "{facts}", "--parents"], "--parents cannot apply"),
    ],
)
def test_output_options_without_an_output_are_usage_errors(
    tmp_path: Path, args: list[str], text: str
) -> None:
    pack_file = tmp_path / "p.yaml"
    assert run("new", "p", "-o", str(pack_file))[0] == 0
    (tmp_path / "q.gift").write_text(GIFT, encoding="utf-8")
    names = {
        "pack": str(pack_file),
        "gift": str(tmp_path / "q.gift"),
        "facts": str(TEST_DATA / "roma.facts.yaml"),
        "folder": str(tmp_path),
    }
    code, out, err = run(*(arg.format(**names) for arg in args))
    assert (code, out) == (2, "")
    assert text in err


def test_export_names_a_missing_pack_before_asking_for_the_format() -> None:
    code, _, err = run("export", "nope")
    assert code == 1
    assert "no pack with id 'nope'" in err


def test_import_names_a_missing_file_before_asking_for_the_format(tmp_path: Path) -> None:
    code, _, err = run("import", str(tmp_path / "nowhere.txt"))
    assert code == 1
    assert "nowhere.txt: no such file" in err


def test_validate_recognises_a_facts_file_and_names_the_command_for_it() -> None:
    facts = TEST_DATA / "roma.facts.yaml"
    code, out, err = run("validate", str(facts))
    assert (code, out) == (1, "")
    [line] = err.splitlines()
    assert line.startswith(f"{facts}:")
    assert "this looks like a facts file, not a question pack" in line
    assert "quizgame generate" in line
    code, out, _ = run("validate", "--format", "json", str(facts))
    assert json.loads(out)[0]["problems"][0]["code"] == "not-a-pack"
