"""Flashcards: term and definition, one card a line, as flashcard sites and apps export them
(tab-separated, or comma-separated CSV).

    Photosynthesis<TAB>How plants turn light into sugar
    Mitochondrion<TAB>The cell's power plant

Each card becomes a typed question: the term is asked and the definition is the answer, or the
other way round (`ask="definition"`). With `choices=N` each becomes a multiple-choice question
offering N choices: the right one and other cards' answers. Lines starting with `#` before the
first card are comments (Anki writes `#separator:tab` there); a first row `term, definition`
(or `front, back`) is a header and is passed over. `reading` and `writing` are the two ways.
"""
