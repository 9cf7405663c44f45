"""`quizgame validate PATH...`: check pack files, report every problem with its position.

A file unchanged since its last check (same size, times and inode, same quizgame code) prints
that check's report again without loading the YAML reader or the checker
(`core/packs/cache_checks.py`); the report is the same either way.
"""

from __future__ import annotations

from pathlib import Path

import click

from quizgame.cli.common import UserError, data_dir_option, echo_json
from quizgame.core import paths as data_paths
from quizgame.core.packs.cache_checks import CheckedFile, KeptChecks, checked
from quizgame.core.packs.cache_index import stat_figures
from quizgame.core.packs.listing import pack_files
from quizgame.core.text import clean_line


def _expand(paths: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            out.append(path)
            continue
        found = pack_files(path)
        if not found:  # checking nothing must not pass as "all valid"
            raise UserError(f"no pack files (*.yaml, *.yml) in {path}")  # cleaned when shown
        out.extend(found)
    return out


def check_files(files: list[Path], kept: KeptChecks) -> list[CheckedFile]:
    """Each file's report: kept from an earlier check of it unchanged, or checked now."""
    reports = []
    for path in files:
        found = stat_figures(path)  # before reading: a change while it is read is a miss later
        report = kept.recall(path, found)
        if report is None:
            from quizgame.core.packs.read import load_pack  # the YAML reader and the checker

            report = checked(load_pack(path))
            kept.keep(path, found, report)
        reports.append(report)
    kept.save()
    return reports


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@data_dir_option
def command(paths: tuple[str, ...], fmt: str, strict: bool, data_dir: str | None) -> None:
    """Check pack files (or folders of them). Exit 0 if all are valid, 1 if any is not."""
    files = _expand(paths)
    kept = KeptChecks(data_paths.cache_dir(data_paths.data_dir(data_dir)))
    reports = check_files(files, kept)
    failed = [r for r in reports if not r.ok or (strict and r.has_warnings)]
    if fmt == "json":
        report = [
            {
                "path": str(path),
                "valid": r.ok and not (strict and r.has_warnings),
                "questions": r.questions,
                "problems": [p.as_dict() for p in r.problems],
            }
            for path, r in zip(files, reports, strict=True)
        ]
        echo_json(report)  # paths and pack text: control and bidi characters escaped
    else:
        for path, r in zip(files, reports, strict=True):
            for problem in r.problems:
                # str(problem), under the name given now; it quotes pack text.
                click.echo(clean_line(problem.file + problem.after_name), err=problem.is_error)
            if r.ok:
                where = clean_line(path)  # a file name may hold escapes too
                click.echo(f"{where}: ok, {r.questions} question{'' if r.questions == 1 else 's'}")
        if len(reports) > 1:
            click.echo(f"{len(reports) - len(failed)} of {len(reports)} packs valid")
    if failed:
        raise SystemExit(1)
