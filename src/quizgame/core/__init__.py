"""The rules and data of the game: no Textual, no Rich."""
