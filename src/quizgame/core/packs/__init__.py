"""Packs: the pack format, reading and checking pack files, writing them, the parse cache, editing in place, the starter pack."""
