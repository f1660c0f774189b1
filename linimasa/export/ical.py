"""iCalendar (RFC 5545, written with the `icalendar` package): planned, proposed and conditional events with a
day, as all-day VEVENTs for a calendar; what already happened is history, not an appointment."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event as VEvent

from ..model import Timeline
from .sources import SourceFlags, source_labels

UPCOMING = {"planned", "proposed", "conditional", "hypothetical"}


def timeline_ics(timeline: Timeline, include_all: bool = False, flags: SourceFlags | None = None) -> bytes:
    """An iCalendar file of the timeline's unrealised events that have a day (every event with `include_all`);
    with `flags` (document id -> its quality flags) each source is followed by its flags."""
    cal = Calendar()
    cal.add("prodid", "-//linimasa//timeline//EN")
    cal.add("version", "2.0")
    for e in timeline.events:
        if not include_all and e.status not in UPCOMING:
            continue
        try:
            day = date.fromisoformat(e.date[:10])
        except ValueError:
            continue  # month- or year-level: no calendar day to put it on
        item = VEvent()
        item.add("uid", f"{e.id}-{e.date}@linimasa")
        item.add("dtstamp", _stamp())
        item.add("dtstart", day)
        item.add("dtend", day + timedelta(days=1))
        item.add("summary", f"{e.type} ({e.status}): " + ", ".join(e.participants[:4]))
        item.add("description", e.summary + "\nSources: " + ", ".join(source_labels(e.sources, flags)))
        item.add("status", "TENTATIVE" if e.status != "negated" else "CANCELLED")
        if e.location:
            item.add("location", e.location)
        cal.add_component(item)
    return cal.to_ical()


def _stamp() -> datetime:
    return datetime(2000, 1, 1, tzinfo=timezone.utc)  # fixed: same input, same file
