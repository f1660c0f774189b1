"""Article text with what was found in it marked (time expressions, event triggers, participants, evidence), as
HTML in which every character of the article is escaped (MarkupSafe, the escaping Jinja2 uses).

Marks may overlap: the text is cut at every mark's start and end, and each piece carries every mark over it.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Document, Event, EventMention

# The kinds of mark; they become CSS classes, so only these fixed words ever reach the class attribute.
KINDS = ("timex", "trigger", "participant", "entity", "evidence")


@dataclass(frozen=True)
class Mark:
    """Characters [start, end) of a text, of one kind, with what a reader sees on hovering it."""

    start: int
    end: int
    kind: str
    label: str = ""
    anchor: str = ""  # an id to link to, given to the piece where the mark starts


def marked(text: str, marks: list[Mark], offset: int = 0) -> Markup:
    """`text` (which starts at `offset` of the document) as HTML with `marks` (in document offsets) as <mark>s.

    >>> str(marked("Biden <b>", [Mark(0, 5, "participant", "Joe Biden")]))
    '<mark class="participant" title="Joe Biden">Biden</mark> &lt;b&gt;'
    """
    inside = [m for m in marks if m.kind in KINDS and m.start < offset + len(text) and m.end > offset and m.end > m.start]
    cuts = sorted({0, len(text)} | {min(max(p - offset, 0), len(text)) for m in inside for p in (m.start, m.end)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        over = [m for m in inside if m.start - offset <= a and m.end - offset >= b]
        if not over:
            out.append(piece)
            continue
        kinds = " ".join(k for k in KINDS if any(m.kind == k for m in over))
        labels = "; ".join(dict.fromkeys(m.label for m in over if m.label))
        anchor = next((m.anchor for m in over if m.anchor and m.start - offset == a), "")
        attrs = Markup(' class="{}"').format(kinds) + (Markup(' title="{}"').format(labels) if labels else "")
        attrs += Markup(' id="{}"').format(anchor) if anchor else ""
        out.append(Markup("<mark{}>{}</mark>").format(attrs, piece))
    return Markup("").join(out)


def entity_names(doc: Document) -> dict[str, str]:
    """Entity id -> canonical name in `doc`."""
    return {e.id: e.name for e in doc.entities}


def document_marks(doc: Document, event_ids: dict[tuple[int, int], str] | None = None,
                   focus: Event | None = None) -> list[Mark]:
    """Time expressions, event triggers and entity mentions of `doc`'s body; with `focus`, that event's evidence
    sentences in this document too (anchored `at-<start>` so the event page links to them)."""
    names = entity_names(doc)
    marks = [Mark(t.span.start, t.span.end, "timex", f"{t.type} {t.value}") for t in doc.timexes]
    for m in doc.event_mentions:
        if m.trigger_span is not None:
            event = (event_ids or {}).get((m.span.start, m.trigger_span.start), "")
            label = f"{m.type} ({m.status})" + (f", event {event}" if event else "")
            marks.append(Mark(m.trigger_span.start, m.trigger_span.end, "trigger", label))
    marks += [Mark(m.span.start, m.span.end, "entity", names.get(m.entity_id, m.type))
              for m in doc.mentions if m.removed_line < 0]
    if focus is not None:
        for m in focus.mentions:
            if m.doc_id == doc.id:
                marks.append(Mark(m.span.start, m.span.end, "evidence", f"evidence of {focus.id}", f"at-{m.span.start}"))
    return marks


def evidence_marks(doc: Document | None, mention: EventMention) -> list[Mark]:
    """The trigger and the participants of one event mention, in its sentence."""
    marks = []
    if mention.trigger_span is not None:
        marks.append(Mark(mention.trigger_span.start, mention.trigger_span.end, "trigger",
                          f"{mention.type} ({mention.status})"))
    if doc is not None:
        names = entity_names(doc)
        taking_part = set(mention.actors) | set(mention.targets)
        for m in doc.mentions:
            name = names.get(m.entity_id, "")
            if (m.removed_line < 0 and name in taking_part and m.span.start >= mention.span.start
                    and m.span.end <= mention.span.end):
                role = "actor" if name in mention.actors else "target"
                marks.append(Mark(m.span.start, m.span.end, "participant", f"{name} ({role})"))
    return marks
