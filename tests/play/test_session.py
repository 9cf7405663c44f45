"""The quiz session in classic (untimed) play: choosing questions, seeded order, scoring,
streaks, results. Timed modes and lifelines are in test_timed_modes.py."""

from __future__ import annotations

import random
from typing import Any

import pytest

from quizgame.core.packs.model import Difficulty, Pack, Question, QuestionType, Spoiler
from quizgame.core.play.dealing import SessionOptions, make_round, mix_cap
from quizgame.core.play.modes import EndReason
from quizgame.core.play.session import Session, SessionError
from tests.clocks import FakeClock


def mc(
    n: int,
    difficulty: Difficulty = Difficulty.MEDIUM,
    category: str | None = "cast",
    spoiler: Spoiler = Spoiler.NONE,
) -> Question:
    return Question(
        id=f"mc{n}",
        type=QuestionType.MULTIPLE_CHOICE,
        prompt=f"Question {n}?",
        choices=(f"right {n}", f"wrong {n}a", f"wrong {n}b", f"wrong {n}c"),
        answer=f"right {n}",
        difficulty=difficulty,
        category=category,
        spoiler=spoiler,
    )


ORDERING = Question(
    id="order",
    type=QuestionType.ORDERING,
    prompt="In story order",
    items=("Birth", "Swap", "Exhumation", "Reunion"),
    difficulty=Difficulty.HARD,
    category="plot",
)
MATCHING = Question(
    id="match",
    type=QuestionType.MATCHING,
    prompt="Actor to role",
    pairs=(("Penélope Cruz", "Janis"), ("Milena Smit", "Ana")),
    category="cast",
)
TYPED = Question(id="typed", type=QuestionType.TYPED, prompt="Director?", answer="Pedro Almodóvar")


