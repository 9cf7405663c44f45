"""core/text.py: the patterns it compiles on first use do what the compiled ones did."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from quizgame.core.text import clean, clean_line, json_escape_controls

# Text rich in what the functions treat specially: white space of every kind, controls, escapes.
SPECIAL = st.sampled_from(
    [
        *(" ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000"),
        *("\x1b[31m", "\x1b]0;title\x07", "\x9b2J", "\x1bc", "\u202e", "\x7f", "a", "é", "字"),
    ]
)
TEXT = st.lists(st.one_of(SPECIAL, st.text(max_size=3)), max_size=12).map("".join)


@given(TEXT)
def test_clean_line_is_one_space_for_each_run_of_white_space(text: str) -> None:
    assert clean_line(text) == re.sub(r"\s+", " ", clean(text)).strip()


@given(TEXT)
def test_json_escapes_leave_no_control_or_bidi_character(text: str) -> None:
    escaped = json_escape_controls(text)
    assert not re.search("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]", escaped)


def test_escape_sequences_are_removed() -> None:
    assert clean("a\x1b[31mred\x1b[0m \x1b]0;title\x07b") == "ared b"


def test_printable_ascii_is_left_as_it_is_without_a_pattern() -> None:
    # `clean` returns such text at once: none of its patterns would find anything in it.
    from quizgame.core import text as module

    printable = "".join(map(chr, range(0x20, 0x7F)))
    assert clean(printable) == printable
    for pattern in (module._C1, module._DROPPED, module._CONTROL, "\x1b"):
        assert not re.search(pattern, printable)
    assert clean(printable + "\t") == printable + " "  # anything else takes the full path
