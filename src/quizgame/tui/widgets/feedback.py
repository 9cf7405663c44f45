"""Feedback after an answer, shown in place on the question's screen: right or wrong in a symbol
and words, the points, the right answer, and why.

What feedback says is one list, `feedback_lines`: each `FeedbackLine` has an id (its Static's
id, for styles and tests), its text and its CSS classes. To show something more after an
answer, add a line there; `FeedbackPanel` makes a Static for an id it has not seen yet and
reuses it after that, so showing feedback mounts nothing once every line has been seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from quizgame.core.packs.model import Question
from quizgame.core.play.modes import EndReason
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.session import Session
from quizgame.tui import safetext
from quizgame.tui.widgets.answers import ANSWER_AREAS


@dataclass(frozen=True)
class FeedbackLine:
    """One part of the feedback: shown in a Static with id `id` and CSS classes `classes`
    (space-separated). `text` is already safe (built through `quizgame.tui.safetext`)."""

    id: str
    text: Content
    classes: str = ""


def verdict_line(record: AnswerRecord) -> tuple[str, Content]:
    """A CSS class and the verdict in a symbol and words (never colour alone), with the points."""
    verdict = record.verdict
    if record.timed_out:
        kind, text = "wrong", "⌛ Time ran out"
    elif record.skipped:
        kind, text = "skipped", "↷ Skipped"
    elif verdict.correct:
        kind, text = "correct", "✓ " + verdict.summary()
    elif verdict.partial:
        kind, text = "partial", "◐ " + verdict.summary()
    else:
        kind, text = "wrong", "✗ " + verdict.summary()
    points = record.points_text()  # with its parts: base, speed, streak
    if record.skipped:
        points += ", streak kept"
    return kind, safetext.assemble((text, "bold"), "   ", (points, ""))


def parts_lines(record: AnswerRecord) -> Content | None:
    """For ordering and matching: each item or pair, right or wrong."""
    lines = ANSWER_AREAS[record.question.type].parts(record.question, record.given)
    return safetext.assemble(*lines[:-1]) if lines is not None else None


def labelled(label: str, text: str) -> Content:
    return safetext.assemble((f"{label}: ", "bold"), text)


def feedback_lines(session: Session, record: AnswerRecord) -> list[FeedbackLine]:
    """What the feedback on `record` shows, in order: the verdict and points, the question, both
    answers, why a near answer was accepted, each part of an ordering or matching, the
    explanation, the source and its words, and whether the session ended."""
    question = record.question
    kind, verdict = verdict_line(record)
    lines = [
        FeedbackLine("verdict", verdict, f"-{kind}"),
        FeedbackLine("feedback-prompt", safetext.literal(question.prompt)),
    ]
    if not record.skipped:
        lines.append(FeedbackLine("given", labelled("Your answer", record.given_text)))
    if not record.correct:
        lines.append(FeedbackLine("right", labelled("Right answer", question.answer_text())))
    if record.verdict.reason:
        why = safetext.assemble(
            ("Accepted: ", "bold"),
            record.verdict.reason,
            (" (the answer is “", "italic"),
            (question.answer_text(), "italic"),
            ("”)", "italic"),
        )
        lines.append(FeedbackLine("why", why))
    parts = parts_lines(record)
    if parts is not None and not record.correct:
        lines.append(FeedbackLine("parts", parts))
    if question.explanation:
        lines.append(FeedbackLine("explanation", labelled("Why", question.explanation)))
    lines += source_lines(question)
    if session.end_reason is EndReason.OUT_OF_LIVES:
        ended = safetext.literal("No lives left: the session is over.")
        lines.append(FeedbackLine("ended", ended))
    return lines


# A quote is pack text: shown whole up to this many characters, then cut with an ellipsis.
MAX_QUOTE = 400


def source_lines(question: Question) -> list[FeedbackLine]:
    """Where the fact comes from: the source's name ("Source: Director's statement") and its
    own words, quoted (the pack's `source` and `quote`); none if the question gives neither."""
    lines = []
    if question.source:
        lines.append(FeedbackLine("source", labelled("Source", question.source)))
    if question.quote:
        words = question.quote
        if len(words) > MAX_QUOTE:
            words = words[: MAX_QUOTE - 1].rstrip() + "…"
        lines.append(FeedbackLine("quote", safetext.assemble((f"“{words}”", "italic"))))
    return lines


class FeedbackPanel(Vertical):
    """The feedback box (`#feedback-box`, scrolling) and the button that goes on (`#next`).

    `show` fills it for one answer; it is hidden while a question is open. The button posts
    `Button.Pressed` as any button does; the screen decides what it means.
    """

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="feedback-box")
        with Horizontal(id="feedback-actions"):
            yield Button("Next question (Enter)", id="next", variant="primary", compact=True)

    def show(self, lines: Sequence[FeedbackLine], *, last: bool) -> None:
        """Show `lines` (from `feedback_lines`); `last`: the button says the results come next."""
        box = self.query_one("#feedback-box", VerticalScroll)
        kept: dict[str | None, Widget] = {child.id: child for child in box.children}
        shown: set[str] = set()
        previous: Widget | None = None
        for line in lines:
            static = kept.get(line.id)
            if not isinstance(static, Static):
                static = Static(id=line.id)
                if previous is not None:
                    box.mount(static, after=previous)
                elif box.children:
                    box.mount(static, before=0)
                else:
                    box.mount(static)
            static.update(line.text)
            static.set_classes(line.classes)
            static.display = True
            shown.add(line.id)
            previous = static
        for child_id, child in kept.items():
            if child_id not in shown and isinstance(child, Static):
                child.update("")
                child.display = False
        box.scroll_home(animate=False, immediate=True)
        label = "See the results" if last else "Next question"
        self.query_one("#next", Button).label = f"{label} (Enter)"
