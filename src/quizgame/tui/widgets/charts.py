"""The charts: accuracy over time, a score histogram, reviews due, and this score against the
past ones. Plotext through textual-plotext; the colours follow the app's theme (light or dark).

Each chart takes plain data and draws once it knows its size; our own words only (pack text
never reaches a chart).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual_plotext import PlotextPlot

from quizgame.core.learn import cards
from quizgame.core.packs.model import Pack
from quizgame.core.scores.accuracy import AccuracyPoint
from quizgame.core.scores.charts import Bin, bin_of, histogram, mode_scores
from quizgame.core.scores.store import ScoreStore

MARK = "▼"  # marks this session
SHOWN_PERIODS = 12  # the accuracy chart's latest periods
DUE_DAYS = 30


def _ticks(values: Sequence[float]) -> tuple[list[float], list[str]]:
    """Whole-number y ticks: zero, the middle and the top."""
    top = max(1, int(max(values, default=0)))
    ticks = sorted({0, top // 2, top})
    return [float(t) for t in ticks], [str(t) for t in ticks]


class Chart(PlotextPlot):
    """A chart drawn from data given at construction (`draw`), redrawn as it is resized."""

    DEFAULT_CSS = """
    Chart {
        height: 9;
        width: 1fr;
    }
    """

    def on_mount(self) -> None:
        super().on_mount()
        self.draw()

    def draw(self) -> None:
        """Set the figure from the data (subclasses)."""


class AccuracyChart(Chart):
    """Accuracy per period as a line, the latest last: `points` are (period label, 0..1)."""

    def __init__(
        self, points: Sequence[tuple[str, float]], period: str, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.points = list(points)
        self.period = period

    def draw(self) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.title(f"Accuracy % by {self.period}")
        xs = list(range(1, len(self.points) + 1))
        ys = [round(accuracy * 100) for _label, accuracy in self.points]
        plt.plot(xs, ys, marker="hd")
        plt.ylim(0, 100)
        plt.yticks([0, 50, 100], ["0", "50", "100"])
        if xs:
            shown = sorted({xs[0], xs[-1]})
            plt.xticks([float(x) for x in shown], [self.points[x - 1][0] for x in shown])
        self.refresh()


class ScoreHistogram(Chart):
    """How a pack's scores in one mode are spread; `this`: the bin of this session, marked."""

    def __init__(
        self, bins: Sequence[Bin], this: int | None, mode: str, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.bins = list(bins)
        self.this = this
        self.mode = mode

    def draw(self) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.title(f"Scores, {self.mode} · {MARK} the latest")
        counts = [b.count for b in self.bins]
        plt.bar([b.label for b in self.bins], counts, width=0.6)
        index = bin_of(self.bins, self.this) if self.this is not None else None
        if index is not None:
            plt.scatter([index + 1], [counts[index]], marker=MARK, color="red")
        ticks, labels = _ticks(counts)
        plt.yticks(ticks, labels)
        self.refresh()


class DueChart(Chart):
    """Learn mode's reviews due on each of the next days, today first, as bars."""

    def __init__(self, counts: Sequence[int], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.counts = list(counts)

    def draw(self) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.title(f"Reviews due, next {len(self.counts)} days")
        xs = list(range(1, len(self.counts) + 1))
        plt.bar(xs, self.counts, width=0.6)
        shown = [x for x in (1, 8, 15, 22, 29) if x <= len(xs)]
        plt.xticks([float(x) for x in shown], ["today" if x == 1 else f"+{x - 1}d" for x in shown])
        ticks, labels = _ticks(self.counts)
        plt.yticks(ticks, labels)
        self.refresh()


class ScoresChart(Chart):
    """This score against the past ones of the same pack and settings, oldest first; the last
    is this session's, marked."""

    DEFAULT_CSS = """
    ScoresChart {
        height: 8;
    }
    """

    def __init__(self, scores: Sequence[int], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scores = list(scores)

    def draw(self) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.title(f"This score {MARK} and your last {len(self.scores) - 1} like it")
        xs = list(range(1, len(self.scores) + 1))
        plt.plot(xs, self.scores, marker="hd")
        if xs:
            plt.scatter([xs[-1]], [self.scores[-1]], marker=MARK, color="red")
        plt.xticks([])
        ticks, labels = _ticks(self.scores)
        plt.yticks(ticks, labels)
        self.refresh()


def pack_charts(
    store: ScoreStore,
    pack_id: str,
    packs: Mapping[str, Pack],
    points: Sequence[AccuracyPoint],
    period: str,
) -> list[Chart]:
    """The statistics screen's charts of a pack: accuracy over time (with two periods or
    more), the histogram of its latest mode's scores, and learn mode's reviews due over the
    next 30 days (a pack found now that has cards). Raises StoreError."""
    out: list[Chart] = []
    if len(points) > 1:
        shown = points[-SHOWN_PERIODS:]
        out.append(AccuracyChart([(p.period, p.accuracy) for p in shown], period))
    mode, scores = store.read(mode_scores, pack_id)
    if mode is not None and scores:
        values = [score for _id, score in scores]
        out.append(ScoreHistogram(histogram(values), values[-1], mode))
    pack = packs.get(pack_id)
    if pack is not None:
        due = store.read(cards.forecast, pack, store.now(), DUE_DAYS)
        if any(due):
            out.append(DueChart(due))
    return out
