"""Moodle XML, the format of Moodle's question bank export (`<quiz><question type=...>`).

Read: multichoice (one right answer; several right, or credit shared, are reported), truefalse,
shortanswer (every answer with full credit accepted), numerical (tolerance, unit), matching,
ordering; `<question type="category">` sets the category of the questions after it; the right
answer's feedback and the general feedback become the explanation; `format="html"` text (and
Moodle's own auto format) becomes plain text; images are reported as left out; description,
essay, cloze and every other type are reported as not importable. The file is parsed by
defusedxml: a DTD's entities (an entity bomb, an external entity) are refused.

Written: the same types, each question after its category; the pack's own fields in a comment
at the top (`formats/header.py`). `xmltree` parses, `kinds` says which type each Moodle type
holds (by shape, as GIFT does), `reading` and `writing` convert.
"""
