"""Which files in a folder are packs: `*.yaml` and `*.yml`, not facts files. Apart from
`read.py` so that listing packs from the summary index (`summary.py`) loads no pack code."""

from __future__ import annotations

from pathlib import Path

PACK_SUFFIXES = (".yaml", ".yml")


def pack_files(folder: Path) -> list[Path]:
    """The pack files directly inside `folder`, sorted (facts files are not packs); [] for a
    folder that cannot be read."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    return [
        p
        for p in entries
        if p.suffix in PACK_SUFFIXES and p.is_file() and not p.name.endswith(".facts.yaml")
    ]
