"""Loading packs from files: read, validate, report every problem as `file:line:col: message`.

Errors are rare, so the fast path reads without positions; a file with problems is composed a
second time to find where each one is. Valid packs can be cached (see `cache`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgame.core.packs.limits import MAX_FILE_BYTES
from quizgame.core.packs.listing import PACK_SUFFIXES as PACK_SUFFIXES  # here before: kept
from quizgame.core.packs.listing import pack_files as pack_files
from quizgame.core.packs.model import Pack

if TYPE_CHECKING:
    from quizgame.core.packs.issues import Code


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a pack file: where it is, what it is, and the message for people.

    `line` and `col` are 1-based. `code` is one of `issues.Code`'s values; `path` is where in
    the data, JSON-safe (see `json_path`), empty for a problem with the file as a whole. Code
    reads the code and the path, never the message.
    """

    file: str
    line: int
    col: int
    message: str
    severity: str = "error"
    code: str = field(kw_only=True)
    path: tuple[Any, ...] = field(default=(), kw_only=True)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        label = "" if self.is_error else "warning: "
        return f"{self.file}:{self.line}:{self.col}: {label}{self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The problem as JSON-safe data (`quizgame validate --format json`, the cache)."""
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "path": list(self.path),
            "message": self.message,
        }


@dataclass
class LoadResult:
    """What loading one file gave: the pack (None when it has errors) and every problem."""

    path: Path
    pack: Pack | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.pack is not None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]


class PackLoadError(Exception):
    """Raised by `require_pack` when a pack cannot be used; the message lists every error."""

    def __init__(self, result: LoadResult) -> None:
        super().__init__("\n".join(str(p) for p in result.errors))
        self.result = result


def load_pack(path: str | os.PathLike[str], *, cache_dir: Path | None = None) -> LoadResult:
    """Load and validate the pack at `path`; never raises for bad input.

    Even a bug met while checking this one file is reported as its problem (code
    `check-failed`), so that one pack never hides the others.
    """
    path = Path(path)
    try:
        return _load(path, str(path), cache_dir)
    except Exception as exc:  # a bug: this pack is left out, the command and the others go on
        return _check_failed(path, str(path), exc)


def _check_failed(path: Path, name: str, exc: Exception) -> LoadResult:
    from quizgame.core.packs.issues import Code  # imported here, as in `_load_bytes`

    message = f"checking this pack failed (a bug in quizgame): {type(exc).__name__}: {exc}"
    return _failed(path, name, Code.CHECK_FAILED, message[:300])


def _load(path: Path, name: str, cache_dir: Path | None) -> LoadResult:
    try:
        size = path.stat().st_size
        if size <= MAX_FILE_BYTES:
            raw = _read_bounded(path, size)
            size = max(size, len(raw))
        if size > MAX_FILE_BYTES:
            return _unreadable(path, name, size)
    except OSError as exc:
        return _unreadable(path, name, exc)

    if cache_dir is None:
        return _load_bytes(raw, path, name)
    # Imported here: `validate` reads no cache, and msgspec with LZ4 costs ~15 ms to import.
    from quizgame.core.packs import cache

    file_digest = cache.digest(raw)
    cached = cache.get(cache_dir, path, file_digest, len(raw))
    if cached is not None:
        pack, problems = cached
        return LoadResult(path, pack, [_from_dict(p) for p in problems])
    result = _load_bytes(raw, path, name)
    # A pack with errors is cached too: a broken pack is not parsed again at every start.
    problems = [p.to_dict() for p in result.problems]
    cache.put(cache_dir, path, file_digest, len(raw), result.pack, problems)
    return result


