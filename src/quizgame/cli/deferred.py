"""Standard-library modules that click, pathlib and shutil import but a command rarely uses,
loaded on first use instead of at every start.

click.core imports `inspect` (with ast, dis and tokenize: ~15 ms, half of a bare interpreter's
start) and uses it only to format help, plus `inspect.cleandoc` on every option's help text;
urllib.parse, which pathlib imports, imports `ipaddress` (~3 ms) only for URLs with a bracketed
host; shutil (click's help, tempfile) imports `bz2` and `lzma` (~3 ms) only to see that they
exist; click.types imports `uuid` (with `platform`: ~5 ms) only for its UUID parameter type,
and every click module `gettext` (with `locale`, then a catalogue search at each message) to
translate its messages, for which Python's own folder of catalogues must exist to find any;
platformdirs imports `tempfile` (with shutil and random: ~6 ms) for the runtime folder only;
pathlib imports `urllib.parse` (~2 ms) for `as_uri` and `fnmatch` (~1 ms) for `match` and `glob`.
`defer` puts a stand-in for each in `sys.modules`: `import inspect` anywhere finds it,
and the first attribute read from it that it does not hold runs the real module's code in the
stand-in itself, so every importer shares one module, as usual. The stand-in for `inspect`
holds `cleandoc` beforehand (a copy, which the real one then replaces; a test holds the two
equal on every help text of ours); what other modules take with `from M import name` at import
time is held the same way, as a stand-in that loads the real module when it is used (called, or
asked `isinstance`): `gettext` and `ngettext` answer the message itself, as the real ones do,
while no catalogue folder exists and the real module is not loaded; the stand-in `uuid.UUID`
is there only while click imports (see `settle`). `quizgame.cli` imports this module before
anything else, which calls `defer`; a module already imported is left as it is.

Beside them, the Windows modules that pathlib's `ntpath` tries to import on every platform
(`nt`, five times, and `_winapi`): elsewhere each failed try searches every folder on
`sys.path` (~1 ms in all), so `mark_absent` records them as missing at once (None in
`sys.modules`, which Python documents as "not importable": the import raises
ModuleNotFoundError, an ImportError, as before).

importlib.util.LazyLoader does not do here on Python 3.11: the import statement reads the
module's `__spec__`, and any attribute read makes LazyLoader load the module at once.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
import types

# What to defer: modules that click, pathlib, shutil or platformdirs import and read only on
# rare paths.
DEFERRED = (
    *("inspect", "ipaddress", "bz2", "lzma", "uuid", "gettext", "tempfile"),
    *("urllib.parse", "fnmatch"),
)


def cleandoc(doc: str) -> str:
    """`inspect.cleandoc` (Python 3.11's), for click's option help before `inspect` is loaded:
    tabs expanded, the indentation that the lines after the first share removed, then blank
    lines at both ends."""
    lines = doc.expandtabs().split("\n")
    margin = sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            margin = min(margin, len(line) - content)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def _real(name: str) -> types.ModuleType:
    """The module `name`, its code run (now, if it was deferred)."""
    module = sys.modules[name]
    if type(module) is Deferred:
        _load(module)
    return module


def _forward(module: str, name: str) -> object:
    """A stand-in for function `name` of `module`: calling it loads the module and calls the
    real one (the stand-in's module then holds the real one for later readers)."""

    def forward(*args: object, **kwargs: object) -> object:
        return getattr(_real(module), name)(*args, **kwargs)

    forward.__name__ = forward.__qualname__ = name
    return forward


class _LoadsUUID(type):
    """Makes `UUID` below stand for `uuid.UUID`: calling it or `isinstance` loads `uuid`."""

    def __call__(cls, *args: object, **kwargs: object) -> object:
        return _real("uuid").UUID(*args, **kwargs)

    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, _real("uuid").UUID)

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, _real("uuid").UUID)


class UUID(metaclass=_LoadsUUID):
    """`uuid.UUID` while click imports: click.types subscribes a generic with it. Not after
    (`settle`): msgspec and others keep the class they read as *the* UUID type."""


# What a stand-in holds only while click is imported: classes, which a reader may keep.
WHILE_CLICK_IMPORTS = {"uuid": ("UUID",)}


