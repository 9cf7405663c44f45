"""`quizgame judge` (an author tries answers) and `quizgame sheet` (a quiz master's sheet)."""

from __future__ import annotations

import json

from click.testing import CliRunner, Result

from quizgame.cli import cli
from quizgame.core.packs.read import load_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.session import Session
from tests.film import PACK


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="quizgame")


def test_judge_prints_each_verdict_points_and_reason(tmp_path: object) -> None:
    pack = tmp_path / "p.yaml"  # type: ignore[operator]
    pack.write_text(
        "id: p\ntitle: P\nquestions:\n"
        "  - {id: who, type: typed, prompt: Who?, answer: Pedro Almodóvar, accept: [Almodóvar]}\n",
        encoding="utf-8",
    )
    result = run("judge", str(pack), "who", "almodovar", "Agustin Almodóvar")
    assert result.exit_code == 0, result.output
    assert "“almodovar”: right, all the points (surname, accent ignored)" in result.output
    assert "“Agustin Almodóvar”: wrong, none of the points" in result.output
    report = json.loads(run("judge", str(pack), "who", "Almodóvar", "--format", "json").output)
    assert report["answers"] == [
        {"answer": "Almodóvar", "verdict": "right", "points": 1.0, "reason": "surname"}
    ]


def test_judge_names_a_missing_question_in_one_line() -> None:
    result = run("judge", str(PACK), "no-such-question", "x")
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == "quizgame: parallel-mothers: no question with id 'no-such-question'"
    )


def test_the_sheet_deals_what_play_deals_with_the_same_seed() -> None:
    result = run("sheet", str(PACK), "--seed", "7", "--count", "5", "--format", "json")
    assert result.exit_code == 0, result.output
    sheet = json.loads(result.output)
    pack = load_pack(PACK).pack
    assert pack is not None
    session = Session(pack, SessionOptions(count=5, seed=7), clock=lambda: 0.0)
    assert [q["id"] for q in sheet["questions"]] == [r.question.id for r in session.rounds]
    assert [q["shown"] for q in sheet["questions"]] == [
        list(r.choices or r.items or r.lefts) for r in session.rounds
    ]


def test_the_markdown_sheet_ends_with_the_answer_key() -> None:
    result = run("sheet", str(PACK), "--seed", "3", "--count", "4")
    assert result.exit_code == 0, result.output
    questions, key = result.output.split("## Answer key")
    assert "seed 3" in questions
    assert questions.count("points)") == 4
    assert key.strip().startswith("1. ")


# Each form issue 11 names, against the bundled pack: accepted, and near misses refused.
ACCEPTED = [
    ("crew-director-pedro-almodovar", "Almodóvar"),
    ("crew-director-pedro-almodovar", "almodovar"),
    ("crew-cinematographer-jose-luis-alcaine", "Alcaine"),
    ("cast-who-plays-arturo", "Elejalde"),
    ("plot-photo-session", "Arturo Buendía"),
    ("plot-resemblance", "Janis"),
    ("plot-resemblance", "herself"),
    ("character-raised-by-janis", "her grandma"),
    ("character-raised-by-janis", "grandmother"),
    ("plot-reconciliation", "the following day"),
    ("plot-rosita", "Doña Rosita the Spinster"),
    ("plot-rosita", "Dona Rosita la soltera"),
    ("trivia-petitions", "the Spanish government"),
    ("film-year", "2021"),
]
REFUSED = [
    ("crew-director-pedro-almodovar", "Agustin Almodóvar"),  # another person's name
    ("crew-director-pedro-almodovar", "Esther García"),
    ("plot-photo-session", "Ana"),
    ("plot-resemblance", "Ana"),
    ("film-year", "2020"),  # another year
    ("plot-reconciliation", "the next year"),
]


def test_judge_accepts_the_forms_players_mean_and_refuses_near_misses() -> None:
    for qid, answer in ACCEPTED + REFUSED:
        result = run("judge", str(PACK), qid, answer, "--format", "json")
        assert result.exit_code == 0, result.output
        verdict = json.loads(result.output)["answers"][0]["verdict"]
        assert verdict == ("right" if (qid, answer) in ACCEPTED else "wrong"), (qid, answer)


def test_a_sheet_has_no_learn_mode() -> None:
    # A learn session deals from the player's own schedule: no sheet can print it.
    result = CliRunner().invoke(cli, ["sheet", "parallel-mothers", "--mode", "learn"])
    assert result.exit_code == 2
    assert "'learn' is not one of" in result.output
