"""Date summaries, as timeline summarisation (TLS) expects them: pick the dates a collection talks about most and
summarise each with its most central sentences (extractive).

A sentence speaks of a day when it holds a day-level time expression (timex stage) or, with no expression, is
one of the first sentences of an article published that day (the news of the day). Dates are ranked by how many
sentences speak of them (a lead sentence of the day's news counting as much as a sentence that names the day);
each date's sentences are ranked by TF-IDF cosine to the date's centroid plus cosine to the whole collection's
centroid (what the collection is about: this keeps off-topic articles out, as news-tls's keyword filter does
without asking for keywords), near-copies skipped. Stop words are spaCy's for the language; the arithmetic is
plain Python. The weights were set on Timeline17 (bench/tls.py), then checked on ML-Crisis Spanish; a
leave-one-topic-out check of other weights (TOPIC_WEIGHT 0-2, MAX_SIMILARITY 0.3-0.7) and of a bonus for sentences
that report the day's events gained no more than 0.0014 AR-1 on Timeline17, so they stay.

`summarise` ranks dates by that count; `linimasa timeline` picks them with the learned ranker of `corpus.dates`
and summarises them with `summarise_dates` (`corpus.timeline.summary_timeline`).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Document

LEAD_SENTENCES = 8  # the first sentences of an article tell the news of its publication day
REFERENCE_WEIGHT = 1.0  # a sentence that names the day
NEWS_WEIGHT = 1.0  # a lead sentence published that day without a time expression
TOPIC_WEIGHT = 1.0  # how much closeness to the whole collection counts beside closeness to the day's sentences
MAX_SIMILARITY = 0.5  # a sentence this close to one already chosen says the same thing
MIN_WORDS, MAX_WORDS = 5, 60
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@dataclass(frozen=True)
class DatedSentence:
    doc_id: str
    text: str
    date: str  # YYYY-MM-DD
    referenced: bool  # True: the sentence names the day; False: the day is its article's publication day


def dated_sentences(doc: Document) -> Iterator[DatedSentence]:
    """The sentences of `doc` that speak of a day, once per day they speak of."""
    published = doc.published.date[:10] if doc.published else ""
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for t in doc.timexes:
        day = t.calendar()[:10]  # "three days later" by the day it reaches
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) and not t.mod:
            i = doc.sentence_of(t.span.start)
            if i >= 0:
                by_sentence[i].add(day)
    for i, sentence in enumerate(doc.sentences):
        text = " ".join(sentence.span.text.split())
        if not MIN_WORDS <= len(text.split()) <= MAX_WORDS:
            continue
        days = by_sentence.get(i)
        if days:
            for day in sorted(days):
                yield DatedSentence(doc.id, text, day, day != published)
        elif published and i < LEAD_SENTENCES:
            yield DatedSentence(doc.id, text, published, False)


@functools.cache
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for `lang`, read from its data module alone: importing `spacy` itself costs seconds,
    which `linimasa timeline` would pay on every call (the modules are plain Python sets of words)."""
    spec = importlib.util.find_spec("spacy")
    path = Path(spec.origin).parent / "lang" / lang / "stop_words.py" if spec and spec.origin else None
    if path is None or not path.is_file() or not re.fullmatch(r"[a-z]{2,3}", lang):
        return frozenset()
    words: dict = {}
    try:
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), words)  # noqa: S102 - spaCy's own file
        return frozenset(words["STOP_WORDS"])
    except (ImportError, KeyError, SyntaxError):  # a module that needs the package: import it after all
        try:
            return frozenset(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
        except (ImportError, AttributeError):
            return frozenset()


def _terms(text: str, stop: frozenset[str]) -> list[str]:
    return [w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in stop]


def _vector(terms: list[str], idf: dict[str, float]) -> dict[str, float]:
    tf = Counter(terms)
    vec = {t: c * idf.get(t, 0.0) for t, c in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {t: v / norm for t, v in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def rank_dates(sentences: Iterable[DatedSentence], start: str = "", end: str = "") -> list[tuple[str, float]]:
    """Dates by how much the collection speaks of them, best first (ties: earlier first)."""
    score: dict[str, float] = defaultdict(float)
    for s in sentences:
        if (start and s.date < start) or (end and s.date > end):
            continue
        score[s.date] += REFERENCE_WEIGHT if s.referenced else NEWS_WEIGHT
    return sorted(score.items(), key=lambda x: (-x[1], x[0]))


def summarise(sentences: Iterable[DatedSentence], max_dates: int, per_date: int, lang: str = "en",
              start: str = "", end: str = "") -> list[tuple[str, list[str]]]:
    """The `max_dates` most spoken-of dates (between `start` and `end` when given), in date order, each with its
    `per_date` most central sentences.

    >>> s = [DatedSentence("a", "Rebels took the airport of the capital on Monday", "2011-08-22", True)]
    >>> summarise(s, 1, 1)
    [('2011-08-22', ['Rebels took the airport of the capital on Monday'])]
    """
    sentences = list(sentences)
    return summarise_dates(sentences, [d for d, _ in rank_dates(sentences, start, end)[:max_dates]], per_date, lang)


def summarise_dates(sentences: Iterable[DatedSentence], dates: Iterable[str], per_date: int,
                    lang: str = "en") -> list[tuple[str, list[str]]]:
    """Each of `dates`, in date order, with its `per_date` most central sentences among `sentences`: TF-IDF
    cosine to the day's centroid plus cosine to the whole collection's centroid, near-copies skipped.

    >>> s = [DatedSentence("a", "Rebels took the airport of the capital on Monday", "2011-08-22", True)]
    >>> summarise_dates(s, ["2011-08-22"], 1)
    [('2011-08-22', ['Rebels took the airport of the capital on Monday'])]
    """
    sentences = list(sentences)
    stop = _stop_words(lang)
    chosen_dates = list(dict.fromkeys(dates))
    wanted = set(chosen_dates)
    terms = {s.text: _terms(s.text, stop) for s in sentences}
    df = Counter(t for ts in terms.values() for t in set(ts))
    n = max(1, len(terms))
    idf = {t: math.log(n / c) + 1.0 for t, c in df.items()}
    by_date: dict[str, list[DatedSentence]] = defaultdict(list)
    for s in sentences:
        if s.date in wanted:
            by_date[s.date].append(s)
    topic = _centroid(_vector(ts, idf) for ts in terms.values())
    out = []
    for day in sorted(chosen_dates):
        texts = list(dict.fromkeys(s.text for s in sorted(by_date[day], key=lambda s: (not s.referenced, s.doc_id))))
        vectors = {t: _vector(terms[t], idf) for t in texts}
        centroid = _centroid(vectors.values())

        def score(text: str) -> float:
            return _cosine(vectors[text], centroid) + TOPIC_WEIGHT * _cosine(vectors[text], topic)

        picked: list[str] = []
        for text in sorted(texts, key=lambda t: (-score(t), t)):
            if all(_cosine(vectors[text], vectors[p]) < MAX_SIMILARITY for p in picked):
                picked.append(text)
            if len(picked) == per_date:
                break
        out.append((day, picked))
    return out


def _centroid(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    """The normalised sum of `vectors`."""
    total: dict[str, float] = defaultdict(float)
    for v in vectors:
        for t, x in v.items():
            total[t] += x
    norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
    return {t: x / norm for t, x in total.items()}
