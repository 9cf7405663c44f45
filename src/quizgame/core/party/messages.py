"""The party protocol's messages: typed records, a schema check on every frame, one codec.

JSON over WebSocket, one message a frame, each an object whose `type` names its kind. Every
frame a client sends is decoded by `decode_client`, which checks it against the schema (kinds,
types, sizes, no unknown fields) and raises `ProtocolError` with one line saying what is wrong;
the server answers that with an `Error` frame, never a crash. `docs/protocol.md` lists them all.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

VERSION = 1  # the protocol's version; a client states it in `join`
MAX_FRAME = 16 * 1024  # bytes: the largest frame either side accepts
MAX_NAME = 20  # characters of a player's name, after cleaning
LISTED = 50  # players named in a lobby or final standings frame (the rest are counted)

Name = Annotated[str, msgspec.Meta(max_length=200)]
Short = Annotated[str, msgspec.Meta(max_length=1000)]
Pin = Annotated[str, msgspec.Meta(pattern=r"^[0-9]{6}$")]
Token = Annotated[str, msgspec.Meta(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
RoundNo = Annotated[int, msgspec.Meta(ge=1, le=100_000)]
Items = Annotated[list[Short], msgspec.Meta(max_length=50)]
Pairs = Annotated[dict[Short, Short], msgspec.Meta(max_length=50)]
Given = (
    str | bool | Items | Pairs
)  # choice/typed/numeric text, true/false, ordering or list, matching


class ProtocolError(Exception):
    """A frame that is not a valid message; `code` for programs, the text for people."""

    def __init__(self, message: str, code: str = "bad_message") -> None:
        super().__init__(message)
        self.code = code


class _Message(msgspec.Struct, tag_field="type", forbid_unknown_fields=True, omit_defaults=True):
    pass


# --- from a player to the host -----------------------------------------------------------------


class Join(_Message, tag="join"):
    """Enter the room (`token` rejoins as the player it was given to)."""

    pin: Pin
    name: Name
    v: int = VERSION
    token: Token | None = None


class Answer(_Message, tag="answer"):
    """The player's answer to round `round`."""

    round: RoundNo
    given: Given


class Leave(_Message, tag="leave"):
    """The player leaves for good (a dropped connection may rejoin; a left player may too)."""


ClientMessage = Join | Answer | Leave


# --- from the host to a player -----------------------------------------------------------------


class Standing(msgspec.Struct, forbid_unknown_fields=True):
    """One player's place: rank (1 = first), score, right answers, best streak, places moved."""

    rank: int
    name: str
    score: int
    correct: int
    answered: int
    best_streak: int
    move: int = 0  # places gained since the last question (negative: lost)


class SplitRow(msgspec.Struct, forbid_unknown_fields=True):
    """How many players gave one answer (a choice, or right / partly right / wrong / none)."""

    label: str
    count: int
    right: bool = False


class Welcome(_Message, tag="welcome"):
    """You are in: your name as the room knows it, your rejoin token, the game."""

    name: str
    token: str
    pack: str
    total: int
    v: int = VERSION


class Lobby(_Message, tag="lobby"):
    """Who is in the room so far: `count` players, the first `LISTED` of them by name (sent
    after changes before the game starts, at most a few times a second)."""

    players: list[str]
    count: int = 0


class Question(_Message, tag="question"):
    """Round `round` of `total`: answer within `time_limit` seconds of receiving this."""

    round: int
    total: int
    kind: str  # the question type: multiple_choice, true_false, typed, numeric, ordering, matching, list
    text: str
    time_limit: float
    points: int
    choices: list[str] = msgspec.field(default_factory=list)
    items: list[str] = msgspec.field(default_factory=list)
    lefts: list[str] = msgspec.field(default_factory=list)
    rights: list[str] = msgspec.field(default_factory=list)
    blanks: list[str] = msgspec.field(default_factory=list)  # list: each item's clue, or ""
    answered: bool = False  # a rejoining player who already answered this round


class Ack(_Message, tag="ack"):
    """Your answer to `round` is in, taken `seconds` after the question was sent."""

    round: int
    seconds: float


class Reveal(_Message, tag="reveal"):
    """The round is over: the right answer, your result, the split and the top five."""

    round: int
    answer: str
    verdict: str  # correct, partial, wrong, timed_out (no answer)
    points: int
    score: int
    rank: int
    split: list[SplitRow]
    top: list[Standing]


class Paused(_Message, tag="paused"):
    """The host paused (`paused` true) or went on; the clock stops meanwhile."""

    paused: bool


class Over(_Message, tag="over"):
    """The game is over: the best `LISTED` players' standings, best first (the first three are
    the podium), out of `count`, and `you`, the receiving player's own."""

    standings: list[Standing]
    count: int = 0
    you: Standing | None = None


class Error(_Message, tag="error"):
    """What was wrong with the last frame or request; `code` for programs."""

    code: str
    message: str


class Bye(_Message, tag="bye"):
    """The host closes this connection: `reason` is kicked, ended, or replaced (rejoined elsewhere)."""

    reason: str


HostMessage = Welcome | Lobby | Question | Ack | Reveal | Paused | Over | Error | Bye

_encoder = msgspec.json.Encoder()
_client_decoder = msgspec.json.Decoder(ClientMessage)
_host_decoder = msgspec.json.Decoder(HostMessage)


def encode(message: _Message) -> bytes:
    """A message as one JSON frame."""
    return _encoder.encode(message)


def _decode(decoder: msgspec.json.Decoder[Any], frame: str | bytes) -> Any:
    if len(frame) > MAX_FRAME:
        raise ProtocolError(
            f"frame too large ({len(frame)} bytes; at most {MAX_FRAME})", "too_large"
        )
    try:
        return decoder.decode(frame)
    except msgspec.ValidationError as exc:
        raise ProtocolError(str(exc)) from None
    except msgspec.DecodeError as exc:
        raise ProtocolError(f"not JSON: {exc}") from None


def decode_client(frame: str | bytes) -> ClientMessage:
    """A player's frame as its message; `ProtocolError` says what is wrong with it."""
    message: ClientMessage = _decode(_client_decoder, frame)
    return message


def decode_host(frame: str | bytes) -> HostMessage:
    """The host's frame as its message (a client checks what it is sent too)."""
    message: HostMessage = _decode(_host_decoder, frame)
    return message
