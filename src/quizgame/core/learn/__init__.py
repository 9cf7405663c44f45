"""Learn mode: each question of a pack is a card scheduled by FSRS (the `fsrs` package).

`rating.py` turns an answer into a review rating, `schedule.py` wraps the FSRS scheduler and
the player's days, `cards.py` keeps cards and reviews in the score database and says what is
due. `scores/recorder.SessionRecorder` writes each review as the answer is given.
"""
