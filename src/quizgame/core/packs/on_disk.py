"""Whether a file changed on disk since it was read: the editor asks before saving over it."""

from __future__ import annotations

from pathlib import Path


class DiskCopy:
    """What a file held when it was read (or last written): None for a file that did not exist.

    `changed` compares that with what the file holds now: another program (or another quizgame)
    may have written it in between. A file gone since is not "changed": saving loses nothing.
    """

    def __init__(self, path: Path, text: str | None) -> None:
        self.path = path
        self.text = text

    @staticmethod
    def read(path: Path) -> str | None:
        """The file's text now (None if it is not there). Raises OSError if it cannot be read."""
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def changed(self) -> bool:
        """Whether the file holds something other than what was read. A file that cannot be read
        (or decoded) now counts as changed: saving would overwrite what we cannot see."""
        try:
            now = self.read(self.path)
        except (OSError, UnicodeDecodeError):
            return True
        return now is not None and now != self.text

    def written(self, path: Path, text: str) -> None:
        """`text` was written to `path` (the copy now stands for it)."""
        self.path, self.text = path, text
