"""Small pieces of English for templates: articles, possessives, lists, quotes, and a lint."""

from __future__ import annotations

import re

# Words starting with a vowel letter but a consonant sound, and the reverse.
_A_BEFORE = ("uni", "use", "usu", "uti", "eu", "one", "once", "ur")
_AN_BEFORE = ("hour", "honest", "honour", "honor", "heir")
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9][\w'’-]*")
_ARTICLE_THEN_WORD = re.compile(r"\b([Aa]n?) (“?)([A-Za-zÀ-ÿ0-9][\w'’-]*)")


def indefinite(phrase: str) -> str:
    """The indefinite article for `phrase`: "an" before a vowel sound, else "a"."""
    word = phrase.lstrip("“\"'").lower()
    if word.startswith(_AN_BEFORE):
        return "an"
    if word.startswith(_A_BEFORE):
        return "a"
    return "an" if word[:1] in ("a", "e", "i", "o", "u") else "a"


def with_article(phrase: str) -> str:
    """`photographer` -> `a photographer`; text already opening with a determiner is kept."""
    first = phrase.split(" ", 1)[0].lower()
    if first in ("a", "an", "the", "his", "her", "their", "its", "my", "our", "your"):
        return phrase
    return f"{indefinite(phrase)} {phrase}"


def fix_articles(text: str) -> str:
    """Make every "a"/"an" agree with the word after it (after a value was swapped in)."""

    def fix(match: re.Match[str]) -> str:
        article, quote, word = match.groups()
        wanted = indefinite(word)
        if article[0].isupper():
            wanted = wanted.capitalize()
        return f"{wanted} {quote}{word}"

    return _ARTICLE_THEN_WORD.sub(fix, text)


def possessive(name: str) -> str:
    """`Janis` -> `Janis's`, `Arturo` -> `Arturo's` (names, not plural nouns)."""
    return f"{name}'s"


def quote(title: str) -> str:
    """A title set off in typographic quotes, as italics cannot be used."""
    return f"“{title}”"


def smart_quotes(text: str) -> str:
    """Pairs of straight double quotes turned into “ and ”."""
    parts = text.split('"')
    if len(parts) % 2 == 0:  # unbalanced: leave as written
        return text
    return "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]


def capitalize(text: str) -> str:
    """The first letter upper-cased, after any opening quote; the rest untouched."""
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
        if char not in "“\"'(¡¿":
            break
    return text


def mid_sentence(text: str) -> str:
    """A sentence opening ("The mass grave ...") as it reads after "then": articles lowered."""
    first, _, rest = text.partition(" ")
    if first in ("A", "An", "The") and rest:
        return f"{first.lower()} {rest}"
    return text


def join_names(names: list[str]) -> str:
    """`[A]` -> `A`, `[A, B]` -> `A and B`, `[A, B, C]` -> `A, B and C`."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def lint(text: str, *, sentence: bool = True) -> list[str]:
    """English problems in `text`: each a short description. Empty when it reads well."""
    problems = []
    if sentence:
        letters = text.lstrip("“\"'(¡¿")
        if letters[:1].isalpha() and not letters[:1].isupper():
            problems.append("does not start with a capital letter")
        if not text.rstrip("”\"')").endswith((".", "?", "!")):
            problems.append("does not end with '.', '?' or '!'")
    if "  " in text or text != text.strip():
        problems.append("has stray spaces")
    if re.search(r"\s[,.;:?!]", text):
        problems.append("has a space before punctuation")
    if re.search(r"[.?!]{2}[^.]|\?\?", text.replace("...", "…")):
        problems.append("has doubled punctuation")
    if text.count("“") != text.count("”") or text.count('"') % 2:
        problems.append("has unbalanced quotes")
    if re.search(r"[{}]|\bNone\b", text):
        problems.append("has a template leftover")
    if re.search(r"'s's\b|s's's", text):
        problems.append("has a doubled possessive")
    # Only lowercase words: "the the" is a slip, "García García" is a surname.
    doubled = re.search(r"\b([a-z]+) \1\b", text)
    if doubled and doubled.group(1) not in ("that", "had"):
        problems.append(f"repeats the word '{doubled.group(1)}'")
    for match in _ARTICLE_THEN_WORD.finditer(text):
        article, _quote, word = match.groups()
        if article.lower() != indefinite(word):
            problems.append(f"says '{article} {word}'")
    return problems
