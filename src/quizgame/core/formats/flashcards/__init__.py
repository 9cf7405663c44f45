"""Flashcards: term and definition, one card a line, as flashcard sites and apps export them
(tab-separated, or comma-separated CSV).

    Photosynthesis<TAB>How plants turn light into sugar
    Mitochondrion<TAB>The cell's power plant

Each card becomes a typed question: the term is asked and the definition is the answer, or the
other way round (`ask="definition"`). With `choices=N` each becomes a multiple-choice question
offering N choices: the right one and other cards' answers. Anki's header lines at the top
(`#separator:tab`, `#html:false`) are passed over, as is a first row `term, definition` (or
`front, back`). Tab-separated cards have no quoting: a `"` is text. `reading` and `writing` are the two ways.
"""
