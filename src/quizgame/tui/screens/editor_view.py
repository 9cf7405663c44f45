"""The pack editor's view of a pack: the question list, the preview, the status line, the find
index, and reading the file for editing (the questions Home read listed until it is read).

`editor_search.SearchingView` adds finding a question on it, and `editor.EditorScreen` what
changes the pack: add, edit, delete, move, import, save, copy and leaving.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from quizgame.core.packs.edit import EditError, PackDocument
from quizgame.core.packs.find import FindIndex, row_text
from quizgame.core.packs.gc_pause import gc_paused, settle_long_lived
from quizgame.core.packs.model import Pack
from quizgame.core.packs.on_disk import DiskCopy
from quizgame.core.packs.pieces import read_text
from quizgame.tui import safetext
from quizgame.tui.screens.editor_find import FindBox
from quizgame.tui.screens.editor_preview import (
    prepare_previews,
    question_preview,
    summary_lines,
)
from quizgame.tui.widgets.footer import SteadyFooter
from quizgame.tui.widgets.question_list import QuestionList
from quizgame.tui.widgets.text_view import TextView


class EditorView(Screen[None]):
    """A pack's questions shown, read from its file for editing; nothing changes them here."""

    def __init__(
        self,
        path: Path,
        *,
        editable: bool,
        user_folder: Path,
        document: PackDocument | None = None,
        taken_ids: Iterable[str] = (),
        pack: Pack | None = None,
    ) -> None:
        super().__init__()
        self.pack = pack  # as Home read it: listed while the file is read for editing
        self.path = path
        self.editable = editable
        self.user_folder = user_folder
        self.document = document
        self.taken_ids = set(taken_ids)
        self.dirty = document is not None  # a pack made here exists only on screen until saved
        self.on_disk = DiskCopy(path, None)  # what the file held when read: saving checks it
        # Every question's prompt and id for the find box, built in a worker and then kept in
        # step with each change; None while it is built (a search then looks row by row).
        self._find_index: FindIndex | None = None
        self._index_generation = 0  # one more at each change: an older build is dropped
        self._status: str | Content | None = None  # what the status line shows now
        self._title: Content | None = None  # what the title line shows now
        self._last_highlight: int | None = None  # the list's last highlight: where keys go

    # --- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="editor-title")
        with Horizontal(id="editor-main"):
            questions = QuestionList(
                self._row_label, placeholder="Opening the pack…", id="question-list"
            )
            questions.border_title = "Questions"
            yield questions
            preview = TextView(id="question-preview")
            preview.border_title = "Question"
            yield preview
        yield FindBox(id="editor-find")
        yield Static(id="editor-status")
        yield SteadyFooter()  # its keys are built again only when they change

    def on_mount(self) -> None:
        self.query_one("#editor-find").display = False
        question_list = self.query_one("#question-list", QuestionList)
        question_list.focus()
        self.watch(question_list, "highlighted", self._highlighted, init=False)
        if self.document is None and self.pack is not None:
            self._show_pack_first(self.pack)
            # Read the file once that screenful is drawn: the worker's parse holds the GIL
            # half the time, and would slow the first frame down.
            self.call_after_refresh(self._load)
        elif self.document is None:
            self._load()
        else:
            self._reindex()
            self.show()

    def _show_pack_first(self, pack: Pack) -> None:
        """List the questions of the pack Home read (from its cache) until the file is read for
        editing; nothing can be changed until then."""
        questions = pack.questions

        def label(index: int) -> tuple[Content, Content]:
            question = questions[index]
            return summary_lines(index + 1, question.prompt, question.type.value, question.id)

        self.query_one("#question-list", QuestionList).set_rows(len(questions), label)
        generation = self._index_generation
        # As the file is read: once this screenful is drawn.
        self.call_after_refresh(
            self._build_index, generation, lambda: (row_text(q.prompt, q.id) for q in questions)
        )
        count = len(questions)
        self._show_title(pack.title)
        self._show_status(f"{count} question{'s' if count != 1 else ''} · opening for editing…")

    @work(thread=True, exclusive=True, group="editor-load")
    def _load(self) -> None:
        try:
            text = read_text(self.path)  # decoded a piece at a time: the UI thread runs
            with gc_paused():  # many plain objects, no cycles
                document = PackDocument(text, str(self.path))
                index = FindIndex.of(len(document), document.summary)
                # Out of the collector's reach before it runs again: its passes over them
                # would hold the GIL for seconds on a big pack, stalling the UI thread.
                settle_long_lived()
        except (OSError, UnicodeDecodeError, EditError) as exc:
            self.app.call_from_thread(self._failed, f"Cannot edit {self.path.name}: {exc}")
            return
        except Exception as exc:  # a file the editor cannot take apart must not end the game
            message = f"Cannot edit {self.path.name}: {type(exc).__name__}: {exc}"
            self.app.call_from_thread(self._failed, message)
            return
        self.app.call_from_thread(self._loaded, document, text, index)

    def _loaded(self, document: PackDocument, text: str, index: FindIndex) -> None:
        self.document = document
        self.on_disk = DiskCopy(self.path, text)
        self._index_generation += 1  # the file's questions, not the pack's read for Home
        self._find_index = index
        self.show()

    def _failed(self, message: str) -> None:
        self.app.notify(message, severity="error", markup=False)
        self.dismiss(None)

    # --- showing ---------------------------------------------------------------------------------

    @property
    def unsaved_changes(self) -> bool:
        return self.dirty

    def show(self, highlight: int | None = None) -> None:
        """Fill the list from the document; keep (or move) the highlight."""
        document = self.document
        assert document is not None
        self._show_title(document.fields.get("title", self.path.stem))
        # Only the rows in view are ever labelled: a pack of any size shows at once.
        question_list = self.query_one("#question-list", QuestionList)
        question_list.set_rows(
            len(document),
            self._row_label,
            highlight=highlight,
            placeholder="No questions yet: press a to add one.",
        )
        self._show_preview()
        self._show_status()
        self.refresh_bindings()

    def _show_title(self, title: object) -> None:
        mode = "" if self.editable else "  (read-only)"
        shown = safetext.assemble(
            ("Editing ", "bold"), safetext.line(title, "bold"), mode, "  ·  ", str(self.path)
        )
        if shown != self._title:
            self._title = shown
            # One line, always (the stylesheet): no layout, which on a big pack's first
            # screenful, or as its read ends, costs the screen's longest stall.
            self.query_one("#editor-title", Static).update(shown, layout=False)

    def _show_preview(self) -> None:
        index = self.highlighted
        text = self.query_one("#question-preview", TextView)
        if index is None and self.document is None and self.pack is not None:
            at = self.query_one("#question-list", QuestionList).highlighted
            if at is not None and at < len(self.pack.questions):
                text.update(safetext.literal(self.pack.questions[at].prompt, "bold"))
                return
        if index is None or self.document is None:
            text.update(Content(""))
        else:
            text.update(question_preview(self.document.question(index)), self._preview_key(index))

    def _preview_key(self, index: int) -> tuple[int, int, int]:
        """What question `index`'s preview is kept under: the same only while it is unchanged
        (every change counts one more in `_index_generation`)."""
        return id(self.document), self._index_generation, index

    def _prepare_previews(self, index: int, step: int) -> None:
        """Once question `index` is drawn, wrap the previews a next key is likely to show."""
        if self.document is not None and self.highlighted == index:  # (not moved on meanwhile)
            view = self.query_one("#question-preview", TextView)
            prepare_previews(view, self.document, index, step, self._preview_key)

    def _show_status(self, message: str | Content | None = None) -> None:
        if message is None:
            count = len(self.document) if self.document else 0
            counted = f"{count} question{'s' if count != 1 else ''}"
            if not self.editable:
                message = f"{counted} · a bundled pack, read-only: press c to copy it to your packs"
            elif self.dirty:
                message = f"{counted} · unsaved changes (Ctrl+S saves)"
            else:
                message = f"{counted} · saved"
        if message != self._status:  # an update lays the screen out again: only on a change
            self._status = message
            self.query_one("#editor-status", Static).update(message)

    def _row_label(self, index: int) -> Content | tuple[Content, Content]:
        """The list's row `index`, made when it comes into view."""
        if self.document is None or index >= len(self.document):
            return Content("")
        return summary_lines(index + 1, *self.document.summary(index))

    def _summary(self, index: int) -> tuple[str, str, str]:
        """Question `index`'s prompt, type and id, from the file or (until it is read) the pack."""
        if self.document is not None:
            return self.document.summary(index)
        assert self.pack is not None
        question = self.pack.questions[index]
        return question.prompt, question.type.value, question.id

    # --- the find index ---------------------------------------------------------------------------

    def _row_text(self, index: int) -> str:
        """Question `index` as the find index holds it."""
        prompt, _type, qid = self._summary(index)
        return row_text(prompt, qid)

    def _reindex(self) -> None:
        """Build the find index again, in a worker (after a change it cannot follow row by row,
        such as an import)."""
        self._index_generation += 1
        self._find_index = None
        if self.document is not None:
            # The worker's own list: a change replaces a question's data, never edits it.
            data = [item.data for item in self.document.items]
            self._build_index(
                self._index_generation,
                lambda: (row_text(str(q.get("prompt", "")), str(q.get("id", ""))) for q in data),
            )

    @work(thread=True, exclusive=True, group="editor-index")
    def _build_index(self, generation: int, rows: Callable[[], Iterable[str]]) -> None:
        # Exclusive: a newer build (an edit while this one runs) cancels this one, which then
        # stops reading rows and hands nothing back.
        worker = get_current_worker()

        def live() -> Iterator[str]:
            for n, row in enumerate(rows()):
                if n % 4096 == 0 and worker.is_cancelled:
                    return
                yield row

        index = FindIndex(live())
        if not worker.is_cancelled:
            self.app.call_from_thread(self._indexed, generation, index)

    def _indexed(self, generation: int, index: FindIndex) -> None:
        if generation == self._index_generation:  # nothing changed since the build began
            self._find_index = index

    @property
    def highlighted(self) -> int | None:
        if self.document is None or not len(self.document):
            return None
        return self.query_one("#question-list", QuestionList).highlighted

    def _highlighted(self, index: int | None) -> None:
        # Watched, not a message: the preview changes in the same frame as the list's highlight.
        self._show_preview()
        before, self._last_highlight = self._last_highlight, index
        if index is None or self.document is None:
            return
        question_list = self.query_one("#question-list", QuestionList)
        step = 1 if before is None else index - before
        if abs(step) <= question_list.page:  # a move, not a jump (End, a question found)
            question_list.call_after_drawn(partial(self._prepare_previews, index, step or 1))
        else:
            question_list.call_after_drawn(partial(self._prepare_previews, index, 0))
