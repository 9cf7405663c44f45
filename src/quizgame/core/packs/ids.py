"""The id rule: what a pack id (and each id a facts file gives) may be, written once.

An id is a slug: lowercase ASCII letters and digits, with '.', '_' and '-' inside it, starting
with a letter or digit. The facts file's own ids (people, characters, statements) allow only the
hyphen, since they become parts of question ids. Ids are matched whole: no trailing newline.
"""

from __future__ import annotations

import re
from functools import cache

from quizgame.core.packs.issues import quote

# The marks allowed after the first character, in the order the rule's words list them.
ID_PUNCTUATION = "-_."
FACTS_ID_PUNCTUATION = "-"


def _chars(punctuation: str) -> str:
    # Inside a character class '-' is literal only at the end.
    return "a-z0-9" + "".join(sorted(punctuation.replace("-", ""))) + "-" * ("-" in punctuation)


def id_words(punctuation: str = ID_PUNCTUATION) -> str:
    """The rule in words, as messages and labels give it: "a-z, 0-9, '-', '_', '.'", or
    "a-z, 0-9 and '-'" for a single mark."""
    marks = [f"'{mark}'" for mark in punctuation]
    if len(marks) == 1:
        return f"a-z, 0-9 and {marks[0]}"
    return ", ".join(["a-z", "0-9", *marks])


def id_pattern(punctuation: str = ID_PUNCTUATION) -> str:
    """The rule as a regular expression anchored at both ends (JSON Schema reads `$` as the end)."""
    return f"^[a-z0-9][{_chars(punctuation)}]*$"


@cache
def _compiled(punctuation: str) -> re.Pattern[str]:
    return re.compile(f"[a-z0-9][{_chars(punctuation)}]*")


def is_id(text: str, punctuation: str = ID_PUNCTUATION) -> bool:
    """Whether all of `text` is an id (`punctuation`: the marks allowed after the first character)."""
    return _compiled(punctuation).fullmatch(text) is not None


def id_problem(text: str, whose: str = "", punctuation: str = ID_PUNCTUATION) -> str | None:
    """What is wrong with `text` as an id, for a message; None when it is one.

    `whose` names the id ("pack id"): "pack id 'My Quiz' should be a slug: a-z, 0-9, '-', '_', '.'".
    """
    if is_id(text, punctuation):
        return None
    subject = f"{whose} {quote(text)}" if whose else quote(text)
    return f"{subject} should be a slug: {id_words(punctuation)}"


def make_id(text: str, fallback: str, punctuation: str = ID_PUNCTUATION, limit: int = 0) -> str:
    """An id made from any text (a file name, a title), at most `limit` characters (0: any).

    Letters are transliterated as python-slugify does ("Almodóvar" -> "almodovar", "Straße" ->
    "strasse", "東京" -> "dong-jing"), apostrophes dropped ("Who's" -> "whos"), and runs of other
    characters (with any '-' among them) become one '-'; `fallback` when nothing is left.
    """
    from slugify import slugify  # deferred: only naming a new pack or an import needs it

    apostrophes = [[mark, ""] for mark in ("'", "\u2019")]
    made = slugify(text, replacements=apostrophes, regex_pattern=f"[^{_chars(punctuation)}]+")
    made = re.sub("-{2,}", "-", made).strip(punctuation)
    if limit:
        made = made[:limit].rstrip(punctuation)
    return made or fallback
