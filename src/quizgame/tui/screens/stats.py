"""Statistics from the score history: per pack, accuracy over time and the questions missed
most, and a "practice my misses" session built from them. Opened from Home.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from quizgame.core.packs.model import Pack, Spoiler
from quizgame.core.play.dealing import SessionOptions, options_problem
from quizgame.core.play.replays import PRACTICE_CANDIDATES, practice_options
from quizgame.core.scores import accuracy
from quizgame.core.scores.accuracy import AccuracyPoint, MissedQuestion, PackTotals, pack_totals
from quizgame.core.scores.database import StoreError
from quizgame.core.scores.store import ScoreStore
from quizgame.tui import safetext
from quizgame.tui.navigation import StartSession
from quizgame.tui.widgets.charts import pack_charts

PERIOD_ORDER = tuple(accuracy.PERIODS)  # what `p` steps through: day, week, month
SHOWN_PERIODS = 8  # the latest ones; the rest scroll away into the totals
SHOWN_MISSES = 10
BAR = 12


def bar(fraction: float, width: int = BAR) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "█" * filled + "░" * (width - filled)


def trend(points: Sequence[AccuracyPoint], period: str) -> Content:
    """Accuracy per period, the latest last, as bars with the figures beside them."""
    if not points:
        return Content("No answers recorded on this pack yet.")
    shown = points[-SHOWN_PERIODS:]
    parts: list[safetext.Part] = [(f"Accuracy by {period}", "bold")]
    if len(points) > len(shown):
        parts.append((f" (the latest {len(shown)} of {len(points)})", "italic"))
    for point in shown:
        plays = f"{point.sessions} play{'s' if point.sessions != 1 else ''}"
        parts += [
            f"\n{point.period:<10} ",
            (bar(point.accuracy), "$accent"),
            (f" {point.accuracy:>4.0%}", "bold"),
            (f"  {point.correct}/{point.answered} · {plays}", "$text-muted"),
        ]
    return safetext.assemble(*parts)


def missed_list(missed: Sequence[MissedQuestion], pack: Pack | None) -> Content:
    """The questions missed most: how often, the prompt, and whether it is still to learn."""
    if not missed:
        return Content("Nothing missed on this pack yet.")
    parts: list[safetext.Part] = [("Missed most", "bold")]
    for item in missed:
        question = pack.question(item.question_id) if pack is not None else None
        prompt = question.prompt if question is not None else f"(question {item.question_id})"
        mark = ("✗", "bold $text-error") if item.still_missed else ("✓", "bold $text-success")
        parts += [
            "\n",
            mark,
            (f" {item.missed} of {item.asked}  ", "bold"),
            safetext.line(prompt[:200]),
        ]
        if not item.still_missed:
            parts.append(("  (right last time)", "italic $text-muted"))
    return safetext.assemble(*parts)


class StatsScreen(Screen[None]):
    """Your history in `store` (None: none is kept), pack by pack; `p` practises the questions
    you keep missing, among `packs` (the packs found now, by id), up to `spoiler`.

    A practice session (`StartSession`) comes back here when it ends (`session_left`), showing
    its answers.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "practice", "Practise misses"),
        Binding("w", "period", "Day/week/month"),
        Binding("escape,h", "back", "Home"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(
        self, packs: Mapping[str, Pack], store: ScoreStore | None, spoiler: Spoiler = Spoiler.NONE
    ) -> None:
        super().__init__()
        self.packs = dict(packs)  # the packs found now, by id: for prompts and for practice
        self.store = store
        self.spoiler = spoiler
        self.records: list[PackTotals] = []
        self.period = "day"
        self.can_practise = False  # the pack shown has questions still missed

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(("Statistics", "bold"), "  ·  your score history, pack by pack"),
            id="stats-title",
        )
        with Horizontal(id="stats-main"):
            yield OptionList(id="stats-packs")
            with VerticalScroll(id="stats-detail"):
                yield Vertical(id="stats-charts")
                yield Static(id="stats-trend")
                yield Static(id="stats-missed")
        yield Static(id="stats-message")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#stats-packs").border_title = "Packs played"
        self.load()

    # --- showing ---------------------------------------------------------------------------------

    def say(self, message: str) -> None:
        self.query_one("#stats-message", Static).update(safetext.literal(message))

    def load(self) -> None:
        """Read the packs played and show the one highlighted before (else the first)."""
        pack_list = self.query_one("#stats-packs", OptionList)
        before = self.selected
        store = self.store
        try:
            self.records = pack_totals(store.read(accuracy.accuracy_over_time)) if store else []
        except StoreError as exc:
            self.records = []
            self.say(str(exc))
        if not self.records:
            why = "No score history is kept." if store is None else "No sessions yet."
            pack_list.set_options([Option(f"{why} Play one, then look here.", disabled=True)])
            self._show(None)
            return
        pack_list.set_options(
            [Option(self._pack_prompt(record), id=record.pack_id) for record in self.records]
        )
        ids = [record.pack_id for record in self.records]
        index = ids.index(before.pack_id) if before is not None and before.pack_id in ids else 0
        pack_list.highlighted = index
        pack_list.focus()
        self._show(self.records[index])

    def session_left(self) -> None:
        """A practice session started here ended: show its answers too."""
        self.load()

    def _pack_prompt(self, record: PackTotals) -> Content:
        pack = self.packs.get(record.pack_id)
        plays = f"{record.sessions} play{'s' if record.sessions != 1 else ''}"
        details = f"{plays} · {record.accuracy:.0%} right"
        if pack is None:
            details += " · pack not found now"
        return safetext.assemble(
            safetext.line(pack.title if pack else record.title, "bold"),
            "\n  ",
            (details, "$text-muted"),
        )

    @property
    def selected(self) -> PackTotals | None:
        index = self.query_one("#stats-packs", OptionList).highlighted
        if index is None or not self.records or not 0 <= index < len(self.records):
            return None
        return self.records[index]

    def _show(self, record: PackTotals | None) -> None:
        trend_box = self.query_one("#stats-trend", Static)
        missed_box = self.query_one("#stats-missed", Static)
        store = self.store
        self.can_practise = False
        self.refresh_bindings()  # the footer greys out `p` when there is nothing to practise
        charts = self.query_one("#stats-charts", Vertical)
        charts.remove_children()
        if record is None or store is None:
            trend_box.update("")
            missed_box.update("")
            return
        try:
            points = store.read(accuracy.accuracy_over_time, record.pack_id, self.period)
            missed = store.read(accuracy.most_missed, record.pack_id, limit=SHOWN_MISSES)
            charts.mount_all(pack_charts(store, record.pack_id, self.packs, points, self.period))
        except StoreError as exc:
            self.say(str(exc))
            return
        trend_box.update(trend(points, self.period))
        missed_box.update(missed_list(missed, self.packs.get(record.pack_id)))
        self.can_practise = record.pack_id in self.packs and any(m.still_missed for m in missed)
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted, "#stats-packs")
    def _highlighted(self) -> None:
        self.say("")
        self._show(self.selected)

    # --- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practice":
            return True if self.can_practise else None  # greyed out in the footer
        return True

    def action_period(self) -> None:
        """Accuracy by day, by week, by month."""
        self.period = PERIOD_ORDER[(PERIOD_ORDER.index(self.period) + 1) % len(PERIOD_ORDER)]
        self._show(self.selected)

    def practice_options(self, pack: Pack) -> SessionOptions | None:
        """A classic session of the questions missed and not answered right since."""
        if self.store is None:
            return None
        ids = self.store.read(accuracy.practice_ids, pack.id, limit=PRACTICE_CANDIDATES)
        return practice_options(pack, ids, self.spoiler)

    def action_practice(self) -> None:
        record = self.selected
        if record is None:
            return
        pack = self.packs.get(record.pack_id)
        if pack is None:
            self.say("That pack is not among the packs found now, so it cannot be played.")
            return
        try:
            options = self.practice_options(pack)
        except StoreError as exc:
            self.say(str(exc))
            return
        if options is None:
            self.say("Nothing to practise: every question missed here was answered right since.")
            return
        problem = options_problem(pack, options)
        if problem:
            self.say(f"Cannot start: {problem}.")
            return
        self.post_message(StartSession(pack, options))

    def action_back(self) -> None:
        self.dismiss(None)
