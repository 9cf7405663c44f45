"""Finding a question in the pack editor: the find box's Enter, and a big pack searched in a
worker as the words are typed (what is found, and how, is `core.packs.find`).

`SearchingView` is the editor's view (`editor_view.EditorView`) with finding added;
`editor.EditorScreen` is built on it.
"""

from __future__ import annotations

from functools import partial

from textual import on, work
from textual.widgets import Input
from textual.worker import Worker, get_current_worker

from quizgame.core.packs.find import FindIndex, find_question, question_number
from quizgame.tui import safetext
from quizgame.tui.screens.editor_find import FindBox
from quizgame.tui.screens.editor_preview import question_preview
from quizgame.tui.screens.editor_view import EditorView
from quizgame.tui.widgets.question_list import QuestionList
from quizgame.tui.widgets.text_view import TextView

FindKey = tuple[str, int | None, int]  # a search's words, the row it starts after, index state
# A pack of more questions than this is searched as the find box's words are typed (in a
# worker): Enter's own search would take milliseconds; a smaller pack's takes microseconds.
SEARCH_AHEAD = 2_000


class SearchingView(EditorView):
    """The editor's view with its find box: a question's number, or words of its prompt or id."""

    # Searches made as the find box's words are typed (`_search_ahead`): the last one's
    # result, the one under way, and whether Enter waits for it.
    _ahead: tuple[FindKey, int | None] | None = None
    _searching: FindKey | None = None
    _wanted: FindKey | None = None
    _search_worker: Worker[None] | None = None

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
            self._drop_search()  # a closed box finds nothing later, not even an Enter waiting
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
        else:  # the question a number names, made ready to show as Enter will
            self.call_after_refresh(self._prepare_found, question_number(words, count))

    def _prepare_found(self, found: int | None) -> None:
        """Make ready what showing question `found` draws (its rows, its preview), so that Enter
        only draws them: a big pack's search finds a question whose rows nothing labelled."""
        if found is None or self.document is None or not self.is_attached:
            return
        question_list = self.query_one("#question-list", QuestionList)
        if found >= question_list.count:
            return
        question_list.prepare_rows(found)
        document = self.document
        self.query_one("#question-preview", TextView).prepare(
            self._preview_key(found), lambda: question_preview(document.question(found))
        )

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
            box = self.query_one("#editor-find", FindBox)
            if wanted == key and box.display and box.value == key[0]:
                # Enter is waiting, with the words still in the open box: search now
                self._find(FindBox.Find(key[0]))
            return
        self._ahead = (key, found)
        if wanted == key:
            self._show_found(key[0], found)
        else:
            self._prepare_found(found)
