"""The `quizgame` command. Bare `quizgame` opens the game; subcommands sit beside it.

Each command lives in its own module, named in `COMMANDS` and imported only when that command
runs, so starting the game never pays for the importers, the generator or the score commands,
and `--help` lists them from their summaries there without importing any.
"""

from __future__ import annotations

# First: importing it defers what click imports and rarely uses (see deferred.py).
from quizgame.cli import deferred

# isort: split
import contextlib
import importlib
import sys
from typing import Any

import click

from quizgame import start
from quizgame.cli.common import UserError, data_dir_option
from quizgame.core.text import clean_line

deferred.settle()  # click has what it needs from the stand-ins: the rest is loaded when read


class Listed:
    """A command as `quizgame --help` lists it, without importing it (a plain class: making a
    NamedTuple class costs every command ~0.2 ms)."""

    __slots__ = ("module", "summary")

    def __init__(self, module: str, summary: str) -> None:
        self.module = module  # the module whose `command` it is, imported only when it runs
        self.summary = summary  # the first sentence of its help (a test holds the two equal)


# name -> where it lives and what it does, in the order `--help` lists them: playing first.
COMMANDS = {
    "play": Listed(
        "quizgame.cli.play", "Play: open the home screen, or with --pack start a session at once."
    ),
    "sheet": Listed(
        "quizgame.cli.sheet",
        "Print the questions a session of PACK (a file or a pack id) would deal with these settings, then the answer key.",
    ),
    "daily": Listed(
        "quizgame.cli.daily",
        "Today's daily quiz: ten spoiler-safe questions chosen from the date and the pack, the same for every player today.",
    ),
    "learn-status": Listed(
        "quizgame.cli.learn_status",
        "Learn mode: per pack, the questions due today, new today, learned, and the retention FSRS predicts (the mean chance of recalling a studied question now).",
    ),
    "host": Listed(
        "quizgame.cli.host",
        "Host a quiz: a room PIN, the players as they join, then each question on this screen.",
    ),
    "join": Listed(
        "quizgame.cli.join",
        "Join a hosted quiz: answer each question on your own screen, see your rank and the podium.",
    ),
    "party": Listed(
        "quizgame.cli.party",
        "Hot-seat: each question goes to each player in turn; a scoreboard after it; the podium.",
    ),
    "packs": Listed(
        "quizgame.cli.packs",
        "List the packs found: bundled, in your packs folder, and in any --packs folder.",
    ),
    "validate": Listed("quizgame.cli.validate", "Check pack files (or folders of them)."),
    "judge": Listed(
        "quizgame.cli.judge",
        "Judge each ANSWER to question QUESTION_ID of PACK (a file or a pack id): the verdict (right, partly, wrong), the fraction of the points it earns and why.",
    ),
    "scores": Listed(
        "quizgame.cli.scores",
        "The best scores: finished sessions, highest first (practice sessions not counted).",
    ),
    "history": Listed(
        "quizgame.cli.history",
        "The recent sessions, newest first: finished, abandoned or in progress.",
    ),
    "new": Listed(
        "quizgame.cli.new",
        "Start a pack: write ID.yaml with one commented example of each question type.",
    ),
    "generate": Listed(
        "quizgame.cli.generate",
        "Generate a question pack from a FACTS file (see docs/authoring.md).",
    ),
    "facts": Listed(
        "quizgame.cli.facts", "Work with a facts file (the film pack is generated from one)."
    ),
    "import": Listed(
        "quizgame.cli.import_",
        "Import questions from GIFT or Moodle XML (Moodle), Aiken, Open Trivia DB JSON, the live-quiz spreadsheet (.xlsx), flashcards (TSV/CSV) or CSV into a new pack.",
    ),
    "export": Listed(
        "quizgame.cli.export",
        "Export a pack (by id or file) to GIFT or Moodle XML (Moodle), Aiken, Open Trivia DB JSON, the live-quiz spreadsheet (.xlsx), flashcards (TSV) or CSV.",
    ),
    "schema": Listed(
        "quizgame.cli.schema",
        "Print the JSON Schema of the pack format (for editors and other tools).",
    ),
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
        listed = COMMANDS.get(cmd_name)
        if listed is None:
            return None
        command: click.Command = importlib.import_module(listed.module).command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The Commands section of `--help`, from the summaries in COMMANDS: listing the
        commands imports none of them (each one's module costs up to ~100 ms)."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        # A placeholder command shortens each summary exactly as click shortens a real help.
        rows = [
            (name, click.Command(name, help=listed.summary).get_short_help_str(limit))
            for name, listed in COMMANDS.items()
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

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
    start.resume()  # the command's own code begins: what was loaded to get here lives on
    if ctx.invoked_subcommand is None:
        from quizgame.cli.play import play

        ctx.invoke(play, data_dir=data_dir)


def main() -> None:
    """Run the command line with the arguments in `sys.argv` (the program itself is
    `quizgame.start.main`, which also pauses the garbage collector while this loads)."""
    cli(prog_name="quizgame")
