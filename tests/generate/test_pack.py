"""The bundled Parallel Mothers pack: generated from its facts, committed, valid, and stable."""

from __future__ import annotations

import copy
import re
from collections import Counter
from typing import Any

import pytest
import yaml

from quizgame.core.generate import generate, generate_pack
from quizgame.core.generate.parse import load_facts, parse_facts
from quizgame.core.packs.model import QuestionType, Spoiler
from quizgame.core.packs.read import load_pack, load_pack_text
from quizgame.core.packs.write import dump_pack
from tests import film
from tests.film import FACTS, PACK, committed_pack

SEEDS = {"000_384ee4140c0fc173.txt", "001_8b1c8545170be2a6.txt", "002_e3e4f36170c357ef.txt"}
SOURCE_NAMES = {"Director's statement", "What's After the Movie?", "Distributor's sales sheet"}


@pytest.fixture(scope="module")
def raw_facts() -> dict[str, Any]:
    return film.raw_facts()


@pytest.fixture(scope="module")
def pack() -> dict[str, Any]:
    return committed_pack()


@pytest.fixture(scope="module")
def questions(pack: dict[str, Any]) -> list[dict[str, Any]]:
    return list(pack["questions"])


def test_committed_pack_is_exactly_what_the_facts_generate() -> None:
    text = dump_pack(generate_pack(load_facts(FACTS)))
    assert text == PACK.read_text(encoding="utf-8"), (
        "questions/parallel-mothers.yaml is stale: run "
        "`quizgame generate questions/facts/parallel-mothers.facts.yaml "
        "-o questions/parallel-mothers.yaml`"
    )


def test_generating_twice_gives_the_same_pack() -> None:
    facts = load_facts(FACTS)
    assert generate_pack(facts) == generate_pack(facts)


def test_the_real_loader_accepts_the_pack_without_warnings() -> None:
    result = load_pack(PACK)
    assert result.ok, [str(p) for p in result.problems]
    assert result.problems == []
    assert result.pack is not None and result.pack.id == "parallel-mothers"


def test_nothing_is_dropped_from_the_real_facts() -> None:
    # A drop is the quality gate catching a template or facts problem: fix the cause instead.
    assert [str(d) for d in generate(load_facts(FACTS)).dropped] == []


def _group_list(question: dict[str, Any]) -> list[str]:
    group = question.get("group", [])
    return [group] if isinstance(group, str) else list(group)


def test_size_types_and_categories(questions: list[dict[str, Any]]) -> None:
    assert len(questions) >= 120
    assert {q["type"] for q in questions} == {t.value for t in QuestionType}
    categories = Counter(q["category"] for q in questions)
    assert len(categories) >= 6
    for wanted in ("cast", "crew", "characters", "plot", "release and reception", "filmography"):
        assert categories[wanted] >= 5, wanted


def test_every_question_has_the_required_fields(questions: list[dict[str, Any]]) -> None:
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids))
    for q in questions:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", q["id"]), q["id"]
        assert q["explanation"].strip() and q["category"].strip(), q["id"]
        assert q["difficulty"] in ("easy", "medium", "hard")
        assert q["spoiler"] in ("none", "mid", "ending")
        # Players see the sources' names, never a file name.
        cited = set(q["source"].split(", "))
        assert cited and cited <= SOURCE_NAMES, (q["id"], cited)


def test_difficulties_and_spoilers_are_spread(questions: list[dict[str, Any]]) -> None:
    difficulties = Counter(q.get("difficulty", "medium") for q in questions)
    assert min(difficulties.values()) >= len(questions) // 5, difficulties
    spoilers = Counter(q.get("spoiler", "none") for q in questions)
    assert spoilers["mid"] >= 10 and spoilers["ending"] >= 5, spoilers


def test_true_false_is_balanced(questions: list[dict[str, Any]]) -> None:
    answers = [q["answer"] for q in questions if q["type"] == "true_false"]
    assert len(answers) >= 12
    assert 0.4 <= answers.count(True) / len(answers) <= 0.6


def test_every_fact_cites_a_listed_seed(raw_facts: dict[str, Any]) -> None:
    assert set(raw_facts["sources"]) == SEEDS
    cited: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            source = node.get("source")
            cited.extend([source] if isinstance(source, str) else source or [])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(raw_facts)
    assert cited and set(cited) <= SEEDS


def test_blank_seed_fields_get_no_question(
    raw_facts: dict[str, Any], questions: list[dict[str, Any]]
) -> None:
    blank = [r for r in raw_facts["film"]["ratings"] if r["value"] is None]
    assert {r["site"] for r in blank} == {"Rotten Tomatoes", "TMDB"}
    for q in questions:
        text = yaml.safe_dump(q, allow_unicode=True)
        assert "Rotten Tomatoes" not in text and "TMDB" not in text and "Tomatometer" not in text


