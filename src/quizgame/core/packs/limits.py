"""The largest pack file quizgame reads, kept apart from the YAML reader so that a cached load
never imports it."""

from __future__ import annotations

MAX_FILE_BYTES = 512 * 1024 * 1024
