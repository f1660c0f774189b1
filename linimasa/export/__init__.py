"""Exports of documents and timelines: JSON (and JSON Lines), Markdown, CSV, TimelineJS JSON and iCalendar; each
timeline export shows every source with its quality flags when given them (`linimasa.export.sources`)."""

from .json import document_record, timeline_json
from .markdown import timeline_markdown
from .tabular import timeline_csv
from .timelinejs import timeline_timelinejs



def timeline_ics(*args, **kwargs) -> bytes:
    """`linimasa.export.ical.timeline_ics`, imported when first asked for (icalendar takes 0.1 s to import, a
    twentieth of `linimasa run`'s start-up, which never needs it)."""
    from .ical import timeline_ics as export

    return export(*args, **kwargs)


__all__ = ["document_record", "timeline_csv", "timeline_ics", "timeline_json", "timeline_markdown",
           "timeline_timelinejs"]
