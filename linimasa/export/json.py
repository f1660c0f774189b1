"""JSON shapes that users and other tools read: one record per document, `{"events": [...]}` per timeline."""

from __future__ import annotations

from typing import Any

from ..model import Document, Timeline, to_dict
from .sources import SourceFlags, source_flags

EVENT_FIELDS = ("date", "type", "participants", "location", "status", "status_history", "sources",
                "independent_sources", "summary", "evidence")


def document_record(doc: Document) -> dict[str, Any]:
    """What `linimasa docs` prints for one document."""
    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "lang": doc.lang,
        "published": to_dict(doc.published),
        "text": doc.text,
        "removed": to_dict(doc.removed),
        "problems": list(doc.problems),
    }


def timeline_json(timeline: Timeline, flags: SourceFlags | None = None) -> dict[str, Any]:
    """`{"events": [...]}` with the public fields of each event; with `flags` (document id -> its quality flags),
    each event's `source_flags` too: each source -> its flags (`linimasa.export.sources.source_flags`)."""
    events = []
    for e in timeline.events:
        record = {k: to_dict(getattr(e, k)) for k in EVENT_FIELDS}
        if flags is not None:
            record["source_flags"] = source_flags(e.sources, flags)
        events.append(record)
    return {"events": events}
