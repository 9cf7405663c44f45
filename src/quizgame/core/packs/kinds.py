"""The kinds of value a pack field holds: how each is checked, described in JSON Schema and written.

A kind reads one field of a mapping, reports what is wrong with it as issues at its path, and
gives the value the model keeps (None when the field is absent or unusable). Which fields a
question has, and of which kind, is described once in `questions`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from quizgame.core.packs.issues import Checker, Code, Key, Path, is_number, kind_of, quote
from quizgame.core.text import fold_lookalikes

# Text may be written as a number (`category: 2021`); a string must not be blank where required.
TEXT_SCHEMA: dict[str, Any] = {"type": ["string", "number"], "pattern": r"\S"}
OPTIONAL_TEXT_SCHEMA: dict[str, Any] = {"type": ["string", "number", "null"]}
ITEM_SCHEMA: dict[str, Any] = {"type": ["string", "number"], "pattern": r"\S"}


def plain_number(value: float) -> int | float:
    """`3.0` as `3`, for writing."""
    return int(value) if value == int(value) else value


def words_or(values: Iterable[str]) -> str:
    """`a, b or c`."""
    values = list(values)
    return ", ".join(values[:-1]) + f" or {values[-1]}" if len(values) > 1 else "".join(values)


class Kind(ABC):
    """One kind of field value: how it is read, described and written; whether a field of it
    is `required`, and the pack value that means the same as leaving it out (`default`)."""

    @property
    def required(self) -> bool:
        return False

    @property
    def default(self) -> Any:
        return None

    @abstractmethod
    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> Any:
        """Field `name` of `data` (at `path`) as the model keeps it; issues go to `check`."""

    @abstractmethod
    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the field's value."""

    def write(self, value: Any) -> Any:
        """The value as pack data; None leaves the field out (it is at its default)."""
        return value or None


@dataclass(frozen=True)
class Text(Kind):
    """Text (a number written there is its text); `required` text may not be blank, and text
    absent or empty is `default`."""

    required: bool = False
    default: str | None = None

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> str | None:
        value = data.get(name)
        if value is None:
            if self.required:
                check.missing(path, name, "expected text")
            return self.default
        if isinstance(value, str):
            if self.required and not value.strip():
                check.error((*path, name), Code.EMPTY, f"'{name}' is empty")
            return value if value or self.default is None else self.default
        if is_number(value):
            return str(value)  # `category: 2021` means the text "2021"
        check.error(
            (*path, name), Code.WRONG_KIND, f"'{name}' should be text, not {kind_of(value)}"
        )
        return None

    def schema(self) -> dict[str, Any]:
        return dict(TEXT_SCHEMA if self.required else OPTIONAL_TEXT_SCHEMA)


@dataclass(frozen=True)
class TextList(Kind):
    """A list of distinct text (ignoring case, and told apart only by what shows: see
    `text.fold_lookalikes`), `minimum` to `maximum` long; `noun` names them."""

    noun: str
    minimum: int = 0
    maximum: int | None = None

    @property
    def required(self) -> bool:
        return self.minimum > 0

    @property
    def default(self) -> Any:
        return None if self.minimum else ()

    def read(
        self, check: Checker, data: dict[str, Any], path: Path, name: str
    ) -> tuple[str, ...] | None:
        """The list at `name`; returned even when wrong, so later rules still run."""
        value = data.get(name)
        minimum, noun = self.minimum, self.noun
        if value is None:
            if minimum:
                check.missing(path, name, f"expected a list of {minimum}+ {noun}")
            return None if minimum else ()
        if not isinstance(value, list):
            message = f"'{name}' should be a list of {noun}, not {kind_of(value)}"
            check.error((*path, name), Code.WRONG_KIND, message)
            return None
        out: list[str] = []
        seen: set[str] = set()
        for i, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                message = f"{noun} should be text, not {kind_of(item)}"
                check.error((*path, name, i), Code.WRONG_KIND, message)
                continue
            text = str(item)
            folded = fold_lookalikes(text).strip()
            if not folded:
                one = noun[:-1] if noun.endswith("s") else noun
                check.error((*path, name, i), Code.EMPTY, f"empty {one}")
            folded = folded.casefold()
            if folded in seen:
                message = f"duplicate {noun[:-1]} {quote(text)}"
                check.error((*path, name, i), Code.DUPLICATE, message)
            seen.add(folded)
            out.append(text)
        if len(value) < minimum:
            message = f"too few {noun}: {len(value)}, at least {minimum} needed"
            check.error((*path, name), Code.TOO_FEW, message)
        if self.maximum is not None and len(out) > self.maximum:
            message = f"too many {noun}: {len(out)}, at most {self.maximum}"
            check.error((*path, name), Code.TOO_MANY, message)
        return tuple(out)

    def schema(self) -> dict[str, Any]:
        if not self.minimum:
            return {"type": ["array", "null"], "items": ITEM_SCHEMA}
        out: dict[str, Any] = {"type": "array", "minItems": self.minimum}
        if self.maximum is not None:
            out["maxItems"] = self.maximum
        return {**out, "items": ITEM_SCHEMA}

    def write(self, value: Any) -> Any:
        return list(value) if value else None


