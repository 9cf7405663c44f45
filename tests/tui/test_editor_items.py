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


def test_the_preview_shows_a_list_question_s_items_as_words() -> None:
    from quizgame.tui.screens.editor_preview import question_preview

    data = {
        "id": "leads",
        "type": "list",
        "prompt": "Name them.",
        "answers": [
            {"answer": "Penélope Cruz", "accept": ["Cruz"], "show": "Janis"},
            "Milena Smit",
        ],
    }
    text = question_preview(data).plain
    assert "answers: \n  Penélope Cruz | Cruz | Janis\n  Milena Smit" in text
    assert "{" not in text
