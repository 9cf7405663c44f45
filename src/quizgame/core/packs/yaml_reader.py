"""Safe, fast, bounded YAML reading for packs.

The fast path builds Python data straight from libyaml's event stream: no node graph is kept
(that graph is what makes a naive ``yaml.load`` slow and large), the garbage collector is paused
while the acyclic data is built, and only safe tags are accepted. Hostile input (alias bombs,
deep nesting, gigantic scalars or files) fails fast with a positioned error.

Positions are not tracked on the fast path. When validation finds a problem, `positions` reads
the file's events a second time (only for files with problems) to map data paths to line and
column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from quizgame.core.packs.gc_pause import gc_paused
from quizgame.core.packs.issues import Key
from quizgame.core.packs.pieces import PieceReader
from quizgame.core.packs.written import implicit_number, json_number
from quizgame.core.text import has_control_characters

try:  # the libyaml bindings; the pure-Python parser is the slow fallback
    from yaml._yaml import CParser as Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as Parser  # type: ignore[assignment]

MAX_SCALAR_CHARS = 100_000
MAX_DEPTH = 64
# Values built, counting each alias as the size of what it refers to. A 500,000-question pack
# is about 10 million; an alias bomb reaches this in a few lines.
MAX_VALUES = 50_000_000
# Characters of text built, counting each alias as the text it repeats: at most this many times
# the file's own length (plus a floor for small files). Without aliases the text built is never
# longer than the file; a pack reusing one long title through aliases would otherwise grow a
# few hundred kilobytes into gigabytes, and its cache with it.
EXPANSION_FACTOR = 4
EXPANSION_FLOOR = 1_000_000

# What libyaml says when its own nesting limit (1,000 levels, since 0.2.5) stops it.
_LIBYAML_DEPTH = "maximum nesting depth"
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
# A number as YAML 1.2 and JSON write it (`1e3`, `6.022e23`), which YAML 1.1 reads as text.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
# YAML 1.1 would turn a plain `2021-09-10` into a date and `=` into a "value" object; in a pack
# they are text, as an author writing an answer or a source name means them.
_IMPLICIT_TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}
_MERGE = "tag:yaml.org,2002:merge"
_SEQ_TAGS = {None, "!", "tag:yaml.org,2002:seq"}
_MAP_TAGS = {None, "!", "tag:yaml.org,2002:map"}
_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


class YamlProblem(Exception):
    """The file is not YAML we can read: `line` and `col` are 1-based."""

    def __init__(self, message: str, line: int = 1, col: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col


@dataclass
class Duplicate:
    """A mapping key given twice; the later value wins, as in PyYAML."""

    path: tuple[Any, ...]
    key: Any


def event_parser(text: str) -> Any:
    """A parser giving `text`'s YAML events (libyaml's when PyYAML has it); `dispose()` it."""
    return Parser(text)


def mark_position(mark: Any) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def scalar_value(event: Any) -> Any:
    value: str = event.value
    if len(value) > MAX_SCALAR_CHARS:
        line, col = mark_position(event.start_mark)
        raise YamlProblem(
            f"a text of {len(value):,} characters is longer than the {MAX_SCALAR_CHARS:,} allowed",
            line,
            col,
        )
    tag = event.tag
    if tag is None or tag == "!":
        if not event.implicit[0]:  # quoted, or tagged '!': always a string
            if event.style == '"' and _SURROGATE.search(value):
                line, col = mark_position(event.start_mark)
                raise YamlProblem(
                    "a text holds half of a UTF-16 pair (a lone surrogate)", line, col
                )
            return value
        for resolved, regexp in _RESOLVERS.get(value[:1], ()):
            if regexp.match(value):
                tag = resolved
                break
        else:
            return json_number(value)  # `1e3`: a number in YAML 1.2 and JSON
        if tag in _IMPLICIT_TEXT_TAGS:
            return value
        if tag in (_INT, _FLOAT):
            return implicit_number(value, tag, _construct)
        if tag == _MERGE:
            line, col = mark_position(event.start_mark)
            raise YamlProblem(
                "merge keys (<<) are not supported in a pack; write the fields out", line, col
            )
    if tag == _STR:
        return value
    if tag not in _SAFE_SCALAR_TAGS:
        line, col = mark_position(event.start_mark)
        raise YamlProblem(f"the tag {tag} is not allowed in a pack", line, col)
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark)
    try:
        return _construct(node)
    except (ValueError, KeyError, TypeError, ArithmeticError, yaml.YAMLError):
        # `!!int abc`, `!!bool maybe`, `!!float x`, an integer past Python's digit limit.
        line, col = mark_position(event.start_mark)
        name = tag.rpartition(":")[2]
        raise YamlProblem(f"{_quote(value)} is not a valid !!{name}", line, col) from None


def _construct(node: yaml.ScalarNode) -> Any:
    # The tag's constructor itself: `construct_object` would keep every node it was given.
    return _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)


def _quote(value: str) -> str:
    return repr(value[:40] + "..." if len(value) > 40 else value)


# A node near the top, where it starts: (depth, 0-based line, column, kind, flow style, the
# scalar's text as written). Depth 0 is the root, 1 its keys and values, 2 their items.
Node = tuple[int, int, int, str, bool, str | None]
NEAR_TOP = 2  # the deepest level `nodes` records


def read_data(
    source: str,
    duplicates: list[Duplicate] | None = None,
    controls: list[tuple[Any, ...]] | None = None,
    nodes: list[Node] | None = None,
) -> Any:
    """Parse one YAML document (text: every caller has decoded its bytes) into plain data
    (dict, list, str, int, float, bool, None).

    Raises `YamlProblem` for syntax errors, bad encoding, unsafe tags and hostile input.
    Duplicate mapping keys are appended to `duplicates` with their data path, and the paths of
    texts holding control characters (only double-quoted escapes such as "\\e[31m" can make
    them: YAML refuses them raw) to `controls`. Every node down to depth `NEAR_TOP` is
    appended to `nodes` as a `Node` ("scalar", "alias", "map" or "seq"), in the file's order:
    where the editor cuts the file (`outline.outline_of`), read in the same pass.
    """
    parser = Parser(PieceReader(source))  # not `source`: PyYAML would encode it in one call
    try:
        with gc_paused():
            return _build(parser, duplicates, controls, _text_budget(source), nodes)
    except yaml.MarkedYAMLError as exc:
        if _LIBYAML_DEPTH in str(exc.problem):
            # libyaml (0.2.5 as PyYAML 6.0.4 ships it) stops nesting at its own depth while
            # scanning ahead, before our event loop sees level MAX_DEPTH + 1. The pure-Python
            # parser has no such limit, so our rule, with its position, decides.
            _read_pure(source, duplicates, controls)
        line, col = mark_position(exc.problem_mark)
        raise YamlProblem(_yaml_message(exc, source), line, col) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(exc, source) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(str(exc).splitlines()[0]) from None
    finally:
        parser.dispose()


def byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of the byte at `offset` of UTF-8 `raw`."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    col = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


def _reader_problem(exc: yaml.reader.ReaderError, source: str) -> YamlProblem:
    # Text reaches libyaml as UTF-8, so this is a character YAML forbids (control characters),
    # and libyaml's position is a byte offset into that UTF-8.
    line, col = 1, 1
    if isinstance(exc.position, int):
        line, col = byte_position(source.encode("utf-8", errors="replace"), exc.position)
    if isinstance(exc.character, int):
        return YamlProblem(f"{exc.reason}: found U+{exc.character:04X}", line, col)
    return YamlProblem(f"the file is not valid UTF-8 text ({exc.reason})", line, col)


def _yaml_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or "not valid YAML"
    line, col = mark_position(exc.problem_mark)
    if _char_at(text, line, col) == "\t":
        return "YAML syntax error: a tab; YAML indents with spaces only"
    message = f"YAML syntax error: {problem}"
    if exc.context:
        message += f" ({exc.context})"
    if exc.context_mark is not None:
        # Where the unfinished thing began is what the author needs (an unclosed quote, a list).
        start = mark_position(exc.context_mark)
        if start != (line, col):
            message += f"; it starts at line {start[0]}, column {start[1]}"
    return message


def _char_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n", line)
    return lines[line - 1][col - 1 : col] if len(lines) >= line else ""


def _read_pure(
    source: str, duplicates: list[Duplicate] | None, controls: list[tuple[Any, ...]] | None
) -> Any:
    """Read `source` with PyYAML's pure-Python parser, raising `YamlProblem` as `read_data` does."""
    parser = yaml.SafeLoader(source)
    try:
        with gc_paused():
            return _build(parser, duplicates, controls, _text_budget(source))
    except yaml.MarkedYAMLError as exc:
        line, col = mark_position(exc.problem_mark)
        raise YamlProblem(_yaml_message(exc, source), line, col) from None
    finally:
        parser.dispose()


