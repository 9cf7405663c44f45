"""The film pack's make-up and how fairly it is dealt: the figures issue 11 sets limits on.

Prints the pack's questions by type, category, difficulty and spoiler level; the true/false,
year and filmography shares (limits: true/false <= 15%, year <= 8%); and, over 1,000 seeded
10-question sessions with spoilers off, the most any question was dealt against its fair share
(limit 1.5x). These are counts, not timings: they are the same on every machine.

Usage: python bench/pack_mix.py [PACK] [--sessions 1000]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "src"))

from quizgame.core.generate.mix import pack_mix  # noqa: E402
from quizgame.core.packs.read import load_pack  # noqa: E402
from quizgame.core.play.dealing import SessionOptions  # noqa: E402
from quizgame.core.play.fairness import dealing_share  # noqa: E402

PACK = REPO / "questions" / "parallel-mothers.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pack", nargs="?", default=str(PACK))
    parser.add_argument("--sessions", type=int, default=1000)
    args = parser.parse_args()
    pack = load_pack(args.pack).pack
    if pack is None:
        sys.exit(f"{args.pack}: not a valid pack (run quizgame validate)")
    mix = pack_mix(pack)
    print(f"{pack.id}: {len(pack.questions)} questions")
    for name, counts in mix.by.items():
        shown = ", ".join(f"{key} {n}" for key, n in Counter(counts).most_common())
        print(f"  by {name}: {shown}")
    print(f"  true/false share  {mix.true_false:6.1%}  (limit 15%)")
    print(f"  year share        {mix.year:6.1%}  (limit 8%)")
    print(f"  filmography share {mix.filmography:6.1%}  (spoilers off: {mix.filmography_safe:.1%})")
    share = dealing_share(pack, SessionOptions(count=10), args.sessions)
    print(
        f"dealing: {share.sessions} sessions of {share.count} from {share.eligible} eligible; "
        f"fair share {share.fair:.1%}, most dealt {share.worst_id} {share.worst:.1%} "
        f"= {share.ratio:.2f}x fair (limit 1.5x); "
        f"{share.categories_per_session:.1f} categories and {share.types_per_session:.1f} "
        "types a session"
    )


if __name__ == "__main__":
    main()
