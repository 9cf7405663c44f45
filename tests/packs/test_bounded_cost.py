"""Any pack costs a bounded amount: aliases cannot grow it past a multiple of its file, and a
pack with a million problems reports the first hundred and counts the rest, in flat memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from quizgame.core.packs.issues import MAX_ISSUES
from quizgame.core.packs.read import load_pack, load_pack_text
from quizgame.core.packs.yaml_reader import EXPANSION_FACTOR

HEAD = "id: p\ntitle: P\nquestions:\n"


def test_one_long_title_reused_through_aliases_is_refused(tmp_path: Path) -> None:
    # The issue's pack: 348 KB reusing a 99,000-character title in 2,000 questions validated,
    # then wrote a 1.19 GB cache.
    title = "x" * 99_000
    lines = [f"id: p\ntitle: &t {title}\nquestions:"]
    lines += [f"- {{id: q{i}, type: true_false, prompt: *t, answer: true}}" for i in range(2_000)]
    path = tmp_path / "aliases.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size * EXPANSION_FACTOR < 2_000 * len(title)
    result = load_pack(path, cache_dir=tmp_path / "cache")
    [problem] = result.errors
    # 219 KB: the floor of 1,000,000 characters is crossed at the tenth *t, on line 13.
    assert (problem.code, problem.line) == ("yaml", 13)
    assert "alias" in problem.message
    cached = list((tmp_path / "cache").iterdir())
    assert sum(entry.stat().st_size for entry in cached) < 10_000  # only the failure


def test_aliases_within_the_bound_still_load() -> None:
    text = HEAD + "- {id: a, type: true_false, prompt: &p Is it?, answer: true}\n"
    text += "- {id: b, type: true_false, prompt: *p, answer: false}\n"
    result = load_pack_text(text)
    assert result.pack is not None and result.pack.questions[1].prompt == "Is it?"


def test_a_million_duplicates_are_the_first_hundred_and_a_count() -> None:
    count = 10_000  # the issue's million takes longer, the same way
    text = HEAD + "- id: q\n  type: true_false\n  prompt: x\n  answer: true\n  tags: ["
    text += ", ".join(["a"] * count) + "]\n"
    tracemalloc.start()
    try:
        result = load_pack_text(text, "dups.yaml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(result.problems) == MAX_ISSUES + 1
    assert all(p.code == "duplicate" and p.line == 8 for p in result.problems[:-1])
    more = result.problems[-1]
    assert (more.code, more.line, more.severity) == ("more", 9, "error")
    assert f"{count - 1 - MAX_ISSUES:,} more problems" in more.message
    assert peak < 40 * len(text)  # the data itself; no million problems, no node graph


def test_a_million_warnings_count_as_warnings() -> None:
    fields = "".join(f"  extra{i}: x\n" for i in range(MAX_ISSUES + 5))
    text = HEAD + "- id: q\n  type: true_false\n  prompt: x\n  answer: true\n" + fields
    result = load_pack_text(text)
    assert result.ok
    assert result.problems[-1].code == "more" and result.problems[-1].severity == "warning"


def test_a_key_given_twice_is_found_where_it_was_given_last() -> None:
    text = HEAD + "- id: q\n  type: true_false\n  prompt: x\n  answer: true\n  answer: 3\n"
    result = load_pack_text(text)
    assert sorted((p.line, p.col, p.code) for p in result.problems) == [
        (8, 3, "duplicate"),
        (8, 11, "wrong-kind"),
    ]
