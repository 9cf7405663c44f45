"""The pack editor's view of a pack: the question list, the preview, the status line and find,
and reading the file for editing (the questions Home read listed until it is read).

`editor.EditorScreen` is built on it and adds what changes the pack: add, edit, delete, move,
import, save, copy and leaving.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import Worker, get_current_worker

from quizgame.core.packs.edit import EditError, PackDocument
from quizgame.core.packs.find import FindIndex, find_question, row_text
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

FindKey = tuple[str, int | None, int]  # a search's words, the row it starts after, index state
# A pack of more questions than this is searched as the find box's words are typed (in a
# worker): Enter's own search would take milliseconds; a smaller pack's takes microseconds.
SEARCH_AHEAD = 2_000


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
        # Searches made as the find box's words are typed (`_search_ahead`): the last one's
        # result, the one under way, and whether Enter waits for it.
        self._ahead: tuple[FindKey, int | None] | None = None
        self._searching: FindKey | None = None
        self._wanted: FindKey | None = None
        self._search_worker: Worker[None] | None = None
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
        title = document.fields.get("title", self.path.stem)
        mode = "" if self.editable else "  (read-only)"
        self.query_one("#editor-title", Static).update(
            safetext.assemble(
                ("Editing ", "bold"), safetext.line(title, "bold"), mode, "  ·  ", str(self.path)
            )
        )
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

    def action_find(self) -> None:
        box = self.query_one("#editor-find", FindBox)
        box.display = True
        box.focus()

    @on(FindBox.Find)
    def _find(self, event: FindBox.Find) -> None:
        """Enter in the find box: highlight the question asked for (the next match each time)."""
        event.stop()
        question_list = self.query_one("#question-list", QuestionList)
        if event.query is None:
            self.query_one("#editor-find").display = False
            question_list.focus()
            return
        key = self._find_key(event.query)
        if self._ahead is not None and self._ahead[0] == key:  # found as it was typed
            found = self._ahead[1]
        elif self._searching == key:  # being found: shown when it is
            self._wanted = key
            return
        else:
            index, after = self._find_index, question_list.highlighted
            if index is not None and index.count == question_list.count:
                found = index.find(event.query, after)
            else:  # still being built: row by row
                found = find_question(event.query, question_list.count, self._summary, after)
        self._show_found(event.query, found)

    def _show_found(self, query: str, found: int | None) -> None:
        if found is None:
            self._show_status(safetext.literal(f"No question matches “{query}”."))
            return
        question_list = self.query_one("#question-list", QuestionList)
        question_list.highlighted = found
        if self.document is not None:
            self._show_status()
        # The next match, for Enter again: looked for once this one is drawn (a worker's scan
        # of a big pack shares the GIL with the UI thread, and would slow that frame down).
        self._drop_search()
        question_list.call_after_drawn(partial(self._search_next, query, found))

    def _search_next(self, query: str, found: int) -> None:
        """Look for the match after `found` if nothing moved and nothing was typed since."""
        if not self.is_attached or self._searching is not None or self._ahead is not None:
            return
        box = self.query_one("#editor-find", FindBox)
        if (
            box.value == query
            and self.query_one("#question-list", QuestionList).highlighted == found
        ):
            self._search_ahead(query)

    # --- searching as the query is typed ---------------------------------------------------------

    def _find_key(self, query: str) -> FindKey:
        """What a search's result depends on: the words, where it starts, the index's state."""
        highlighted = self.query_one("#question-list", QuestionList).highlighted
        return query, highlighted, self._index_generation

    @on(Input.Changed, "#editor-find")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._search_ahead(event.value)

    def _search_ahead(self, query: str) -> None:
        """Search for `query` in a worker (a scan of a big pack takes some milliseconds, every
        one of which would be Enter's): Enter then shows what was found."""
        self._drop_search()
        index = self._find_index
        words = query.strip()
        count = self.query_one("#question-list", QuestionList).count
        if index is None or index.count != count or count <= SEARCH_AHEAD:
            return
        if words and not words.lstrip("#").isdigit():  # (a number needs no search)
            self._searching = self._find_key(query)
            self._search_worker = self._search(self._searching, index)

    def _drop_search(self) -> None:
        """Forget the search made ahead, and stop the one under way (its words changed)."""
        self._ahead = self._wanted = self._searching = None
        if self._search_worker is not None:
            self._search_worker.cancel()
            self._search_worker = None

    @work(thread=True, group="editor-find")
    def _search(self, key: FindKey, index: FindIndex) -> None:
        # The next character typed cancels this search, which then stops (not `exclusive`:
        # the search that follows a result starts while this worker hands it over).
        worker = get_current_worker()
        failed = False
        try:
            found = index.find(key[0], key[1], stop=lambda: worker.is_cancelled)
        except Exception:  # the index changed under it (an edit): Enter searches itself
            found, failed = None, True
        if not worker.is_cancelled:
            self.app.call_from_thread(self._searched, key, found, failed)

    def _searched(self, key: FindKey, found: int | None, failed: bool) -> None:
        if not self.is_attached or key != self._searching:  # a search no longer wanted
            return
        wanted = self._wanted
        self._search_worker = self._searching = self._wanted = None
        if failed or key != self._find_key(key[0]):  # the highlight or the questions changed
            if wanted == key:  # Enter is waiting: search now, as it would have
                self._find(FindBox.Find(key[0]))
            return
        self._ahead = (key, found)
        if wanted == key:
            self._show_found(key[0], found)

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
