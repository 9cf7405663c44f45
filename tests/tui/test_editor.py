"""Pilot tests of the pack editor: a new pack with one question of each type, saved and played;
read-only packs copied; problems shown at their field; nothing lost without asking."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, TextArea

from quizgame.core.packs.model import ListItem, QuestionType
from quizgame.core.packs.read import LoadResult, load_pack, load_pack_text
from quizgame.core.packs.starter import SCHEMA_MODELINE
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.session import Session
from quizgame.tui.app import QuizApp
from quizgame.tui.screens.confirm import ConfirmScreen
from quizgame.tui.screens.editor import EditorScreen
from quizgame.tui.screens.editor_form import QuestionFormScreen
from quizgame.tui.screens.editor_new import NewPackScreen
from quizgame.tui.screens.home import HomeScreen
from quizgame.tui.widgets.editor_fields import FormField
from quizgame.tui.widgets.text_view import TextView
from tests.tui.helpers import MARKUP, PACKS, make_app, open_editor


def keys(text: str) -> list[str]:
    names = {" ": "space", "\n": "enter", "-": "minus", ">": "greater_than_sign", ",": "comma"}
    names |= {".": "full_stop", "?": "question_mark", "'": "apostrophe", ":": "colon"}
    return [names.get(c, c) for c in text]


async def fill(pilot: Pilot[None], name: str, text: str, *, typed: bool = False) -> None:
    """Put `text` in the form field `name` (after clearing it): pasted, as an author often does,
    or `typed` key by key (slower, so only some fields are)."""
    widget = pilot.app.screen.query_one(f"#f-{name}")
    widget.focus()
    if isinstance(widget, TextArea):
        widget.clear()
    else:
        widget.value = ""  # type: ignore[attr-defined]
    if typed:
        await pilot.press(*keys(text))
    else:
        pilot.app.post_message(events.Paste(text))  # the app hands it to the focused field
        await pilot.pause()


async def choose(pilot: Pilot[None], name: str, label: str) -> None:
    """Open the drop-down `name` and pick the option whose label starts with `label` (typing it
    makes the drop-down jump there)."""
    select = pilot.app.screen.query_one(f"#f-{name}", Select)
    select.focus()
    await pilot.press("enter")
    await pilot.press(*keys(label))
    await pilot.press("enter")
    await pilot.pause()


async def save_question(pilot: Pilot[None], app: QuizApp) -> None:
    assert isinstance(app.screen, QuestionFormScreen)
    assert app.screen.problems == {}, app.screen.problems
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, EditorScreen)


def editor(app: QuizApp) -> EditorScreen:
    assert isinstance(app.screen, EditorScreen), app.screen
    return app.screen


async def add(pilot: Pilot[None], app: QuizApp, qtype: QuestionType) -> None:
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(str(list(QuestionType).index(qtype) + 1))
    await pilot.pause()
    assert isinstance(app.screen, QuestionFormScreen) and app.screen.qtype is qtype


async def test_a_new_pack_with_every_type_is_saved_valid_and_plays(data_dir: Path) -> None:
    packs = data_dir / "packs"
    app = make_app(data_dir, pack_dirs=(PACKS, packs))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewPackScreen)
        await pilot.press(*keys("Capitals"))  # typed; the rest of the title pasted
        app.post_message(events.Paste(", rivers and art"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = editor(app)
        path = packs / "capitals-rivers-and-art.yaml"
        assert screen.path == path

        await add(pilot, app, QuestionType.MULTIPLE_CHOICE)
        await fill(pilot, "prompt", "Capital of Peru?", typed=True)
        await fill(pilot, "choices", "Cusco\nLima\nArequipa")
        await choose(pilot, "answer", "L")
        await choose(pilot, "difficulty", "e")
        await fill(pilot, "category", "Geography")
        await save_question(pilot, app)

        await add(pilot, app, QuestionType.TRUE_FALSE)
        await fill(pilot, "prompt", "The Amazon flows into the Atlantic.")
        await choose(pilot, "answer", "T")
        await fill(pilot, "explanation", "Its mouth is in Brazil.")
        await save_question(pilot, app)

        await add(pilot, app, QuestionType.TYPED)
        await fill(pilot, "prompt", "Who painted Guernica?")
        await fill(pilot, "answer", "Pablo Picasso")
        await fill(pilot, "accept", "Picasso")
        await fill(pilot, "hint", "Cubism")
        await save_question(pilot, app)

        await add(pilot, app, QuestionType.NUMERIC)
        await fill(pilot, "prompt", "How long is the Nile, in km?")
        await fill(pilot, "answer", "6650")
        await fill(pilot, "tolerance", "100")
        await fill(pilot, "unit", "km")
        await save_question(pilot, app)

        await add(pilot, app, QuestionType.ORDERING)
        await fill(pilot, "prompt", "From north to south:")
        await fill(pilot, "items", "Oslo\nParis\nMadrid")
        await save_question(pilot, app)

        await add(pilot, app, QuestionType.MATCHING)
        await fill(pilot, "prompt", "Match the river and the city.")
        await fill(pilot, "pairs", "Seine -> Paris\nThames -> London\nTiber -> Rome")
        await fill(pilot, "tags", "rivers, cities")
        await save_question(pilot, app)

        await add(pilot, app, QuestionType.LIST)
        await fill(pilot, "prompt", "Name the three longest rivers.")
        await fill(pilot, "answers", "Nile | Nil | Africa\nAmazon\nYangtze | Chang Jiang")
        await save_question(pilot, app)

        assert screen.unsaved_changes
        assert not (packs / "capitals-rivers-and-art.yaml").exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.unsaved_changes
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await app.workers.wait_for_complete()  # the new file is read alone, found not listed,
        await pilot.pause()
        await app.workers.wait_for_complete()  # so Home looks for every pack again
        await pilot.pause()
        assert "capitals-rivers-and-art" in app.screen.pack_ids
        assert app.screen.selected_result is not None
        assert app.screen.selected_result.path == path  # and keeps the new pack highlighted

    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_MODELINE)
    result = load_pack(path)
    assert result.ok and not result.problems, result.problems
    pack = result.pack
    assert pack is not None and pack.title == "Capitals, rivers and art"
    assert [q.type for q in pack.questions] == list(QuestionType)
    mc, tf, typed, numeric, ordering, matching, rivers = pack.questions
    assert (mc.choices, mc.answer, mc.difficulty.value, mc.category) == (
        ("Cusco", "Lima", "Arequipa"),
        "Lima",
        "easy",
        "Geography",
    )
    assert tf.answer is True and tf.explanation == "Its mouth is in Brazil."
    assert (typed.answer, typed.accept, typed.hint) == ("Pablo Picasso", ("Picasso",), "Cubism")
    assert (numeric.answer, numeric.tolerance, numeric.unit) == (6650.0, 100.0, "km")
    assert ordering.items == ("Oslo", "Paris", "Madrid")
    assert dict(matching.pairs) == {"Seine": "Paris", "Thames": "London", "Tiber": "Rome"}
    assert matching.tags == ("rivers", "cities")
    assert rivers.answers == (
        ListItem("Nile", ("Nil",), "Africa"),
        ListItem("Amazon"),
        ListItem("Yangtze", ("Chang Jiang",)),
    )
    assert [q.id for q in pack.questions] == ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
    session = Session(pack, SessionOptions(count=None, seed=1))
    assert len(session.rounds) == 7


async def test_problems_are_shown_at_their_field_and_block_saving(data_dir: Path) -> None:
    packs = data_dir / "packs"
    packs.mkdir(parents=True)
    source = PACKS / "all-types.yaml"
    (packs / "mine.yaml").write_text(
        source.read_text(encoding="utf-8").replace("id: all-types", "id: mine", 1),
        encoding="utf-8",
    )
    app = make_app(data_dir, pack_dirs=(packs,))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        ids = [q["id"] for q in editor(app).document.questions]  # type: ignore[union-attr]
        await add(pilot, app, QuestionType.MULTIPLE_CHOICE)
        assert isinstance(app.screen, QuestionFormScreen)
        form = app.screen
        await fill(pilot, "id", ids[0])
        await fill(pilot, "prompt", "Which?")
        await fill(pilot, "choices", "one")
        shown = {
            f.field_name: str(f.query_one(".form-label").render()) for f in form.query(FormField)
        }
        assert "✗ too few choices: 1, at least 2 needed" in shown["choices"]
        assert "✗ missing field 'answer'" in shown["answer"]
        assert f"✗ another question already has the id '{ids[0]}'" in shown["id"]
        assert "✗" not in shown["prompt"]
        assert form.query_one("#field-choices").has_class("-invalid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not saved
        await fill(pilot, "id", "new-one")
        await fill(pilot, "choices", "one\ntwo")
        await choose(pilot, "answer", "two")
        assert form.problems == {}
        assert str(form.query_one("#form-status", Static).render()) == "✓ Ready to save"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = editor(app)
        assert [q["id"] for q in screen.document.questions] == [ids[0], "new-one", *ids[1:]]  # type: ignore[union-attr]
        await pilot.press("d")  # delete the new one again (it is highlighted), after a yes
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [q["id"] for q in screen.document.questions] == ids  # type: ignore[union-attr]


async def test_a_bundled_pack_is_read_only_and_can_be_copied(data_dir: Path) -> None:
    packs = data_dir / "packs"
    app = make_app(data_dir, pack_dirs=(PACKS, packs))
    original = (PACKS / "all-types.yaml").read_text(encoding="utf-8")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        screen = editor(app)
        assert not screen.editable
        count = len(screen.document or [])
        await pilot.press("a", "d")
        await pilot.pause()
        assert app.screen is screen and len(screen.document or []) == count  # nothing happened
        status = str(screen.query_one("#editor-status", Static).render())
        assert "read-only: press c to copy it to your packs" in status
        await pilot.press("c")
        await pilot.pause()
        assert screen.editable and screen.path == packs / "all-types-copy.yaml"
        await pilot.press("enter")  # edit the first question
        await pilot.pause()
        await fill(pilot, "prompt", "A new wording?")
        await save_question(pilot, app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = (packs / "all-types-copy.yaml").read_text(encoding="utf-8")
        await pilot.press("shift+down")  # the first question goes second
        await pilot.press("ctrl+s")
        await pilot.pause()
        moved = load_pack(packs / "all-types-copy.yaml").pack
        assert moved is not None and [q.id for q in moved.questions][:2] == ["tf", "mc"]
        (packs / "all-types-copy.yaml").write_text(saved, encoding="utf-8")
    assert (PACKS / "all-types.yaml").read_text(encoding="utf-8") == original
    copy = load_pack(packs / "all-types-copy.yaml")
    assert copy.ok and copy.pack is not None
    assert copy.pack.id == "all-types-copy" and copy.pack.title.endswith("(my copy)")
    assert copy.pack.questions[0].prompt == "A new wording?"
    changed = [
        (a, b)
        for a, b in zip(
            original.splitlines(),
            (packs / "all-types-copy.yaml").read_text(encoding="utf-8").splitlines(),
            strict=True,
        )
        if a != b
    ]
    assert len(changed) == 3  # the id, the title and the edited prompt; nothing else


async def test_leaving_or_quitting_with_unsaved_changes_asks(data_dir: Path) -> None:
    app = make_app(data_dir, pack_dirs=(PACKS, data_dir / "packs"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n", *keys("Draft"), "enter")
        await pilot.pause()
        await add(pilot, app, QuestionType.TRUE_FALSE)
        await fill(pilot, "prompt", "Yes?")
        await pilot.press("escape")  # leaving a changed form asks
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        await choose(pilot, "answer", "False")
        await save_question(pilot, app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert not (data_dir / "packs" / "draft.yaml").exists()


async def test_markup_in_a_pack_is_shown_as_text_in_the_editor(data_dir: Path) -> None:
    app = make_app(data_dir, pack_dirs=(MARKUP, data_dir / "packs"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.pause()
        screen = editor(app)
        title = str(screen.query_one("#editor-title", Static).render())
        assert "[bold red]Markup[/] pack" in title and "\x1b" not in title
        preview = screen.query_one("#question-preview", TextView).content.plain
        assert "[@click=app.quit]tag[/]" in preview and "[/source]" in preview
        await pilot.press("c", "enter")  # copy, then open the first question's form
        await pilot.pause()
        form = app.screen
        assert isinstance(form, QuestionFormScreen)
        choices = form.query_one("#f-choices", TextArea).text.splitlines()
        assert choices == ["[b]", "[/]", "[@click=app.quit]quit[/]", "red"]  # escapes removed
        assert form.query_one("#f-answer", Select).value == "[/]"
        assert form.problems == {}
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.is_running


async def test_saving_over_a_file_changed_on_disk_asks_first(data_dir: Path) -> None:
    app, path = _own_copy_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        assert (await open_editor(pilot, app)).document is not None
        elsewhere = path.read_text(encoding="utf-8").replace("red planet", "blue planet")
        path.write_text(elsewhere, encoding="utf-8")  # another program writes the file
        await pilot.press("shift+down", "ctrl+s")  # a change, then save
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep the file
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == elsewhere and editor(app).dirty
        await pilot.press("ctrl+s", "y")  # save over it
        await pilot.pause()
        assert not editor(app).dirty
        saved = path.read_text(encoding="utf-8")
        assert "red planet" in saved and saved.index("id: tf") < saved.index("id: mc")
        await pilot.press("shift+up", "ctrl+s")  # unchanged on disk since: no question
        await pilot.pause()
        assert not editor(app).dirty and saved != path.read_text(encoding="utf-8")


async def test_home_keeps_the_edited_pack_highlighted_and_reads_only_it(data_dir: Path) -> None:
    folder = data_dir / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    text = (PACKS / "all-types.yaml").read_text(encoding="utf-8")
    for name in ("first", "second"):
        (folder / f"{name}.yaml").write_text(text.replace("id: all-types", f"id: {name}"))
    app = make_app(data_dir, pack_dirs=(folder,))
    async with app.run_test(size=(100, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = app.home
        await pilot.press("down")  # the second pack, not the first (nor the remembered one)
        before = list(home.results)
        assert home.selected_result is before[1]
        await pilot.press("e")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("shift+down", "ctrl+s", "escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is home
        assert home.selected_result is home.results[1] is not before[1]  # read again
        assert home.results[0] is before[0]  # the other pack was not read again
        pack = home.results[1].pack
        assert pack is not None and pack.id == "second"
        assert [q.id for q in pack.questions][:2] == ["tf", "mc"]  # as saved


async def test_finding_a_question_by_number_or_words(data_dir: Path) -> None:
    app, _path = _own_copy_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(pilot, app)
        await pilot.press("slash", *keys("SPAIN"), "enter")  # words of a prompt, any case
        await pilot.pause()
        assert screen.highlighted == 2
        assert "capital of Spain" in screen.query_one("#question-preview", TextView).content.plain
        box = screen.query_one("#editor-find", Input)
        box.value = "5"  # a question's number
        await pilot.press("enter")
        await pilot.pause()
        assert screen.highlighted == 4
        box.value = "nothing like this"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.highlighted == 4
        assert "No question matches" in str(screen.query_one("#editor-status", Static).render())
        await pilot.press("escape")  # closes the box, not the editor
        await pilot.pause()
        assert app.screen is screen and not box.display


async def test_the_find_box_follows_moves_and_deletes(data_dir: Path) -> None:
    """The find index is kept in step with each change, not built again: a question moved or
    one above it deleted is found where it is now."""
    app, _path = _own_copy_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(pilot, app)
        index = screen._find_index
        assert index is not None
        await pilot.press("slash", *keys("spain"), "enter")
        await pilot.pause()
        assert screen.highlighted == 2
        await pilot.press("escape", "shift+down")  # question 3 moves to 4
        await pilot.pause()
        assert screen.highlighted == 3
        await pilot.press("home", "d", "y")  # question 1 goes: Spain's is 3 again
        await pilot.pause()
        await pilot.press("end", "slash", "enter")  # the same words, from the last question
        await pilot.pause()
        assert screen.highlighted == 2
        assert "capital of Spain" in screen.query_one("#question-preview", TextView).content.plain
        assert screen._find_index is index  # changed in place, never made again


def _own_copy_app(data_dir: Path) -> tuple[QuizApp, Path]:
    """The app over a folder holding the one pack all-types.yaml (a copy, editable); its path."""
    folder = data_dir / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "all-types.yaml"
    path.write_text((PACKS / "all-types.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return make_app(data_dir, pack_dirs=(folder,)), path


async def test_a_big_pack_is_checked_in_a_worker_on_saving(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above IN_WORKER questions the check before saving runs in a worker (here every
    pack is "big"): the file is saved as it was when Ctrl+S was pressed, and a change made
    while the check ran stays unsaved."""
    from quizgame.tui.screens import editor as editor_module

    monkeypatch.setattr(editor_module, "IN_WORKER", 0)
    app, path = _own_copy_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(pilot, app)
        await pilot.press("shift+down", "ctrl+s")  # a change, then save: checked in a worker
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.dirty
        saved = path.read_text(encoding="utf-8")
        assert saved.index("id: tf") < saved.index("id: mc")
        assert "saved" in str(screen.query_one("#editor-status", Static).render())
        document = screen.document
        assert document is not None
        text = document.text()
        await pilot.press("shift+up")  # made while a check of `text` would run
        await pilot.pause()
        screen._checked(text, load_pack(path), False, screen._edits - 1)
        await pilot.pause()
        assert screen.dirty and path.read_text(encoding="utf-8") == text


async def test_leaving_while_a_big_pack_is_checked_waits_for_the_save(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Esc while the check before saving runs does not leave (which would drop the save): the
    editor says so; once the check is done the pack is saved and Esc leaves."""
    import threading

    from quizgame.tui.screens import editor as editor_module

    release = threading.Event()

    def held_check(text: str, name: str) -> LoadResult:
        release.wait(10.0)  # the worker's check goes on until the test lets it
        return load_pack_text(text, name)

    monkeypatch.setattr(editor_module, "IN_WORKER", 0)
    monkeypatch.setattr(editor_module, "load_pack_text", held_check)
    app, path = _own_copy_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_editor(pilot, app)
        await pilot.press("shift+down", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # still here, and told why
        assert "Esc again" in str(screen.query_one("#editor-status", Static).render())
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.dirty
        saved = path.read_text(encoding="utf-8")
        assert saved.index("id: tf") < saved.index("id: mc")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