def big_pack() -> Pack:
    """Thirty questions: difficulties, categories and spoiler levels in rotation."""
    questions = [
        mc(
            n,
            difficulty=list(Difficulty)[n % 3],
            category=("cast", "plot", "music")[(n // 3) % 3],
            spoiler=list(Spoiler)[n % 3],
        )
        for n in range(30)
    ]
    return Pack(id="big", title="Big", questions=tuple(questions))


def pack(*questions: Question) -> Pack:
    return Pack(id="p", title="P", questions=questions)


def start(p: Pack, clock: FakeClock | None = None, **options: object) -> Session:
    options.setdefault("spoiler", Spoiler.ENDING)  # these tests want every question
    return Session(p, SessionOptions(**options), clock=clock or FakeClock())  # type: ignore[arg-type]


def right_answer(session: Session) -> object:
    assert session.current is not None
    question = session.current.question
    if question.type is QuestionType.ORDERING:
        return list(question.items)
    if question.type is QuestionType.MATCHING:
        return dict(question.pairs)
    return question.answer


def play_through(session: Session, correct: list[bool], clock: FakeClock | None = None) -> None:
    for ok in correct:
        if clock is not None:
            clock.advance(3)
        session.answer(right_answer(session) if ok else "nothing like it")
        session.advance()


def shown(session: Session) -> list[tuple[str, tuple[str, ...]]]:
    return [(r.question.id, r.choices) for r in session.rounds]


# --- seeded determinism ----------------------------------------------------------------------


def test_same_seed_same_questions_order_and_choice_order() -> None:
    first = start(big_pack(), seed=42)
    again = start(big_pack(), seed=42)
    assert shown(first) == shown(again)
    assert len(first.rounds) == 10  # the default count
    assert first.seed == 42


def test_different_seed_differs() -> None:
    assert shown(start(big_pack(), seed=1)) != shown(start(big_pack(), seed=2))
    # And not only the order: a different selection of questions from the thirty.
    ids = {frozenset(q for q, _ in shown(start(big_pack(), seed=s))) for s in range(5)}
    assert len(ids) > 1


def test_choices_are_shuffled_but_complete() -> None:
    session = start(big_pack(), seed=7, count=None)
    orders = {r.choices.index(r.question.answer) for r in session.rounds}
    assert len(orders) > 1  # the right answer is not always in the same place
    for r in session.rounds:
        assert sorted(r.choices) == sorted(r.question.choices)


def test_ordering_and_matching_are_shown_shuffled() -> None:
    for seed in range(20):
        session = start(pack(ORDERING, MATCHING), seed=seed)
        for r in session.rounds:
            if r.question is ORDERING:
                assert r.items != ORDERING.items
                assert sorted(r.items) == sorted(ORDERING.items)
            else:
                assert r.lefts == ("Penélope Cruz", "Milena Smit")
                assert r.rights == ("Ana", "Janis")  # the only order that is not the answer


class NoShuffle(random.Random):
    """A generator whose shuffles leave everything where it was (bad luck, every time)."""

    def shuffle(self, x: Any) -> None:
        pass


def test_ordering_and_matching_are_never_shown_solved_even_by_bad_luck() -> None:
    # Two items stay in order half the time per shuffle; retrying is not enough on its own.
    two = Question(id="o", type=QuestionType.ORDERING, prompt="?", items=("First", "Second"))
    assert make_round(1, two, NoShuffle()).items == ("Second", "First")
    assert make_round(1, ORDERING, NoShuffle()).items != ORDERING.items
    assert make_round(1, MATCHING, NoShuffle()).rights == ("Ana", "Janis")


def test_without_a_seed_one_is_chosen_and_kept_for_replay() -> None:
    session = start(big_pack())
    replay = start(big_pack(), seed=session.seed)
    assert shown(replay) == shown(session)


# --- choosing questions ----------------------------------------------------------------------


def ids(session: Session) -> set[str]:
    return {r.question.id for r in session.rounds}


def test_count() -> None:
    assert len(start(big_pack(), seed=1, count=3).rounds) == 3
    assert len(start(big_pack(), seed=1, count=None).rounds) == 30
    assert len(start(big_pack(), seed=1, count=500).rounds) == 30  # no more than there are


def test_categories_filter() -> None:
    p = big_pack()
    session = start(p, seed=1, count=None, categories=("music", "plot"))
    expected = {q.id for q in p.questions if q.category in ("music", "plot")}
    assert ids(session) == expected
    assert expected and len(expected) < 30


def test_difficulty_filter() -> None:
    p = big_pack()
    session = start(p, seed=1, count=None, difficulty=Difficulty.HARD)
    assert ids(session) == {q.id for q in p.questions if q.difficulty is Difficulty.HARD}
    assert len(ids(session)) == 10


def test_spoiler_level_is_the_most_a_question_may_give_away() -> None:
    p = big_pack()
    none = start(p, seed=1, count=None, spoiler=Spoiler.NONE)
    mid = start(p, seed=1, count=None, spoiler=Spoiler.MID)
    everything = start(p, seed=1, count=None, spoiler=Spoiler.ENDING)
    assert {q.spoiler for q in (r.question for r in none.rounds)} == {Spoiler.NONE}
    assert {q.spoiler for q in (r.question for r in mid.rounds)} == {Spoiler.NONE, Spoiler.MID}
    assert (len(none.rounds), len(mid.rounds), len(everything.rounds)) == (10, 20, 30)


def test_question_ids_filter() -> None:
    session = start(big_pack(), seed=1, count=None, question_ids=("mc3", "mc17", "missing"))
    assert ids(session) == {"mc3", "mc17"}


def test_filters_combine() -> None:
    p = big_pack()
    session = start(p, seed=1, count=3, difficulty=Difficulty.EASY, categories=("cast",))
    matching = {
        q.id for q in p.questions if q.difficulty is Difficulty.EASY and q.category == "cast"
    }
    assert len(matching) == 4
    assert len(ids(session)) == 3 and ids(session) <= matching


# Settings that deal no question from `big_pack()`.
NO_MATCH = [
    {"categories": ("nonexistent",)},
    {"question_ids": ("nope",)},
    {"difficulty": Difficulty.HARD, "categories": ("music",), "spoiler": Spoiler.NONE},
    {"count": 0},
]


@pytest.mark.parametrize("options", NO_MATCH)
def test_no_matching_questions_is_an_error(options: dict[str, object]) -> None:
    with pytest.raises(SessionError, match="no questions in this pack match the chosen settings"):
        Session(big_pack(), SessionOptions(seed=1, **options))  # type: ignore[arg-type]


# --- scoring ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("difficulty", "points"),
    [(Difficulty.EASY, 100), (Difficulty.MEDIUM, 200), (Difficulty.HARD, 300)],
)
def test_points_by_difficulty(difficulty: Difficulty, points: int) -> None:
    session = start(pack(mc(1, difficulty=difficulty)), seed=1)
    record = session.answer("right 1")
    assert (record.points, record.streak_bonus, session.score) == (points, 0, points)


def test_a_wrong_answer_scores_nothing() -> None:
    session = start(pack(mc(1)), seed=1)
    record = session.answer("wrong 1a")
    assert not record.correct
    assert (record.points, session.score) == (0, 0)
    assert record.verdict.summary() == "Wrong"


def test_partial_credit_for_ordering_and_matching() -> None:
    session = start(pack(ORDERING), seed=1)
    record = session.answer(["Birth", "Swap", "Reunion", "Exhumation"])  # two of four in place
    assert record.points == 150  # half of a hard question's 300
    assert record.verdict.partial

    session = start(pack(MATCHING), seed=1)
    record = session.answer({"Penélope Cruz": "Janis", "Milena Smit": "Janis"})
    assert record.points == 100  # one of two pairs, medium
    assert session.missed_ids() == ("match",)


def test_a_partly_right_answer_breaks_the_streak() -> None:
    session = start(pack(mc(1), ORDERING, mc(2)), seed=3, count=None)
    by_id = {r.question.id: r for r in session.rounds}
    assert set(by_id) == {"mc1", "order", "mc2"}
    for r in session.rounds:
        if r.question is ORDERING:
            session.answer(["Birth", "Swap", "Reunion", "Exhumation"])
            assert session.streak == 0
        else:
            session.answer(r.question.answer)
            assert session.streak >= 1
        session.advance()


def test_typed_answers_are_checked_leniently_in_play() -> None:
    session = start(pack(TYPED), seed=1)
    record = session.answer("pedro almodovar")
    assert record.correct and record.verdict.reason == "accent ignored"
    assert record.points == 200
    assert record.given_text == "pedro almodovar"


# --- streaks ---------------------------------------------------------------------------------


def test_streak_and_best_streak() -> None:
    session = start(big_pack(), seed=5, count=8)
    pattern = [True, True, True, False, True, True, False, True]
    streaks = []
    for ok in pattern:
        session.answer(right_answer(session) if ok else "nothing like it")
        streaks.append(session.streak)
        session.advance()
    assert streaks == [1, 2, 3, 0, 1, 2, 0, 1]
    assert session.best_streak == 3
    assert session.results().best_streak == 3


def test_streak_bonus_is_part_of_the_score() -> None:
    session = start(pack(mc(1), mc(2)), seed=1, count=None)
    first = session.answer(right_answer(session))
    session.advance()
    second = session.answer(right_answer(session))
    assert first.streak_bonus == 0 and second.streak_bonus > 0
    assert second.points == 200 + second.streak_bonus
    assert session.score == first.points + second.points


# --- results ---------------------------------------------------------------------------------


def test_results_after_a_full_session() -> None:
    clock = FakeClock(start=500.0)
    p = pack(mc(1, category="cast"), mc(2, category="plot"), mc(3, category="cast"), TYPED)
    session = start(p, clock=clock, seed=9, count=None)
    by_number = [r.question.id for r in session.rounds]
    correct = [True, False, True, True]
    play_through(session, correct, clock)

    assert session.finished and session.current is None
    results = session.results()
    assert results.end_reason is EndReason.COMPLETED
    assert (results.correct, results.answered, results.asked, results.total) == (3, 4, 4, 4)
    assert results.accuracy == 0.75
    assert results.duration == 12.0  # four answers, three seconds each
    assert results.score == session.score == sum(r.points for r in results.records)
    assert [r.question_id for r in results.records] == by_number
    assert [r.number for r in results.records] == [1, 2, 3, 4]
    assert all(r.time_taken == 3.0 for r in results.records)

    missed = by_number[1]
    assert session.missed_ids() == (missed,)
    assert [r.question_id for r in results.missed] == [missed]

    expected: dict[str, list[int]] = {}
    for qid, ok in zip(by_number, correct, strict=True):
        category = p.question(qid).category or "other"  # type: ignore[union-attr]
        counts = expected.setdefault(category, [0, 0])
        counts[0] += ok
        counts[1] += 1
    assert {c.category: [c.correct, c.asked] for c in results.by_category} == expected
    assert "other" in expected  # TYPED has no category
    assert sum(c.points for c in results.by_category) == results.score


def test_record_keeps_what_was_given() -> None:
    clock = FakeClock()
    session = start(pack(mc(1)), clock=clock, seed=1)
    clock.advance(4.25)
    record = session.answer("wrong 1b")
    assert record.given == "wrong 1b"
    assert record.given_text == "wrong 1b"
    assert record.time_taken == 4.25
    assert record.question.id == "mc1"
    assert session.last_record is record


def test_results_mid_session_and_after_abandoning() -> None:
    clock = FakeClock()
    session = start(big_pack(), clock=clock, seed=1, count=5)
    play_through(session, [True, True], clock)
    results = session.results()
    assert (results.answered, results.total, results.duration) == (2, 5, 6.0)
    clock.advance(10)
    session.abandon()
    assert session.finished
    clock.advance(100)  # time after the end does not count
    results = session.results()
    assert results.end_reason is EndReason.ABANDONED
    assert results.duration == 16.0


def test_no_answers_gives_zero_accuracy_not_an_error() -> None:
    session = start(big_pack(), seed=1, count=3)
    session.abandon()
    results = session.results()
    assert (results.accuracy, results.score, results.answered) == (0.0, 0, 0)


# --- misuse ----------------------------------------------------------------------------------


def test_answering_twice_is_an_error() -> None:
    session = start(big_pack(), seed=1, count=2)
    session.answer(right_answer(session))
    with pytest.raises(SessionError, match="has been answered"):
        session.answer(right_answer(session))
    assert len(session.records) == 1


def test_advancing_before_answering_is_an_error() -> None:
    session = start(big_pack(), seed=1, count=2)
    with pytest.raises(SessionError, match="answer or skip this question first"):
        session.advance()


def test_answering_after_the_end_is_an_error() -> None:
    session = start(pack(mc(1)), seed=1)
    session.answer("right 1")
    assert session.advance() is None
    assert session.finished
    with pytest.raises(SessionError, match="the session is over"):
        session.answer("right 1")


# --- groups and variety ----------------------------------------------------------------------


def test_a_session_asks_at_most_one_question_of_a_group() -> None:
    from dataclasses import replace

    # Three ways of asking who plays Janis, and ten unrelated questions.
    twins = [replace(mc(100 + i), groups=("who-plays-janis",)) for i in range(3)]
    p = pack(*twins, *(mc(n) for n in range(10)))
    for seed in range(20):
        session = start(p, seed=seed, count=None)
        asked = [r.question for r in session.rounds]
        assert sum(q.groups == ("who-plays-janis",) for q in asked) == 1
        assert len(asked) == 11


def test_a_cut_session_caps_a_type_that_floods_the_pack() -> None:
    # Half true/false: a ten-question session takes no more than its mix cap of them (six), so
    # a run of statements never fills a session.
    true_false = [
        Question(id=f"tf{n}", type=QuestionType.TRUE_FALSE, prompt=f"T{n}", answer=True)
        for n in range(20)
    ]
    others = [mc(n, category=("cast", "plot", "crew")[n % 3]) for n in range(20)]
    for seed in range(20):
        types = [
            r.question.type for r in start(pack(*true_false, *others), seed=seed, count=10).rounds
        ]
        assert types.count(QuestionType.TRUE_FALSE) <= mix_cap(10, 0.5) == 6


def test_type_variety_keeps_seeded_determinism() -> None:
    p = pack(*(mc(n) for n in range(12)), ORDERING, MATCHING, TYPED)
    assert shown(start(p, seed=7, count=5)) == shown(start(p, seed=7, count=5))


def test_the_default_is_spoiler_safe() -> None:
    session = Session(big_pack(), SessionOptions(seed=1, count=None), clock=FakeClock())
    assert {r.question.spoiler for r in session.rounds} == {Spoiler.NONE}


def test_a_question_showing_several_facts_never_meets_one_asking_any_of_them() -> None:
    from dataclasses import replace

    # A matching shows who plays Janis and Ana; each who-plays question asks one of them.
    matching = replace(MATCHING, groups=("plays-janis", "plays-ana"))
    janis = replace(mc(1), groups=("plays-janis",))
    ana = replace(mc(2), groups=("plays-ana",))
    seen_pairs = set()
    for seed in range(30):
        asked = {
            r.question.id for r in start(pack(matching, janis, ana), seed=seed, count=None).rounds
        }
        assert asked in ({"match"}, {"mc1", "mc2"})
        seen_pairs.add(frozenset(asked))
    assert len(seen_pairs) == 2  # both outcomes happen: nothing is dropped for good


def test_a_cut_session_spreads_over_categories() -> None:
    # Two thirds of the pack is one category; it takes no more than its mix cap of ten (eight).
    films = [mc(n, category="filmography") for n in range(40)]
    others = [mc(100 + n, category=("cast", "plot")[n % 2]) for n in range(20)]
    for seed in range(10):
        categories = [
            r.question.category for r in start(pack(*films, *others), seed=seed, count=10).rounds
        ]
        assert categories.count("filmography") <= mix_cap(10, 40 / 60) == 8
