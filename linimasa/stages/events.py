"""Events, first version: every sentence anchored by a calendar date becomes a dated event mention.

The date is the sentence's first calendar-dated time expression; the status is `planned` when the nearest tense
cue points to the future, else `happened`, and the cue is kept. Typed PLOVER events come with the events issue.
"""

from __future__ import annotations

from ..model import Document, EventMention
from ..pipeline import stage
from ..settings import Context
from ..temporal.grammar import nearest_cue


def _status(sentence: str, start: int, end: int, code: str) -> tuple[str, str]:
    cue = nearest_cue(sentence, start, end, code, window=len(sentence))  # the whole sentence's modality
    if cue is None:
        return "happened", ""
    return ("planned" if cue[0] > 0 else "happened"), cue[1]


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
                date=timex.value.split("T")[0], date_source="timex", status=status, status_cue=cue,
            )
        )
    doc.event_mentions = mentions
    return doc