@dataclass(frozen=True)
class OneOf(Kind):
    """One of an enumeration's values; absent means `fallback`."""

    enum: type[Enum]
    fallback: Enum
    members: dict[Any, Enum] = field(init=False, default_factory=dict)

    @property
    def default(self) -> Any:
        return self.fallback.value

    def __post_init__(self) -> None:
        self.members.update((member.value, member) for member in self.enum)

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> Any:
        raw = data.get(name)
        if raw is None:
            return self.fallback
        found = self.members.get(raw) if isinstance(raw, str) else None
        if found is not None:
            return found
        allowed = words_or(str(m.value) for m in self.enum)
        check.error((*path, name), Code.BAD_VALUE, f"{name} {quote(raw)} should be {allowed}")
        return None

    def schema(self) -> dict[str, Any]:
        return {"enum": [*(m.value for m in self.enum), None]}

    def write(self, value: Any) -> Any:
        return None if value is self.fallback else value.value


@dataclass(frozen=True)
class Seconds(Kind):
    """A number of seconds above 0, or nothing."""

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> float | None:
        value = data.get(name)
        if value is None:
            return None
        if not is_number(value) or value <= 0:
            message = f"{name} should be a number of seconds above 0, not {quote(value)}"
            check.error((*path, name), Code.BAD_VALUE, message)
            return None
        return float(value)

    def schema(self) -> dict[str, Any]:
        return {"type": ["number", "null"], "exclusiveMinimum": 0}

    def write(self, value: Any) -> Any:
        return None if value is None else plain_number(value)


@dataclass(frozen=True)
class Groups(Kind):
    """One text, or a list of 1+ texts."""

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> tuple[str, ...]:
        if isinstance(data.get(name), list):
            return _GROUP_LIST.read(check, data, path, name) or ()
        group = _GROUP.read(check, data, path, name)
        return (group,) if group else ()

    def schema(self) -> dict[str, Any]:
        many = {"type": "array", "minItems": 1, "items": ITEM_SCHEMA}
        return {"anyOf": [OPTIONAL_TEXT_SCHEMA, many]}

    def write(self, value: Any) -> Any:
        if not value:
            return None
        return value[0] if len(value) == 1 else list(value)


@dataclass(frozen=True)
class AnswerText(Kind):
    """A required, non-blank text answer (nothing written counts as missing)."""

    @property
    def required(self) -> bool:
        return True

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> str | None:
        answer = data.get(name)
        if answer is None:
            check.missing(path, name, "expected text")
            return None
        if isinstance(answer, bool) or not isinstance(answer, str | int | float):
            check.error(
                (*path, name), Code.WRONG_KIND, f"{name} should be text, not {kind_of(answer)}"
            )
            return None
        text = str(answer)
        if not text.strip():
            check.error((*path, name), Code.EMPTY, f"{name} is empty")
            return None
        return text

    def schema(self) -> dict[str, Any]:
        return dict(TEXT_SCHEMA)


