"""TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html): `{"title", "events"}` with
`start_date` parts, a headline and HTML text; loads in TimelineJS as is.

TimelineJS puts headlines, text, group names and display dates into the page as HTML, so every piece of text from
the data is HTML-escaped (`html.escape`) before it goes into one of those fields."""

from __future__ import annotations

import html
from typing import Any

from ..corpus.link import day_range
from ..model import Event, Timeline
from .sources import SourceFlags, source_labels


def _date_parts(value: str) -> dict[str, str] | None:
    """TimelineJS date parts of a TIMEX3 value: year, and month and day when known ("2022-W02" -> its month)."""
    days = day_range(value)
    if days is None:
        return None
    first, last = days
    parts = {"year": str(first.year)}
    if (last - first).days < 31:
        parts["month"] = str(first.month)
    if first == last:
        parts["day"] = str(first.day)
    return parts


def _slide(e: Event, flags: SourceFlags | None) -> dict[str, Any] | None:
    start = _date_parts(e.date)
    if start is None:
        return None
    who = ", ".join(e.participants[:4])
    history = " → ".join(f"{html.escape(h['status'])} ({html.escape(h['doc'])})" for h in e.status_history)
    body = [f"<p>{html.escape(e.summary)}</p>", f"<p><em>{html.escape(e.status)}</em>"
            + (f"; {html.escape(e.mode)}" if e.mode else "") + (f"; {html.escape(e.location)}" if e.location else "")
            + "</p>", f"<p>Status history: {history}</p>",
            "<p>Sources: " + ", ".join(html.escape(s) for s in source_labels(e.sources, flags)) + "</p>"]
    if e.conflicts:
        body.append("<p>Sources disagree: " + html.escape("; ".join(e.conflicts)) + "</p>")
    slide = {"start_date": start, "text": {"headline": html.escape(f"{e.type.title()}: {who}"), "text": "".join(body)},
             "group": html.escape(e.type), "unique_id": e.id}
    if len(e.date) < 10:
        slide["display_date"] = html.escape(e.date)
    return slide


def timeline_timelinejs(timeline: Timeline, title: str = "linimasa timeline",
                        flags: SourceFlags | None = None) -> dict[str, Any]:
    """The timeline as TimelineJS JSON; events without a calendar date (PAST_REF) are left out; with `flags`
    (document id -> its quality flags) each source is followed by its flags."""
    events = [s for e in timeline.events if (s := _slide(e, flags)) is not None]
    return {"title": {"text": {"headline": html.escape(title), "text": f"<p>{len(events)} events</p>"}},
            "events": events}
