"""`quizgame judge PACK QUESTION_ID ANSWER...`: how the game would judge each answer, so an
author can test a question's accept list."""

from __future__ import annotations

import json

import click

from quizgame.cli.common import UserError, data_dir_option, packs_option, places
from quizgame.cli.play import resolve_pack
from quizgame.core.text import clean_line


@click.command("judge")
@click.argument("pack_ref", metavar="PACK")
@click.argument("question_id")
@click.argument("answers", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@packs_option
@data_dir_option
def command(
    pack_ref: str,
    question_id: str,
    answers: tuple[str, ...],
    fmt: str,
    pack_dirs: tuple[str, ...],
    data_dir: str | None,
) -> None:
    """Judge each ANSWER to question QUESTION_ID of PACK (a file or a pack id): the verdict
    (right, partly, wrong), the fraction of the points it earns and why.

    Multiple choice takes a choice's text or number, true/false "true" or "false", ordering
    items separated by ">", matching "left = right" pairs separated by ";".
    """
    from quizgame.core.play.trial import try_answer

    pack = resolve_pack(pack_ref, places(data_dir, pack_dirs))
    question = pack.question(question_id)
    if question is None:
        raise UserError(f"{pack.id}: no question with id '{question_id}'")
    trials = [try_answer(question, answer) for answer in answers]
    if fmt == "json":
        report = {
            "pack": pack.id,
            "question": question.id,
            "answers": [t.to_dict() for t in trials],
        }
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    click.echo(clean_line(f"{question.id}: {question.prompt}"))
    click.echo(clean_line(f"  answer: {question.answer_text()}"))
    for trial in trials:
        line = f"“{trial.answer}”: {trial.verdict}, {trial.points_words()} ({trial.reason})"
        click.echo(clean_line(line))
