"""The generator's quality rules. A question that breaks one is dropped, and the reason reported.

- well formed: 3 to 6 distinct choices holding the answer; 3+ distinct items or pairs;
- no second right answer among the wrong choices;
- no wrong choice that the prompt itself names ("Who comes back into Ana's life?" never
  offers Ana);
- no answer given away in its own prompt, or in the pack's title or description;
- no two items of an ordering that happen at the same time;
- a numeric tolerance that cannot make a wrong number right: none for a year, and never
  reaching 100% (or 0%) from a percentage short of it;
- no side taken where the sources disagree (their terms appear in no question);
- English that reads well (see `english.lint`);
- no duplicate or near-duplicate of a question already kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from quizgame.core.generate.draft import Context, Draft, names, normalize
from quizgame.core.generate.english import lint
from quizgame.core.generate.make import TYPES
from quizgame.core.packs.model import QuestionType

# Two questions are the same question when their prompts are at least NEAR_PROMPT alike and their
# answers SAME_ANSWER alike (a rewording), or when two true/false statements are SAME_STATEMENT
# alike. Prompts from one template about different things ("Who plays Ana?", "Who plays Elena?")
# are alike too, but their answers differ, so they are kept.
NEAR_PROMPT = 85
SAME_ANSWER = 90
SAME_STATEMENT = 95


@dataclass(frozen=True, slots=True)
class Dropped:
    """A question the rules refused, and why."""

    id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.id}: {self.reason}"


def _contains(haystack: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


def problems(draft: Draft, terms: Sequence[str], pack_text: str = "") -> list[str]:
    """Every rule `draft` breaks, except near-duplication (which needs the other questions).

    `pack_text` is the pack's title and description, which a player sees before any question.
    """
    rules = TYPES[draft.type]
    found = rules.shape(draft)
    if rules.gives_away:
        for answer in (rules.answer_text(draft), *draft.accept):
            if names(draft.prompt, answer):
                found.append(f"the prompt gives away the answer '{answer}'")
            elif pack_text and names(pack_text, answer):
                found.append(f"the pack's title or description gives away the answer '{answer}'")
    found += rules.checks(draft)
    if not draft.disputed_ok:
        texts = [normalize(t) for t in draft.texts()]
        for term in terms:
            if any(_contains(t, normalize(term)) for t in texts):
                found.append(f"it takes a side where the sources disagree ('{term}')")
    for label, text, sentence in _texts_to_lint(draft):
        found += [f"{label} {issue}: {text!r}" for issue in lint(text, sentence=sentence)]
    if not (draft.category and draft.explanation and draft.sources):
        found.append("it lacks a category, explanation or source")
    return found


def _texts_to_lint(draft: Draft) -> Iterable[tuple[str, str, bool]]:
    yield "the prompt", draft.prompt, True
    yield "the explanation", draft.explanation, True
    if draft.false_prompt:  # the wording a false statement would be put in
        yield "the false statement", draft.false_prompt, True
    for text in (*draft.choices, *draft.items, *(s for pair in draft.pairs for s in pair)):
        yield "a choice", text, False


def enforce(drafts: Iterable[Draft | None], ctx: Context) -> tuple[list[Draft], list[Dropped]]:
    """The drafts that pass every rule, in order, and the ones dropped with their reasons."""
    terms = [t for d in ctx.facts.disagreements for t in d.terms]
    terms += sorted(ctx.disputed_values)  # a disputed fact's variants: no side may be taken
    pack_text = f"{ctx.facts.pack.title}. {ctx.facts.pack.description}"
    kept: list[Draft] = []
    prompts: list[str] = []
    answers: list[str] = []
    dropped: list[Dropped] = []
    ids: set[str] = set()
    for draft in drafts:
        if draft is None:
            continue
        found = problems(draft, terms, pack_text)
        if draft.id in ids:
            found.append("its id is already used")
        prompt = normalize(draft.prompt)
        answer = normalize(TYPES[draft.type].answer_text(draft))
        if not found:
            twin = _near_duplicate(prompt, answer, draft.type, kept, prompts, answers)
            if twin is not None:
                found.append(f"it nearly repeats {twin}")
        if found:
            dropped.append(Dropped(draft.id, "; ".join(found)))
            continue
        kept.append(draft)
        prompts.append(prompt)
        answers.append(answer)
        ids.add(draft.id)
    return kept, dropped


def _near_duplicate(
    prompt: str,
    answer: str,
    qtype: QuestionType,
    kept: list[Draft],
    prompts: list[str],
    answers: list[str],
) -> str | None:
    if TYPES[qtype].by_parts:
        # The same items to order (or match) make the same question, however it is worded.
        for index, other in enumerate(kept):
            if other.type is qtype and fuzz.ratio(answer, answers[index]) >= SAME_ANSWER:
                return other.id
        return None
    if TYPES[qtype].statement:
        # Two statements this alike differ in a detail: one gives the other away.
        for _text, _score, index in process.extract(
            prompt, prompts, scorer=fuzz.ratio, score_cutoff=SAME_STATEMENT, limit=None
        ):
            if kept[index].type is qtype:
                return kept[index].id
        return None
    # Token-set likeness catches a rewording that only adds words ("... in the film?").
    alike = {
        index
        for scorer in (fuzz.ratio, fuzz.token_set_ratio)
        for _text, _score, index in process.extract(
            prompt, prompts, scorer=scorer, score_cutoff=NEAR_PROMPT, limit=None
        )
    }
    for index in sorted(alike):
        if prompt == prompts[index] or fuzz.ratio(answer, answers[index]) >= SAME_ANSWER:
            return kept[index].id
    return None


def true_false_balance(drafts: Iterable[Draft]) -> tuple[int, int]:
    """How many true/false questions are true, and how many false."""
    answers = [d.answer for d in drafts if TYPES[d.type].statement]
    return sum(1 for a in answers if a is True), sum(1 for a in answers if a is False)
