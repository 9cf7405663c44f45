"""HTML in quiz files (Moodle's `html` and `moodle` text formats, in GIFT and Moodle XML) as
plain text: tags taken out, line-breaking tags as line breaks, entities decoded."""

from __future__ import annotations

import html
import re

# A tag starts with a letter (or `/`, `!`); "a < b" is text.
_TAG = re.compile(r"<(?:/?[a-zA-Z][^<>]*|!--.*?--)>", re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</p>|</div>|</li>|</h[1-6]>|</tr>", re.IGNORECASE)
_IMAGE = re.compile(r"<img\b", re.IGNORECASE)


def html_to_text(text: str) -> str:
    """HTML as plain text: spaces inside a line collapsed, as a browser shows them."""
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", text)))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def moodle_to_text(text: str) -> str:
    """Text in Moodle's own (auto) format: HTML allowed, and a line break is a line break; the
    spaces are kept as written."""
    if "&" not in text and "<" not in text:
        return text.strip()
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", text))).strip()


def has_image(text: str) -> bool:
    """Whether HTML `text` shows an image (which a terminal game cannot)."""
    return bool(_IMAGE.search(text))


def escape_moodle(text: str) -> str:
    """Plain text as Moodle's own format reads it back: `&` and `<` as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;")
