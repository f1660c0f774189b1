"""Which dates a timeline summary should hold: features of each candidate day of a collection, and a learned
ranker that scores them (as news-tls's DATEWISE does with its supervised date ranker).

A day's features count what the collection says about it: the sentences and articles that name it, when those
articles were written (a day still named weeks later mattered), how many articles came out on it and how
bursty that was, and the linked events of the day with their status and independent sources (what linimasa
has that news-tls lacks). Each count enters as log(1 + count) and as its share of the collection's largest
(topics differ a hundredfold in size). The ranker is a logistic regression fitted by `train/tls.py` with
scikit-learn, leave-one-topic-out on Timeline17 and ML-Crisis, and shipped as JSON weights
(`linimasa/models/tls/dates.json`), so that scoring needs plain Python only.
"""

from __future__ import annotations

import functools
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Iterable, Mapping

from ..model import Event
from .summarise import DatedSentence

BURST_WINDOW_DAYS = 7  # a day's articles against the mean of the week either side: a news peak, not a busy month
PEAK_DAYS = 3  # a story's days cluster; the peak of a cluster is the day the others report about
LATER_DAYS = 7  # an article written over a week after a day that still names it: the day mattered in hindsight

# The counts of a day; each becomes two features, "<name>_log" and "<name>_share".
COUNTS = (
    "ref_sentences",  # sentences that name the day
    "ref_docs",  # articles that name the day
    "ref_pub_days",  # distinct publication days of those articles: how long the day stayed in the news
    "ref_later_docs",  # articles written LATER_DAYS or more after the day that still name it
    "pub_docs",  # articles published on the day
    "lead_sentences",  # lead sentences of the day's articles (the news of the day)
    "next_day_docs",  # articles published the day after (the day's news reported)
    "events",  # linked events on the day
    "events_happened",  # ... whose status is happened
    "event_sources",  # independent sources over the day's events
    "events_multi_source",  # events reported by two or more independent sources
)
EXTRA = (
    "burst",  # log of the day's articles over the mean of the BURST_WINDOW_DAYS either side (+1 smoothing)
    "ref_span_log",  # log(1 + days between the first and last article naming the day)
    "ref_peak",  # the day's naming articles over the most on any day within PEAK_DAYS: 1 at a local peak
    "events_peak",  # the same for the independent sources of its events
)
FEATURES = tuple(f"{c}_{k}" for c in COUNTS for k in ("log", "share")) + EXTRA


@dataclass(frozen=True)
class DateModel:
    """A linear date ranker: score = intercept + sum(coef * (x - mean) / scale)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def score(self, x: Mapping[str, float]) -> float:
        z = self.intercept + sum(c * (x.get(f, 0.0) - m) / (s or 1.0)
                                 for f, m, s, c in zip(self.features, self.mean, self.scale, self.coef))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_dict(cls, data: Mapping) -> "DateModel":
        return cls(tuple(data["features"]), tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]),
                   float(data["intercept"]))

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept}


def load_model(path: str | Path | None = None) -> DateModel:
    """The date ranker at `path`, or the shipped one (trained on every topic of `train/tls.py`)."""
    if path is None:
        return _shipped()
    return DateModel.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


@functools.cache
def _shipped() -> DateModel:
    text = resources.files("linimasa").joinpath("models", "tls", "dates.json").read_text(encoding="utf-8")
    return DateModel.from_dict(json.loads(text))


def date_features(sentences: Iterable[DatedSentence], published: Mapping[str, str], events: Iterable[Event] = (),
                  start: str = "", end: str = "") -> dict[str, dict[str, float]]:
    """The features of every day (YYYY-MM-DD within [start, end] when given) that a sentence or an event of the
    collection speaks of. `published`: document id -> its publication day, for the documents of the collection.

    >>> s = [DatedSentence("a", "Rebels took the airport on Monday", "2011-08-22", True)]
    >>> round(date_features(s, {"a": "2011-08-23"})["2011-08-22"]["ref_docs_log"], 3)
    0.693
    """
    def inside(day: str) -> bool:
        return len(day) == 10 and not (start and day < start) and not (end and day > end)

    counts: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(COUNTS, 0.0))
    ref_docs: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        if not inside(s.date):
            continue
        if s.referenced:
            counts[s.date]["ref_sentences"] += 1
            ref_docs[s.date].add(s.doc_id)
        else:
            counts[s.date]["lead_sentences"] += 1
    per_day = defaultdict(int)
    for day in published.values():
        if len(day) >= 10:
            per_day[day[:10]] += 1
    for e in events:
        if not inside(e.date):
            continue
        c = counts[e.date]
        c["events"] += 1
        c["events_happened"] += e.status == "happened"
        c["event_sources"] += e.independent_sources
        c["events_multi_source"] += e.independent_sources >= 2
    spans: dict[str, float] = {}
    for day, c in counts.items():
        ordinal = date.fromisoformat(day).toordinal()
        docs = ref_docs.get(day, set())
        pub = sorted(date.fromisoformat(published[d][:10]).toordinal() for d in docs if len(published.get(d, "")) >= 10)
        c["ref_docs"] = len(docs)
        c["ref_pub_days"] = len(set(pub))
        c["ref_later_docs"] = sum(p - ordinal >= LATER_DAYS for p in pub)
        spans[day] = math.log1p(pub[-1] - pub[0]) if pub else 0.0
        c["pub_docs"] = per_day.get(day, 0)
        c["next_day_docs"] = per_day.get(date.fromordinal(ordinal + 1).isoformat(), 0)
    largest = {k: max((c[k] for c in counts.values()), default=0.0) or 1.0 for k in COUNTS}
    out: dict[str, dict[str, float]] = {}
    for day, c in counts.items():
        ordinal = date.fromisoformat(day).toordinal()
        window = [per_day.get(date.fromordinal(ordinal + k).isoformat(), 0)
                  for k in range(-BURST_WINDOW_DAYS, BURST_WINDOW_DAYS + 1) if k]
        x = {f"{k}_log": math.log1p(v) for k, v in c.items()} | {f"{k}_share": v / largest[k] for k, v in c.items()}
        x["burst"] = math.log((c["pub_docs"] + 1) / (sum(window) / len(window) + 1))
        x["ref_span_log"] = spans[day]
        for name, count in (("ref_peak", "ref_docs"), ("events_peak", "event_sources")):
            near = [counts[d][count] for k in range(-PEAK_DAYS, PEAK_DAYS + 1)
                    if (d := date.fromordinal(ordinal + k).isoformat()) in counts]
            x[name] = c[count] / (max(near) or 1.0)
        out[day] = x
    return out


def rank_dates(features: Mapping[str, Mapping[str, float]], model: DateModel | None = None) -> list[tuple[str, float]]:
    """Days by the ranker's score, best first (ties: earlier first)."""
    model = model or load_model()
    scored = [(day, model.score(x)) for day, x in features.items()]
    return sorted(scored, key=lambda x: (-x[1], x[0]))
