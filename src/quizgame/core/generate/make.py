"""Builders every template uses: a choice-or-typed question, a true/false, a numeric question."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quizgame.core.generate.draft import (
    MIN_CHOICES,
    Context,
    Draft,
    choice_text,
    distractors,
    normalize,
    stable_hash,
)
from quizgame.core.generate.english import capitalize, fix_articles, join_names, smart_quotes
from quizgame.core.generate.type_rules import (
    TypeRules,
    choices_named,
    choices_shape,
    items_shape,
    list_named,
    list_shape,
    pairs_shape,
    same_time,
    tolerance_rule,
)
from quizgame.core.packs.model import Difficulty, QuestionType, Spoiler

_POSSESSIVES = ("her ", "his ", "their ", "its ")
MAX_PAIRS = 6
MAX_ITEMS = 5


@dataclass(frozen=True, slots=True)
class About:
    """What every question made from one fact shares."""

    category: str
    explanation: str
    sources: tuple[str, ...]
    base: int  # obscurity: 0 easy, 1 medium, 2 hard, before adjustments
    spoiler: Spoiler = Spoiler.NONE
    difficulty: Difficulty | None = None  # the fact's own override
    tags: tuple[str, ...] = ()
    # A stable id of the fact ("cast-janis", "film-year"): every question made from it shares
    # the pack `group` it leads to. Empty: the question id stands for the fact.
    fact: str = ""
    quote: str | None = None  # the source's own words for it, shown after answering


def draft_of(ctx: Context, qid: str, qtype: QuestionType, prompt: str, about: About) -> Draft:
    """A new question of `qtype` asking `prompt` about the fact `about` (its category, source,
    quote, spoiler level and difficulty); the builders fill in its answer and choices."""
    return Draft(
        id=qid,
        type=qtype,
        prompt=smart_quotes(prompt),
        category=about.category,
        explanation=smart_quotes(about.explanation),
        sources=about.sources,
        difficulty=ctx.difficulty(about.base, TYPES[qtype].step, about.sources, about.difficulty),
        spoiler=about.spoiler,
        tags=about.tags,
        facts=(about.fact or qid,),
        quote=smart_quotes(about.quote) if about.quote else None,
    )


def accepted_forms(answer: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """More accepted typed answers: the given ones, and "grandmother" for "her grandmother"."""
    forms = list(extra)
    lowered = answer.lower()
    for word in _POSSESSIVES:
        if lowered.startswith(word):
            forms.append(answer[len(word) :])
    seen = {normalize(answer)}
    out = []
    for form in forms:
        if normalize(form) not in seen:
            seen.add(normalize(form))
            out.append(form)
    return tuple(out)


def choice_or_typed(
    ctx: Context,
    qid: str,
    prompt: str,
    answer: str,
    about: About,
    candidates: Sequence[tuple[str, str]] = (),
    also_correct: Iterable[str] = (),
    accept: Iterable[str] = (),
    typed: bool = False,
) -> Draft:
    """Multiple choice when there are enough wrong answers of the same kind, else typed."""
    also = tuple(also_correct)
    wrong = [] if typed else distractors(ctx, qid, prompt, answer, candidates, also)
    if len(wrong) + 1 >= MIN_CHOICES:
        draft = draft_of(ctx, qid, QuestionType.MULTIPLE_CHOICE, prompt, about)
        draft.answer = choice_text(answer)
        draft.choices = ctx.shuffle(qid, [draft.answer, *(choice_text(w) for w in wrong)])
    else:
        draft = draft_of(ctx, qid, QuestionType.TYPED, prompt, about)
        draft.answer = capitalize(answer)
        draft.accept = accepted_forms(answer, accept)
    draft.also_correct = frozenset(normalize(v) for v in also)
    return draft


def only_choice(
    ctx: Context,
    qid: str,
    prompt: str,
    answer: str,
    about: About,
    candidates: Sequence[tuple[str, str]],
    also_correct: Iterable[str] = (),
) -> Draft | None:
    """Multiple choice or nothing: for questions that only make sense with choices shown."""
    draft = choice_or_typed(ctx, qid, prompt, answer, about, candidates, also_correct)
    return draft if draft.type is QuestionType.MULTIPLE_CHOICE else None


def keep_statement(ctx: Context, qid: str, also_asked: bool) -> bool:
    """Whether to make a true/false: always for a fact asked no other way; for about half of
    those asked otherwise (by a hash of the id, never the seed), so true/false questions stay a
    small share of a pack."""
    return not also_asked or ctx.chance(qid, 1, 2)


def true_false(
    ctx: Context,
    qid: str,
    true_text: str,
    false_text: str | None,
    about: About,
    also_asked: bool = False,
) -> Draft | None:
    """A statement that can be put truly or falsely; None if no false version exists, or if the
    fact is `also_asked` another way and `keep_statement` leaves this one out.

    Which one the pack shows is decided for all of them at once by `balance_true_false`.
    """
    if false_text is None or not keep_statement(ctx, qid, also_asked):
        return None
    false_text = fix_articles(false_text)
    if normalize(false_text) == normalize(true_text):
        return None
    return _either(ctx, qid, true_text, false_text, about)


def sibling_statement(
    ctx: Context,
    qid: str,
    group: str,
    index: int,
    true_text: str,
    false_texts: Sequence[tuple[str, str]],
    about: About,
    also_asked: bool = False,
) -> Draft | None:
    """A true/false for the `index`-th of several facts sharing one frame (two producers, two
    lovers): each gets a different wrong value, so no two false statements are the same. With
    too few wrong values to go round, it is a plain true statement. None if `keep_statement`
    leaves it out."""
    if not keep_statement(ctx, qid, also_asked):
        return None
    dealt = ctx.pick(group, false_texts, len(false_texts))
    if index < len(dealt):
        draft = true_false(ctx, qid, true_text, dealt[index], about)
        if draft is not None:
            return draft
    return statement(ctx, qid, true_text, True, about)


def statement_pair(
    ctx: Context, qid: str, positive: str, negative: str, fact: bool, about: About
) -> Draft:
    """A true/false on a yes/no fact, phrased positively or negatively so either answer occurs."""
    return _either(ctx, qid, positive if fact else negative, negative if fact else positive, about)


def _either(ctx: Context, qid: str, true_text: str, false_text: str, about: About) -> Draft:
    draft = draft_of(ctx, qid, QuestionType.TRUE_FALSE, true_text, about)
    draft.answer = True
    draft.true_prompt = draft.prompt
    draft.false_prompt = smart_quotes(false_text)
    return draft


def balance_true_false(drafts: Sequence[Draft], seed: int) -> None:
    """Choose which true/false statements are put truly, so that about half of all of them are.

    Statements whose truth is the fact itself count as they are; of the others, those first by a
    hash of (seed, id) are made true. Ids do not change when a fact's value is edited, so an edit
    never flips another question; the seed varies which ones are false.
    """
    statements = [d for d in drafts if d.type is QuestionType.TRUE_FALSE]
    either = [d for d in statements if d.false_prompt is not None]
    fixed_true = sum(1 for d in statements if d.false_prompt is None and d.answer is True)
    wanted = max(0, min(len(either), (len(statements) + 1) // 2 - fixed_true))
    ranked = sorted(either, key=lambda d: (stable_hash(seed, d.id, "truth"), d.id))
    for rank, draft in enumerate(ranked):
        truth = rank < wanted
        draft.answer = truth
        draft.prompt = (draft.true_prompt if truth else draft.false_prompt) or draft.prompt


def statement(ctx: Context, qid: str, text: str, truth: bool, about: About) -> Draft:
    """A true/false whose truth is the fact itself, not chosen by hash."""
    draft = draft_of(ctx, qid, QuestionType.TRUE_FALSE, text, about)
    draft.answer = truth
    return draft


def given_choices(
    ctx: Context, qid: str, prompt: str, answer: str, choices: Sequence[str], about: About
) -> Draft:
    """Multiple choice with choices made by the template (kept in the order given)."""
    draft = draft_of(ctx, qid, QuestionType.MULTIPLE_CHOICE, prompt, about)
    draft.answer = answer
    draft.choices = tuple(choices)
    return draft


def numeric(
    ctx: Context,
    qid: str,
    prompt: str,
    answer: float,
    about: About,
    tolerance: float = 0.0,
    unit: str | None = None,
) -> Draft:
    draft = draft_of(ctx, qid, QuestionType.NUMERIC, prompt, about)
    draft.answer = float(answer)
    draft.tolerance = tolerance or None
    draft.unit = unit
    return draft


def wrong_number(ctx: Context, qid: str, value: float, steps: Sequence[float]) -> float:
    """A plausible wrong value: `value` moved by one of `steps` (each beyond the tolerance)."""
    options = [value + s for s in steps if value + s > 0]
    chosen = options[stable_hash(ctx.seed, qid, "wrong") % len(options)]
    return round(chosen, 1)


def year_window(ctx: Context, qid: str, year: int, latest: int, size: int = 4) -> list[str]:
    """`size` consecutive years holding `year` at a hashed place, none after `latest`."""
    offset = stable_hash(ctx.seed, qid, "window") % size
    start = min(year - offset, latest - size + 1) if latest >= year else year - offset
    start = min(start, year)
    return [str(y) for y in range(start, start + size)]


def matching(
    ctx: Context,
    qid: str,
    prompt: str,
    pairs: Sequence[tuple[str, str]],
    about: About,
    facts: Sequence[str] = (),
) -> Draft:
    """A matching; every pair shows a fact, so it is in the group of each of `facts` (one a pair)."""
    draft = draft_of(ctx, qid, QuestionType.MATCHING, prompt, about)
    draft.pairs = tuple(pairs)[:MAX_PAIRS]
    draft.facts += tuple(facts)[:MAX_PAIRS]
    return draft


def ordering(
    ctx: Context,
    qid: str,
    prompt: str,
    items: Sequence[str],
    about: About,
    positions: Sequence[str] = (),
    shown: Sequence[str] = (),
) -> Draft:
    """An ordering. `positions` says when each item happens (no two alike); `shown` lists the
    facts an item gives away (a label naming the answer of a question on its event)."""
    draft = draft_of(ctx, qid, QuestionType.ORDERING, prompt, about)
    draft.items = tuple(smart_quotes(item) for item in items)
    draft.positions = tuple(positions)
    draft.facts += tuple(shown)
    return draft


def pairs_sentence(pairs: Iterable[tuple[str, str]], verb: str, lower: bool = False) -> str:
    """`[(A, x), (B, y)]` -> "A plays x and B plays y."."""
    parts = [f"{left} {verb} {right.lower() if lower else right}" for left, right in pairs]
    return capitalize(join_names(parts)) + "."


# What the generator knows of each question type (see `TypeRules`).
TYPES: dict[QuestionType, TypeRules] = {
    QuestionType.MULTIPLE_CHOICE: TypeRules(
        0, choices_shape, gives_away=True, checks=choices_named
    ),
    QuestionType.TRUE_FALSE: TypeRules(
        -1,
        lambda d: [] if isinstance(d.answer, bool) else ["the answer is not true or false"],
        statement=True,
    ),
    QuestionType.TYPED: TypeRules(
        1,
        lambda d: [] if isinstance(d.answer, str) and d.answer.strip() else ["no answer"],
        gives_away=True,
    ),
    QuestionType.NUMERIC: TypeRules(
        1,
        lambda d: (
            []
            if isinstance(d.answer, float) and (d.tolerance or 0) >= 0
            else ["the answer is not a number"]
        ),
        gives_away=True,
        checks=tolerance_rule,
    ),
    QuestionType.ORDERING: TypeRules(
        1, items_shape, lambda d: " > ".join(d.items), checks=same_time, by_parts=True
    ),
    QuestionType.MATCHING: TypeRules(
        0, pairs_shape, lambda d: "; ".join(f"{a} = {b}" for a, b in d.pairs), by_parts=True
    ),
    QuestionType.LIST: TypeRules(
        1,
        list_shape,
        lambda d: "; ".join(item.answer for item in d.answers),
        checks=list_named,
        by_parts=True,
    ),
}
