"""Play: the quiz session, dealing questions, modes and scoring, judging answers."""
