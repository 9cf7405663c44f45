"""What a room shows of a round: the standings, how the answers split, the question as sent.

Plain functions of the players and the round, so `room.Room` keeps the game's course and this
module keeps how it is seen (the host's board, the players' screens, the protocol's frames).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from quizgame.core.party.answers import right_answer_text
from quizgame.core.party.list_rounds import blanks
from quizgame.core.party.messages import Question, SplitRow, Standing
from quizgame.core.party.players import Player
from quizgame.core.play.dealing import Round

TOP = 5  # players shown after each question


def _order(p: Player) -> tuple[int, int, int]:
    return (-p.score, -p.correct, p.id)


def ranked(players: Iterable[Player]) -> list[Player]:
    """Players best first: score, then right answers, then who joined first."""
    return sorted(players, key=_order)


def rerank(players: Iterable[Player]) -> None:
    """Give each player their new rank, and how far they moved since the last one."""
    for rank, player in enumerate(ranked(players), start=1):
        player.move = (player.rank - rank) if player.rank else 0
        player.rank = rank


def standings(players: Iterable[Player], limit: int | None = None) -> list[Standing]:
    """Players best first: score, then right answers, then who joined first (the best `limit`
    picked without sorting everyone: the top five of a thousand after every question)."""
    best = ranked(players) if limit is None else heapq.nsmallest(limit, players, key=_order)
    return [
        Standing(rank, p.name, p.score, p.correct, p.answered, p.best_streak, p.move)
        for rank, p in enumerate(best, start=1)
    ]


def question_message(
    round_: Round, total: int, time_limit: float, player: Player | None = None
) -> Question:
    """A round's question as the protocol sends it, with `time_limit` seconds to answer, and
    to one (re)joining `player` whether they have answered it."""
    question = round_.question
    return Question(
        round=round_.number,
        total=total,
        kind=question.type.value,
        text=question.prompt,
        time_limit=time_limit,
        points=question.points,
        choices=list(round_.choices),
        items=list(round_.items),
        lefts=list(round_.lefts),
        rights=list(round_.rights),
        blanks=blanks(round_),
        answered=player is not None and round_.number in player.answers,
    )


def split_rows(round_: Round, players: Iterable[Player]) -> list[SplitRow]:
    """How the players' answers to `round_` split: a row per choice, else by verdict."""
    number = round_.number
    given = [p.answers[number] for p in players if number in p.answers]
    if round_.choices:
        right = right_answer_text(round_)
        rows = [
            SplitRow(c, sum(1 for a in given if a.given_text == c), c == right)
            for c in round_.choices
        ]
    else:
        rows = [
            SplitRow("right", sum(1 for a in given if a.verdict == "correct"), True),
            SplitRow("partly right", sum(1 for a in given if a.verdict == "partial")),
            SplitRow("wrong", sum(1 for a in given if a.verdict == "wrong")),
        ]
    rows.append(SplitRow("no answer", sum(1 for a in given if a.verdict == "timed_out")))
    return rows
