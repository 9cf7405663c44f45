"""The last check of each pack file, kept so that checking it again unchanged (`quizgame
validate` in a pre-commit hook, CI, an editor on save) prints the same report without loading
the YAML reader and the checker (~50 ms of a ~110 ms run).

A check is kept in `checks.json` in the cache folder, by the file's absolute path, with the
file's size, modification and change times, inode and device as `os.stat` gives them, taken
before the file is read. It is reused only while those figures are the same and the code that
checked it is too: the index holds the size and modification time of every module of quizgame
and PyYAML that was loaded when it was written, and any change to one (an upgrade, an edited
rule) drops every kept check. What is kept is the report itself (each problem's text after the
file name, its JSON fields, the question count), so a reused check prints exactly what the
check printed, under the name the file is given now. A missing, damaged, oversized or foreign
index is a miss, never an error; failing to write one only costs speed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from quizgame.core.packs.cache_index import code_now, read_index, same_code, write_index

if TYPE_CHECKING:
    from quizgame.core.packs.read import LoadResult

INDEX_NAME = "checks.json"
INDEX_FORMAT = 1
MAX_INDEX_BYTES = 8 * 1024 * 1024
MAX_FILES = 256  # checks kept; the oldest is dropped first
# A problem's JSON fields after "file", in `read.Problem.to_dict`'s order.
FIELDS = ["line", "col", "severity", "code", "path", "message"]


class CheckedProblem(NamedTuple):
    """One problem as a report shows it: `file + after_name`, and in JSON `as_dict()`."""

    is_error: bool
    file: str  # the file's name as it was given (a kept check: as it is given now)
    after_name: str  # `str(problem)` after the file name: ":line:col: message"
    fields: dict[str, Any]  # `problem.to_dict()` without "file", in its order

    def as_dict(self) -> dict[str, Any]:
        """`problem.to_dict()`."""
        return {"file": self.file, **self.fields}


class CheckedFile(NamedTuple):
    """One pack file's check as `quizgame validate` reports it."""

    ok: bool  # the pack can be played (it may still have warnings)
    questions: int
    problems: tuple[CheckedProblem, ...]

    @property
    def has_warnings(self) -> bool:
        return any(not p.is_error for p in self.problems)


def checked(result: LoadResult) -> CheckedFile:
    """A loaded file's report."""
    problems = []
    for problem in result.problems:
        fields = problem.to_dict()
        del fields["file"]
        after_name = str(problem).removeprefix(problem.file)  # `file:line:col: ...`
        problems.append(CheckedProblem(problem.is_error, problem.file, after_name, fields))
    questions = len(result.pack.questions) if result.pack is not None else 0
    return CheckedFile(result.pack is not None, questions, tuple(problems))


class KeptChecks:
    """The kept checks of one cache folder: `recall` one, `keep` new ones, then `save`."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / INDEX_NAME
        data = read_index(self.path, INDEX_FORMAT, MAX_INDEX_BYTES)
        code, files = data.get("code"), data.get("files")
        self._code: list[Any] = []
        self._files: dict[str, Any] = {}
        if isinstance(code, list) and isinstance(files, dict) and same_code(code):
            self._code, self._files = code, files
        self._changed = False

    def recall(self, path: Path, found: list[int] | None) -> CheckedFile | None:
        """The kept check of `path` if its figures are still `found`, its problems under the
        name `path` is given now; else None."""
        entry = self._files.get(os.path.abspath(path))
        if found is None or not isinstance(entry, dict) or entry.get("figures") != found:
            return None
        return _from_json(entry.get("check"), str(path))

    def keep(self, path: Path, found: list[int] | None, check: CheckedFile) -> None:
        """Keep `check` of `path`, whose figures were `found` before it was read (not if a
        problem names another file: it could not be shown under another name)."""
        if found is None or any(p.file != str(path) for p in check.problems):
            return
        key = os.path.abspath(path)
        self._files.pop(key, None)  # the latest last: the oldest is the first dropped
        self._files[key] = {"figures": found, "check": _to_json(check)}
        self._changed = True

    def save(self) -> None:
        """Write the index if a check was kept, with the code loaded now as its fingerprint."""
        if not self._changed:
            return
        files = dict(list(self._files.items())[-MAX_FILES:])
        data = {"code": code_now(self._code), "files": files}
        write_index(self.path, INDEX_FORMAT, MAX_INDEX_BYTES, data)


def _to_json(check: CheckedFile) -> list[Any]:
    problems = [[p.is_error, p.after_name, p.fields] for p in check.problems]
    return [check.ok, check.questions, problems]


def _from_json(data: Any, name: str) -> CheckedFile | None:
    """A kept check, or None if it is not what `_to_json` writes."""
    if not (isinstance(data, list) and len(data) == 3):
        return None
    ok, questions, rows = data
    if type(ok) is not bool or type(questions) is not int or not isinstance(rows, list):
        return None
    problems = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == 3):
            return None
        is_error, after_name, fields = row
        if type(is_error) is not bool or not isinstance(after_name, str):
            return None
        if not isinstance(fields, dict) or list(fields) != FIELDS:
            return None
        problems.append(CheckedProblem(is_error, name, after_name, fields))
    return CheckedFile(ok, questions, tuple(problems))
