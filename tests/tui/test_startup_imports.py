"""Home's start loads only what Home needs: not the results' charts (plotext) nor the answer
judge (rapidfuzz), up to and including learn mode's counts, which come right after Home is drawn
(issue 13: importing them there stalled the UI for about 100 ms).

The app runs in a fresh interpreter, headless, on packs whose cache the test warmed (reading a
pack from YAML runs the pack checker, which does use the judge, in the loading worker).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizgame.core import paths
from quizgame.core.packs.read import discover_packs
from quizgame.core.scores.store import ScoreStore

# Run in the child: the app until Home shows the learn counts, then what it had loaded.
HOME_THEN_MODULES = r"""
import json, sys
from pathlib import Path
from textual import on
from quizgame.core import paths
from quizgame.tui.app import QuizApp
from quizgame.tui.navigation import LearningCounted

class Probe(QuizApp):
    counted = False

    @on(LearningCounted)
    def counted_shown(self) -> None:
        self.counted = True
        self.call_after_refresh(self.exit)

base = Path(sys.argv[1])
app = Probe(pack_dirs=[paths.bundled_packs_dir(), paths.user_packs_dir(base)], data_dir=base)
app.run(headless=True, size=(80, 24))
print(json.dumps({"counted": app.counted, "modules": sorted(sys.modules)}))
"""

NOT_FOR_HOME = ("plotext", "textual_plotext", "rapidfuzz", "quizgame.tui.sharing")

# Run in the child: the app until Home is drawn with the packs as the summary index lists them,
# then what it had loaded by then.
LISTED_THEN_MODULES = r"""
import json, sys
from pathlib import Path
from textual import on
from quizgame.core import paths
from quizgame.tui.app import QuizApp
from quizgame.tui.navigation import PacksListed

class Probe(QuizApp):
    loaded = None

    @on(PacksListed)
    def listed(self) -> None:
        self.call_after_refresh(self.drawn)

    def drawn(self) -> None:
        self.loaded = sorted(sys.modules)
        self.exit()

base = Path(sys.argv[1])
app = Probe(pack_dirs=[paths.bundled_packs_dir(), paths.user_packs_dir(base)], data_dir=base)
app.run(headless=True, size=(80, 24))
print(json.dumps({"modules": app.loaded}))
"""

# What reading a pack loads (the model, the cache's decoder and hash): Home's first frame, where
# the index lists the packs, waits for none of it (issue 13).
NOT_FOR_THE_LISTING = (
    "quizgame.core.packs.model",
    "quizgame.core.packs.read",
    "quizgame.core.packs.cache",
    "quizgame.core.play.dealing",
    "msgspec",
    "lz4",
    "yaml",
)


def _child(code: str, base: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "TEXTUAL": ""}
    done = subprocess.run(
        [sys.executable, "-c", code, str(base)], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.parametrize("history", [False, True], ids=["first-run", "with-history"])
def test_home_and_learn_counts_load_no_charts_nor_judge(tmp_path: Path, history: bool) -> None:
    base = paths.data_dir(str(tmp_path))
    pack_dirs = [paths.bundled_packs_dir(), paths.user_packs_dir(base)]
    discover_packs(pack_dirs, cache_dir=paths.cache_dir(base))  # the cache, as on a second start
    if history:
        ScoreStore.open(paths.scores_db(base)).close()
    report = _child(HOME_THEN_MODULES, base)
    assert report["counted"]
    assert isinstance(report["modules"], list)
    loaded = [m for m in report["modules"] if m.startswith(NOT_FOR_HOME)]
    assert loaded == []


@pytest.mark.usefixtures("settled")  # the bundled pack counts as unchanged
def test_home_listed_from_the_index_is_drawn_before_any_pack_code_loads(tmp_path: Path) -> None:
    from quizgame.core.packs.summary import pack_summaries

    base = paths.data_dir(str(tmp_path))
    pack_dirs = [paths.bundled_packs_dir(), paths.user_packs_dir(base)]
    pack_summaries(pack_dirs, cache_dir=paths.cache_dir(base))  # the index, as on a second start
    report = _child(LISTED_THEN_MODULES, base)
    assert isinstance(report["modules"], list)
    assert "quizgame.tui.screens.home" in report["modules"]
    loaded = [
        m
        for m in report["modules"]
        if m.partition(".")[0] in NOT_FOR_THE_LISTING or m in NOT_FOR_THE_LISTING
    ]
    assert loaded == []


async def test_start_up_gives_the_switch_interval_and_collector_back_once_home_has_packs(
    tmp_path: Path,
) -> None:
    import gc

    from tests.tui.helpers import make_app

    before = sys.getswitchinterval()
    assert gc.isenabled()
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not gc.isenabled()  # paused while Home is built (quizgame.tui.startup)
        await app.workers.wait_for_complete()
        await pilot.pause()  # PacksFound, posted by the worker, handled; Home drawn
        assert app.home.query_one("#pack-list").option_count > 1  # type: ignore[attr-defined]
        assert sys.getswitchinterval() == before
        assert gc.isenabled()
    assert sys.getswitchinterval() == before
    assert gc.isenabled()


async def test_leaving_before_the_packs_are_found_gives_them_back_too(tmp_path: Path) -> None:
    import gc

    from quizgame.tui.app import QuizApp

    class NoPacksYet(QuizApp):
        def look_for_packs(self) -> None:  # type: ignore[override]
            """The packs never come."""

    before = sys.getswitchinterval()
    app = NoPacksYet(data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not gc.isenabled()
        assert sys.getswitchinterval() != before
    assert sys.getswitchinterval() == before
    assert gc.isenabled()
