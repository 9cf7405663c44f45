"""Home with hostile packs beside good ones: each bad pack is a broken entry with its own
positioned error, and the others are listed and playable (once, any of them emptied Home)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from quizgame.tui.screens.home import HomeScreen
from tests.tui.helpers import PACKS, make_app

HEAD = "id: {id}\ntitle: T\nquestions:\n- {{id: q, type: numeric, prompt: x, answer: {answer}}}\n"


async def test_home_lists_the_others_beside_packs_that_once_crashed_the_search(
    tmp_path: Path,
) -> None:
    hostile = tmp_path / "hostile"
    hostile.mkdir()
    (hostile / "a-int-tag.yaml").write_text("id: a\ntitle: !!int abc\nquestions: []\n")
    (hostile / "b-hex.yaml").write_text(HEAD.format(id="b", answer="0x_"))
    (hostile / "c-huge.yaml").write_text(HEAD.format(id="c", answer="9" * 400))
    app = make_app(tmp_path / "data", pack_dirs=(PACKS, hostile))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        pack_list = home.query_one("#pack-list", OptionList)
        prompts = [
            str(pack_list.get_option_at_index(i).prompt) for i in range(pack_list.option_count)
        ]
        assert any("Every Type" in prompt for prompt in prompts)
        broken = [p for p in prompts if "a-int-tag.yaml" in p or "b-hex" in p or "c-huge" in p]
        assert len(broken) == 3
        assert any("'abc' is not a valid !!int" in p for p in broken)
        assert not any("Could not look for packs" in p for p in prompts)
