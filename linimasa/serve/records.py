"""The JSON shapes of the API, which the pages render too: events (short in lists, in full on their own), their
sources, documents, entities. Plain data from the model; `html` fields are built by `highlight.marked`, in which
article text is escaped."""

from __future__ import annotations

from typing import Any, Callable

from ..corpus.entities import CorpusEntity
from ..export import document_record
from ..export.sources import source_flags
from ..model import Document, Event, to_dict
from .data import DocumentSummary, Snapshot
from .highlight import document_marks, evidence_marks, marked


def summary_record(d: DocumentSummary) -> dict[str, Any]:
    return {"id": d.id, "title": d.title, "label": d.label, "source": d.source, "url": d.url, "lang": d.lang,
            "published": d.published, "published_source": d.published_source, "copy_of": d.copy_of,
            "events": list(d.events)}


def _source(doc_id: str, snapshot: Snapshot) -> dict[str, Any]:
    """A source of an event: title, link, date, the document it copies, and its quality flags (name, what it
    means for this document, how many lines or cues show it)."""
    flags = source_flags([doc_id], snapshot.flags)[doc_id]
    d = snapshot.by_doc.get(doc_id)
    if d is None:
        return {"id": doc_id, "title": "", "label": doc_id, "source": "", "url": "", "published": "", "copy_of": "",
                "flags": flags}
    return {k: v for k, v in summary_record(d).items() if k not in ("events", "lang", "published_source")} | {
        "flags": flags}


def event_record(e: Event, snapshot: Snapshot) -> dict[str, Any]:
    """An event as lists show it."""
    return {"id": e.id, "date": e.date, "type": e.type, "status": e.status, "mode": e.mode, "location": e.location,
            "participants": list(e.participants), "summary": e.summary, "sources": list(e.sources),
            "independent_sources": e.independent_sources, "salience": e.salience,
            "statuses": [h["status"] for h in e.status_history], "conflicts": list(e.conflicts)}


def event_detail(e: Event, snapshot: Snapshot, document: Callable[[str], Document | None]) -> dict[str, Any]:
    """An event in full: every source with title, date and link (copies marked, counted once), its status history
    (what each source said, in publication order), the conflicts between sources, and the evidence sentences with
    trigger and participants marked (`html`)."""
    docs: dict[str, Document | None] = {}

    def doc(doc_id: str) -> Document | None:
        if doc_id not in docs:
            docs[doc_id] = document(doc_id)
        return docs[doc_id]

    history = [{**h, "title": _source(h["doc"], snapshot)["label"]} for h in e.status_history]
    order = {d: i for i, d in enumerate(e.sources)}
    evidence = []
    for m in sorted(e.mentions, key=lambda m: (order.get(m.doc_id, len(order)), m.sentence, m.span.start)):
        evidence.append({
            "doc": m.doc_id, "sentence": m.sentence, "start": m.span.start, "end": m.span.end, "text": m.span.text,
            "trigger": m.trigger, "type": m.type, "status": m.status, "cue": m.status_cue, "actors": list(m.actors),
            "targets": list(m.targets), "source": m.source, "date": m.date, "date_source": m.date_source,
            "date_text": m.date_text, "confidence": m.confidence,
            "html": str(marked(m.span.text, evidence_marks(doc(m.doc_id), m), m.span.start)),
        })
    return event_record(e, snapshot) | {
        "sources": [_source(d, snapshot) for d in e.sources], "status_history": history, "evidence": evidence}


def document_detail(doc: Document, snapshot: Snapshot, focus: Event | None = None) -> dict[str, Any]:
    """A document: `linimasa docs`'s record (text, publication date and how it was found, removed lines and why),
    its time expressions and entities, the timeline events it reports, its copies, and the text as `html` with
    time expressions, triggers and entities (and `focus`'s evidence) marked."""
    summary = snapshot.by_doc.get(doc.id)
    event_ids = {}
    for event_id in (summary.events if summary else []):
        for m in snapshot.by_event[event_id].mentions:
            if m.doc_id == doc.id and m.trigger_span is not None:
                event_ids[(m.span.start, m.trigger_span.start)] = event_id
    copies = sorted(d for d, original in snapshot.copies.items() if original == doc.id)
    return document_record(doc) | {
        "url": summary.url if summary else "", "label": summary.label if summary else doc.id,
        "copy_of": snapshot.copies.get(doc.id, ""), "copies": copies,
        "flags": to_dict(snapshot.flags.get(doc.id, [])),
        "timexes": [to_dict(t) for t in doc.timexes], "entities": [to_dict(e) for e in doc.entities],
        "events": [event_record(snapshot.by_event[i], snapshot) for i in (summary.events if summary else [])],
        "html": str(marked(doc.text, document_marks(doc, event_ids, focus))),
    }


def entity_record(e: CorpusEntity) -> dict[str, Any]:
    return e.to_dict()
