"""Time expressions: DATE, TIME, DURATION and SET with TIMEX3 values anchored on the publication date.

Patterns come from the language files (`linimasa/temporal/grammar.py` compiles them); the direction of a bare
weekday or month comes from the nearest tense cue in its sentence; calendar arithmetic is python-dateutil's.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from .. import lang
from ..model import Document, Span, Timex
from ..pipeline import stage
from ..settings import Context
from ..temporal.grammar import Grammar, find, grammar, tense_direction
from ..temporal.normalise import day_of, normalise
from .sentences import split


_CLOCK_RULES = ("clock", "tod_bare")


@functools.cache
def _clock_day_gap(code: str) -> re.Pattern[str]:
    """What may stand between a clock time and the day it is on ("5 p.m. EST Nov. 9", "noon Thursday"):
    a zone, a comma, a connector word of the language."""
    connectors = "|".join(map(re.escape, lang.load(code)["timex"]["connectors"]))
    return re.compile(rf"[\s,]*(?:[A-Z]{{2,4}}\b[\s,]*)?(?:(?:{connectors})\s+)?")


def _on_next_day(text: str, clock: Timex, day: Timex, code: str) -> Timex | None:
    """One TIME expression for a clock time followed by the day it is on, else None."""
    gap = text[clock.span.end:day.span.start]
    if clock.rule not in _CLOCK_RULES or len(day.value) != 10 or not day.value[:1].isdigit() or "T" not in clock.value:
        return None
    if not _clock_day_gap(code).fullmatch(gap):
        return None
    span = Span(clock.span.start, day.span.end, text[clock.span.start:day.span.end])
    return Timex(span, "TIME", day.value + clock.value[10:], clock.mod, day.anchor, day.rule)


def tag_sentences(text: str, sentences: list[Span], code: str, anchor: date | None) -> list[Timex]:
    """Timexes in `text`, looked for sentence by sentence; offsets point into `text`."""
    g = grammar(code)
    found: list[Timex] = []
    previous = last_day = ""
    for sentence in sentences:
        first = len(found)
        for m in find(sentence.text, code):
            direction = tense_direction(sentence.text, m.start, m.end, code)
            value = normalise(m, g, anchor, direction, previous, last_day)
            if value is None:
                continue
            start, end = sentence.start + m.start, sentence.start + m.end
            timex = Timex(Span(start, end, text[start:end]), value.type, value.value, value.mod,
                          anchor.isoformat() if anchor else "", m.rule, value.point)
            merged = _on_next_day(text, found[-1], timex, code) if len(found) > first else None
            if merged:
                found[-1] = timex = merged
            else:
                found.append(timex)
            if value.compared:
                pass  # "… a year earlier. … a year earlier": both compare with the same quarter
            elif timex.type in ("DATE", "TIME") and timex.value[:1].isdigit():
                previous = timex.value
                last_day = timex.value if day_of(timex.value) else last_day
            elif timex.point:
                previous = timex.point
    return _without_surnames(text, found, sentences, g)


# A capitalised word right before a bare month name that is a name too (`name_months` of the language file) makes
# it a surname ("Theresa May", "Prime Minister May"); then the same word alone elsewhere in the text names that
# person too ("after May criticised him"). Not an acronym or a number ("G20 November").
_WORD_BEFORE = re.compile(r"([A-Z][a-z][A-Za-z'-]*)\s+$")
WORD_BEFORE_CHARS = 40  # how far before the month that word is looked for (a long given name and its space)


def _without_surnames(text: str, found: list[Timex], sentences: list[Span], g: Grammar) -> list[Timex]:
    """`found` less the month names that are a person's surname: a bare month (no day or year) after a capitalised
    word that is no month, weekday or word of time ("In May", "Last May"; one that opens its sentence must not be
    written in lower case elsewhere in the text either), and every other bare use of that word."""
    data = lang.load(g.code)["timex"]
    bare = [t for t in found if t.rule == "month" and t.span.text in data.get("name_months", [])]
    if not bare:
        return found
    starts = {s.start for s in sentences}
    time_words = {*g.months, *g.weekdays, *g.shifts, *g.parts, *data.get("connectors", [])}
    names = set()
    for t in bare:
        before = _WORD_BEFORE.search(text, max(0, t.span.start - WORD_BEFORE_CHARS), t.span.start)
        if before is None:
            continue
        word, at = before.group(1), before.start(1)
        opens = at in starts or text[at - 1:at] in ('"', "“", "(", "\n")
        if word.lower().rstrip(".") in time_words or (opens and re.search(rf"\b{re.escape(word.lower())}\b", text)):
            continue
        names.add(t.span.text)
    return [t for t in found if not (t in bare and t.span.text in names)]


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
