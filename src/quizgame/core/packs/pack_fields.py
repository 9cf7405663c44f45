"""The pack's own fields, described once beside each question type's (`questions`): in pack
order, each with its kind (required or default), help, and the model attribute that holds it.

Read by the checker (`check`), `quizgame schema` (`schema`), the writer's key order (`write`),
the starter pack (`starter`) and the facts reader's `pack:` section (`generate.sections`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from quizgame.core.packs.fields import Field
from quizgame.core.packs.ids import id_pattern, id_problem, id_words
from quizgame.core.packs.issues import Checker, Code, Path, kind_of
from quizgame.core.packs.kinds import Kind, Text, TextList
from quizgame.core.packs.model import Pack

_ID_TEXT = Text(required=True)


@dataclass(frozen=True)
class PackId(Kind):
    """The pack's id: required text that keeps the id rule (`ids`)."""

    @property
    def required(self) -> bool:
        return True

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> str | None:
        pack_id = _ID_TEXT.read(check, data, path, name)
        problem = id_problem(pack_id, "pack id") if pack_id is not None else None
        if problem:
            check.error((*path, name), Code.NOT_AN_ID, problem)
        return pack_id

    def schema(self) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "string", "pattern": id_pattern()},
                {"type": "number", "minimum": 0},
            ]
        }

    def write(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Version(Kind):
    """A number or text; absent means 1. Always written."""

    @property
    def default(self) -> Any:
        return 1

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> int | str | None:
        version = data.get(name, self.default)
        if isinstance(version, bool) or not isinstance(version, int | str):
            message = f"'{name}' should be a number or text, not {kind_of(version)}"
            check.error((*path, name), Code.WRONG_KIND, message)
            return None
        return int(version) if isinstance(version, int) else version  # not a `WrittenInt`

    def schema(self) -> dict[str, Any]:
        return {"type": ["integer", "string"]}

    def write(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class QuestionList(Kind):
    """A list of 1+ questions, as written (each is read by its type's description in `check`)."""

    @property
    def required(self) -> bool:
        return True

    def read(self, check: Checker, data: dict[str, Any], path: Path, name: str) -> list[Any]:
        raw = data.get(name)
        if raw is None:
            check.missing(path, name, "expected a list of questions")
        elif not isinstance(raw, list):
            message = f"'{name}' should be a list, not {kind_of(raw)}"
            check.error((*path, name), Code.WRONG_KIND, message)
        elif not raw:
            check.error((*path, name), Code.TOO_FEW, "the pack has no questions")
        else:
            return raw
        return []

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/question"}}


PACK = (
    Field("id", PackId(), f"The pack's id, a slug: {id_words()}; unique among packs."),
    Field("title", Text(required=True), "The pack's name as players see it."),
    Field("description", Text(default=""), "What the pack is about."),
    Field("author", Text(default=""), "Who made the pack."),
    Field("version", Version(), "Bump it when you change the questions."),
    Field("language", Text(default="en"), "A language code such as en or es."),
    Field("license", Text(), "The licence of the questions, e.g. CC-BY-SA-4.0."),
    Field("attribution", Text(), "Who to credit for the questions."),
    Field("url", Text(), "Where the pack comes from."),
    Field("tags", TextList("tags"), "Free labels for the pack."),
    Field("questions", QuestionList(), "The questions: at least one."),
)
PACK_FIELDS = {f.name: f for f in PACK}
# The fields `Pack` has no attribute for: kept in `Pack.extra` (and written back), only in the
# shapes described, never a structure of any size an author might put there.
EXTRA_FIELDS = frozenset(f.name for f in PACK if f.attribute not in {a.name for a in fields(Pack)})
# The starter pack's example values for fields an author fills in (shown commented out).
PACK_EXAMPLE = {
    "description": "What this pack is about, in a sentence or two.",
    "author": "Your Name",
}
