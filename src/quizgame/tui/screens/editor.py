"""The pack editor, reached from Home: a pack's questions to add, edit, delete and reorder.

Packs in the player's own packs folder are edited in place and saved atomically; the file keeps
its comments and layout except where a question changed (`core.editing.PackDocument`). Other
packs (bundled ones) open read-only, with "copy to my packs" to get an editable copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from quizgame.core.formats import Imported
from quizgame.core.packs.edit import EditError, PackDocument, save_text
from quizgame.core.packs.find import FindIndex
from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.read import LoadResult, load_pack_text
from quizgame.tui import safetext
from quizgame.tui.screens.confirm import ConfirmScreen, dismiss_unless_kept
from quizgame.tui.screens.editor_form import QuestionFormScreen, TypeChooser
from quizgame.tui.screens.editor_import import ImportRequest, ImportScreen, add_imported
from quizgame.tui.screens.editor_search import SearchingView
from quizgame.tui.widgets.question_list import QuestionList

EDITING_ACTIONS = {"add", "edit", "delete", "move", "save", "import_file"}
# A pack of more questions than this is checked before saving, or copied, in a worker: the
# check reads the whole text as the game's loader does, and a copy writes it all, which takes
# seconds for 100,000 questions.
IN_WORKER = 2_000


def _write_copy(
    document: PackDocument, target: Path, new_id: str, title: str
) -> tuple[PackDocument | None, str, str]:
    """`document` copied to `target` with its new id and title, written: (the copy, its text,
    "") or, when it cannot be, (None, "", what went wrong)."""
    try:
        copy = document.copied(str(target))
        copy.set_field("id", new_id)
        copy.set_field("title", title)
        text = copy.text()
        save_text(target, text)
    except EditError as exc:
        return None, "", str(exc)
    except OSError as exc:
        return None, "", exc.strerror or str(exc)
    return copy, text, ""


class EditorScreen(SearchingView):
    """One pack's questions. Dismisses (back to Home) when the author leaves."""

    _edits = 0  # changes made so far: a save records how many its text holds
    _saving = False  # a big pack's check before saving is under way
    _copying = False  # a big pack's copy is being written

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("shift+up", "move(-1)", "Move up"),
        Binding("shift+down", "move(1)", "Move down"),
        Binding("i", "import_file", "Import"),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("c", "copy", "Copy to my packs"),
        Binding("slash,ctrl+f", "find", "Find", key_display="/"),
        Binding("escape", "close", "Back"),
    ]

    @on(QuestionList.Selected, "#question-list")
    def _selected(self) -> None:
        if self.editable:
            self.action_edit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Shown from the start, not once the file is read (`_opened` asks for patience till
        # then): the footer keeps its keys, where building them again would hold the UI for
        # the best part of a tenth of a second just as the read ends.
        if action in EDITING_ACTIONS:
            return self.editable
        if action == "copy":
            return not self.editable
        return True

    def _opened(self) -> bool:
        """Whether the file is read for editing; if not, says so."""
        if self.document is not None:
            return True
        self._show_status("Still opening the pack for editing: a moment…")
        self.app.bell()
        return False

    # --- changing --------------------------------------------------------------------------------

    def _changed(
        self,
        highlight: int | None = None,
        only: tuple[int, ...] = (),
        index: Callable[[FindIndex], object] | None = None,
    ) -> None:
        """After a change: redraw the list (just the rows in `only`, when no row came or went);
        `index` makes the same change to the find index (without it, the index is built again)."""
        self.dirty = True
        self._edits += 1
        if index is not None and self._find_index is not None:
            self._index_generation += 1
            index(self._find_index)
        else:
            self._reindex()
        if not only or self.document is None:
            self.show(highlight)
            return
        question_list = self.query_one("#question-list", QuestionList)
        question_list.refresh_rows(*only)
        if highlight is not None:
            question_list.highlighted = highlight
        self._show_preview()
        self._show_status()

    def _ids(self, leave_out: int | None = None) -> list[str]:
        assert self.document is not None
        return self.document.ids(leave_out)

    def action_add(self) -> None:
        if not self._opened():
            return

        def chosen(qtype: QuestionType | None) -> None:
            if qtype is None or self.document is None:
                return
            ids = set(self._ids())
            number = len(self.document) + 1
            new_id = next(
                f"q{n}" for n in range(number, number + len(ids) + 2) if f"q{n}" not in ids
            )
            at = self.highlighted
            position = len(self.document) if at is None else at + 1

            def done(data: dict[str, Any] | None) -> None:
                if data is not None and self.document is not None:
                    try:
                        added = self.document.add_question(data, position)
                    except EditError as exc:
                        self._show_status(safetext.literal(f"✗ {exc}"))
                        return
                    row = self._row_text(added)
                    self._changed(added, index=lambda found: found.insert(added, [row]))

            self.app.push_screen(
                QuestionFormScreen(qtype, other_ids=sorted(ids), new_id=new_id), done
            )

        self.app.push_screen(TypeChooser(), chosen)

    def action_import_file(self) -> None:
        """Ask for a file, import its questions after the highlighted one."""
        if not self._opened():
            return

        def asked(request: ImportRequest | None) -> None:
            if request is not None:
                self._show_status(safetext.literal(f"Importing {request.path.name}…"))
                self._import(request)

        self.app.push_screen(ImportScreen(), asked)

    @work(thread=True, exclusive=True, group="editor-import")
    def _import(self, request: ImportRequest) -> None:
        from quizgame.core.formats.files import import_path

        imported = import_path(request.path, request.fmt, request.options)
        self.app.call_from_thread(self._imported, request.path, imported)

    def _imported(self, path: Path, imported: Imported) -> None:
        if self.document is None:
            return
        at = self.highlighted
        position = len(self.document) if at is None else at + 1
        added, message = add_imported(self.document, imported, path.name, position)
        if added:
            self._changed(position)
        else:
            self.app.bell()
        self._show_status(safetext.literal(message))

    def action_edit(self) -> None:
        if not self._opened():
            return
        index = self.highlighted
        if index is None or self.document is None:
            return
        original = self.document.question(index)
        try:
            qtype = QuestionType(str(original.get("type")))
        except ValueError:
            self._show_status(
                safetext.literal("This question's type is unknown; fix it in the file.")
            )
            return

        def done(data: dict[str, Any] | None) -> None:
            if data is not None and self.document is not None and data != original:
                try:
                    self.document.replace_question(index, data)
                except EditError as exc:  # e.g. a question written as an alias
                    self._show_status(safetext.literal(f"✗ {exc}"))
                    return
                self._changed(
                    index,
                    only=(index,),
                    index=lambda found: found.replace(index, self._row_text(index)),
                )

        self.app.push_screen(
            QuestionFormScreen(qtype, original, other_ids=self._ids(index), number=index + 1), done
        )

    def action_delete(self) -> None:
        if not self._opened():
            return
        index = self.highlighted
        if index is None or self.document is None:
            return
        prompt = safetext.clean_line(self.document.question(index).get("prompt", ""))

        def answered(yes: bool | None) -> None:
            if yes and self.document is not None:
                self.document.delete_question(index)
                self._changed(max(0, index - 1), index=lambda found: found.delete(index))

        self.app.push_screen(
            ConfirmScreen(f"Delete question {index + 1}?", prompt, yes="Delete", no="Keep"),
            answered,
        )

    def action_move(self, step: int) -> None:
        if not self._opened():
            return
        index = self.highlighted
        if index is None or self.document is None:
            return
        to = index + step
        if 0 <= to < len(self.document):
            self.document.move_question(index, to)
            self._changed(to, only=(index, to), index=lambda found: found.move(index, to))

    def action_save(self) -> None:
        if not self._opened():
            return
        document = self.document
        if document is None or self._saving:
            return
        text = document.text()
        if len(document) <= IN_WORKER:
            result = load_pack_text(text, document.name)
            self._checked(text, result, self.on_disk.changed(), self._edits)
            return
        self._saving = True
        self._show_status("Checking the pack before saving…")
        self._check(text, document.name, self._edits)

    @work(thread=True, exclusive=True, group="editor-save")
    def _check(self, text: str, name: str, edits: int) -> None:
        """A big pack's check before saving, and whether the file changed on disk since it was
        read: seconds for 100,000 questions, away from the UI thread."""
        result = load_pack_text(text, name)
        changed = self.on_disk.changed()
        if not get_current_worker().is_cancelled:  # the editor was left meanwhile
            self.app.call_from_thread(self._checked, text, result, changed, edits)

    def _checked(self, text: str, result: LoadResult, changed: bool, edits: int) -> None:
        """`text` (the pack after `edits` changes) was checked: save it, or say what is wrong;
        ask first if the file `changed` on disk."""
        self._saving = False
        if not self.is_attached:  # the editor closed while the check ran (the app quit)
            return
        if not result.ok:
            first = result.errors[0].message if result.errors else "unknown problem"
            if self.document is not None and not len(self.document):
                first = "a pack needs at least one question: press a to add one"
            self._show_status(safetext.literal(f"✗ Not saved: {first}"))
            self.app.bell()
            return
        if not changed:
            self._write(text, edits)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(text, edits)
            else:
                self._show_status(safetext.literal("Not saved: the file on disk is kept."))

        self.app.push_screen(
            ConfirmScreen(
                "The file changed on disk. Save over it?",
                f"Something else wrote {self.path.name} since the editor read it; saving "
                "replaces that with what you see here.",
                yes="Save over it",
                no="Keep the file",
            ),
            answered,
        )

    def _write(self, text: str, edits: int) -> None:
        """Write `text`, the pack after `edits` changes (later ones stay unsaved)."""
        try:
            save_text(self.path, text)
        except OSError as exc:
            self._show_status(safetext.literal(f"✗ Not saved: {exc.strerror or exc}"))
            return
        self.on_disk.written(self.path, text)
        self.dirty = edits != self._edits
        self._show_status()
        self.app.notify(f"Saved {self.path.name}", markup=False)

    def action_copy(self) -> None:
        """Copy a read-only pack into the player's packs and edit the copy (a big pack's copy
        is made and written in a worker: seconds for 100,000 questions)."""
        if not self._opened() or self._copying:
            return
        document = self.document
        assert document is not None
        base = f"{document.fields.get('id', self.path.stem)}-copy"
        new_id, n = base, 2
        while new_id in self.taken_ids or (self.user_folder / f"{new_id}.yaml").exists():
            new_id, n = f"{base}-{n}", n + 1
        target = self.user_folder / f"{new_id}.yaml"
        title = f"{document.fields.get('title', new_id)} (my copy)"
        if len(document) <= IN_WORKER:
            self._copied(new_id, *_write_copy(document, target, new_id, title))
            return
        self._copying = True
        self._show_status(safetext.literal(f"Copying to {target}…"))
        self._copy(document, target, new_id, title)

    @work(thread=True, exclusive=True, group="editor-copy")
    def _copy(self, document: PackDocument, target: Path, new_id: str, title: str) -> None:
        made = _write_copy(document, target, new_id, title)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._copied, new_id, *made)

    def _copied(self, new_id: str, copy: PackDocument | None, text: str, problem: str) -> None:
        """The copy `new_id` was written (`copy`, its `text`), or could not be (`problem`)."""
        self._copying = False
        if not self.is_attached:
            return
        if copy is None:
            self._show_status(safetext.literal(f"✗ Cannot copy: {problem}"))
            return
        target = Path(copy.name)
        self.taken_ids.add(new_id)
        self.on_disk.written(target, text)
        self.path, self.document, self.editable, self.dirty = target, copy, True, False
        self.show()
        self.app.notify(f"Copied to {target}; you are editing the copy.", markup=False)

    def action_close(self) -> None:
        if self._saving:  # leaving now would drop the save that was asked for: wait for it
            self._show_status("Saving: the pack is being checked; Esc again once it is saved.")
            self.app.bell()
            return
        if self._copying:  # Home looks for packs once the editor is left: the copy first
            self._show_status("Copying: Esc again once the copy is written.")
            self.app.bell()
            return
        dismiss_unless_kept(
            self,
            self.dirty,
            "Leave without saving?",
            "Your changes to this pack are lost.",
            yes="Leave",
            no="Stay",
        )
