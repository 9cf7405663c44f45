"""The bundled film pack and the facts it is generated from, for the generator's tests."""

from __future__ import annotations

from typing import Any

import yaml

from tests.paths import REPO

FACTS = REPO / "questions" / "facts" / "parallel-mothers.facts.yaml"
PACK = REPO / "questions" / "parallel-mothers.yaml"


def committed_pack() -> dict[str, Any]:
    """The committed pack as plain data (read afresh: callers may change it)."""
    data: dict[str, Any] = yaml.safe_load(PACK.read_text(encoding="utf-8"))
    return data


def raw_facts() -> dict[str, Any]:
    """The bundled facts file as plain data (read afresh: callers may change it)."""
    data: dict[str, Any] = yaml.safe_load(FACTS.read_text(encoding="utf-8"))
    return data
