"""`quizgame packs`: the packs found, with broken ones and their first error."""

from __future__ import annotations

from typing import Any

import click

from quizgame.cli.common import data_dir_option, echo_json, packs_option, places
from quizgame.core.packs.summary import pack_summaries
from quizgame.core.text import clean_line


@click.command("packs")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@packs_option
@data_dir_option
def command(fmt: str, pack_dirs: tuple[str, ...], data_dir: str | None) -> None:
    """List the packs found: bundled, in your packs folder, and in any --packs folder."""
    where = places(data_dir, pack_dirs)
    # Unchanged packs are listed from a small index beside the cache, without loading them.
    summaries = pack_summaries(where.pack_dirs, cache_dir=where.cache)
    rows: list[dict[str, Any]] = []
    for summary in summaries:
        if summary.error is None:
            rows.append(
                {
                    "id": summary.id,
                    "title": clean_line(summary.title),  # pack text: never raw to a terminal
                    "questions": summary.questions,
                    "categories": [clean_line(c) for c in summary.categories],
                    "path": str(summary.path),
                    "error": None,
                }
            )
        else:
            rows.append(
                {
                    "id": None,
                    "title": None,
                    "questions": 0,
                    "categories": [],
                    "path": str(summary.path),
                    "error": clean_line(summary.error),
                }
            )
    if fmt == "json":
        echo_json(rows)  # paths: control and bidi characters escaped
        return
    if not rows:
        click.echo("No packs found. Looked in: " + ", ".join(map(clean_line, where.pack_dirs)))
        return
    width_id = max(4, *(len(r["id"] or "-") for r in rows))
    width_title = min(40, max(5, *(len(r["title"] or "-") for r in rows)))
    click.echo(f"{'ID':<{width_id}}  {'TITLE':<{width_title}}  {'QUESTIONS':>9}  CATEGORIES / PATH")
    for r in rows:
        if r["error"]:
            click.echo(f"{'-':<{width_id}}  {'BROKEN':<{width_title}}  {'-':>9}  {r['error']}")
            continue
        title = (
            r["title"] if len(r["title"]) <= width_title else r["title"][: width_title - 1] + "…"
        )
        cats = ", ".join(r["categories"]) or "-"
        click.echo(f"{r['id']:<{width_id}}  {title:<{width_title}}  {r['questions']:>9}  {cats}")
        path = clean_line(r["path"])  # a file name may hold escapes too
        click.echo(f"{'':<{width_id}}  {'':<{width_title}}  {'':>9}  {path}")
