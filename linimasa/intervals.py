"""Spans looked up by position with the standard library's `bisect`: which items start in a stretch of text, which
overlap it. Stages ask this once per sentence or candidate; scanning every item each time made long documents
(a 700,000-character page) quadratic."""

from __future__ import annotations

import bisect
from typing import Callable, Generic, Iterable, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with a (start, end) span, sorted by start; items may overlap one another.

    >>> index = SpanIndex([(0, 5), (3, 9), (20, 25)], lambda s: s)
    >>> index.starting_in(2, 21), index.overlapping(6, 8), index.overlapping(9, 20)
    ([(3, 9), (20, 25)], [(3, 9)], [])
    """

    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]):
        self.span = span
        self.items = sorted(items, key=lambda item: span(item)[0])
        self.starts = [span(item)[0] for item in self.items]
        self.reach: list[int] = []  # the furthest end among the items up to each position
        for item in self.items:
            self.reach.append(max(span(item)[1], self.reach[-1] if self.reach else span(item)[1]))

    def starting_in(self, start: int, end: int) -> list[T]:
        """Items whose span starts in [start, end), in order."""
        return self.items[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items whose span overlaps [start, end), in order."""
        last = bisect.bisect_left(self.starts, end)  # items from here on start at or after `end`
        first = bisect.bisect_right(self.reach, start, 0, last)  # before this, every item ends at or before `start`
        return [item for item in self.items[first:last] if self.span(item)[1] > start]

    def any_overlapping(self, start: int, end: int) -> bool:
        return bool(self.overlapping(start, end))
