"""The `quizgame` command. Bare `quizgame` opens the game; subcommands sit beside it.

Each command lives in its own module, named in `COMMANDS` and imported only when that command
runs, so starting the game never pays for the importers, the generator or the score commands.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
from typing import Any

import click

from quizgame.cli.common import UserError, data_dir_option
from quizgame.core.text import clean_line

# name -> module holding its `command`, in the order `--help` lists them: playing first.
COMMANDS = {
    "play": "quizgame.cli.play",
    "sheet": "quizgame.cli.sheet",
    "daily": "quizgame.cli.daily",
    "learn-status": "quizgame.cli.learn_status",
    "packs": "quizgame.cli.packs",
    "validate": "quizgame.cli.validate",
    "judge": "quizgame.cli.judge",
    "scores": "quizgame.cli.scores",
    "history": "quizgame.cli.history",
    "new": "quizgame.cli.new",
    "generate": "quizgame.cli.generate",
    "facts": "quizgame.cli.facts",
    "import": "quizgame.cli.import_",
    "export": "quizgame.cli.export",
    "schema": "quizgame.cli.schema",
}


class QuizgameGroup(click.Group):
    """Loads commands on demand; turns a `UserError` (or any surprise) into one line on stderr."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command; a usage error is one line on stderr (exit 2), as every user error is."""
        run: Any = super().main  # click types main() by its standalone_mode overloads
        if not kwargs.pop("standalone_mode", True):
            return run(*args, standalone_mode=False, **kwargs)
        try:
            rv = run(*args, standalone_mode=False, **kwargs)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "quizgame"
            click.echo(f"{where}: {exc.format_message()} (see '{where} --help')", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"quizgame: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("quizgame: stopped", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """A command name we do not have is a usage error that lists the ones we do."""
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:
            message = f"No such command '{exc.command_name}'; the commands: {', '.join(COMMANDS)}"
            raise click.exceptions.NoSuchCommand(exc.command_name, message, ctx=ctx) from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = importlib.import_module(module).command
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(f"quizgame: {clean_line(exc)}", err=True)  # may quote pack text
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("quizgame: interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:  # `quizgame packs | head`: the reader has all it wanted
            _quiet_broken_pipe()
        except Exception as exc:  # a bug must still not show a player a traceback
            click.echo(
                f"quizgame: internal error: {type(exc).__name__}: {clean_line(exc)}", err=True
            )
            sys.exit(70)


def _quiet_broken_pipe() -> None:
    """End quietly, as git does, when whoever reads our output has closed the pipe."""
    import os

    # Output still buffered would fail again at exit, with Python's own message.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(141)  # 128 + SIGPIPE, what a shell reports for git


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    # Looked up only when asked: the package metadata costs ~20 ms at every start.
    if value and not ctx.resilient_parsing:
        import quizgame

        click.echo(f"quizgame, version {quizgame.__version__}")
        ctx.exit()


@click.group(cls=QuizgameGroup, invoke_without_command=True)
@click.option(
    "--version",
    "-V",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
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
