"""The primitives for reading facts data: shapes, values and sources, each problem at its data path.

Problems are the pack checker's `Issue` records (`core.packs.issues`): a path, a code, a message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from quizgame.core.generate.facts import Fact
from quizgame.core.packs.ids import FACTS_ID_PUNCTUATION, id_problem
from quizgame.core.packs.issues import Checker, Code, Key, Missing, Path, is_number, kind_of
from quizgame.core.packs.model import Difficulty, Spoiler

T = TypeVar("T")
# How one field of a facts mapping is read: from the mapping, at its path, by its name.
FieldRead = Callable[[Mapping[str, Any], Path, str], Any]


def show_path(path: Iterable[Any]) -> str:
    """`('cast', 2, 'person')` as `cast[2].person`."""
    out = ""
    for step in path:
        if isinstance(step, Missing):
            continue  # a missing field is told at the mapping that lacks it
        name = step.name if isinstance(step, Key) else step
        out += f"[{name}]" if isinstance(name, int) else (f".{name}" if out else str(name))
    return out or "(top)"


class Reader(Checker):
    """Turns raw facts data into `Facts`, collecting issues (path, code, message) as the pack
    checker does."""

    def __init__(self) -> None:
        super().__init__()
        self.source_names: set[str] = set()

    # --- shapes ---------------------------------------------------------------------------

    def section(
        self, raw: Any, path: Path, fields: Mapping[str, FieldRead], lenient: bool = False
    ) -> dict[str, Any] | None:
        """The mapping `raw` read by its description `fields`: each field's name and how it is
        read, in reading order. A field not described is reported; None if `raw` is not a
        mapping (`lenient`: its fields are read as absent instead)."""
        data = self.mapping(raw, path, set(fields))
        if data is None:
            if not lenient:
                return None
            data = {}
        return {name: read(data, path, name) for name, read in fields.items()}

    def mapping(self, value: Any, path: Path, allowed: set[str]) -> dict[str, Any] | None:
        """`value` if it is a mapping, each field not in `allowed` reported. A mapping that may
        cite a source may also give its exact words (`quote:`, see `quote`)."""
        if "source" in allowed:
            allowed = allowed | {"quote"}
        if not isinstance(value, dict):
            self.error(
                path, Code.WRONG_KIND, f"should be a mapping of fields, not {kind_of(value)}"
            )
            return None
        for key in value:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.error(
                    (*path, Key(key)), Code.UNKNOWN_FIELD, f"unknown field '{key}' (known: {known})"
                )
        return value

    def items(self, data: Mapping[str, Any], path: Path, name: str) -> list[tuple[Path, Any]]:
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error((*path, name), Code.WRONG_KIND, f"should be a list, not {kind_of(value)}")
            return []
        return [((*path, name, i), item) for i, item in enumerate(value)]

    def text(self, data: Mapping[str, Any], path: Path, name: str, required: bool = False) -> str:
        value = data.get(name)
        if value is None:
            if required:
                self.missing(path, name)
            return ""
        if is_number(value):
            return str(value)
        if not isinstance(value, str) or not value.strip():
            self.error(
                (*path, name), Code.WRONG_KIND, f"should be non-empty text, not {kind_of(value)}"
            )
            return ""
        return " ".join(value.split())

    def texts(self, data: Mapping[str, Any], path: Path, name: str) -> tuple[str, ...]:
        value = data.get(name)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.error((*path, name), Code.WRONG_KIND, "should be a list of text")
            return ()
        return tuple(" ".join(v.split()) for v in value)

    def slug(self, data: Mapping[str, Any], path: Path, name: str = "id") -> str:
        value = self.text(data, path, name, required=True)
        problem = id_problem(value, punctuation=FACTS_ID_PUNCTUATION) if value else None
        if problem:
            self.error((*path, name), Code.NOT_AN_ID, problem)
        return value

    def flag(self, data: Mapping[str, Any], path: Path, name: str) -> bool:
        value = data.get(name, False)
        if not isinstance(value, bool):
            self.error(
                (*path, name), Code.WRONG_KIND, f"should be true or false, not {kind_of(value)}"
            )
            return False
        return value

    def choice(self, data: Mapping[str, Any], path: Path, name: str, options: Iterable[str]) -> Any:
        value = data.get(name)
        options = list(options)
        if value is not None and value not in options:
            self.error(
                (*path, name), Code.BAD_VALUE, f"'{value}' is not one of: {', '.join(options)}"
            )
            return None
        return value

    def spoiler(self, data: Mapping[str, Any], path: Path, name: str = "spoiler") -> Spoiler:
        value = self.choice(data, path, name, [s.value for s in Spoiler])
        return Spoiler(value) if value else Spoiler.NONE

    def difficulty(
        self, data: Mapping[str, Any], path: Path, name: str = "difficulty"
    ) -> Difficulty | None:
        value = self.choice(data, path, name, [d.value for d in Difficulty])
        return Difficulty(value) if value else None

    def sources(
        self,
        data: Mapping[str, Any],
        path: Path,
        field: str = "source",
        inherited: tuple[str, ...] = (),
    ) -> tuple[str, ...]:
        names = self.texts(data, path, field)
        if not names:
            if not inherited:
                self.error(
                    (*path, Missing(field)),
                    Code.MISSING,
                    "no source: cite a seed file with 'source:' (one listed under 'sources')",
                )
            return inherited
        for i, name in enumerate(names):
            if name not in self.source_names:
                where = (*path, field, i) if isinstance(data.get(field), list) else (*path, field)
                self.error(
                    where, Code.UNKNOWN_REFERENCE, f"source '{name}' is not listed under 'sources'"
                )
        return names

    def quote(self, data: Mapping[str, Any], path: Path) -> str | None:
        """The exact words of its source a fact gives (`quote:`, text or a list of text), as one
        text (parts joined by " … "); None if it gives none. `quizgame facts check` verifies
        them against the source files."""
        parts = self.texts(data, path, "quote")
        return " … ".join(parts) if parts else None

    def fact(
        self,
        data: Mapping[str, Any],
        path: Path,
        name: str,
        convert: Callable[[Any, Path], T | None],
        inherited: tuple[str, ...] = (),
        extra: Iterable[str] = (),
    ) -> Fact[T] | None:
        """The field `name` of `data` as a fact (see `fact_at`), or None if it is absent."""
        raw = data.get(name)
        if raw is None:
            return None
        return self.fact_at(raw, (*path, name), convert, inherited, extra)

    def fact_at(
        self,
        raw: Any,
        where: Path,
        convert: Callable[[Any, Path], T | None],
        inherited: tuple[str, ...] = (),
        extra: Iterable[str] = (),
    ) -> Fact[T] | None:
        """A fact written `{value: ..., source: ...}`, or bare when a source is inherited.

        A text fact may list `accept:`, other wordings a typed answer may give.
        """
        if not isinstance(raw, dict):
            raw = {"value": raw}
            value_path = where
        else:
            value_path = (*where, "value")
            if "disputed" in raw:
                self.error(
                    where,
                    Code.BAD_VALUE,
                    "this field cannot be disputed; list it under 'disagreements'",
                )
                return None
        is_text = convert in (self.to_text, self.to_texts)
        allowed = {"value", "source", "note", *extra, *(("accept",) if is_text else ())}
        fields = self.mapping(raw, where, allowed)
        if fields is None:
            return None
        if fields.get("value") is None:
            self.missing(where, "value", "leave a blank fact out, do not write null")
            return None
        value = convert(fields["value"], value_path)
        sources = self.sources(fields, where, inherited=inherited)
        note = self.text(fields, where, "note") or None
        accept = self.texts(fields, where, "accept")
        quote = self.quote(fields, where)
        return None if value is None else Fact(value, sources, note, accept, quote)

    # --- value converters ---------------------------------------------------------------------

    def to_text(self, value: Any, path: Path) -> str | None:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
        if is_number(value):
            return str(value)
        self.error(path, Code.WRONG_KIND, f"should be text, not {kind_of(value)}")
        return None

    def to_int(self, value: Any, path: Path) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
        self.error(
            path,
            Code.BAD_VALUE,
            f"should be a whole number above 0, not {kind_of(value)} '{value}'",
        )
        return None

    def to_number(self, value: Any, path: Path) -> float | None:
        if is_number(value) and value >= 0:
            return float(value)
        self.error(
            path, Code.BAD_VALUE, f"should be a number (0 or more), not {kind_of(value)} '{value}'"
        )
        return None

    def to_bool(self, value: Any, path: Path) -> bool | None:
        if isinstance(value, bool):
            return value
        self.error(path, Code.WRONG_KIND, f"should be true or false, not {kind_of(value)}")
        return None

    def to_texts(self, value: Any, path: Path) -> tuple[str, ...] | None:
        if isinstance(value, str):
            value = [value]
        if (
            isinstance(value, list)
            and value
            and all(isinstance(v, str) and v.strip() for v in value)
        ):
            return tuple(value)
        self.error(path, Code.WRONG_KIND, "should be a list of text")
        return None


def ignored(data: Mapping[str, Any], path: Path, name: str) -> None:
    """A field kept for people (a note), never read."""


def unique_ids(reader: Reader, entries: Iterable[tuple[Path, str]], what: str) -> None:
    seen: set[str] = set()
    for path, ident in entries:
        if ident and ident in seen:
            reader.error((*path, "id"), Code.DUPLICATE, f"{what} id '{ident}' is used twice")
        seen.add(ident)
