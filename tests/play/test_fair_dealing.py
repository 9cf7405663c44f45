"""Fair dealing: every eligible question about equally likely, sessions still mixed, fresh
questions first, and the film pack within 1.5x of a fair share over 1,000 seeded sessions."""

from __future__ import annotations

import random

from quizgame.core.packs.model import Pack, Question, QuestionType, Spoiler
from quizgame.core.packs.read import load_pack
from quizgame.core.play.dealing import SessionOptions, select_questions
from quizgame.core.play.fairness import dealing_share
from tests.film import PACK


def _q(n: int, category: str, qtype: QuestionType = QuestionType.TYPED) -> Question:
    if qtype is QuestionType.TRUE_FALSE:
        return Question(id=f"q{n}", type=qtype, prompt=f"Q{n}.", answer=True, category=category)
    return Question(id=f"q{n}", type=qtype, prompt=f"Q{n}?", answer="a", category=category)


def test_a_question_in_a_small_category_is_no_likelier_than_any_other() -> None:
    # One "the film" question beside 40 plot questions: taking categories in turn dealt it in
    # almost every session; fairly it comes in about a quarter (10 of 41).
    pack = Pack("p", "P", (_q(0, "the film"), *(_q(n, "plot") for n in range(1, 41))))
    share = dealing_share(pack, SessionOptions(count=10), sessions=1000)
    assert share.ratio <= 1.5


def test_a_question_of_a_rare_type_is_no_likelier_than_any_other() -> None:
    questions = [_q(n, ("a", "b", "c")[n % 3], QuestionType.TRUE_FALSE) for n in range(30)]
    pack = Pack("p", "P", (*questions, _q(99, "a")))
    assert dealing_share(pack, SessionOptions(count=10), sessions=1000).ratio <= 1.5


def test_the_film_pack_is_dealt_fairly_and_mixed() -> None:
    pack = load_pack(PACK).pack
    assert pack is not None
    share = dealing_share(pack, SessionOptions(count=10, spoiler=Spoiler.NONE), sessions=1000)
    assert share.ratio <= 1.5, share
    assert share.categories_per_session >= 4
    assert share.types_per_session >= 4


def test_fresh_questions_come_before_any_seen_one() -> None:
    pack = Pack("p", "P", tuple(_q(n, ("a", "b")[n % 2]) for n in range(20)))
    seen = tuple(f"q{n}" for n in range(15))  # five never asked
    for seed in range(20):
        options = SessionOptions(count=8, seed=seed, seen=seen)
        dealt = {q.id for q in select_questions(pack, options, random.Random(seed))}
        assert {f"q{n}" for n in range(15, 20)} <= dealt
        # then the least recently seen: q0, q1, q2 (a category cap may pass over one)
        assert len(dealt & {f"q{n}" for n in range(6)}) == 3


def test_once_all_are_seen_the_least_recently_seen_come_first() -> None:
    pack = Pack("p", "P", tuple(_q(n, "a") for n in range(10)))
    seen = tuple(f"q{n}" for n in (9, 8, 7, 6, 5, 4, 3, 2, 1, 0))  # q9 longest ago
    dealt = select_questions(pack, SessionOptions(count=3, seen=seen), random.Random(1))
    assert {q.id for q in dealt} == {"q9", "q8", "q7"}
