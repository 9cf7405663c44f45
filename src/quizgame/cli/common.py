"""Shared pieces of the commands: errors, options, and where packs are found."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.core import ParameterSource

from quizgame.core import paths
from quizgame.core.text import clean_line, json_escape_controls

if TYPE_CHECKING:
    from datetime import datetime

    from quizgame.core.scores.store import ScoreStore

F = TypeVar("F", bound=Callable[..., Any])


class UserError(Exception):
    """A problem the user can fix; shown as one line, exit code 1 unless said otherwise."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _inherit_data_dir(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    # `quizgame --data-dir DIR packs` means DIR for `packs`: a command's own --data-dir wins,
    # then the group's, then $QUIZGAME_DATA_DIR (which click would otherwise prefer).
    if ctx.get_parameter_source(param.name or "") is ParameterSource.COMMANDLINE:
        return value
    parent = ctx.parent
    while parent is not None:
        if parent.get_parameter_source("data_dir") is ParameterSource.COMMANDLINE:
            inherited: str | None = parent.params.get("data_dir")
            return inherited
        parent = parent.parent
    return value


def data_dir_option(func: F) -> F:
    """`--data-dir DIR`: where the player's packs, scores and settings live."""
    return click.option(
        "--data-dir",
        type=click.Path(file_okay=False),
        default=None,
        envvar=paths.DATA_DIR_ENV,
        callback=_inherit_data_dir,
        help="Folder for your packs, scores and settings (default: the platform's user data folder).",
    )(func)


def packs_option(func: F) -> F:
    """`--packs DIR` (repeatable): more folders to look for packs in."""
    return click.option(
        "--packs",
        "pack_dirs",
        multiple=True,
        type=click.Path(exists=True, file_okay=False),
        help="Another folder of packs (repeatable; it must exist).",
    )(func)


def parents_option(func: F) -> F:
    """`--parents`: make the output file's missing folders (refused otherwise)."""
    return click.option(
        "--parents", is_flag=True, help="Create the output file's folder if it is missing."
    )(func)


def require_output(ctx_options: dict[str, bool], output: str | None) -> None:
    """A usage error for each output option given (`--force`, `--parents`) without a file to
    write (`-o FILE`): they would do nothing."""
    if output in (None, "-"):
        for name, given in ctx_options.items():
            if given:
                raise click.UsageError(f"{name} cannot apply: there is no -o FILE to write")


class Places:
    """Where this run reads and writes: the data folder and every folder of packs (a plain
    class: making a NamedTuple class costs every command ~0.2 ms, a dataclass ~1.5 ms)."""

    __slots__ = ("data", "pack_dirs")

    def __init__(self, data: Path, pack_dirs: tuple[Path, ...]) -> None:
        self.data = data
        self.pack_dirs = pack_dirs

    @property
    def user_packs(self) -> Path:
        return paths.user_packs_dir(self.data)

    @property
    def cache(self) -> Path:
        return paths.cache_dir(self.data)


def places(data_dir: str | None, extra_pack_dirs: tuple[str, ...] = ()) -> Places:
    """Resolve the folders for this run from `--data-dir` and `--packs`."""
    base = paths.data_dir(data_dir)
    paths.clear_leftovers(base)
    dirs = [paths.bundled_packs_dir(), paths.user_packs_dir(base)]
    dirs += [Path(d).expanduser() for d in extra_pack_dirs]
    return Places(base, tuple(dirs))


@contextmanager
def score_store(base: Path) -> Iterator[ScoreStore | None]:
    """The score history in `base`, or None when nothing has been recorded there yet.

    A damaged database set aside on opening is reported on stderr; a locked or unreadable one
    is a `UserError`.
    """
    from quizgame.core.scores.database import StoreError
    from quizgame.core.scores.store import ScoreStore

    paths.clear_leftovers(base)
    path = paths.scores_db(base)
    if not path.exists():
        yield None
        return
    try:
        store = ScoreStore.open(path)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    if store.notice:
        click.echo(f"quizgame: {store.notice}", err=True)
    try:
        yield store
    except StoreError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()


def local_time(moment: datetime) -> str:
    """A stored time as the player's clock shows it."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """Rows as aligned columns; the columns numbered in `right` are right-aligned.

    Cells may hold pack text (from the score history): each is cleaned to one line.
    """
    rows = [[clean_line(cell) for cell in row] for row in rows]
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = []
    for row in (headers, *rows):
        cells = [
            str(cell).rjust(width) if i in right else str(cell).ljust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def echo_json(data: Any) -> None:
    """`data` as indented JSON on stdout, Unicode kept and control characters escaped."""
    import json  # only --format json needs it: every command imports this module

    click.echo(json_escape_controls(json.dumps(data, indent=2, ensure_ascii=False)))


def check_pack_known(pack_id: str, store: ScoreStore | None, where: Places) -> None:
    """A UserError unless `pack_id` is in the score history or among the packs found (a pack
    played and since removed still has its scores); the message lists both."""
    from quizgame.core.packs.read import discover_packs
    from quizgame.core.scores import queries

    played = store.read(queries.played_pack_ids) if store is not None else []
    if pack_id in played:
        return
    found = [r.pack.id for r in discover_packs(where.pack_dirs, cache_dir=where.cache) if r.pack]
    if pack_id in found:
        return
    known = sorted({*played, *found})
    raise UserError(
        f"no pack with id '{pack_id}' in your score history or among the packs found; "
        f"packs: {', '.join(known) or 'none'}"
    )
