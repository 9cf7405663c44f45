"""The generated list questions: which there are, what they list, and that a session never asks
a list together with a question on a fact the list shows."""

from __future__ import annotations

import pytest

from quizgame.core.generate import generate
from quizgame.core.generate.facts import Facts
from quizgame.core.generate.parse import parse_facts
from quizgame.core.packs.model import ListItem, Pack, QuestionType
from quizgame.core.packs.read import require_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.session import Session
from tests import film


@pytest.fixture(scope="module")
def pack() -> Pack:
    return require_pack(film.PACK)


@pytest.fixture(scope="module")
def facts() -> Facts:
    return parse_facts(film.raw_facts())


def lists(pack: Pack) -> dict[str, tuple[ListItem, ...]]:
    return {q.id: q.answers for q in pack.questions if q.type is QuestionType.LIST}


def test_the_bundled_pack_holds_a_list_of_each_kind(pack: Pack) -> None:
    found = lists(pack)
    assert len(found) >= 6
    assert {"cast-list", "character-mothers-list", "crew-list", "filmography-list-shorts"} <= set(
        found
    )
    # The two fullest decades only, so filmography stays under a fifth of the pack.
    assert {q for q in found if q.startswith("filmography-list-") and q.endswith("0s")} == {
        "filmography-list-1980s",
        "filmography-list-1990s",
    }


def test_what_each_list_names(pack: Pack) -> None:
    found = lists(pack)
    assert found["cast-list"][0] == ListItem("Penélope Cruz", ("Cruz",), "Janis")
    assert [i.show for i in found["cast-list"]] == ["Janis", "Ana", "Arturo", "Teresa", "Elena"]
    assert [i.answer for i in found["character-mothers-list"]] == ["Teresa", "Ana", "Janis"]
    crew = {i.answer: i.show for i in found["crew-list"]}
    assert crew["Pedro Almodóvar"] == "director and screenwriter"
    assert "Esther García" not in crew  # producers run the production, not a department
    shorts = found["filmography-list-shorts"]
    # The thirteen the source lists before the first feature, Salomé (1978) the last of them:
    # as many as the "how many shorts" question says.
    assert len(shorts) == 13 and all(i.show and int(i.show) <= 1978 for i in shorts)
    assert shorts[-1].answer == "Salomé"
    # The pack's own film is never in a filmography list: the title would give it away.
    assert all(i.answer != "Parallel Mothers" for items in found.values() for i in items)


def test_a_list_is_in_the_group_of_every_fact_it_shows(pack: Pack) -> None:
    by_id = {q.id: q for q in pack.questions}
    cast = by_id["cast-list"]
    assert set(by_id["cast-who-plays-janis"].groups) <= set(cast.groups)
    assert set(by_id["filmography-year-high-heels"].groups) <= set(
        by_id["filmography-list-1990s"].groups
    )
    # As much as the relations it lists give away: the baby swap is a mid-film turn.
    assert by_id["character-mothers-list"].spoiler.value == "mid"


def test_a_session_never_asks_who_plays_janis_with_the_cast_list(pack: Pack) -> None:
    both = {"cast-list", "cast-who-plays-janis"}
    dealt_the_list = 0
    for seed in range(40):
        session = Session(pack, SessionOptions(count=None, seed=seed))
        asked = {r.question.id for r in session.rounds}
        assert not both <= asked
        dealt_the_list += "cast-list" in asked
    assert dealt_the_list  # the list itself is dealt in some sessions


def test_lists_depend_on_the_facts_alone(facts: Facts) -> None:
    """Another seed varies wording and choices, never which lists there are or what they hold."""
    first = [q for q in generate(facts, seed=0).questions if q["type"] == "list"]
    other = [q for q in generate(facts, seed=9).questions if q["type"] == "list"]
    assert first == other
