"""The protocol's schema check: every message kind, when malformed, is refused with one line."""

from __future__ import annotations

import json
from typing import Any

import pytest

from quizgame.core.party.messages import (
    MAX_FRAME,
    Answer,
    Join,
    Leave,
    Over,
    ProtocolError,
    Question,
    Standing,
    decode_client,
    decode_host,
    encode,
)


def test_client_messages_round_trip() -> None:
    for message in (
        Join("123456", "Ana"),
        Join("123456", "Ana", token="abcdefgh12"),
        Answer(3, "Mars"),
        Answer(1, True),
        Answer(2, ["a", "b"]),
        Answer(2, {"a": "b"}),
        Leave(),
    ):
        assert decode_client(encode(message)) == message


def test_host_messages_round_trip() -> None:
    question = Question(1, 5, "multiple_choice", "Which?", 20.0, 200, choices=["a", "b"])
    over = Over([Standing(1, "Ana", 300, 1, 1, 1)])
    assert decode_host(encode(question)) == question
    assert decode_host(encode(over)) == over


MALFORMED: dict[str, list[Any]] = {
    "join": [
        {"type": "join", "pin": "12345", "name": "Ana"},  # five digits
        {"type": "join", "pin": "123456"},  # no name
        {"type": "join", "pin": 123456, "name": "Ana"},  # a number
        {"type": "join", "pin": "123456", "name": "x" * 201},
        {"type": "join", "pin": "123456", "name": "Ana", "token": "short"},
        {"type": "join", "pin": "123456", "name": "Ana", "admin": True},  # unknown field
    ],
    "answer": [
        {"type": "answer", "round": 0, "given": "a"},
        {"type": "answer", "round": "1", "given": "a"},
        {"type": "answer", "given": "a"},
        {"type": "answer", "round": 1, "given": 3.5},
        {"type": "answer", "round": 1, "given": ["a"] * 51},
        {"type": "answer", "round": 1, "given": {"a": 1}},
    ],
    "leave": [{"type": "leave", "why": "bored"}],
    "other": [{"type": "ack", "round": 1, "seconds": 0.1}, {"type": "hello"}, {"round": 1}, []],
}


@pytest.mark.parametrize(
    "data", [d for kind in MALFORMED.values() for d in kind], ids=lambda d: json.dumps(d)[:40]
)
def test_malformed_client_messages_are_refused(data: object) -> None:
    with pytest.raises(ProtocolError) as refused:
        decode_client(json.dumps(data))
    assert refused.value.code == "bad_message"
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    "frame", [b"", b"{", b"\xff\xfe", b"null", b"[1, 2", b'{"type": "join"'], ids=repr
)
def test_frames_that_are_not_json_are_refused(frame: bytes) -> None:
    with pytest.raises(ProtocolError, match=r"not JSON|Expected"):
        decode_client(frame)


def test_frames_over_the_limit_are_refused_before_decoding() -> None:
    with pytest.raises(ProtocolError) as refused:
        decode_client(b" " * (MAX_FRAME + 1))
    assert refused.value.code == "too_large"


@pytest.mark.parametrize(
    "data",
    [
        {"type": "welcome", "name": "Ana"},
        {"type": "lobby", "players": "Ana"},
        {"type": "question", "round": 1},
        {"type": "ack", "round": "1", "seconds": 1},
        {"type": "reveal", "round": 1},
        {"type": "paused"},
        {"type": "over", "standings": [{"name": "Ana"}]},
        {"type": "error", "code": 1, "message": "x"},
        {"type": "bye"},
    ],
    ids=lambda d: str(d["type"]),
)
def test_malformed_host_messages_are_refused_by_the_client(data: dict[str, object]) -> None:
    with pytest.raises(ProtocolError):
        decode_host(json.dumps(data))
