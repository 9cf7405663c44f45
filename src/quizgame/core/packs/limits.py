"""The largest pack file quizgame reads, kept apart from the YAML reader so that a cached load
never imports it."""

from __future__ import annotations

# 64 MiB holds about 150,000 questions; loading one costs at most PEAK_MULTIPLE times it.
MAX_FILE_BYTES = 64 * 1024 * 1024
# What loading a pack may cost at its peak (`bench/bench_hostile.py` measures it): at most this
# multiple of the file's size, plus a floor for the interpreter's own small allocations.
PEAK_MULTIPLE = 12
PEAK_FLOOR_BYTES = 32 * 1024 * 1024
