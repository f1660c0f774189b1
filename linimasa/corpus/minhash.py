"""MinHash signatures and the LSH band split, with NumPy: the estimate of word-shingle Jaccard similarity that
finds reposts and wire copies.

The scheme (`SCHEME`) is the textbook one: each shingle is hashed to 32 bits (BLAKE2b from the standard library),
mixed by MurmurHash3's 32-bit finaliser, and mapped through `NUM_PERM` random odd-multiplier affine maps modulo 2^32
(bijections, so the minimum of each is a min-wise sample); two signatures agree in a position with probability close
to the Jaccard similarity of the shingle sets. The band/row split of the LSH index minimises the weighted chance of
missing a pair at the threshold and of proposing one below it (Leskovec, Rajaraman & Ullman, *Mining of Massive
Datasets*, ch. 3), integrated numerically.

Why not datasketch, which linimasa used before: importing it imports SciPy (0.35 s, a sixth of the two seconds
`linimasa run` may take to start), and its 2.0 release changed the default permutation scheme, so signatures stored
by one version compared as noise with those of the next. Here the scheme has a name that the store keeps
(`linimasa.corpus.dedupe`), and signatures are recomputed when it changes.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

SCHEME = "affine32-blake2b-v1"
SEED = 1
CHUNK = 4096  # shingles hashed against all permutations at once (a CHUNK x NUM_PERM uint32 matrix, 2 MB)


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)  # odd: a bijection
    b = rng.integers(0, 1 << 32, num_perm, dtype=np.uint64).astype(np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser: spreads structured hash values over all 32 bits (a bijection)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(shingles: set[bytes] | list[bytes], num_perm: int, seed: int = SEED) -> np.ndarray:
    """The MinHash signature (`num_perm` uint32 values) of a set of shingles; all-ones for an empty set."""
    out = np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    items = list(shingles)
    if not items:
        return out
    a, b = _permutations(num_perm, seed)
    hashed = np.fromiter((int.from_bytes(hashlib.blake2b(s, digest_size=4).digest(), "little") for s in items),
                         dtype=np.uint32, count=len(items))
    mixed = _fmix32(hashed)
    with np.errstate(over="ignore"):  # arithmetic modulo 2^32 is the point
        for start in range(0, len(mixed), CHUNK):
            block = mixed[start:start + CHUNK, None] * a[None, :] + b[None, :]
            np.minimum(out, block.min(axis=0), out=out)
    return out


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets: the share of positions where the signatures agree."""
    if first.shape != second.shape:
        raise ValueError(f"signatures of {first.shape[0]} and {second.shape[0]} values cannot be compared")
    return float(np.mean(first == second))


@lru_cache(maxsize=16)
def band_split(threshold: float, num_perm: int, false_positive_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows per band) with bands x rows <= num_perm that best separate pairs above and below `threshold`:
    the least weighted sum of the chance a pair below is proposed and the chance a pair above is missed."""
    best, best_error = (1, num_perm), float("inf")
    below = np.linspace(0.0, threshold, 200)
    above = np.linspace(threshold, 1.0, 200)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            proposed_below = 1 - (1 - below ** rows) ** bands
            missed_above = 1 - (1 - (1 - above ** rows) ** bands)
            error = (false_positive_weight * np.trapezoid(proposed_below, below)
                     + (1 - false_positive_weight) * np.trapezoid(missed_above, above))
            if error < best_error:
                best, best_error = (bands, rows), error
    return best
