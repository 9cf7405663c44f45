"""Pack text made safe to print: no terminal escape sequences or control characters.

Pack text is untrusted. Printed raw, `ESC ] 0 ; title BEL` retitles the terminal and `ESC [ 2 J`
clears it; bidi overrides hide text. Both the CLI and the TUI (through `tui.safetext`) pass pack
text through `clean` or `clean_line` before showing it.
"""

from __future__ import annotations

import functools
import re


@functools.cache
def _pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """`source` compiled on first use, then kept: compiling the patterns here at import cost
    every command ~2 ms, and most text holds no escape (re's own cache, `re.search(source)`,
    costs a microsecond more a call: too much for every quoted string of a big pack)."""
    return re.compile(source, flags)


# ESC-introduced sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks, clipboard),
# DCS/SOS/PM/APC strings, and the short two-character forms (e.g. ESC c: reset the terminal).
_ESCAPE_SEQUENCE = r"""
    \x1b\[ [0-?]* [ -/]* [@-~]                      # CSI
    | \x9b [0-?]* [ -/]* [@-~]                      # 8-bit CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) .*? (?:\x07|\x1b\\|\x9c|$)   # OSC, DCS, SOS, PM, APC
    | \x1b [ -/]* [0-~]                             # nF / Fp / Fe / Fs two-character forms
    """

_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_DROP = {
    **{code: None for code in range(0x20) if code not in (0x09, 0x0A)},  # C0 except tab, newline
    0x7F: None,  # DEL
    **{code: None for code in range(0x80, 0xA0)},  # C1
    **{code: None for code in _BIDI_CONTROLS},
    0x09: " ",
    0x2028: "\n",  # line separator
    0x2029: "\n",  # paragraph separator
}
_DROPPED = "[" + "".join(re.escape(chr(code)) for code in _DROP) + "]"
_C1 = "[\x80-\x9f]"  # 8-bit controls, which can start a sequence as ESC does


def clean(text: object) -> str:
    """`text` as a string without escape sequences or control characters (newlines kept)."""
    value = str(text)
    if value.isascii() and value.isprintable():  # space to ~ only: nothing to remove, and
        return value  # the patterns below are compiled only for text that may need them
    value = value.replace("\r\n", "\n")
    if "\x1b" in value or _pattern(_C1).search(value):
        value = _pattern(_ESCAPE_SEQUENCE, re.VERBOSE | re.DOTALL).sub("", value)
    # `translate` looks every character up in `_DROP`, slowly for text beyond ASCII; most text
    # holds none of them.
    return value.translate(_DROP) if _pattern(_DROPPED).search(value) else value


def clean_line(text: object) -> str:
    """`clean`, then every run of white space (newlines too) made one space: for one-line labels."""
    # str.split() splits on what `\s` matches (str.isspace), so this is `re.sub(r"\s+", " ")`
    # then strip(), without a pattern.
    return " ".join(clean(text).split())


def has_control_characters(text: str) -> bool:
    """True when `clean` would change `text` beyond turning tabs and line separators into spaces."""
    return bool(_pattern(_CONTROL).search(text))


_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(chr(c) for c in _BIDI_CONTROLS) + "]"


# What `json.dumps(..., ensure_ascii=False)` leaves raw: DEL, C1 controls, bidi overrides. Inside
# JSON they can only be in strings, where a \u escape is the same character.
_JSON_RAW_CONTROL = "[\x7f-\x9f" + "".join(chr(c) for c in _BIDI_CONTROLS) + "]"


def json_escape_controls(json_text: str) -> str:
    """JSON text with every control character written as a `\\uXXXX` escape: the same data,
    safe to print to a terminal."""
    return _pattern(_JSON_RAW_CONTROL).sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def fold_lookalikes(text: str) -> str:
    """`text` as it looks: composed (NFC) and without invisible format characters (Unicode
    category Cf: zero-width spaces and joiners, soft hyphens, bidi marks).

    Two texts that print the same fold alike: "Björk" typed composed or decomposed, "Sia" with
    or without a zero-width space. The checker compares choices, pairs and answers this way,
    and judging folds a typed answer with it first.
    """
    if text.isascii():
        return text
    import unicodedata  # here: a command that shows only ASCII never loads it (~0.4 ms)

    composed = unicodedata.normalize("NFC", text)
    return "".join(c for c in composed if unicodedata.category(c) != "Cf")
