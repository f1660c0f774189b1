"""The timeline query that the page, the downloads and the API share, read from the URL and checked: a bad value
is a 400 that names the parameter, what was wrong and what to write instead.

FastAPI declares the parameters (so they show in the OpenAPI document); the checks that need linimasa's own
vocabulary (event types from the language files, statuses, TIMEX-style dates) are made here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import HTTPException, Query

from .. import lang
from ..events.lexicon import STATUS_ORDER
from ..temporal.bounds import bound_days

# Events a page or an API call lists at most: enough for a long page, small enough to render fast.
MAX_PER_PAGE = 500
DEFAULT_PER_PAGE = 50
# Status words in the order the filters offer them: what happened first, then what has not (yet).
STATUSES = ("happened", "planned", "proposed", "conditional", "hypothetical", "negated")
assert set(STATUSES) == set(STATUS_ORDER), "the server's statuses must be the pipeline's"


class BadParameter(HTTPException):
    """A query parameter the server cannot use; the message says which and what to write."""

    def __init__(self, name: str, message: str):
        super().__init__(status_code=400, detail=f"{name}: {message}")
        self.name = name


@functools.cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types the language files define triggers for (the ones the pipeline can find)."""
    found: set[str] = set()
    for code in lang.available():
        found.update(lang.load(code).get("events", {}).get("triggers", {}))
    return tuple(sorted(found))


def check_date(name: str, value: str) -> str:
    """`value` when it is YYYY, YYYY-MM or YYYY-MM-DD naming a real day or month; "" stays ""."""
    try:
        bound_days(value)
    except ValueError as exc:
        raise BadParameter(name, str(exc)) from exc
    return value.strip()


def check_types(values: list[str]) -> list[str]:
    known = event_types()
    out = []
    for value in (v.strip().upper() for v in values if v.strip()):
        if value not in known:
            raise BadParameter("type", f"unknown event type {value!r}; known types: {', '.join(known)}")
        out.append(value)
    return out


def check_statuses(values: list[str]) -> list[str]:
    out = []
    for value in (v.strip().lower() for v in values if v.strip()):
        if value not in STATUSES:
            raise BadParameter("status", f"unknown status {value!r}; known statuses: {', '.join(STATUSES)}")
        out.append(value)
    return out


@dataclass(frozen=True)
class TimelineQuery:
    """What to show of the timeline: the filters, then which page."""

    entities: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    text: str = ""
    min_confidence: float | None = None
    max_dates: int = 0
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    def filters(self) -> list[tuple[str, str]]:
        """The filters as URL parameters (no page), in the order the form has them."""
        pairs = [("entity", e) for e in self.entities] + [("type", t) for t in self.types]
        pairs += [("status", s) for s in self.statuses]
        pairs += [(k, v) for k, v in (("from", self.date_from), ("to", self.date_to), ("q", self.text)) if v]
        if self.min_confidence is not None:
            pairs.append(("min_confidence", f"{self.min_confidence:g}"))
        if self.max_dates:
            pairs.append(("max_dates", str(self.max_dates)))
        return pairs

    def query_string(self, page: int | None = None) -> str:
        """The URL query of these filters (and of `page`, when given): what a shared link holds."""
        pairs = self.filters()
        if page is not None and page > 1:
            pairs.append(("page", str(page)))
        if page is not None and self.per_page != DEFAULT_PER_PAGE:
            pairs.append(("per_page", str(self.per_page)))
        return urlencode(pairs)


def timeline_query(
    entity: list[str] = Query([], description="Only events naming this entity (repeatable: all must take part, "
                                              "dealing with one another), e.g. `Joe Biden`"),
    type: list[str] = Query([], description="Only events of this PLOVER type (repeatable), e.g. `CONSULT`"),
    status: list[str] = Query([], description="Only events with this status (repeatable): " + ", ".join(STATUSES)),
    date_from: str = Query("", alias="from", description="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD"),
    date_to: str = Query("", alias="to", description="Latest date: YYYY, YYYY-MM or YYYY-MM-DD"),
    q: str = Query("", description="Full-text search (SQLite FTS5) in the source articles", max_length=500),
    min_confidence: float | None = Query(None, ge=0, le=1, description="Smallest event-mention confidence "
                                                                        "(default: the min_confidence setting)"),
    max_dates: int = Query(0, ge=0, description="Keep the N dates with the most salient events (0: all)"),
    page: int = Query(1, ge=1, description="Page of the result, from 1"),
    per_page: int = Query(DEFAULT_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="Events per page"),
) -> TimelineQuery:
    """The checked query (a FastAPI dependency)."""
    date_from, date_to = check_date("from", date_from), check_date("to", date_to)
    if date_from and date_to and date_from[: len(date_to)] > date_to:
        raise BadParameter("from", f"{date_from} is after to={date_to}; swap them")
    return TimelineQuery(
        entities=tuple(dict.fromkeys(e.strip() for e in entity if e.strip())), types=tuple(check_types(type)),
        statuses=tuple(check_statuses(status)), date_from=date_from, date_to=date_to, text=q.strip(),
        min_confidence=min_confidence, max_dates=max_dates, page=page, per_page=per_page)
