"""Events, first version: every sentence anchored by a calendar date becomes a dated event mention.

The date is the sentence's first calendar-dated time expression; the status is `planned` when the nearest tense
cue points to the future, else `happened`, and the cue is kept. Typed PLOVER events come with the events issue.
"""

from __future__ import annotations

from ..model import Document, EventMention
from ..pipeline import stage
from ..settings import Context
from ..temporal.grammar import grammar


def _status(sentence: str, start: int, end: int, code: str) -> tuple[str, str]:
    g = grammar(code)
    nearest: tuple[int, str, str] | None = None
    for status, pattern in (("planned", g.future_cues), ("happened", g.past_cues)):
        for m in pattern.finditer(sentence) if pattern else ():
            if start <= m.start() < end:
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if nearest is None or distance < nearest[0]:
                nearest = (distance, status, m.group(0))
    return (nearest[1], nearest[2]) if nearest else ("happened", "")


@stage("events", requires={"timex", "sentences"}, provides={"events"})
def extract_events(doc: Document, ctx: Context) -> Document:
    code = doc.lang or ctx.get("default_lang")
    mentions = []
    for timex in doc.timexes:
        if timex.type not in ("DATE", "TIME") or not timex.value[:4].isdigit():
            continue
        index = doc.sentence_of(timex.span.start)
        if index < 0 or any(m.sentence == index for m in mentions):
            continue
        sentence = doc.sentences[index].span
        status, cue = _status(sentence.text, timex.span.start - sentence.start, timex.span.end - sentence.start, code)
        mentions.append(
            EventMention(
                doc_id=doc.id, sentence=index, span=sentence, type="UNTYPED", trigger=timex.span.text,
                date=timex.value, date_source="timex", status=status, status_cue=cue,
            )
        )
    doc.event_mentions = mentions
    return doc
