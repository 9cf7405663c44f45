"""Pack text reaches widgets literally, without terminal control sequences."""

from __future__ import annotations

import pytest

from quizgame.tui import safetext


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b[31mred\x1b[0m b", "ared b"),  # colours
        ("x\x1b[2J\x1b[Hy", "xy"),  # clear screen, cursor home
        ("x\x1b]0;title\x07y", "xy"),  # window title (OSC, BEL-terminated)
        ("x\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\y", "xlinky"),  # hyperlink (OSC, ST)
        ("x\x1bPq#0;2;0;0;0\x1b\\y", "xy"),  # DCS (sixel)
        ("r\x1bcq", "rq"),  # reset the terminal
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("bell\x07 bs\x08 nul\x00 del\x7f", "bell bs nul del"),
        ("tab\there", "tab here"),
        ("one\r\ntwo\u2028three", "one\ntwo\nthree"),
        ("bidi \u202eevil\u202c \u2066x\u2069", "bidi evil x"),
        ("[bold red]x[/] [@click=app.quit]q[/]", "[bold red]x[/] [@click=app.quit]q[/]"),
        ("Almodóvar 👩‍👧 $text", "Almodóvar 👩‍👧 $text"),  # accents, ZWJ emoji, dollar kept
    ],
)
def test_clean(raw: str, shown: str) -> None:
    assert safetext.clean(raw) == shown


def test_markup_is_never_parsed() -> None:
    content = safetext.literal("[b]bold?[/b] [@click=app.quit]quit[/]")
    assert content.plain == "[b]bold?[/b] [@click=app.quit]quit[/]"
    assert not content.spans


def test_unbalanced_markup_does_not_raise() -> None:
    assert safetext.literal("[/]").plain == "[/]"
    assert safetext.line("a [/b]\n b").plain == "a [/b] b"


def test_assemble_styles_only_our_parts() -> None:
    content = safetext.assemble(("✓ ", "bold"), "[red]\x1b[31mx", safetext.literal("[/]"))
    assert content.plain == "✓ [red]x[/]"
    assert [(s.start, s.end, s.style) for s in content.spans] == [(0, 2, "bold")]


def test_rich_text_is_literal() -> None:
    text = safetext.rich_text("[b]x[/b]\x1b[1m")
    assert text.plain == "[b]x[/b]"
    assert not text.spans
