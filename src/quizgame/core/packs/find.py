"""Finding a question in a pack being edited: by its number, or by words of its prompt or id.

`find_question` looks question by question (a Python loop: fine for a few hundred questions);
`FindIndex` keeps every question's prompt and id casefolded in blocks of joined text, so that a
search over 100,000 questions is a few `str.find` calls at C speed, and a question edited,
added, deleted or moved changes one block, never the whole index.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable

Summary = Callable[[int], tuple[str, str, str]]  # index -> (prompt, type, id)

BLOCK = 1024  # rows a block holds at most: what an edit costs to join again


def question_number(query: str, count: int) -> int | None:
    """The index of the question `query` gives the number of ("12" or "#12", 1-based); None if
    it is not a number or no question has that number."""
    digits = query.strip().lstrip("#")
    if not digits.isdigit():
        return None
    number = int(digits)
    return number - 1 if 1 <= number <= count else None


def find_question(query: str, count: int, summary: Summary, after: int | None) -> int | None:
    """The index of the question `query` names: a number is the question's number (1-based);
    other text is found in a prompt or id (case and accents as typed, case ignored), searching
    from the question after `after` and round to the start. None if there is none."""
    query = query.strip()
    if not query or not count:
        return None
    if query.lstrip("#").isdigit():
        return question_number(query, count)
    wanted = query.casefold()
    start = 0 if after is None else after + 1
    for step in range(count):
        index = (start + step) % count
        prompt, _type, qid = summary(index)
        if wanted in prompt.casefold() or wanted in qid.casefold():
            return index
    return None


def row_text(prompt: str, qid: str) -> str:
    """What the index holds of one question: its prompt and id, casefolded, on one line."""
    return f"{prompt}\u0000{qid}".replace("\n", " ").casefold()


class _Block:
    """Up to `BLOCK` rows, and (made when a search first needs it) their text joined, each row
    ending in a newline, with where each row starts in it."""

    __slots__ = ("_starts", "_text", "rows")

    def __init__(self, rows: list[str]) -> None:
        self.rows = rows
        self._text: str | None = None
        self._starts: list[int] = []

    def changed(self) -> None:
        self._text = None

    def joined(self) -> tuple[str, list[int]]:
        if self._text is None:
            starts, at = [], 0
            for row in self.rows:
                starts.append(at)
                at += len(row) + 1
            self._starts = starts
            self._text = "\n".join(self.rows) + "\n"
        return self._text, self._starts


class FindIndex:
    """Every question's prompt and id (`row_text`), in order, for `find`. Build it from the
    rows (in a worker for a big pack: 100,000 rows take a few hundred milliseconds), then keep it
    in step with `replace`, `insert`, `delete` and `move`, each costing one block."""

    def __init__(self, rows: Iterable[str] = ()) -> None:
        self._blocks: list[_Block] = []
        chunk: list[str] = []
        for row in rows:
            chunk.append(row)
            if len(chunk) == BLOCK:
                self._blocks.append(_Block(chunk))
                chunk = []
        if chunk:
            self._blocks.append(_Block(chunk))
        for block in self._blocks:  # joined now (in the builder's thread), not at a search
            block.joined()
        self._firsts: list[int] | None = None  # each block's first row; None: count again

    @classmethod
    def of(cls, count: int, summary: Summary) -> FindIndex:
        """The index of `count` questions, each one's prompt and id from `summary(index)`."""
        return cls(row_text(prompt, qid) for prompt, _type, qid in map(summary, range(count)))

    @property
    def count(self) -> int:
        """How many questions it holds."""
        firsts = self._block_firsts()
        return firsts[-1] + len(self._blocks[-1].rows) if self._blocks else 0

    def _block_firsts(self) -> list[int]:
        if self._firsts is None:
            firsts, at = [], 0
            for block in self._blocks:
                firsts.append(at)
                at += len(block.rows)
            self._firsts = firsts
        return self._firsts

    def _locate(self, index: int) -> tuple[int, int]:
        """(block, row in the block) of question `index`, 0 <= index < count."""
        firsts = self._block_firsts()
        block = bisect_right(firsts, index) - 1
        return block, index - firsts[block]

    # --- searching -------------------------------------------------------------------------------

    def find(
        self, query: str, after: int | None, stop: Callable[[], bool] | None = None
    ) -> int | None:
        """As `find_question`: a number is a question's number; other text is searched for from
        the question after `after`, round to the start. None if nothing matches, or if `stop()`
        (asked between blocks: a search in a worker that is no longer wanted) says to stop."""
        query = query.strip()
        count = self.count
        if not query or not count:
            return None
        if query.lstrip("#").isdigit():
            return question_number(query, count)
        wanted = query.casefold()
        if "\n" in wanted or "\u0000" in wanted:
            return None
        start = 0 if after is None or after + 1 >= count else after + 1
        first_block, first_row = self._locate(start)
        text, starts = self._blocks[first_block].joined()
        found = text.find(wanted, starts[first_row])
        if found != -1:
            return self._row_at(first_block, found)
        order = [*range(first_block + 1, len(self._blocks)), *range(first_block)]
        for block in order:
            if stop is not None and stop():
                return None
            text, _starts = self._blocks[block].joined()
            found = text.find(wanted)
            if found != -1:
                return self._row_at(block, found)
        # Round to the start: the rows of the first block before `start` (a match never runs
        # past its row's newline, so one starting before that row ends before it).
        text, starts = self._blocks[first_block].joined()
        found = text.find(wanted, 0, starts[first_row])
        return None if found == -1 else self._row_at(first_block, found)

    def _row_at(self, block: int, offset: int) -> int:
        _text, starts = self._blocks[block].joined()
        return self._block_firsts()[block] + bisect_right(starts, offset) - 1

    # --- keeping in step -------------------------------------------------------------------------

    def replace(self, index: int, row: str) -> None:
        """Question `index` now reads `row`."""
        block, at = self._locate(index)
        self._blocks[block].rows[at] = row
        self._blocks[block].changed()

    def insert(self, index: int, rows: list[str]) -> None:
        """`rows` are questions `index`, `index + 1`... now (0 <= index <= count)."""
        if not rows:
            return
        if not self._blocks:
            self._blocks.append(_Block([]))
        if index >= self.count:
            block, at = len(self._blocks) - 1, len(self._blocks[-1].rows)
        else:
            block, at = self._locate(index)
        target = self._blocks[block]
        target.rows[at:at] = rows
        target.changed()
        if len(target.rows) > 2 * BLOCK:  # an import of many: split it back into blocks
            whole = target.rows
            self._blocks[block : block + 1] = [
                _Block(whole[i : i + BLOCK]) for i in range(0, len(whole), BLOCK)
            ]
        self._firsts = None

    def delete(self, index: int) -> None:
        """Question `index` is gone; the ones after it move up."""
        block, at = self._locate(index)
        del self._blocks[block].rows[at]
        self._blocks[block].changed()
        if not self._blocks[block].rows:
            del self._blocks[block]
        self._firsts = None

    def move(self, index: int, to: int) -> None:
        """Question `index` is at `to` now, as `PackDocument.move_question` moves it."""
        block, at = self._locate(index)
        row = self._blocks[block].rows[at]
        self.delete(index)
        self.insert(to, [row])
