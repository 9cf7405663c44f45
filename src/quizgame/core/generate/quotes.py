"""Checking a facts file against its sources (`quizgame facts check`): every fact carries the
exact words of the source it cites (`quote:`), each quote is found in one of its fact's source
files, and every fact marked `inferred` says from what.

Quotes are compared after folding whitespace (line breaks, runs of spaces) and typographic
quotes and apostrophes (’ as ', “ ” as "), so a quote may be wrapped in YAML and typed with
plain quotes. Filmography entries quote themselves: "Title (year)", or "Title (short, year)"
as a distributor's list writes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgame.core.generate.parse import positioned
from quizgame.core.packs.yaml_reader import YamlProblem, read_data

# Sections whose entries record the seeds rather than state facts: their own `note:` says what.
NOT_FACTS = ("disagreements", "notes", "sources", "pack", "people")
# An inferred fact says from what, in a few words at least.
MIN_INFERRED_WORDS = 3
_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "…": "..."})
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """`text` with whitespace runs as one space and typographic quotes as plain ones."""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip()


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """The outcome: `problems` as `file:line:col: path: message`, how many quotes were
    `checked` against a source, and `skipped` (why quotes were not verified) if no sources."""

    problems: tuple[str, ...]
    facts: int
    checked: int
    skipped: str | None = None


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _facts(
    data: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
    """Every mapping that cites a source (`source:`), with its data path."""
    if isinstance(data, dict):
        if "source" in data and path and path[0] not in NOT_FACTS and path != ("filmography",):
            yield path, data
        for key, value in data.items():
            if not path and key in NOT_FACTS:
                continue
            yield from _facts(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _facts(value, (*path, index))


def _films(data: Any) -> Iterator[tuple[tuple[Any, ...], list[str], list[str]]]:
    """Each filmography entry's implied quote and the files it inherits."""
    filmography = data.get("filmography") if isinstance(data, dict) else None
    if not isinstance(filmography, dict):
        return
    inherited = _as_list(filmography.get("source"))
    for index, film in enumerate(filmography.get("films") or []):
        if not isinstance(film, dict):
            continue
        shown = f"{film.get('title')} ({'short, ' if film.get('short') else ''}{film.get('year')})"
        files = _as_list(film.get("source")) or inherited
        yield ("filmography", "films", index), files, [shown]


def check_quotes(facts_path: str | Path, sources_dir: str | Path | None) -> QuoteCheck:
    """Check the facts file at `facts_path` against the seed files in `sources_dir` (None: check
    only that each fact has a quote, and say why quotes were not verified). Raises `OSError`
    if the facts file cannot be read and `ValueError` if it is not YAML (`file:line:col`)."""
    name = str(facts_path)
    text = Path(facts_path).read_text(encoding="utf-8")
    try:
        data = read_data(text)
    except YamlProblem as exc:
        raise ValueError(f"{name}:{exc.line}:{exc.col}: {exc.message}") from None
    found: list[tuple[tuple[Any, ...], str]] = []
    texts: dict[str, str] = {}
    skipped = None
    if sources_dir is None:
        skipped = "no sources folder: quotes are present but not verified"
    checked = facts = 0
    entries: list[tuple[tuple[Any, ...], list[str], list[str]]] = []
    for path, fact in _facts(data):
        facts += 1
        inferred = fact.get("inferred")
        if inferred is not None and (
            not isinstance(inferred, str) or len(inferred.split()) < MIN_INFERRED_WORDS
        ):
            found.append(((*path, "inferred"), "an inferred fact should say from what, in words"))
        quotes = _as_list(fact.get("quote"))
        if not quotes:
            found.append((path, "no quote: give the source's exact words with 'quote:'"))
            continue
        entries.append(((*path, "quote"), _as_list(fact.get("source")), quotes))
    entries += list(_films(data))
    facts += sum(1 for _ in _films(data))
    if sources_dir is not None:
        for path, files, quotes in entries:
            for quote in quotes:
                checked += 1
                problem = _find(quote, files, Path(sources_dir), texts)
                if problem:
                    found.append((path, problem))
    if not found:
        return QuoteCheck((), facts, checked, skipped)
    return QuoteCheck(tuple(positioned(name, text, found)), facts, checked, skipped)


def _find(quote: str, files: list[str], folder: Path, texts: dict[str, str]) -> str | None:
    """None if `quote` is in one of `files` (read from `folder`), else what is wrong."""
    for file in files:
        if file not in texts:
            try:
                texts[file] = fold((folder / file).read_text(encoding="utf-8"))
            except OSError:
                return f"source file '{file}' is not in {folder}"
            except UnicodeDecodeError:
                return f"source file '{file}' is not UTF-8 text"
        if fold(quote) in texts[file]:
            return None
    short = quote if len(quote) <= 60 else quote[:57] + "..."
    return f"the quote '{short}' is not found in {' or '.join(files) or 'its sources'}"
