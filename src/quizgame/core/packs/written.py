"""Numbers as the author wrote them: a plain YAML number keeps its text for fields that hold
text, and numbers are read as YAML 1.2 and JSON read them (`1e3`; `20:45` is text)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

# A number as YAML 1.2 and JSON write it (`1e3`, `6.022e23`), which YAML 1.1 reads as text.
_JSON_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NUMBER_STARTS = frozenset("0123456789+-.")


class WrittenInt(int):
    """An integer read from a plain YAML scalar; `str()` gives it as the author wrote it.

    A field holding text keeps `007` as "007" and `1_000` as "1_000", while a field holding a
    number reads 7 and 1000.
    """

    text: str

    def __new__(cls, number: int, text: str) -> WrittenInt:
        made = super().__new__(cls, number)
        made.text = text
        return made

    def __str__(self) -> str:
        return self.text

    def __getnewargs__(self) -> tuple[int, str]:  # type: ignore[override]  # copy, pickle
        return int(self), self.text


class WrittenFloat(float):
    """A float read from a plain YAML scalar; `str()` gives it as the author wrote it (`1e3`)."""

    text: str

    def __new__(cls, number: float, text: str) -> WrittenFloat:
        made = super().__new__(cls, number)
        made.text = text
        return made

    def __str__(self) -> str:
        return self.text

    def __getnewargs__(self) -> tuple[float, str]:  # type: ignore[override]  # copy, pickle
        return float(self), self.text


def json_number(value: str) -> Any:
    """A plain scalar YAML 1.1 reads as text: a `WrittenFloat` if YAML 1.2 and JSON read it as
    a number (`1e3`), else the text."""
    if value[:1] in _NUMBER_STARTS and _JSON_NUMBER.fullmatch(value):
        return WrittenFloat(float(value), value)
    return value


def implicit_number(value: str, tag: str, construct: Callable[[Any], Any]) -> Any:
    """A plain scalar YAML 1.1 reads as a number: the number, keeping its text; or the text
    itself where YAML 1.2 reads text (`20:45`, base 60 in YAML 1.1) or it is no number Python
    can hold (`0x_`, 5,000 digits)."""
    if ":" in value:
        return value
    try:
        number = construct(yaml.ScalarNode(tag, value))
    except (ValueError, ArithmeticError):
        return value
    if isinstance(number, int):
        return WrittenInt(number, value)
    return WrittenFloat(number, value)
