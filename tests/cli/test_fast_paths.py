"""The read-only commands' fast paths (issue 13): what a command imports is what it needs.

Each probe runs `quizgame ARGS...` in a fresh interpreter, as the console script does, and
reports the modules it loaded; the times themselves are for `bench/bench_commands.py`.
"""

from __future__ import annotations

import importlib.metadata
import inspect
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

import quizgame
from quizgame.cli import COMMANDS, cli, deferred
from quizgame.core import paths
from quizgame.core.scores.store import ScoreStore
from tests.paths import TEST_DATA
from tests.played import make_pack, play

PROBE = r"""
import sys
sys.argv = ["quizgame", *sys.argv[1:]]  # no json here: whether a command imports it is asked
from quizgame.cli import main
if "--settled" in sys.argv:  # files the test has just written match their figures
    sys.argv.remove("--settled")
    from quizgame.core.packs import cache_index
    cache_index.SETTLE_SECONDS = 0
try:
    main()
except SystemExit:
    pass
from quizgame.cli.deferred import is_loaded
sys.stdout.flush()
loaded = [name for name in sys.modules if is_loaded(name)]  # not a deferred one left unread
print("\nMODULES", " ".join(sorted(loaded)))
"""


# What only writing, the party game or the packs need: never loaded to read the score history.
NOT_TO_READ_SCORES = (
    *("quizgame.core.party", "quizgame.net", "quizgame.core.packs", "msgspec", "websockets"),
    *("rapidfuzz", "tempfile", "socket", "secrets", "filelock"),
)


def loaded_by(*args: str, settled: bool = False) -> tuple[str, set[str]]:
    """(what `quizgame ARGS...` printed, the modules it loaded), from a fresh interpreter;
    `settled`: files just written count as settled (`cache_index.SETTLE_SECONDS`)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args, *(["--settled"] if settled else [])],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        timeout=60,
        check=True,
    )
    output, _, modules = done.stdout.rpartition("\nMODULES ")
    return output, set(modules.split())


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_summary_is_the_first_sentence_of_its_commands_help(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    assert command.get_short_help_str(limit=10_000) == COMMANDS[name].summary


# Each deferred module is loaded once read, by importers before and after, in any thread.
DEFERRED_USE = r"""
import sys, threading
from quizgame.cli import deferred
from quizgame.cli.deferred import is_loaded
import inspect, ipaddress
assert not is_loaded("inspect") and not is_loaded("ipaddress"), "loaded by quizgame.cli"
assert inspect.cleandoc("  a\n    b\n") == "a\nb" and not is_loaded("inspect")
threads = [threading.Thread(target=lambda: inspect.signature(print)) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
from inspect import isfunction, cleandoc
assert is_loaded("inspect") and sys.modules["inspect"] is inspect and isfunction(lambda: 0)
assert cleandoc is inspect.cleandoc and cleandoc.__module__ == "inspect"  # the real one now
import urllib.parse
assert urllib.parse.urlsplit("http://[::1]:80/").hostname == "::1" and is_loaded("ipaddress")
import shutil, lzma
assert not is_loaded("lzma") and "xztar" in dict(shutil.get_archive_formats())
assert lzma.decompress(lzma.compress(b"x")) == b"x" and is_loaded("lzma")
print("ok")
"""


# What click and platformdirs take with `from M import name`: stand-ins until used.
FROM_IMPORTED_USE = r"""
import sys
import quizgame.cli, click, platformdirs
from quizgame.cli.deferred import is_loaded
assert not any(map(is_loaded, ["uuid", "platform", "gettext", "locale", "tempfile"]))
assert "UUID" not in vars(sys.modules["uuid"])  # the stand-in class was for click alone
value = click.UUID.convert("12345678-1234-5678-1234-567812345678", None, None)
assert is_loaded("uuid")
import uuid
assert type(value) is uuid.UUID and isinstance(value, click.types.uuid.UUID)
assert click.UUID.convert(value, None, None) is value
import msgspec  # keeps the UUID class it finds: the real one
assert msgspec.json.encode(value) == b'"12345678-1234-5678-1234-567812345678"'
from click.core import _, ngettext
assert _("Show this message and exit.") == "Show this message and exit."
assert ngettext("one", "many", 1) == "one" and ngettext("one", "many", 2) == "many"
assert not is_loaded("gettext")  # no catalogue folder: nothing to translate, nothing loaded
import tempfile
assert tempfile.gettempdir() and is_loaded("tempfile")  # what platformdirs.unix holds
from platformdirs.unix import TemporaryFile
with TemporaryFile() as handle:
    assert handle.write(b"x") == 1
print("ok")
"""

# With a catalogue of our own bound, click's messages are translated as gettext would.
TRANSLATED = r"""
import os, sys, struct
folder = sys.argv[1]
import quizgame.cli, click
from quizgame.cli import deferred
from quizgame.cli.deferred import is_loaded
from click.core import _
assert _("Usage:") == "Usage:" and not is_loaded("gettext")
deferred._catalogues[:] = [True]  # as if Python's own catalogue folder existed
assert _("Usage:") == "Usage:" and is_loaded("gettext")
def mo(pairs):  # a GNU catalogue (gettext's own format), one message
    keys, values = zip(*pairs)
    ids, strs = b"\0".join(keys) + b"\0", b"\0".join(values) + b"\0"
    n, start = len(pairs), 28 + 16 * len(pairs)
    offsets, pos = [], start
    for k in keys:
        offsets.append((len(k), pos)); pos += len(k) + 1
    toff = []
    for v in values:
        toff.append((len(v), pos)); pos += len(v) + 1
    head = struct.pack("<7I", 0x950412DE, 0, n, 28, 28 + 8 * n, 0, 0)
    table = b"".join(struct.pack("<2I", *o) for o in offsets + toff)
    return head + table + ids + strs
os.makedirs(os.path.join(folder, "xx", "LC_MESSAGES"))
with open(os.path.join(folder, "xx", "LC_MESSAGES", "messages.mo"), "wb") as out:
    out.write(mo([(b"Show this message and exit.", b"Sortir.")]))
import gettext
gettext.bindtextdomain("messages", folder)
os.environ["LANGUAGE"] = "xx"
assert _("Show this message and exit.") == "Sortir.", _("Show this message and exit.")
print("ok")
"""


# Off Windows, Windows' own modules (which ntpath tries) are missing at once: no path search.
WINDOWS_ONLY_ABSENT = r"""
import os, sys
import quizgame.cli, pathlib
assert os.name != "nt"
for name in ("nt", "_winapi"):
    assert name in sys.modules and sys.modules[name] is None
    try:
        __import__(name)
    except ModuleNotFoundError:
        pass
    else:
        raise AssertionError(name)
import importlib.util
assert importlib.util.find_spec("nt") is None
assert pathlib.Path("x").resolve().is_absolute() and pathlib.PureWindowsPath("a/b").parts
print("ok")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="only elsewhere")
def test_windows_only_modules_are_missing_at_once() -> None:
    done = subprocess.run(
        [sys.executable, "-c", WINDOWS_ONLY_ABSENT], capture_output=True, text=True, timeout=60
    )
    assert done.stdout == "ok\n", done.stderr


