"""The events a timeline query selects, and one page of them.

Entity and date filters, salience cut and ranking are `linimasa.corpus.timeline`'s (`filter_timeline`, `top_dates`:
the same as `linimasa timeline`); type, status and free text (SQLite FTS5 over the source articles) are added here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..corpus.timeline import filter_timeline, top_dates
from ..errors import StoreError
from ..model import Event, Timeline
from .data import Library
from .params import BadParameter, TimelineQuery

# Articles a free-text filter considers, best-ranked first: far more than any page shows, bounded so that a query
# matching a whole large corpus still answers quickly.
FTS_LIMIT = 5000


@dataclass
class Page:
    """One page of a selection."""

    events: list[Event]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def select(library: Library, query: TimelineQuery) -> Timeline:
    """Every event the query selects, in date order."""
    timeline = filter_timeline(library.timeline(query.min_confidence), query.entities, query.date_from, query.date_to)
    events = [e for e in timeline.events if (not query.types or e.type in query.types)
              and (not query.statuses or e.status in query.statuses)]
    if query.text:
        try:
            hits = {doc_id for doc_id, _ in library.search(query.text, FTS_LIMIT)}
        except StoreError as exc:
            raise BadParameter("q", str(exc)) from exc
        events = [e for e in events if hits.intersection(e.sources)]
    return top_dates(Timeline(events), query.max_dates)


def paged(items: list, page: int, per_page: int) -> dict:
    """One page of `items` as the API lists it: `total`, `page`, `per_page`, `pages`, `items`."""
    start = (page - 1) * per_page
    return {"total": len(items), "page": page, "per_page": per_page,
            "pages": max(1, math.ceil(len(items) / per_page)), "items": items[start:start + per_page]}


def paginate(timeline: Timeline, query: TimelineQuery) -> Page:
    start = (query.page - 1) * query.per_page
    return Page(timeline.events[start:start + query.per_page], len(timeline.events), query.page, query.per_page)