def settle() -> None:
    """Called once click is imported: the stand-ins drop what they held for click alone, so
    that the next reader of `uuid.UUID` loads uuid and gets the real class."""
    for name, attributes in WHILE_CLICK_IMPORTS.items():
        module = sys.modules.get(name)
        if type(module) is Deferred:
            for attribute in attributes:
                module.__dict__.pop(attribute, None)


_catalogues: list[bool] = []  # [whether Python's folder of message catalogues exists], once


def _may_translate() -> bool:
    """Whether gettext could find a catalogue: it is loaded (a domain or folder may have been
    bound), or the folder it looks in by default exists. Without either, every message is
    its own translation, whatever the locale."""
    if is_loaded("gettext"):
        return True
    if not _catalogues:
        _catalogues.append(os.path.isdir(os.path.join(sys.base_prefix, "share", "locale")))
    return _catalogues[0]


def gettext(message: str) -> str:
    """`gettext.gettext` (the default domain), loading gettext only if it could translate."""
    if _may_translate():
        translated: str = _real("gettext").gettext(message)
        return translated
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """`gettext.ngettext` (the default domain), loading gettext only if it could translate."""
    if _may_translate():
        translated: str = _real("gettext").ngettext(singular, plural, n)
        return translated
    return singular if n == 1 else plural


# Modules whose Python code is always there but whose C part a build may lack: deferred only
# where that part exists (shutil and tarfile try `import lzma` to see what they support).
NEEDS = {"bz2": "_bz2", "lzma": "_lzma"}

# What a stand-in holds before its module's code runs (which replaces it with the real thing).
EARLY: dict[str, dict[str, object]] = {
    "inspect": {"cleandoc": cleandoc},
    "uuid": {"UUID": UUID},
    "gettext": {"gettext": gettext, "ngettext": ngettext},
    "tempfile": {name: _forward("tempfile", name) for name in ("TemporaryFile", "gettempdir")},
    "urllib.parse": {"quote_from_bytes": _forward("urllib.parse", "quote_from_bytes")},
}

_lock = threading.RLock()
_running: set[str] = set()  # the deferred modules whose code is running now


class Deferred(types.ModuleType):
    """A module whose code runs when one of its attributes is first read."""

    def __getattr__(self, name: str) -> object:  # only for what the module does not hold yet
        if name == "__path__":  # `from M import x` asks whether M is a package: none of these is
            raise AttributeError(name)
        _load(self)
        return getattr(self, name)


def _load(module: Deferred) -> None:
    with _lock:  # a second thread waits here for the first to finish running the code
        if type(module) is not Deferred:
            return
        if module.__name__ in _running:  # its own code reads what it has not defined yet
            raise AttributeError(f"module {module.__name__!r} is still being loaded")
        _running.add(module.__name__)
        try:
            spec = module.__spec__
            assert spec is not None and spec.loader is not None
            spec.loader.exec_module(module)
            module.__class__ = types.ModuleType  # type: ignore[assignment]  # loaded: a module
        finally:
            _running.discard(module.__name__)


def defer(names: tuple[str, ...] = DEFERRED) -> None:
    """Put a stand-in in `sys.modules` for each module in `names` not imported yet (a name
    Python cannot find is left alone: its import fails where it is written, as it would)."""
    for name in names:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or spec.submodule_search_locations is not None:
            continue  # not found (its import fails where written, as usual), or a package
        if name in NEEDS and importlib.util.find_spec(NEEDS[name]) is None:
            continue  # built without it: `import lzma` must fail where it is written, as usual
        module = importlib.util.module_from_spec(spec)  # its attributes set, its code not run
        module.__dict__.update(EARLY.get(name, {}))
        module.__class__ = Deferred
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent:  # as importing it would: `import urllib.parse` then reads `urllib.parse`
            setattr(importlib.import_module(parent), child, module)


def is_loaded(name: str) -> bool:
    """Whether the module `name` has been imported and its code run (not only deferred)."""
    module = sys.modules.get(name)
    return module is not None and type(module) is not Deferred


# Windows' own modules, which ntpath (imported by pathlib everywhere) tries to import.
WINDOWS_ONLY = ("nt", "_winapi")


def mark_absent(names: tuple[str, ...] = WINDOWS_ONLY) -> None:
    """Off Windows: record each of `names` not imported yet as missing (None in `sys.modules`),
    so that importing it fails at once instead of after searching all of `sys.path`."""
    if os.name == "nt":
        return
    for name in names:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]  # None: "not importable"


defer()  # on import: quizgame.cli imports this module before anything else
mark_absent()
