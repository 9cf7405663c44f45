"""The stylesheet the apps hand to Textual (`quizgame.tui.stylesheet`) is quizgame.tcss
compacted: it must parse to the very rules the file does, and the file itself must parse. The
game hands it over in two parts (Home's rules, then the rest once Home is drawn): together
they are the file's rules in its order, and no rule of the second part styles anything on Home.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.app import App
from textual.css.match import match
from textual.css.model import RuleSet
from textual.css.parse import parse_selectors
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

from quizgame.tui import stylesheet
from quizgame.tui.app import QuizApp
from quizgame.tui.party_base import PartyApp
from quizgame.tui.screens.home import HomeScreen
from tests.tui.helpers import make_app, pack


def rule_sets(css: str, name: str) -> list[RuleSet]:
    """The rules of `css`, in order (raises Textual's StylesheetParseError, naming `name` and
    the line and column, on a mistake)."""
    sheet = Stylesheet(variables=App().get_css_variables())
    sheet.add_source(css, read_from=(name, ""))
    sheet.parse()
    return sheet.rules


def parsed(css: str, name: str) -> list[tuple[str, str, str]]:
    """Each rule's selectors, styles and whether it is a default rule, in order."""
    return [(rule.selectors, rule.css, str(rule.is_default_rules)) for rule in rule_sets(css, name)]


def test_compact_stylesheet_parses_to_the_same_rules_as_the_file() -> None:
    source = stylesheet.PATH.read_text(encoding="utf-8")
    from_file = parsed(source, str(stylesheet.PATH))  # the file's own mistakes, at its lines
    compacted = stylesheet.app_css()
    assert len(compacted) < len(source) * 0.8
    assert compacted == stylesheet.compact(source)
    assert parsed(compacted, "compact") == from_file
    assert len(from_file) > 100  # the whole file, not an empty parse


def test_home_and_later_parts_are_the_files_rules_in_its_order() -> None:
    home, later = stylesheet.home_css(), stylesheet.later_css()
    assert home + later == stylesheet.app_css()
    from_file = parsed(stylesheet.PATH.read_text(encoding="utf-8"), "file")
    assert parsed(home, "home") + parsed(later, "later") == from_file
    assert len(parsed(home, "home")) < len(from_file) / 3  # the parse Home waits for is short


def test_the_apps_use_the_compact_stylesheet() -> None:
    assert stylesheet.home_css() == QuizApp.CSS  # the rest after Home is drawn
    assert stylesheet.app_css() == PartyApp.CSS  # the party's apps: all of it
    assert not QuizApp.CSS_PATH


def test_split_needs_the_line() -> None:
    assert stylesheet.split(f"A{{}}\n{stylesheet.HOME_END} x */\nB{{}}") == (
        "A{}\n",
        f"{stylesheet.HOME_END} x */\nB{{}}",
    )
    with pytest.raises(ValueError, match="no line starting"):
        stylesheet.split("A{}")


def test_compact_keeps_what_separates_words() -> None:
    css = "/* note */\nA  B > C,\nD:focus {\n    border: round $primary;  /* x */\n}\n"
    assert stylesheet.compact(css) == "A B>C,D:focus{border:round $primary;}"


_PSEUDO_CLASS = re.compile(r":[a-z-]+")


def styled_by(rules: list[RuleSet], node: DOMNode) -> list[str]:
    """The selectors among `rules` that match `node` in some state (pseudo-classes such as
    :focus are dropped from them, so a rule for a focused or hovered widget counts too)."""
    hits = []
    for rule in rules:
        for selector in rule.selectors.split(","):
            stateless = _PSEUDO_CLASS.sub("", selector.strip()) or "*"
            if match(parse_selectors(stateless), node):
                hits.append(selector.strip())
    return hits


@pytest.mark.parametrize("size", [(80, 24), (100, 50)], ids=["short", "tall"])
async def test_no_later_rule_styles_home(data_dir: Path, size: tuple[int, int]) -> None:
    """Home, packs and categories shown, message and all: not one of its nodes (nor the app)
    matches a rule Textual is given only after Home's first frame."""
    later = rule_sets(stylesheet.later_css(), "later")
    app = make_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen) and home.results
        home.say("a message")
        app.notify("a notice")
        await pilot.pause()
        assert home.query_one("#categories-box").display
        nodes = [app, home, *home.walk_children()]
        assert len(nodes) > 30
        home_rules = rule_sets(stylesheet.home_css(), "home")
        assert sum(bool(styled_by(home_rules, n)) for n in nodes) > 10  # the check can match
        assert {str(n): styled_by(later, n) for n in nodes if styled_by(later, n)} == {}


async def test_a_screen_shown_before_home_is_drawn_has_its_rules(data_dir: Path) -> None:
    """`quizgame play --pack` shows the question before Home has its packs: the rest of the
    stylesheet is there first (`#question-box` is given a top margin only there)."""
    app = make_app(data_dir, start=pack())
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one("#question-box").styles.margin.top == 1
