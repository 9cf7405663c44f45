"""The party game's boards, shared by the host's and the players' screens: the podium with every
player's standing, the split of a round's answers, the top five with their moves.

Names come from players and answers from packs: everything goes through `safetext`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from quizgame.core.party.messages import SplitRow, Standing
from quizgame.tui import safetext

BAR_WIDTH = 30
PLACES = {1: "1st", 2: "2nd", 3: "3rd"}
MEDALS = {1: "$warning", 2: "$primary", 3: "$success"}


def _fit(text: str, width: int) -> str:
    """One clean line of at most `width` characters."""
    line = safetext.clean_line(text)
    return line if len(line) <= width else line[: width - 1] + "…"


def _centred(content: Content, width: int) -> Content:
    """`content` centred in `width` cells with plain spaces (pack text is never padded itself)."""
    left = (width - content.cell_length) // 2
    return Content.assemble(" " * left, content, " " * (width - content.cell_length - left))


def move_text(move: int) -> Content:
    """Places moved since the last question: ▲2, ▼1, or – for none."""
    if move > 0:
        return Content.styled(f"▲{move}", "$text-success")
    if move < 0:
        return Content.styled(f"▼{-move}", "$text-error")
    return Content.styled("–", "$text-muted")


def standings_table(standings: Sequence[Standing], *, moves: bool = False) -> Content:
    """One line per player: rank, name, score, right answers (accuracy), best streak."""
    lines: list[Content] = [
        Content.styled(
            f"{'#':>3}  {'PLAYER':<20}  {'SCORE':>7}  {'RIGHT':>9}  {'STREAK':>6}", "bold"
        )
    ]
    for s in standings:
        accuracy = f"{s.correct}/{s.answered}" + (
            f" {round(100 * s.correct / s.answered)}%" if s.answered else ""
        )
        parts: list[safetext.Part] = [
            f"{s.rank:>3}  ",
            safetext.line(_fit(s.name, 20)),
            " " * (20 - len(_fit(s.name, 20))),
            f"  {s.score:>7,}  {accuracy:>9}  {s.best_streak:>6}",
        ]
        if moves:
            parts += ["  ", move_text(s.move)]
        lines.append(safetext.assemble(*parts))
    return Content("\n").join(lines)


def podium(standings: Sequence[Standing]) -> Content:
    """The first three on their steps: second, first, third from left to right."""
    by_rank = {s.rank: s for s in standings[:3]}
    order = [r for r in (2, 1, 3) if r in by_rank]
    heights = {1: 3, 2: 2, 3: 1}
    width = 18
    rows: list[Content] = []
    names = [_centred(safetext.line(_fit(by_rank[r].name, width), "bold"), width) for r in order]
    scores = [Content(f"{by_rank[r].score:,}".center(width)) for r in order]
    rows.append(Content("  ").join(names))
    rows.append(Content("  ").join(scores))
    for level in range(3, 0, -1):
        cells = []
        for r in order:
            if heights[r] >= level:
                label = PLACES[r] if heights[r] == level else ""
                cells.append(Content.styled(label.center(width), f"reverse {MEDALS[r]}"))
            else:
                cells.append(Content(" " * width))
        rows.append(Content("  ").join(cells))
    return Content("\n").join(rows)


def split_bars(rows: Sequence[SplitRow], width: int = BAR_WIDTH) -> Content:
    """A bar per answer: its label, a bar as long as its share, its count; the right one ticked."""
    most = max((r.count for r in rows), default=0) or 1
    label_width = min(28, max((len(safetext.clean_line(r.label)) for r in rows), default=0))
    lines = []
    for row in rows:
        label = _fit(row.label, label_width)
        filled = round(width * row.count / most)
        lines.append(
            safetext.assemble(
                ("✓ " if row.right else "  ", "bold $text-success"),
                safetext.line(label, "bold" if row.right else ""),
                " " * (label_width - len(label)),
                " ",
                ("█" * filled, "$success" if row.right else "$primary"),
                (" " * (width - filled), ""),
                f" {row.count}",
            )
        )
    return Content("\n").join(lines)


class PodiumScreen(Screen[None]):
    """The end of a party game: the podium, then every player's score, accuracy and streak."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape", "app.quit", "Quit")]

    def __init__(self, standings: Sequence[Standing], *, note: str = "") -> None:
        super().__init__()
        self.standings = list(standings)
        self.note = note

    def compose(self) -> ComposeResult:
        with Center(classes="column-center"), Vertical(classes="column party-box"):
            yield Static(Content.styled("The podium", "bold"), classes="party-title")
            if self.standings:
                yield Static(podium(self.standings), id="podium")
                yield Static(standings_table(self.standings), id="standings")
            else:
                yield Static("Nobody played.", id="standings")
            if self.note:
                yield Static(safetext.line(self.note), id="party-note")
        yield Footer(show_command_palette=False)