def _text_budget(source: str) -> int:
    """How many characters of text `source` may build, aliases expanded."""
    return max(EXPANSION_FACTOR * len(source), EXPANSION_FLOOR)


def _build(
    parser: Any,
    duplicates: list[Duplicate] | None,
    controls: list[tuple[Any, ...]] | None,
    budget: int,
    nodes: list[Node] | None = None,
) -> Any:
    get_event = parser.get_event
    ScalarEvent = yaml.ScalarEvent
    MappingStartEvent = yaml.MappingStartEvent
    SequenceStartEvent = yaml.SequenceStartEvent
    AliasEvent = yaml.AliasEvent
    DocumentStartEvent = yaml.DocumentStartEvent
    StreamEndEvent = yaml.StreamEndEvent
    # Each open collection:
    # [container, is_mapping, pending_key (or _NO_KEY), anchor, values_at_start, chars_at_start]
    stack: list[list[Any]] = []
    anchors: dict[str, tuple[Any, int, int]] = {}
    values = 0
    chars = 0  # characters of text built, each alias counted as the text it repeats
    root: Any = None
    documents = 0
    no_key = _NO_KEY

    while True:
        event = get_event()
        cls = event.__class__
        if nodes is not None and len(stack) <= NEAR_TOP:
            _near_top(nodes, len(stack), event)
        if cls is ScalarEvent:
            value = scalar_value(event)
            size = 1
            chars += len(event.value)
            if controls is not None and event.style == '"' and has_control_characters(value):
                controls.append(_value_path(stack, value))
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            is_map = cls is MappingStartEvent
            if event.tag not in (_MAP_TAGS if is_map else _SEQ_TAGS):
                line, col = mark_position(event.start_mark)
                raise YamlProblem(f"the tag {event.tag} is not allowed in a pack", line, col)
            if len(stack) >= MAX_DEPTH:
                line, col = mark_position(event.start_mark)
                raise YamlProblem(f"nesting is deeper than {MAX_DEPTH} levels", line, col)
            stack.append([{} if is_map else [], is_map, no_key, event.anchor, values, chars])
            values += 1
            continue
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            container, _is_map, _key, anchor, started, chars_started = stack.pop()
            value = container
            size = 0  # already counted as its contents were added
            if anchor is not None:
                anchors[anchor] = (container, values - started, chars - chars_started)
        elif cls is AliasEvent:
            if event.anchor not in anchors:
                line, col = mark_position(event.start_mark)
                raise YamlProblem(f"unknown alias *{event.anchor}", line, col)
            value, size, text_size = anchors[event.anchor]
            chars += text_size
            if values + size > MAX_VALUES or chars > budget:
                line, col = mark_position(event.start_mark)
                raise YamlProblem(
                    "aliases expand to too much data (is this an alias bomb?)", line, col
                )
        elif cls is DocumentStartEvent:
            documents += 1
            if documents > 1:
                line, col = mark_position(event.start_mark)
                raise YamlProblem("a pack is one YAML document, found a second", line, col)
            continue
        elif cls is StreamEndEvent:
            return root
        else:  # StreamStart, DocumentEnd
            continue

        if cls is ScalarEvent and event.anchor is not None:
            anchors[event.anchor] = (value, 1, len(event.value))
        values += size
        if values > MAX_VALUES:
            line, col = mark_position(event.start_mark)
            raise YamlProblem("the file holds too much data to be a pack", line, col)
        if not stack:
            root = value
            continue
        top = stack[-1]
        if not top[1]:
            top[0].append(value)
        elif top[2] is no_key:
            if isinstance(value, dict | list):
                line, col = mark_position(event.start_mark)
                raise YamlProblem("a mapping key must be a plain value", line, col)
            top[2] = value
        else:
            key = top[2]
            container = top[0]
            if duplicates is not None and key in container:
                duplicates.append(Duplicate(_path_of(stack), key))
            container[key] = value
            top[2] = no_key


_KINDS = {
    yaml.ScalarEvent: "scalar",
    yaml.AliasEvent: "alias",
    yaml.MappingStartEvent: "map",
    yaml.SequenceStartEvent: "seq",
}


def _near_top(nodes: list[Node], depth: int, event: Any) -> None:
    kind = _KINDS.get(event.__class__)
    if kind is not None:
        mark = event.start_mark
        flow = bool(getattr(event, "flow_style", False))
        nodes.append((depth, mark.line, mark.column, kind, flow, getattr(event, "value", None)))


def _value_path(stack: list[list[Any]], value: Any) -> tuple[Any, ...]:
    """The data path of a scalar about to be added to the innermost open collection."""
    if not stack:
        return ()
    top = stack[-1]
    if not top[1]:
        step: Any = len(top[0])
    elif top[2] is _NO_KEY:
        step = Key(value)  # the scalar is a key
    else:
        step = top[2]
    return (*_path_of(stack), step)


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()


def _path_of(stack: list[list[Any]]) -> tuple[Any, ...]:
    # Every open collection but the innermost leads to the next by its pending key or next index.
    return tuple(parent[2] if parent[1] else len(parent[0]) for parent in stack[:-1])