def test_disputed_details_are_never_asserted(questions: list[dict[str, Any]]) -> None:
    # Arturo: "forensic anthropologist" (000) or "forensic archeologist" (001). The one question
    # that mentions either accepts both, and says the sources disagree.
    mentioning = [
        q
        for q in questions
        if re.search(r"anthropolog|archeolog", yaml.safe_dump(q, allow_unicode=True))
    ]
    assert [q["id"] for q in mentioning] == ["character-profession-arturo"]
    only = mentioning[0]
    assert only["type"] == "typed"
    assert {"forensic anthropologist", "forensic archeologist"} <= set(only["accept"])
    assert "disagree" in only["explanation"]
    # 001 says maternity test, then calls the results "pregnancy tests" (a slip): questions say
    # maternity test, never pregnancy test (a quote shows the source's own words).
    for q in questions:
        text = yaml.safe_dump({k: v for k, v in q.items() if k != "quote"}, allow_unicode=True)
        text = text.lower()
        assert "pregnancy test" not in text, q["id"]
        assert "cecilia's father" not in text, q["id"]


def test_sensitive_events_make_no_question(
    raw_facts: dict[str, Any], questions: list[dict[str, Any]]
) -> None:
    sensitive = [e["id"] for e in raw_facts["events"] if e.get("sensitive")]
    assert sensitive
    for q in questions:
        assert not any(q["id"].endswith(f"-{event}") for event in sensitive)
        assert "raped" not in yaml.safe_dump(q, allow_unicode=True)


def test_spoiler_levels_follow_the_plot(
    raw_facts: dict[str, Any], questions: list[dict[str, Any]]
) -> None:
    levels = {e["id"]: e.get("spoiler", "none") for e in raw_facts["events"]}
    by_id = {q["id"]: q for q in questions}
    for event, level in levels.items():
        for prefix in ("plot-", "plot-tf-"):
            if prefix + event in by_id:
                assert by_id[prefix + event].get("spoiler", "none") == level, event
    # The swap is one fact told mid-film (the DNA tests): every question stating it says "mid".
    swap = [q for q in questions if "cecilia-mother" in _group_list(q)]
    assert len(swap) >= 2
    assert {q["spoiler"] for q in swap} == {"mid"}
    rank = {s.value: s.rank for s in Spoiler}
    for q in questions:
        if q["type"] == "ordering" and q["id"].startswith("plot-order"):
            # An ordering is as much of a spoiler as its most revealing event.
            assert rank[q.get("spoiler", "none")] >= 0


def _changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    old = {q["id"]: q for q in before["questions"]}
    new = {q["id"]: q for q in after["questions"]}
    assert set(old) == set(new), "editing a value must not add or remove questions"
    return {qid for qid in old if old[qid] != new[qid]}


def test_editing_one_fact_changes_only_its_own_questions(raw_facts: dict[str, Any]) -> None:
    before = generate_pack(parse_facts(raw_facts))

    edited = copy.deepcopy(raw_facts)
    edited["film"]["runtime"]["value"] = 125
    changed = _changed(before, generate_pack(parse_facts(edited)))
    assert "film-runtime" in changed and changed <= {"film-runtime", "film-runtime-tf"}

    edited = copy.deepcopy(raw_facts)
    volver = next(f for f in edited["filmography"]["films"] if f["title"] == "Volver")
    volver["year"] = 2005
    changed = _changed(before, generate_pack(parse_facts(edited)))
    after = {q["id"]: q for q in generate_pack(parse_facts(edited))["questions"]}
    assert "filmography-year-volver" in changed
    for qid in changed:
        assert "Volver" in yaml.safe_dump(after[qid], allow_unicode=True), qid

    edited = copy.deepcopy(raw_facts)
    event = next(e for e in edited["events"] if e["id"] == "excavation")
    event["text"] = event["text"].replace("80 years", "85 years")
    event["keys"][0]["value"] = 85
    assert _changed(before, generate_pack(parse_facts(edited))) <= {
        "plot-excavation",
        "plot-tf-excavation",
    }


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_seed_varies_choices_but_keeps_ids(seed: int) -> None:
    facts = load_facts(FACTS)
    first, other = generate(facts, seed=0), generate(facts, seed=seed)
    assert other.dropped == ()
    assert [q["id"] for q in first.questions] == [q["id"] for q in other.questions]
    assert [q["group"] for q in first.questions] == [q["group"] for q in other.questions]
    assert first.pack != other.pack
    assert abs(other.true_count - other.false_count) <= 1
    assert load_pack_text(dump_pack(other.pack)).ok