def _read_bounded(path: Path, size: int) -> bytes:
    """The file's bytes, stopping one past the limit even if `size` lied (a pipe, a device)."""
    with path.open("rb") as handle:
        raw = handle.read(size + 1)  # not the limit itself: read(n) allocates n bytes up front
        if len(raw) <= size:
            return raw
        chunks, total = [raw], len(raw)
        while total <= MAX_FILE_BYTES:
            chunk = handle.read(min(1 << 20, MAX_FILE_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def load_pack_text(text: str, name: str = "<pack>") -> LoadResult:
    """Load a pack from YAML text (the editor and importers use this); never raises."""
    try:
        return _load_bytes(text.encode("utf-8", errors="surrogatepass"), Path(name), name)
    except Exception as exc:  # as in `load_pack`
        return _check_failed(Path(name), name, exc)


def require_pack(path: str | os.PathLike[str], *, cache_dir: Path | None = None) -> Pack:
    """Load a pack or raise `PackLoadError` listing its errors."""
    result = load_pack(path, cache_dir=cache_dir)
    if result.pack is None:
        raise PackLoadError(result)
    return result.pack


def _failed(
    path: Path, name: str, code: Code, message: str, line: int = 1, col: int = 1
) -> LoadResult:
    return LoadResult(path, None, [Problem(name, line, col, message, code=code.value)])


def _unreadable(path: Path, name: str, why: OSError | int) -> LoadResult:
    """The file cannot be read (`why`), or is `why` bytes, too large to be a pack."""
    from quizgame.core.packs.issues import Code  # imported here, as in `_load_bytes`

    if isinstance(why, int):
        message = f"the file is {why:,} bytes, more than the {MAX_FILE_BYTES:,} a pack may be"
        return _failed(path, name, Code.TOO_LARGE, message)
    if isinstance(why, IsADirectoryError):
        return _failed(path, name, Code.UNREADABLE, "this is a folder, not a pack file")
    message = f"cannot read the file: {why.strerror or why}"
    return _failed(path, name, Code.UNREADABLE, message)


def _from_dict(data: dict[str, Any]) -> Problem:
    return Problem(**{**data, "path": tuple(data["path"])})


def json_path(path: Iterable[Any]) -> tuple[Any, ...]:
    """A data path (`issues.Issue.path`) as JSON-safe steps.

    A step is a mapping key (text, or a number as the file wrote it) or a list index; the last
    may be `{"key": name}` (the problem is the key itself) or `{"missing": name}` (the field is
    not there; the position is its mapping's).
    """
    from quizgame.core.packs.issues import Key, Missing

    steps: list[Any] = []
    for step in path:
        if isinstance(step, Key):
            steps.append({"key": _json_step(step.name)})
        elif isinstance(step, Missing):
            steps.append({"missing": step.name})
        else:
            steps.append(_json_step(step))
    return tuple(steps)


def _json_step(step: Any) -> Any:
    if step is None or isinstance(step, bool):
        return step
    if isinstance(step, str):
        return str(step)
    if isinstance(step, int):
        return int(step)  # a key such as `007:` as the number it is (`WrittenInt` is an int)
    if isinstance(step, float) and math.isfinite(step):
        return float(step)
    return str(step)


def _load_bytes(raw: bytes, path: Path, name: str) -> LoadResult:
    # Imported here: a load served from the cache never needs the YAML reader or validator.
    from quizgame.core.packs.check import check_pack_data
    from quizgame.core.packs.issues import Checker, Code, Key
    from quizgame.core.packs.yaml_reader import Duplicate, YamlProblem, byte_position, read_data

    if not raw.strip():
        message = "the file is empty; a pack needs an id, a title and questions"
        return _failed(path, name, Code.EMPTY_FILE, message)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = byte_position(raw, exc.start)
        message = f"the file is not valid UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded"
        return _failed(path, name, Code.NOT_UTF8, message, line, col)
    duplicates: list[Duplicate] = []
    controls: list[tuple[Any, ...]] = []
    try:
        data = read_data(text, duplicates, controls)
    except YamlProblem as exc:
        return _failed(path, name, Code.YAML, exc.message, exc.line, exc.col)

    check = Checker()
    pack = check_pack_data(check, data, default_id=path.stem)
    for dup in duplicates:
        message = f"the key '{dup.key}' is given twice"
        check.error((*dup.path, Key(dup.key)), Code.DUPLICATE, message)
    for where in controls:
        message = "this text holds control characters (terminal escapes); they are not shown"
        check.warn(where, Code.CONTROL_CHARACTERS, message)
    del data, duplicates, controls
    if not check.issues:
        return LoadResult(path, _with_path(pack, path))

    from quizgame.core.packs.positions import locate_all  # only a pack with problems needs it

    issues = check.issues
    places = locate_all(text, [issue.path for issue in issues])
    problems = [
        Problem(
            name,
            line,
            col,
            issue.message,
            issue.severity,
            code=issue.code.value,
            path=json_path(issue.path),
        )
        for issue, (line, col) in zip(issues, places, strict=True)
    ]
    problems.sort(key=lambda p: (p.line, p.col))
    more = check.more()
    if more is not None:  # after the others, at the end of the file
        line = text.count("\n") + 1
        problems.append(Problem(name, line, 1, more.message, more.severity, code=more.code.value))
    has_errors = check.errors > 0
    return LoadResult(path, None if has_errors else _with_path(pack, path), problems)


def _with_path(pack: Pack | None, path: Path) -> Pack | None:
    if pack is None:
        return None
    # Pack is frozen; the path is set once here rather than threaded through validation.
    object.__setattr__(pack, "path", path)
    return pack


# --- finding packs -------------------------------------------------------------------------


def discover_packs(folders: Iterable[Path], *, cache_dir: Path | None = None) -> list[LoadResult]:
    """Load every pack in `folders`; a broken pack is reported in its result, never raised.

    A pack id found twice is an error on the later file, which is left out of play.
    """
    results: list[LoadResult] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        for path in pack_files(folder):
            result = load_pack(path, cache_dir=cache_dir)
            pack = result.pack
            if pack is not None:
                first = seen.get(pack.id)
                if first is not None and first.resolve() != path.resolve():
                    clash = _clash(path, pack.id, first)
                    result = LoadResult(path, None, [*result.problems, clash])
                else:
                    seen[pack.id] = path
            results.append(result)
    return results


def _clash(path: Path, pack_id: str, first: Path) -> Problem:
    from quizgame.core.packs.issues import Code  # imported here, as in `_load_bytes`

    message = f"pack id '{pack_id}' is already used by {first}"
    return Problem(str(path), 1, 1, message, code=Code.DUPLICATE.value, path=("id",))
