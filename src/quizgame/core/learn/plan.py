"""A learn session's options, from the schedule in the score history."""

from __future__ import annotations

import dataclasses

from quizgame.core.learn.cards import DEFAULT_NEW_PER_DAY, deal
from quizgame.core.packs.model import Pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.session import SessionError
from quizgame.core.scores.store import ScoreStore

NOTHING_DUE = "nothing in this pack is due today and today's new questions are done"


def learn_options(store: ScoreStore, pack: Pack, options: SessionOptions) -> SessionOptions:
    """`options` with the questions due now, then new ones (`options.count` of them a day, 10
    without one); SessionError when there is nothing to learn today, StoreError from the
    store."""
    new_per_day = options.count if options.count is not None else DEFAULT_NEW_PER_DAY
    today = store.read(deal, pack, store.now(), new_per_day=new_per_day, options=options)
    if not today.question_ids:
        raise SessionError(NOTHING_DUE)
    return dataclasses.replace(options, question_ids=today.question_ids, seed=None)
