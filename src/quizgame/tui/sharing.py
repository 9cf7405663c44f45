"""What the results screen adds for sharing and comparing: this score against the past ones
of the same pack and settings (a small chart), and the challenge code, or for a daily quiz
the share line with its squares and day streak. `c` on the results screen copies the code or
the line (`SharePanel.copy_text`).

A `ResultsPanel` (see `hooks`) built on the score history's keeper.
"""

from __future__ import annotations

from datetime import date

from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from quizgame.core.learn import cards
from quizgame.core.play.codes import make_code
from quizgame.core.play.daily import share_line, streak
from quizgame.core.play.modes import Mode
from quizgame.core.play.results import Results
from quizgame.core.play.session import Session
from quizgame.core.scores.charts import same_settings_scores
from quizgame.core.scores.daily import counted_session, daily_days
from quizgame.core.scores.database import StoreError
from quizgame.core.scores.store import verdict_word
from quizgame.tui import safetext
from quizgame.tui.scorekeeper import ScoreKeeper
from quizgame.tui.widgets.charts import ScoresChart


class SharePanel(Vertical):
    """The sharing part of the results: `copy_text` is what `c` copies (None: nothing)."""

    def __init__(self, *children: Widget, copy_text: str | None) -> None:
        super().__init__(*children, id="results-share")
        self.copy_text = copy_text


def share_content(session: Session, keeper: ScoreKeeper | None) -> tuple[Content, str | None]:
    """The lines to show and the text `c` copies: the daily share line, or the challenge code
    (none for learn and practice sessions, which a code cannot deal again)."""
    options = session.options
    if options.daily is not None:
        day = date.fromisoformat(options.daily)
        verdicts = [verdict_word(r) for r in session.records]
        run, counted = 1, True
        store = keeper.store if keeper is not None else None
        session_id = keeper.session_id(session) if keeper is not None else None
        if store is not None:
            try:
                counted = store.read(counted_session, session.pack.id, day) == session_id
                run = streak(store.read(daily_days, session.pack.id), day)
            except StoreError:
                pass
        total = len(session.rounds)
        line = share_line(session.pack.title, day, verdicts, run if counted else 0, total)
        note = "c copies it" if counted else "A second try today: practice, not counted"
        return safetext.assemble(
            safetext.line(line), "\n", (note, "italic $text-muted")
        ), safetext.clean_line(line)
    if options.mode is Mode.LEARN:
        return learn_summary(session, keeper), None
    if options.question_ids:
        return Content(""), None
    code = make_code(session.pack, options, session.seed)
    return Content.assemble(
        ("Challenge a friend: ", "bold"),
        f"quizgame play --code {code}",
        ("\nc copies the code", "italic $text-muted"),
    ), code


def learn_summary(session: Session, keeper: ScoreKeeper | None) -> Content:
    """A learn session's reviews, and when this pack's cards come back."""
    reviews = len(session.records)
    store = keeper.store if keeper is not None else None
    line = f"Learn mode: {reviews} review{'s' if reviews != 1 else ''} saved"
    if store is not None:
        try:
            due = store.read(cards.forecast, session.pack, store.now(), 7)
        except StoreError:
            due = []
        if due:
            line += f" · due tomorrow {due[1]} · this week {sum(due[1:])}"
    return Content.assemble((line, "bold"))


class SharePanels:
    """The results panel: the scores chart and the share line or code, from `keeper`'s store."""

    def __init__(self, keeper: ScoreKeeper | None) -> None:
        self.keeper = keeper

    def results_panel(self, session: Session, results: Results) -> Widget | None:
        children: list[Widget] = []
        keeper = self.keeper
        store = keeper.store if keeper is not None else None
        session_id = keeper.session_id(session) if keeper is not None else None
        if store is not None and session_id is not None:
            try:
                scores = store.read(same_settings_scores, session_id)
            except StoreError:
                scores = []
            if len(scores) > 1:
                children.append(ScoresChart([score for _id, score in scores]))
        text, copy_text = share_content(session, keeper)
        if copy_text is not None or text:
            children.append(Static(text, id="share-line"))
        if not children:
            return None
        return SharePanel(*children, copy_text=copy_text)
