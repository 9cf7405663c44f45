"""`quizgame facts check`: each fact quotes its source word for word, inferred facts say from
what, and the bundled facts pass against the seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quizgame.cli import cli
from quizgame.core.generate.quotes import check_quotes, fold
from tests.film import FACTS
from tests.paths import REPO

SEED = "The film begins with a photo session.\nJanis’ lover  is Arturo.\n"
FACTS_TEXT = """\
facts: 1
sources: {{seed.txt: a seed}}
events:
  - id: one
    text: The film begins with a photo session.
    source: seed.txt
    quote: {quote}
crew:
  - {{person: p, job: editor, source: seed.txt, quote: "Janis' lover is Arturo", inferred: {inferred}}}
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="quizgame")


def write(tmp_path: Path, quote: str, inferred: str = "read from its place") -> Path:
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "seeds" / "seed.txt").write_text(SEED, encoding="utf-8")
    path = tmp_path / "f.facts.yaml"
    path.write_text(FACTS_TEXT.format(quote=quote, inferred=inferred), encoding="utf-8")
    return path


def test_quotes_are_folded_for_whitespace_and_typographic_quotes() -> None:
    assert fold("Janis’  lover\n is") == "Janis' lover is"


def test_a_quote_found_in_its_source_passes(tmp_path: Path) -> None:
    path = write(tmp_path, "'The film begins with a photo session.'")
    result = check_quotes(path, tmp_path / "seeds")
    assert result.problems == () and result.checked == 2


def test_a_quote_not_in_its_source_fails_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "The film ends with a photo session.")
    result = run("facts", "check", str(path), "--sources", str(tmp_path / "seeds"))
    assert result.exit_code == 1
    assert f"{path}:7:12: events[0].quote: the quote 'The film ends with a photo session.' " in (
        result.output
    )


def test_a_fact_without_a_quote_or_an_inferred_fact_without_a_reason_fails(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "null", inferred="yes")
    problems = check_quotes(path, tmp_path / "seeds").problems
    assert any("events[0]: no quote" in p for p in problems)
    assert any("crew[0].inferred: an inferred fact should say from what" in p for p in problems)


def test_without_sources_the_quotes_are_skipped_and_said_so(tmp_path: Path) -> None:
    path = write(tmp_path, "Anything at all.")
    result = run("facts", "check", str(path))
    assert result.exit_code == 0
    assert "SKIPPED quote check" in result.output


def _seeds() -> Path | None:
    for candidate in (os.environ.get("QUIZGAME_FACT_SOURCES"), REPO.parent / "shared" / "seeds"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    for parent in REPO.parents:  # a worktree sits deeper than the main checkout
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared" / "seeds"
    return None


def test_the_bundled_facts_pass_against_the_seeds() -> None:
    seeds = _seeds()
    if seeds is None:
        pytest.skip("the seed files are not beside the repository (set QUIZGAME_FACT_SOURCES)")
    result = check_quotes(FACTS, seeds)
    assert result.problems == ()
    assert result.checked >= result.facts
