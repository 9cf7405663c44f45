"""`quizgame play` (and bare `quizgame`): open the game, or start straight into a session."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quizgame.cli.common import Places, UserError, data_dir_option, packs_option, places

# Light modules only at import: the loader (YAML), the pack model and the session's dealing load
# when a pack is named; bare `quizgame` opens Home, whose own start-up reads the packs after its
# first frame (bench/bench_startup.py's `command` child).
from quizgame.core.packs.levels import Difficulty, Spoiler
from quizgame.core.play.modes import DEFAULT_COUNT, Mode

if TYPE_CHECKING:
    from quizgame.core.packs.model import Pack
    from quizgame.core.play.dealing import SessionOptions
    from quizgame.tui.prefs import Preset


def resolve_pack(ref: str, where: Places) -> Pack:
    """A pack by file path or by id among the packs found; a UserError says what went wrong."""
    from quizgame.core.packs.read import discover_packs, load_pack

    path = Path(ref).expanduser()
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise UserError(f"no pack file at {path}")
        result = load_pack(path)
        if result.pack is None:
            first = result.errors[0]
            more = len(result.errors) - 1
            extra = f" (and {more} more; run `quizgame validate {path}`)" if more else ""
            raise UserError(f"{first}{extra}")
        return result.pack
    results = discover_packs(where.pack_dirs, cache_dir=where.cache)
    for result in results:
        if result.pack is not None and result.pack.id == ref:
            return result.pack
    for result in results:  # a broken pack has no id: its file's name stands for it
        if result.pack is None and result.path.stem == ref and result.errors:
            raise UserError(f"pack '{ref}' does not load: {result.errors[0]}")
    known = sorted(r.pack.id for r in results if r.pack is not None)
    raise UserError(f"no pack with id '{ref}'; packs found: {', '.join(known) or 'none'}")


def default_pack(where: Places) -> Pack:
    """The first playable pack found (the bundled ones come first): for commands whose --pack
    is optional."""
    from quizgame.core.packs.read import discover_packs

    for result in discover_packs(where.pack_dirs, cache_dir=where.cache):
        if result.pack is not None:
            return result.pack
    raise UserError("no packs found to play (see `quizgame packs`)")


def pack_or_default(ref: str | None, where: Places) -> Pack:
    """`--pack` if given, else the first pack found, named on stderr so the player knows."""
    if ref:
        return resolve_pack(ref, where)
    pack = default_pack(where)
    click.echo(f"playing the pack '{pack.id}' (choose another with --pack)", err=True)
    return pack


def _positive(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter("should be 1 or more")
    return value


@click.command("play")
@click.option("--pack", "pack_ref", metavar="ID|PATH", help="Start straight into this pack.")
@click.option(
    "--count",
    "-n",
    type=int,
    callback=_positive,
    help=f"Number of questions (default {DEFAULT_COUNT}); in learn mode, new questions a day.",
)
@click.option(
    "--code",
    metavar="CODE",
    help="Play a friend's challenge code (shown on every results screen): the same quiz.",
)
@click.option("--seed", type=int, help="Same seed, same questions in the same order.")
@click.option("--difficulty", type=click.Choice([d.value for d in Difficulty]))
@click.option("--category", "categories", multiple=True, help="Only this category (repeatable).")
@click.option(
    "--spoiler",
    type=click.Choice([s.value for s in Spoiler]),
    help="The most a question may give away of the story (default: none).",
)
@click.option(
    "--mode",
    type=click.Choice([m.value for m in Mode]),
    help="How to play (default: classic).",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=1),
    help="Seconds per question (challenge, survival) or for the whole session (blitz).",
)
@packs_option
@data_dir_option
def command(
    pack_ref: str | None,
    count: int | None,
    code: str | None,
    seed: int | None,
    difficulty: str | None,
    categories: tuple[str, ...],
    spoiler: str | None,
    mode: str | None,
    time_limit: float | None,
    pack_dirs: tuple[str, ...],
    data_dir: str | None,
) -> None:
    """Play: open the home screen, or with --pack start a session at once.

    Without --pack, the mode, count, difficulty, categories and spoilers given are chosen on
    Home. An option that cannot apply (a time limit in classic, a count in blitz, a seed for
    Home) is a usage error.
    """
    settings = (pack_ref, count, seed, difficulty, spoiler, mode, time_limit)
    if code is not None and (categories or any(v is not None for v in settings)):
        raise click.UsageError("--code cannot apply beside other settings: it names its own")
    where = places(data_dir, pack_dirs)
    _check_options_apply(pack_ref, count, seed, mode, time_limit, pack_dirs)
    if code is None and pack_ref is None:  # Home, with the settings given chosen
        if categories:
            _check_categories_exist(categories, where)
        from quizgame.tui.prefs import Preset

        preset = Preset(mode, count, difficulty, spoiler, categories)
        run_game(where, None, None, preset)
        return
    from quizgame.core.play.dealing import SessionOptions, options_problem

    if code is not None:
        pack, options = _challenge(code, where)
        problem = options_problem(pack, options)
        if problem:
            raise UserError(f"{pack.id}: {problem}")
        run_game(where, pack, options)
        return
    assert pack_ref is not None
    options = SessionOptions(
        count=count if count is not None else DEFAULT_COUNT,
        categories=categories,
        difficulty=Difficulty(difficulty) if difficulty else None,
        spoiler=Spoiler(spoiler or Spoiler.NONE.value),
        seed=seed,
        mode=Mode(mode or Mode.CLASSIC.value),
        time_limit=time_limit,
    )
    pack = resolve_pack(pack_ref, where)
    # Fail here, in one line, rather than inside the game.
    unknown = [c for c in categories if c not in pack.categories]
    if unknown:
        raise UserError(
            f"{pack.id}: no category {', '.join(map(repr, unknown))}; "
            f"its categories: {', '.join(pack.categories) or 'none'}"
        )
    if difficulty and all(q.difficulty.value != difficulty for q in pack.questions):
        have = sorted({q.difficulty for q in pack.questions}, key=lambda d: d.points)
        raise UserError(
            f"{pack.id}: no {difficulty} questions; its difficulties: "
            f"{', '.join(d.value for d in have)}"
        )
    problem = options_problem(pack, options)
    if problem:
        raise UserError(f"{pack.id}: {problem}")
    run_game(where, pack, options)


def _check_options_apply(
    pack_ref: str | None,
    count: int | None,
    seed: int | None,
    mode: str | None,
    time_limit: float | None,
    pack_dirs: tuple[str, ...],
) -> None:
    """A usage error (exit 2) for an option that would be silently ignored, saying why."""
    if pack_ref is None:
        if seed is not None:
            raise click.UsageError("--seed needs --pack (Home has no seed to choose)")
        if time_limit is not None:
            raise click.UsageError("--time-limit needs --pack (Home has no time limit to choose)")
    else:
        check_packs_apply(pack_ref, pack_dirs, "--pack")
    chosen = Mode(mode or Mode.CLASSIC.value)
    if time_limit is not None and not (chosen.per_question_clock or chosen.session_clock):
        raise click.UsageError(
            f"--time-limit cannot apply: {chosen.value} mode is untimed "
            "(a time limit is for --mode challenge, blitz or survival)"
        )
    if count is not None and not chosen.uses_count:
        raise click.UsageError(
            f"--count cannot apply: {chosen.value} plays every matching question against one clock"
        )


def check_packs_apply(pack_ref: str, pack_dirs: tuple[str, ...], given_as: str) -> None:
    """A usage error for `--packs` beside a pack given by its file: no folder is looked in."""
    if pack_dirs and Path(pack_ref).suffix in (".yaml", ".yml"):
        raise click.UsageError(
            f"--packs cannot apply: {given_as} names a file, not an id to look for"
        )


def _check_categories_exist(categories: tuple[str, ...], where: Places) -> None:
    """Without a pack, each category must be one of some pack found; else list them all."""
    from quizgame.core.packs.read import discover_packs

    results = discover_packs(where.pack_dirs, cache_dir=where.cache)
    known = sorted({c for r in results if r.pack is not None for c in r.pack.categories})
    unknown = [c for c in categories if c not in known]
    if unknown:
        raise UserError(
            f"no pack found has the category {', '.join(map(repr, unknown))}; "
            f"categories found: {', '.join(known) or 'none'}"
        )


def _challenge(code: str, where: Places) -> tuple[Pack, SessionOptions]:
    """The pack and options a challenge code names; a UserError if it cannot be played."""
    from quizgame.core.play.codes import CodeError, check_pack, read_code

    try:
        challenge = read_code(code)
        pack = resolve_pack(challenge.pack_id, where)
        check_pack(challenge, pack)
    except CodeError as exc:
        raise UserError(str(exc)) from None
    return pack, challenge.options


# `quizgame` with no command runs this.
play = command


def has_terminal() -> bool:
    """Whether keys can be read and the screen drawn; without one the UI would spin."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_game(
    where: Places,
    pack: Pack | None,
    options: SessionOptions | None,
    preset: Preset | None = None,
) -> None:
    """Start the terminal UI: a session of `pack` with `options` at once, else Home with
    `preset` chosen (no `options`: Home has its own)."""
    if not has_terminal():
        raise UserError("the game needs a terminal (the other commands work without one)")
    from quizgame.tui.app import QuizApp

    app = QuizApp(
        pack_dirs=where.pack_dirs,
        data_dir=where.data,
        start_pack=pack,
        start_options=options,
        preset=preset,
    )
    app.run()
    if app.return_code:  # a crash has said its one line already (see quizgame.tui.crash)
        raise SystemExit(app.return_code)
