"""CSV with a header naming the pack's question fields: the simplest way to write a pack in a
spreadsheet.

    id,type,prompt,choices,answer,explanation,category,difficulty
    spain,multiple_choice,What is the capital of Spain?,Lisbon|Madrid|Seville,Madrid,,Geography,easy
    pacific,true_false,The Pacific is the largest ocean.,,true,,Geography,

Every column is a question field as the pack format names it (`packs/questions.py`); a field
holding a list (choices, accept, items, tags) is written in one cell, separated by `|` (`\\|`
for a `|` in a choice); pairs are `left -> right|...`; true/false answers are `true`/`false`.
An empty `type` means multiple_choice when there are choices, else typed. `columns` turns
cells into pack data and back, `reading` and `writing` are the two ways.
"""
