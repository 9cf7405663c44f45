"""Opening the pack editor: on a pack file (editable in the player's packs folder, read-only
elsewhere), or on a new pack named first. The app calls these; the editor is `EditorScreen`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual.app import App

from quizgame.core.packs.edit import PackDocument
from quizgame.core.packs.model import Pack
from quizgame.core.packs.starter import schema_reference
from quizgame.tui.screens.editor import EditorScreen
from quizgame.tui.screens.editor_new import NewPackScreen


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().parent == folder.resolve()
    except OSError:
        return False


def open_editor(
    app: App[Any],
    path: Path,
    folder: Path,
    taken_ids: Iterable[str],
    then: Callable[[Path], object],
    pack: Pack | None = None,
) -> None:
    """Open the pack at `path`: editable in the player's packs `folder`, read-only elsewhere;
    `then` is called with the file edited last (a copy's, after "copy to my packs") when the
    editor closes. `pack` (as read for Home) is listed at once."""
    screen = EditorScreen(
        path, editable=_inside(path, folder), user_folder=folder, taken_ids=taken_ids, pack=pack
    )

    def closed(_: None) -> None:
        then(screen.path)

    app.push_screen(screen, closed)


def start_new_pack(
    app: App[Any], folder: Path, taken_ids: Iterable[str], then: Callable[[Path], object]
) -> None:
    """Ask for a title, then open an empty pack in the editor (saved to the player's packs
    `folder`); `then` is called with the pack's file when the editor closes."""
    taken = set(taken_ids)

    def named(answer: tuple[str, str] | None) -> None:
        if answer is None:
            return
        pack_id, title = answer
        path = folder / f"{pack_id}.yaml"
        document = PackDocument.new(pack_id, title, schema=schema_reference(path))
        screen = EditorScreen(
            path, editable=True, user_folder=folder, document=document, taken_ids=taken
        )

        def closed(_: None) -> None:
            then(screen.path)

        app.push_screen(screen, closed)

    app.push_screen(NewPackScreen(folder, taken), named)
