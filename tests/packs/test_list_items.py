"""A list question's items through the pack machinery: the cache, the writer, the schema."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgame.core.packs import read as loader
from quizgame.core.packs.model import ListItem, QuestionType
from quizgame.core.packs.read import LoadResult, discover_packs, load_pack_text
from quizgame.core.packs.schema import pack_schema
from quizgame.core.packs.write import dump_pack, pack_to_dict
from tests.paths import TEST_DATA

CAST = TEST_DATA / "lists" / "cast.yaml"


def _no_parsing(*_args: object) -> LoadResult:
    raise AssertionError("parsed again instead of read from the cache")


def test_list_items_come_back_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    shutil.copy(CAST, folder / "cast.yaml")
    [first] = discover_packs([folder], cache_dir=tmp_path / "cache")
    monkeypatch.setattr(loader, "_load_bytes", _no_parsing)
    [again] = discover_packs([folder], cache_dir=tmp_path / "cache")
    assert again.pack == first.pack and again.pack is not None
    assert again.pack.questions[0].answers[0] == ListItem("Penélope Cruz", ("Cruz",), "Janis")


def test_a_list_is_written_back_as_it_reads() -> None:
    pack = load_pack_text(CAST.read_text(encoding="utf-8"), "cast.yaml").pack
    assert pack is not None
    data = pack_to_dict(pack)
    assert data["questions"][1]["answers"][0] == "Folle folle folléme Tim"
    assert data["questions"][0]["answers"][0] == {
        "answer": "Penélope Cruz",
        "accept": ["Cruz"],
        "show": "Janis",
    }
    again = load_pack_text(dump_pack(data), "again.yaml").pack
    assert again is not None and again.questions == pack.questions


def test_the_schema_describes_the_items_and_their_limit() -> None:
    question = pack_schema()["definitions"]["question"]
    answers = question["properties"]["answers"]
    assert (answers["minItems"], answers["maxItems"]) == (2, 20)
    rule = next(
        r["then"]
        for r in question["allOf"]
        if r["if"]["properties"]["type"]["const"] == QuestionType.LIST.value
    )
    assert rule["required"] == ["answers"]
