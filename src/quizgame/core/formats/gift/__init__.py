"""GIFT, Moodle's text format for questions: read into pack data, write from a pack.

Reading follows Moodle's own reader (question/format/gift): a blank line ends a question; lines
starting with `//` are comments (`// [tag:x]` and `// [id:x]` in them are kept); `::title::`
names a question; the answers sit in one `{...}`, and text after it makes a "missing word"
question; `\\~ \\= \\# \\{ \\} \\: \\\\ \\n` are escapes; `$CATEGORY: a/b` sets the category of the
questions that follow. The question type comes from the answers, in Moodle's order: `{}` essay,
`{#...}` numerical, any `~` multiple choice, `=` with `->` matching, `{T}`/`{FALSE}` true/false,
else short answer. The pack's own fields travel in a comment block at the top (`header.py`).

The format is split by what a reader looks for: `syntax` (escapes, text formats, weights: what
reading and writing share), `shapes` (GIFT's question kinds, each by the shape of the question
type it holds: the one table both ways use), `reading` (blocks, titles, comments, categories),
`answers` (the answer block of one question, by GIFT kind) and `writing`.
"""
