"""Parsing Moodle XML safely, keeping each element's line; text in Moodle's text formats."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from quizgame.core.formats.htmltext import html_to_text, moodle_to_text

NAME = "Moodle XML"
MAX_DEPTH = 64  # Moodle's files nest about 6 levels


class _LinedBuilder(ET.TreeBuilder):
    """A tree builder that notes the line each element starts on, and refuses deep nesting."""

    def __init__(self) -> None:
        super().__init__()
        self.parser: DefusedXMLParser | None = None
        self.lines: dict[ET.Element, int] = {}
        self.depth = 0

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        element = super().start(tag, attrs)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep
        if self.parser is not None:
            self.lines[element] = self.parser.parser.CurrentLineNumber
        return element

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return super().end(tag)


class _TooDeep(Exception):
    pass


@dataclass
class Tree:
    """A parsed file: its root element and each element's line (None and `problem` with its
    line if it could not be read)."""

    root: ET.Element | None = None
    lines: dict[ET.Element, int] = field(default_factory=dict)
    problem: str | None = None
    problem_line: int | None = None

    def line(self, element: ET.Element) -> int | None:
        return self.lines.get(element)


def looks_like(head: bytes) -> bool:
    """Whether a file's first bytes read as Moodle XML (an XML declaration or `<quiz>`)."""
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    return text.startswith("<?xml") or text.startswith("<quiz")


def parse(text: str) -> Tree:
    """The tree of XML `text`. A DTD (where entity bombs and external entities are declared),
    nesting deeper than MAX_DEPTH and broken XML are a `problem`, never an exception."""
    builder = _LinedBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True)
    builder.parser = parser
    try:
        parser.feed(text.lstrip("\ufeff"))
        root: Any = parser.close()
    except DefusedXmlException:
        # Moodle XML has no DTD; one is how an entity bomb or an external entity comes in.
        line = parser.parser.CurrentLineNumber
        message = "refused: the file has a DTD (<!DOCTYPE ...>), where entity bombs and "
        message += "external entities hide; Moodle XML has none"
        return Tree(problem=message, problem_line=line)
    except ET.ParseError as exc:
        line, column = exc.position
        message = re.sub(r": line \d+, column \d+$", "", str(exc))
        return Tree(problem=f"not valid XML: {message} (column {column + 1})", problem_line=line)
    except _TooDeep:
        line = parser.parser.CurrentLineNumber
        return Tree(problem=f"nested more than {MAX_DEPTH} levels deep", problem_line=line)
    return Tree(root, builder.lines)


def text_of(element: ET.Element | None) -> tuple[str, str]:
    """The text of a Moodle text element (`<questiontext format="html"><text>...`) as plain
    text, and the raw text it came from (to look for images in)."""
    if element is None:
        return "", ""
    raw = element.findtext("text")
    if raw is None:
        raw = element.text or ""
    fmt = element.get("format", "html")
    if fmt == "html":
        return html_to_text(raw), raw
    if fmt == "moodle_auto_format":
        return moodle_to_text(raw), raw
    return raw.strip(), raw