def test_deferred_modules_load_when_read() -> None:
    done = subprocess.run(
        [sys.executable, "-c", DEFERRED_USE], capture_output=True, text=True, timeout=60
    )
    assert done.stdout == "ok\n", done.stderr


def test_what_click_and_platformdirs_import_by_name_loads_when_used() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FROM_IMPORTED_USE], capture_output=True, text=True, timeout=60
    )
    assert done.stdout == "ok\n", done.stderr


def test_clicks_messages_are_translated_once_a_catalogue_is_bound(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", TRANSLATED, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout == "ok\n", done.stderr


def help_texts() -> list[str]:
    """Every help text of ours that click cleans: the commands' docstrings, every option's."""
    texts = []
    for name in [*COMMANDS, None]:
        command = cli if name is None else cli.get_command(click.Context(cli), name)
        assert command is not None and command.callback is not None
        texts.append(command.callback.__doc__ or "")
        texts += [p.help for p in command.params if isinstance(p, click.Option) and p.help]
    return texts


@pytest.mark.parametrize(
    "text", [*help_texts(), "", "\n\n", "\tTabbed\n\t  line\n\n", " a\n\n   b\n  c\n \n"]
)
def test_the_early_cleandoc_is_inspects(text: str) -> None:
    assert deferred.cleandoc(text) == inspect.cleandoc(text)


def test_help_lists_every_command_and_imports_none() -> None:
    output, modules = loaded_by("--help")
    listed = output.split("\nCommands:\n")[1].splitlines()
    assert [line.split()[0] for line in listed if line.startswith("  ") and line[2] != " "] == [
        *COMMANDS
    ]
    assert not {listed.module for listed in COMMANDS.values()} & modules


def test_version_is_written_once_and_read_without_package_metadata() -> None:
    assert importlib.metadata.version("quizgame") == quizgame.__version__  # pyproject reads it
    output, modules = loaded_by("--version")
    assert output == f"quizgame, version {quizgame.__version__}\n"
    assert "importlib.metadata" not in modules


@pytest.fixture
def played(tmp_path: Path) -> Path:
    """A data folder (not named as the platform's) whose score history holds one session."""
    with ScoreStore.open(paths.scores_db(tmp_path)) as store:
        play(store, make_pack(), [True, False])
    return tmp_path


@pytest.mark.parametrize("name", ["scores", "history"])
def test_reading_the_score_history_loads_only_what_it_reads(name: str, played: Path) -> None:
    output, modules = loaded_by(name, "--data-dir", str(played))
    assert "films" in output
    assert not {m for m in modules if m.startswith(NOT_TO_READ_SCORES)}
    assert "platformdirs" not in modules  # the data folder was given
    assert "inspect" not in modules  # deferred, and never read
    # Deferred or imported where used: none is needed to show the history as text.
    unused = {"json", "dataclasses", "uuid", "gettext", "locale", "urllib.parse", "fnmatch"}
    assert not unused & modules


def test_version_and_help_read_no_deferred_module() -> None:
    for args in (["--version"], ["--help"]):
        _output, modules = loaded_by(*args)
        assert not set(deferred.DEFERRED) & modules


def test_validating_a_sound_pack_reads_no_cache_and_locates_nothing() -> None:
    output, modules = loaded_by("validate", str(TEST_DATA / "packs" / "all-types.yaml"))
    assert output.endswith(": ok, 6 questions\n")
    assert not modules & {"msgspec", "lz4", "quizgame.core.packs.cache"}
    assert "quizgame.core.packs.positions" not in modules


def test_listing_cached_packs_neither_parses_nor_checks(tmp_path: Path) -> None:
    loaded_by("packs", "--data-dir", str(tmp_path))  # the first look fills the cache
    output, modules = loaded_by("packs", "--data-dir", str(tmp_path))
    assert "parallel-mothers" in output
    checking = ("quizgame.core.packs.check", "quizgame.core.packs.yaml_reader", "yaml")
    assert not {m for m in modules if m.startswith(checking)}


def test_listing_unchanged_packs_loads_none_of_them(tmp_path: Path) -> None:
    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True)
    (packs / "mine.yaml").write_text((TEST_DATA / "packs" / "all-types.yaml").read_text())
    args = ("packs", "--data-dir", str(tmp_path / "data"))
    first, loaded_first = loaded_by(*args, settled=True)
    assert "quizgame.core.packs.model" in loaded_first  # nothing to list them from yet
    again, modules = loaded_by(*args, settled=True)
    assert again == first and "mine.yaml" in again
    assert not _within(modules, NOT_TO_LIST_PACKS)
    (packs / "mine.yaml").write_text("id: mine\n")  # broken now: loaded, and listed so
    changed, loaded_changed = loaded_by(*args, settled=True)
    assert "quizgame.core.packs.model" in loaded_changed
    assert changed != first and "BROKEN" in changed
    assert loaded_by(*args, settled=True)[0] == changed


# What listing packs from the summary index never needs: the packs themselves.
NOT_TO_LIST_PACKS = (
    *("quizgame.core.packs.model", "quizgame.core.packs.read", "quizgame.core.packs.cache"),
    *("msgspec", "lz4", "yaml", "quizgame.core.packs.check", "quizgame.core.scores", "sqlite3"),
)


def test_validating_an_unchanged_pack_loads_no_checker(tmp_path: Path) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text((TEST_DATA / "packs" / "all-types.yaml").read_text())
    first, loaded_first = loaded_by("validate", str(pack), settled=True)
    assert "yaml" in loaded_first and "quizgame.core.packs.check" in loaded_first
    again, modules = loaded_by("validate", str(pack), settled=True)
    assert again == first and "mine.yaml: ok" in again
    assert not _within(modules, NOT_TO_RECALL_A_CHECK)


NOT_TO_RECALL_A_CHECK = (*NOT_TO_LIST_PACKS, "quizgame.core.packs.yaml_reader", "rapidfuzz")


def _within(modules: set[str], packages: tuple[str, ...]) -> set[str]:
    """The modules that are one of `packages` or inside one."""
    return {m for m in modules if any(m == p or m.startswith(p + ".") for p in packages)}
