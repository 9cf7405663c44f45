"""A pack's content hash: what a daily quiz and a challenge code are made from.

It hashes what a player is asked (each question's fields, in order, and the pack's id), not the
file's bytes, so re-saving a pack with other comments or layout keeps its hash, and any change
to a question changes it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from enum import Enum
from typing import Any

from quizgame.core.packs.model import Pack


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def content_hash(pack: Pack) -> str:
    """40 hex digits naming the pack's id and questions as they are now."""
    questions = [
        {f.name: _plain(getattr(q, f.name)) for f in dataclasses.fields(q)} for q in pack.questions
    ]
    data = json.dumps([pack.id, questions], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=20).hexdigest()
