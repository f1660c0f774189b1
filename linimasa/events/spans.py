"""A second opinion on a trigger, read from its context: a span model that gives each short stretch of a sentence
the probability that it names an event of each PLOVER type.

The type model (`linimasa.events.classify`) weighs a lexicon candidate by its word, its parse and a few cues; it
holds back many events whose word is often not one ("says", "charges", "demand"). The span model reads the words
around the trigger instead. It is spaCy's span categorizer (`spancat`, the heavy lifting: n-gram spans of one to
three tokens, each scored per type by a convolutional token encoder, mean and max pooled) on top of the language's
parser encoder (`[syntax] model`), trained by `train/spans.py` on the test bed's dev annotations and shipped in
`linimasa/models/` (`[events] span_model` names it).

It only ever raises a mention: where it gives the mention's own type at least SPAN_AGREE, the mention's confidence
becomes at least the span model's precision at that level, measured on dev draws it was not trained on and stored
in its `meta.json` (`agree_precision`). It never lowers one: out of fold, hiding the lexicon mentions it does not
support lost more right mentions than wrong ones (session 33).
"""

from __future__ import annotations

import functools
import logging

from .. import lang, tokenizer
from ..model import Document

log = logging.getLogger(__name__)

# The span model's probability for the mention's type at which it vouches for the mention. Out of fold on English
# dev draws 46-51 (session 33), raising the candidates the type model held back showed 31 more mentions at 0.9 (24
# of them events of their type, 6 fully right) and 48 at 0.7 (37, 7): the 17 between held one fully right mention.
SPAN_AGREE = 0.9
SPAN_BATCH = 64  # sentences the encoder reads at a time
# Characters of a sentence read on each side of a trigger when the sentence is longer than twice this (a page with
# no full stops is one "sentence"): the encoder's reach is a few words, the rest costs time only.
SPAN_WINDOW = 600


@functools.cache
def span_model(code: str):
    """(spaCy pipeline, agree_precision) of language `code`'s span model, or None when its file names none or the
    model cannot load."""
    name = lang.setting(code, "events", "span_model", "")
    if not name:
        return None
    try:
        nlp = tokenizer.load(name)
    except OSError as exc:
        log.warning("span model %s is not available (%s); event confidences are the type model's alone", name, exc)
        return None
    precision = float(nlp.meta.get("agree_precision", 0.0))
    if not precision:
        log.warning("span model %s has no agree_precision in its meta.json (retrain it with train/spans.py); "
                    "it is not used", name)
        return None
    return nlp, precision


def scores(texts: list[str], code: str) -> list[list[tuple[int, int, dict[str, float]]]]:
    """Per text, each suggested span as (start, end, probability per type), offsets relative to the text."""
    loaded = span_model(code)
    if loaded is None:
        return [[] for _ in texts]
    return read(loaded[0], texts)


def read(nlp, texts: list[str]) -> list[list[tuple[int, int, dict[str, float]]]]:
    """`scores` by the span pipeline `nlp` (its encoder and `spancat`): the shipped model's, or one in training."""
    pipe = nlp.get_pipe("spancat")
    labels = list(pipe.labels)
    out: list[list[tuple[int, int, dict[str, float]]]] = []
    for at in range(0, len(texts), SPAN_BATCH):
        docs = list(nlp.pipe(texts[at:at + SPAN_BATCH], disable=["spancat"]))
        index, probs = pipe.predict(docs)
        rows, k = index.dataXd, 0
        for doc, n in zip(docs, index.lengths):
            spans = []
            for q in range(int(n)):
                first, last = int(rows[k + q][0]), int(rows[k + q][1])
                spans.append((doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text),
                              {label: float(p) for label, p in zip(labels, probs[k + q])}))
            out.append(spans)
            k += int(n)
    return out


def support(spans: list[tuple[int, int, dict[str, float]]], start: int, end: int, kind: str) -> float:
    """The span model's highest probability of type `kind` over the spans that overlap [start, end)."""
    return max((p.get(kind, 0.0) for s, e, p in spans if s < end and start < e), default=0.0)


def vouch(doc: Document, code: str) -> None:
    """Raise to the span model's `agree_precision` the confidence of each event mention of `doc` below it whose type
    the span model gives its trigger at least SPAN_AGREE."""
    raise_to = vouched(code)
    low = [m for m in doc.event_mentions if m.trigger_span is not None and m.confidence < raise_to]
    if not low:
        return
    windows: dict[tuple[int, int], int] = {}  # (document start, end) of a text read -> its index in `texts`
    texts, reads = [], []
    for m in low:
        span = doc.sentences[m.sentence].span
        lo, hi = span.start, span.end
        if hi - lo > 2 * SPAN_WINDOW:
            lo, hi = max(lo, m.trigger_span.start - SPAN_WINDOW), min(hi, m.trigger_span.end + SPAN_WINDOW)
        if (lo, hi) not in windows:
            windows[lo, hi] = len(texts)
            texts.append(doc.text[lo:hi])
        reads.append((m, lo, windows[lo, hi]))
    found = scores(texts, code)
    for m, lo, k in reads:
        if support(found[k], m.trigger_span.start - lo, m.trigger_span.end - lo, m.type) >= SPAN_AGREE:
            m.confidence = raise_to


def vouched(code: str) -> float:
    """The confidence a mention the span model vouches for is raised to (0 when language `code` has none)."""
    loaded = span_model(code)
    return loaded[1] if loaded is not None else 0.0
