"""The score history: the SQLite database, its migrations, recording sessions and the queries on it."""
