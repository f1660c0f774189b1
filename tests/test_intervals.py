"""Span lookups by position give what scanning every span gives."""

import random

from linimasa.intervals import SpanIndex


def test_lookups_equal_a_full_scan_on_random_overlapping_spans():
    rng = random.Random(15)
    spans = [(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 1000) for _ in range(300))]
    index = SpanIndex(spans, lambda s: s)
    for _ in range(500):
        a = rng.randint(0, 1000)
        b = a + rng.randint(0, 60)
        assert index.starting_in(a, b) == sorted([s for s in spans if a <= s[0] < b], key=lambda s: s[0])
        assert sorted(index.overlapping(a, b)) == sorted(s for s in spans if s[0] < b and a < s[1])
