"""The timeline: events ordered by date, each with its sources and evidence sentences, filtered by a query."""

from __future__ import annotations

import re
from typing import Iterable, Protocol

from ..model import Event, EventMention, Timeline


class _Documents(Protocol):
    def document(self, doc_id: str): ...


def build_timeline(mentions: Iterable[EventMention], store: _Documents | None = None) -> Timeline:
    """One event per mention for now (cross-document linking comes later), ordered by date then source."""
    events = []
    for i, m in enumerate(sorted(mentions, key=lambda m: (m.date, m.doc_id, m.sentence))):
        events.append(
            Event(
                id=f"e{i + 1}", date=m.date, type=m.type, participants=m.actors + m.targets, status=m.status,
                location=m.location, mode=m.mode,
                status_history=[{"status": m.status, "doc": m.doc_id, "cue": m.status_cue}],
                sources=[m.doc_id], summary=m.span.text,
                evidence=[{"doc": m.doc_id, "sentence": m.sentence, "start": m.span.start, "end": m.span.end,
                           "text": m.span.text, "trigger": m.trigger}],
                mentions=[m],
            )
        )
    return Timeline(events)


def filter_timeline(timeline: Timeline, entities: Iterable[str] = (), date_from: str = "", date_to: str = "") -> Timeline:
    """Events whose participants include every entity given (by canonical name, or its last word: "Biden"),
    within [date_from, date_to]."""
    names = [n for n in entities if n]
    kept = []
    for event in timeline.events:
        if date_from and event.date[: len(date_from)] < date_from:
            continue
        if date_to and event.date[: len(date_to)] > date_to:
            continue
        text = " | ".join(event.participants)
        if all(_names(text, name) for name in names):
            kept.append(event)
    return Timeline(kept)


def _names(text: str, name: str) -> bool:
    """True when `text` names `name` in full or by its last word ("Biden" for "Joe Biden")."""
    words = name.split()
    forms = {name, words[-1]} if words else {name}
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text, re.IGNORECASE) for f in forms)
