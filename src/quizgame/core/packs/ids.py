"""The id rule: what a pack id (and each id a facts file gives) may be, written once.

An id is a slug: lowercase ASCII letters and digits, with '.', '_' and '-' inside it, starting
with a letter or digit. The facts file's own ids (people, characters, statements) allow only the
hyphen, since they become parts of question ids. Ids are matched whole: no trailing newline.
"""

from __future__ import annotations

import re
from functools import cache

ID_PUNCTUATION = "._-"
FACTS_ID_PUNCTUATION = "-"
# The rule in words, as messages give it.
ID_WORDS = "a-z, 0-9, '-', '_', '.'"


def _chars(punctuation: str) -> str:
    # Inside a character class '-' is literal only at the end.
    return "a-z0-9" + punctuation.replace("-", "") + ("-" if "-" in punctuation else "")


def id_pattern(punctuation: str = ID_PUNCTUATION) -> str:
    """The rule as a regular expression anchored at both ends (JSON Schema reads `$` as the end)."""
    return f"^[a-z0-9][{_chars(punctuation)}]*$"


@cache
def _compiled(punctuation: str) -> re.Pattern[str]:
    return re.compile(f"[a-z0-9][{_chars(punctuation)}]*")


def is_id(text: str, punctuation: str = ID_PUNCTUATION) -> bool:
    """Whether all of `text` is an id (`punctuation`: the marks allowed after the first character)."""
    return _compiled(punctuation).fullmatch(text) is not None


def make_id(text: str, fallback: str) -> str:
    """An id made from any text (a file name): runs of other characters become '-'."""
    made = re.sub(f"[^{_chars(ID_PUNCTUATION)}]+", "-", text.lower())
    return made.strip(ID_PUNCTUATION) or fallback
