"""The `quizgame` command. Bare `quizgame` opens the game; subcommands sit beside it.

Each command lives in its own module and is registered at the bottom of this file. Heavy imports
(Textual, the generator, importers) happen inside the commands so `--help` stays instant.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from quizgame import __version__
from quizgame.cli.common import UserError, data_dir_option


class QuizgameGroup(click.Group):
    """A group that turns a `UserError` (or any surprise) into one line on stderr."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # as registered: playing first, authoring after

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(f"quizgame: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("quizgame: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug must still not show a player a traceback
            click.echo(f"quizgame: internal error: {type(exc).__name__}: {exc}", err=True)
            sys.exit(70)


@click.group(cls=QuizgameGroup, invoke_without_command=True)
@click.version_option(__version__, "--version", "-V", prog_name="quizgame")
@data_dir_option
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None) -> None:
    """A trivia game for the terminal. Run without a command to play."""
    if ctx.invoked_subcommand is None:
        from quizgame.cli.play import play

        ctx.invoke(play, data_dir=data_dir)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="quizgame")


# Commands: one module each, registered here in the order `--help` lists them.
from quizgame.cli import (  # noqa: E402
    export,
    generate,
    history,
    import_,
    new,
    packs,
    play,
    schema,
    scores,
    validate,
)

for _module in (play, packs, validate, scores, history, new, generate, import_, export, schema):
    cli.add_command(_module.command)