@dataclass(frozen=True)
class AnswerBool(Kind):
    """A required true or false."""

    @property
    def required(self) -> bool:
        return True

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> Any:
        answer = data.get(name)
        if name not in data:
            check.missing(path, name, "expected true or false")
        elif not isinstance(answer, bool):
            message = f"{name} should be true or false, not {quote(answer)}"
            check.error((*path, name), Code.WRONG_KIND, message)
        return answer

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def write(self, value: Any) -> Any:
        return bool(value)


@dataclass(frozen=True)
class AnswerNumber(Kind):
    """A required number."""

    @property
    def required(self) -> bool:
        return True

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> float | None:
        number: Any = data.get(name)
        if name not in data:
            check.missing(path, name, "expected a number")
        elif not is_number(number):
            check.error(
                (*path, name), Code.WRONG_KIND, f"{name} should be a number, not {quote(number)}"
            )
        return float(number) if is_number(number) else None

    def schema(self) -> dict[str, Any]:
        return {"type": "number"}

    def write(self, value: Any) -> Any:
        return plain_number(value)


@dataclass(frozen=True)
class Amount(Kind):
    """A number of 0 or more; absent means 0."""

    @property
    def default(self) -> Any:
        return 0

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> float:
        amount = data.get(name, 0)
        if not is_number(amount):
            check.error(
                (*path, name), Code.WRONG_KIND, f"{name} should be a number, not {quote(amount)}"
            )
            amount = 0
        elif amount < 0:
            check.error((*path, name), Code.BAD_VALUE, f"{name} should be 0 or more, not {amount}")
        return float(amount)

    def schema(self) -> dict[str, Any]:
        return {"type": "number", "minimum": 0}

    def write(self, value: Any) -> Any:
        return plain_number(value) if value else None


@dataclass(frozen=True)
class Pairs(Kind):
    """A mapping of `minimum` to `maximum` distinct left sides to distinct right sides (told
    apart as `TextList` tells its items apart)."""

    @property
    def required(self) -> bool:
        return True

    minimum: int = 2
    maximum: int | None = None

    def read(
        self, check: Checker, data: dict[str, Any], path: Path, name: str
    ) -> tuple[tuple[str, str], ...]:
        pairs = data.get(name)
        if pairs is None:
            check.missing(path, name, f"expected a mapping of {self.minimum}+ left: right")
            return ()
        if not isinstance(pairs, dict):
            message = f"'{name}' should be a mapping of left: right, not {kind_of(pairs)}"
            check.error((*path, name), Code.WRONG_KIND, message)
            return ()
        out: list[tuple[str, str]] = []
        lefts: set[str] = set()
        rights: set[str] = set()
        for left, right in pairs.items():
            if isinstance(right, bool) or not isinstance(right, str | int | float):
                message = f"the match for {quote(left)} should be text, not {kind_of(right)}"
                check.error((*path, name, left), Code.WRONG_KIND, message)
                continue
            left_key = fold_lookalikes(str(left)).strip().casefold()
            if left_key in lefts:  # keys that differ only in what does not show
                message = f"duplicate left side {quote(left)}"
                check.error((*path, name, Key(left)), Code.DUPLICATE, message)
            lefts.add(left_key)
            right_key = fold_lookalikes(str(right)).strip().casefold()
            if right_key in rights:
                check.error(
                    (*path, name, left), Code.DUPLICATE, f"duplicate right side {quote(right)}"
                )
            rights.add(right_key)
            out.append((str(left), str(right)))
        if len(pairs) < self.minimum:
            message = f"too few pairs: {len(pairs)}, at least {self.minimum} needed"
            check.error((*path, name), Code.TOO_FEW, message)
        if self.maximum is not None and len(pairs) > self.maximum:
            message = f"too many pairs: {len(pairs)}, at most {self.maximum}"
            check.error((*path, name), Code.TOO_MANY, message)
        return tuple(out)

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "minProperties": self.minimum}
        if self.maximum is not None:
            out["maxProperties"] = self.maximum
        return {**out, "additionalProperties": {"type": ["string", "number"]}}

    def write(self, value: Any) -> Any:
        return dict(value)


_GROUP, _GROUP_LIST = Text(), TextList("groups", 1)
