"""The game's screens: Home, a question, feedback on an answer, results, help, and confirmations."""
