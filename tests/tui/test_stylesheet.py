"""The stylesheet the app hands to Textual (`quizgame.tui.stylesheet.app_css`) is quizgame.tcss
compacted: it must parse to the very rules the file does, and the file itself must parse."""

from __future__ import annotations

from textual.app import App
from textual.css.stylesheet import Stylesheet

from quizgame.tui import stylesheet
from quizgame.tui.app import QuizApp


def parsed(css: str, name: str) -> list[tuple[str, str, str]]:
    """Each rule's selectors, styles and whether it is a default rule, in order (raises
    Textual's StylesheetParseError, naming `name` and the line and column, on a mistake)."""
    sheet = Stylesheet(variables=App().get_css_variables())
    sheet.add_source(css, read_from=(name, ""))
    sheet.parse()
    return [(rule.selectors, rule.css, str(rule.is_default_rules)) for rule in sheet.rules]


def test_compact_stylesheet_parses_to_the_same_rules_as_the_file() -> None:
    source = stylesheet.PATH.read_text(encoding="utf-8")
    from_file = parsed(source, str(stylesheet.PATH))  # the file's own mistakes, at its lines
    compacted = stylesheet.app_css()
    assert len(compacted) < len(source) * 0.8
    assert parsed(compacted, "compact") == from_file
    assert len(from_file) > 100  # the whole file, not an empty parse


def test_the_app_uses_the_compact_stylesheet() -> None:
    assert stylesheet.app_css() == QuizApp.CSS
    assert not QuizApp.CSS_PATH


def test_compact_keeps_what_separates_words() -> None:
    css = "/* note */\nA  B > C,\nD:focus {\n    border: round $primary;  /* x */\n}\n"
    assert stylesheet.compact(css) == "A B>C,D:focus{border:round $primary;}"
