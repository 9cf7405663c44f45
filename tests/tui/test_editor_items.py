"""The editor's lines for a list question's items: `answer | also accepted, ... | clue shown`."""

from __future__ import annotations

from quizgame.tui.widgets.editor_fields import item_line, read_items


def testitem_lines_read_as_pack_items_and_back() -> None:
    text = "Nile | Nil, Nilo | Africa\nAmazon\n\nYangtze | Chang Jiang\nVolga | | Europe\n"
    items = read_items(text)
    assert items == [
        {"answer": "Nile", "accept": ["Nil", "Nilo"], "show": "Africa"},
        "Amazon",
        {"answer": "Yangtze", "accept": ["Chang Jiang"]},
        {"answer": "Volga", "show": "Europe"},
    ]
    lines = [item_line(item) for item in items]
    assert lines == [
        "Nile | Nil, Nilo | Africa",
        "Amazon",
        "Yangtze | Chang Jiang",
        "Volga |  | Europe",
    ]
    assert read_items("\n".join(lines)) == items
