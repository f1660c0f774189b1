"""Time expressions: DATE, TIME, DURATION and SET with TIMEX3 values anchored on the publication date.

Patterns come from the language files (`linimasa/temporal/grammar.py` compiles them); the direction of a bare
weekday or month comes from the nearest tense cue in its sentence; calendar arithmetic is python-dateutil's.
"""

from __future__ import annotations

from datetime import date

from ..model import Document, Span, Timex
from ..pipeline import stage
from ..settings import Context
from ..temporal.grammar import find, grammar, tense_direction
from ..temporal.normalise import normalise
from .sentences import split


def tag_sentences(text: str, sentences: list[Span], code: str, anchor: date | None) -> list[Timex]:
    """Timexes in `text`, looked for sentence by sentence; offsets point into `text`."""
    g = grammar(code)
    found: list[Timex] = []
    previous = ""
    for sentence in sentences:
        for m in find(sentence.text, code):
            direction = tense_direction(sentence.text, m.start, m.end, code)
            value = normalise(m, g, anchor, direction, previous)
            if value is None:
                continue
            start, end = sentence.start + m.start, sentence.start + m.end
            found.append(
                Timex(Span(start, end, text[start:end]), value.type, value.value, value.mod,
                      anchor.isoformat() if anchor else "", m.rule)
            )
            if value.type in ("DATE", "TIME") and value.value[:1].isdigit():
                previous = value.value
    return found


def tag_text(text: str, code: str, anchor: date | None) -> list[Timex]:
    """Timexes of raw `text` as is (no cleaning), e.g. for `linimasa timex`.

    >>> [t.value for t in tag_text("Biden akan berbicara Kamis.", "id", date(2021, 12, 29))]
    ['2021-12-30']
    """
    return tag_sentences(text, split(text, code), code, anchor)


def anchor_of(doc: Document) -> date | None:
    return date.fromisoformat(doc.published.date[:10]) if doc.published else None


@stage("timex", requires={"sentences", "dating"}, provides={"timex"})
def tag_timexes(doc: Document, ctx: Context) -> Document:
    doc.timexes = tag_sentences(doc.text, [s.span for s in doc.sentences], doc.lang or ctx.get("default_lang"),
                                anchor_of(doc))
    return doc
