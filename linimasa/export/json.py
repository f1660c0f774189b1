"""JSON shapes that users and other tools read: one record per document, `{"events": [...]}` per timeline."""

from __future__ import annotations

from typing import Any

from ..model import Document, Timeline, to_dict

EVENT_FIELDS = ("date", "type", "participants", "location", "status", "status_history", "sources", "summary",
                "evidence")


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


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """`{"events": [...]}` with the public fields of each event."""
    return {"events": [{k: to_dict(getattr(e, k)) for k in EVENT_FIELDS} for e in timeline.events]}
