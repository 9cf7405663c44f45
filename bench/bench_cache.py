"""The pack cache: an entry's size against its YAML, and a cached reload against the JSON
entries quizgame wrote before (issue 13: "no larger than the YAML, reload at least as fast").

Makes a pack of --questions (bench/out/, as bench_load.py does), checks it once, and writes its
entry four ways: JSON (the old format), MessagePack, MessagePack compressed with zlib at level 1,
and MessagePack compressed with LZ4 (what `core/packs/cache.py` writes). For each: the size as a ratio to the YAML file, and
the best of --repeat reloads (read the file, check the hash where there is one, inflate, decode
into Questions) as a ratio to JSON's. Prints "met" or "not met" for both goals of the format in
use.
Usage: python bench/bench_cache.py [--questions 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import msgspec

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from bench_load import OUT, make_pack  # noqa: E402

from quizgame.core.packs import cache  # noqa: E402
from quizgame.core.packs.gc_pause import gc_paused  # noqa: E402
from quizgame.core.packs.read import load_pack  # noqa: E402


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    pack_file = OUT / f"pack-{args.questions}.yaml"
    if not pack_file.exists():
        make_pack(args.questions, pack_file)
    yaml_size = pack_file.stat().st_size
    raw = pack_file.read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        cache_dir = Path(folder)
        result = load_pack(pack_file, cache_dir=cache_dir)
        assert result.pack is not None
        entry_file = cache.entry_path(cache_dir, pack_file)
        ours = entry_file.read_bytes()
        payload = cache.unseal(ours, 10**10)
        assert payload is not None
        zipped_file = cache_dir / "entry.zlib"
        zipped_file.write_bytes(zlib.compress(payload, 1))
        entry = msgspec.msgpack.decode(payload, type=cache._Entry)
        as_json = msgspec.json.encode(entry)
        json_file = cache_dir / "entry.json"
        json_file.write_bytes(as_json)
        plain_file = cache_dir / "entry.msgpack"
        plain_file.write_bytes(payload)
        json_decoder = msgspec.json.Decoder(cache._Entry)
        digest = cache.digest(raw)

        def reload_json() -> object:  # as the old cache did: the collector paused
            blob = json_file.read_bytes()
            with gc_paused():
                return json_decoder.decode(blob)

        def reload_msgpack() -> object:
            blob = plain_file.read_bytes()
            with gc_paused():
                return cache._decoder.decode(blob)

        def reload_zlib() -> object:
            blob = zlib.decompress(zipped_file.read_bytes())
            with gc_paused():
                return cache._decoder.decode(blob)

        def reload_ours() -> object:
            found = cache.get(cache_dir, pack_file, digest, len(raw))
            assert found is not None and found[0] is not None
            return found

        def hashed(blob: bytes) -> object:
            return hashlib.blake2b(blob, digest_size=20).digest()

        rows = [
            ("JSON (before)", len(as_json), best(reload_json, args.repeat)),
            ("MessagePack", len(payload), best(reload_msgpack, args.repeat)),
            ("MessagePack+zlib", zipped_file.stat().st_size, best(reload_zlib, args.repeat)),
            ("MessagePack+LZ4 (in use)", len(ours), best(reload_ours, args.repeat)),
        ]
    base = rows[0][2]
    print(f"pack: {args.questions:,} questions, {yaml_size / 2**20:.1f} MB of YAML")
    print(f"{'entry':28} {'size':>9} {'size/YAML':>9} {'reload':>8} {'vs JSON':>8}")
    for name, size, seconds in rows:
        print(
            f"{name:28} {size / 2**20:7.1f}MB {size / yaml_size:8.2f}x {seconds:7.3f}s {seconds / base:7.2f}x"
        )
    _name, size, seconds = rows[-1]
    print(
        f"goal: entry no larger than the YAML: {size / yaml_size:.2f}x, {'met' if size <= yaml_size else 'not met'}"
    )
    print(
        f"goal: reload no slower than JSON: {seconds / base:.2f}x, {'met' if seconds <= base else 'not met'}"
    )
    print(f"(the payload hash alone: {best(lambda: hashed(ours), args.repeat):.3f}s)")


if __name__ == "__main__":
    main()
