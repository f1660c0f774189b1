"""The timeline: linked events ordered by date, each with its sources, status history and evidence sentences;
filtered by a query (entities, dates), ranked by salience, and cut to the most salient dates. A timeline summary
(`summary_timeline`: keywords or entities, dates chosen by the learned ranker of `corpus.dates`, sentences by
`corpus.summarise`) is what `linimasa timeline --sentences-per-date K` prints and `bench/tls.py` scores."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

from ..errors import LinimasaError
from ..events.threshold import shown
from ..model import Event, EventMention, Timeline
from ..temporal.bounds import bound_days
from .dates import DateModel, date_features, rank_dates
from .link import day_range, link, persons_in
from .summarise import DatedSentence, dated_sentences, summarise, summarise_dates

# Types where everyone named acts together (talks, agreements); in the others one side acts on the other.
JOINT = {"CONSULT", "AGREE", "COOPERATE"}


def build_timeline(mentions: Iterable[EventMention], published: Mapping[str, str],
                   copies: Mapping[str, str] | None = None, gap_days: int = 1, persons: Iterable[str] = ()) -> Timeline:
    """Events linked from `mentions`, with independent sources counted (`copies`: document -> the document it
    copies, from `corpus.dedupe`) and salience set; ordered by date.

    Salience = independent sources + how prominent the participants are (the share of the corpus's event
    mentions that name each of the two most named) + 0.5 when it happened.
    """
    mentions = list(mentions)
    copies = copies or {}
    events = link(mentions, dict(published), gap_days, persons)
    named: dict[str, int] = {}
    for m in mentions:
        for p in set(m.actors) | set(m.targets):
            named[p] = named.get(p, 0) + 1
    total = max(1, len(mentions))
    for e in events:
        e.independent_sources = len({copies.get(d, d) for d in e.sources})
        prominence = sorted((named.get(p, 0) / total for p in e.participants), reverse=True)[:2]
        e.salience = round(e.independent_sources + sum(prominence) + 0.5 * (e.status == "happened"), 4)
    return Timeline(events)


def filter_timeline(timeline: Timeline, entities: Iterable[str] = (), date_from: str = "", date_to: str = "") -> Timeline:
    """Events whose days all fall within [date_from, date_to] in which every entity given takes part (by canonical
    name, or its last word: "Biden"). Given two or more, they must deal with each other in one report: together in
    talks or an agreement, or one acting on another ("Biden warned Putin"), not side by side in what a third party
    did."""
    names = [n for n in entities if n]
    lo, hi = _bound("from", date_from), _bound("to", date_to)
    if lo and hi and lo[0] > hi[1]:
        raise LinimasaError(f"--from {date_from} is after --to {date_to}: swap them")
    kept = []
    for event in timeline.events:
        days = day_range(event.date)
        if (lo or hi) and days is None:
            continue  # no calendar date ("", "PAST_REF"): within no bound
        if (lo and days[0] < lo[0]) or (hi and days[1] > hi[1]):
            continue  # the days it covers, not its spelling: "2021-W50" is in December, "2021-Q1" not after March
        if not all(any(_names(p, n) for p in event.participants) for n in names):
            continue
        if len(names) < 2 or any(_deal(m, names) for m in event.mentions):
            kept.append(event)
    return Timeline(kept)


def _bound(name: str, value: str) -> tuple | None:
    """The first and last day of a date bound (YYYY, YYYY-MM or YYYY-MM-DD), None when not given."""
    try:
        return bound_days(value)
    except ValueError as exc:
        raise LinimasaError(f"--{name} {exc}") from exc


def _deal(m: EventMention, names: list[str]) -> bool:
    """Whether everyone in `names` deals with the others in mention `m`."""
    def side(people: list[str]) -> set[str]:
        return {n for n in names if any(_names(p, n) for p in people)}

    actors, targets = side(m.actors), side(m.targets)
    if len(actors | targets) != len(names):
        return False
    if m.type in JOINT:  # together, or across the table; not all of them as a third party's counterparts
        return len(actors) == len(names) or (bool(actors) and bool(targets - actors))
    return bool(actors) and bool(targets - actors)


def top_dates(timeline: Timeline, max_dates: int) -> Timeline:
    """The events of the `max_dates` dates whose events are most salient in all, in date order."""
    if max_dates <= 0:
        return timeline
    score: dict[str, float] = {}
    for e in timeline.events:
        score[e.date] = score.get(e.date, 0.0) + e.salience
    keep = set(sorted(score, key=lambda d: (-score[d], d))[:max_dates])
    return Timeline([e for e in timeline.events if e.date in keep])


def _names(text: str, name: str) -> bool:
    """True when `text` names `name` in full or by its last word ("Biden" for "Joe Biden")."""
    words = name.split()
    forms = {name, words[-1]} if words else {name}
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text, re.IGNORECASE) for f in forms)



def stored_timeline(store, gap_days: int = 1, min_confidence: float | None = 0.0) -> Timeline:
    """The timeline of everything in `store` (a SQLiteStore) whose mentions reach `min_confidence` (the event
    models' probability that the mention is an event of its type; None: each language's default threshold),
    copies counted once."""
    mentions = (m for m in store.event_mentions() if shown(m, min_confidence))
    return build_timeline(mentions, {d: p.date for d, p in store.published().items()},
                          store.copies(), gap_days, persons_in(store))


def date_summaries(store, timeline: Timeline, entities: Iterable[str], per_date: int) -> dict[str, list[str]]:
    """For each day of `timeline`, its `per_date` most central sentences among the stored articles' sentences
    that speak of that day (and name the entities, when given)."""
    days = {e.date for e in timeline.events if len(e.date) == 10}
    names = [n for n in entities if n]
    sentences, langs = [], Counter()
    for doc in store.documents():
        langs[doc.lang or "en"] += 1
        sentences += [s for s in dated_sentences(doc) if s.date in days and all(_names(s.text, n) for n in names)]
    lang = langs.most_common(1)[0][0] if langs else "en"
    return dict(summarise(sentences, len(days), per_date, lang))


MAX_QUERY_DOCUMENTS = 1_000_000  # every match: a topic's summary needs all its articles, not the first page


def query_documents(store, query: str) -> set[str]:
    """The ids of the stored documents that match `query` (SQLite FTS5 syntax: `swine flu` needs both words,
    `"swine flu"` the phrase, `oil OR spill` either)."""
    return {doc_id for doc_id, _ in store.search(query, limit=MAX_QUERY_DOCUMENTS)}


@dataclass
class Candidates:
    """What a timeline summary chooses from: the dated sentences of the documents asked for, their publication
    days, the events they report, and the features of each day (`corpus.dates`)."""

    sentences: list[DatedSentence]
    published: dict[str, str]
    events: list[Event]
    features: dict[str, dict[str, float]]
    lang: str


def summary_candidates(store, query: str = "", entities: Iterable[str] = (), date_from: str = "", date_to: str = "",
                       timeline: Timeline | None = None, min_confidence: float | None = 0.0) -> Candidates:
    """The candidate days and sentences of a timeline summary over the stored documents that match `query`
    (FTS5; all when empty), the sentences naming every entity given, within [date_from, date_to]."""
    names = [n for n in entities if n]
    wanted = query_documents(store, query) if query else None
    start, end = date_from, _last_day(date_to)
    sentences, published, langs = [], {}, Counter()
    for doc in (store.document(i) for i in sorted(wanted)) if wanted is not None else store.documents():
        if doc is None:
            continue
        langs[doc.lang or "en"] += 1
        published[doc.id] = doc.published.date[:10] if doc.published else ""
        sentences += [s for s in dated_sentences(doc) if (not start or s.date >= start) and (not end or s.date <= end)
                      and all(_names(s.text, n) for n in names)]
    if timeline is None:
        timeline = stored_timeline(store, min_confidence=min_confidence)
    events = [e for e in filter_timeline(timeline, names, date_from, date_to).events
              if wanted is None or any(s in wanted for s in e.sources)]
    features = date_features(sentences, published, events, start, end)
    lang = langs.most_common(1)[0][0] if langs else "en"
    return Candidates(sentences, published, events, features, lang)


def summary_timeline(store, max_dates: int, per_date: int, query: str = "", entities: Iterable[str] = (),
                     date_from: str = "", date_to: str = "", timeline: Timeline | None = None,
                     min_confidence: float | None = 0.0, model: DateModel | None = None
                     ) -> tuple[Timeline, dict[str, list[str]]]:
    """A timeline summary (TLS) of the stored documents: the `max_dates` days the date ranker (`corpus.dates`)
    scores highest, each with its `per_date` most central sentences, and the events of those days.

    `linimasa timeline --sentences-per-date K` runs this; so does `bench/tls.py`, which scores it on Timeline17 and
    ML-Crisis.

    >>> events, summaries = summary_timeline(store, 12, 3, query="swine flu", date_from="2009-04")  # doctest: +SKIP
    >>> summaries["2009-04-29"][0]                                                                 # doctest: +SKIP
    "Three more cases of swine flu have been confirmed in the UK , Gordon Brown said today , bringing the total ..."
    """
    found = summary_candidates(store, query, entities, date_from, date_to, timeline, min_confidence)
    days = [d for d, _ in rank_dates(found.features, model)[:max_dates]] if max_dates > 0 else sorted(found.features)
    summaries = {d: texts for d, texts in summarise_dates(found.sentences, days, per_date, found.lang)
                 if texts} if per_date > 0 else {}
    chosen = set(days)
    return Timeline([e for e in found.events if e.date in chosen]), summaries


def _last_day(date_to: str) -> str:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD bound lets in, as a comparable string ("2010" -> "2010-99-99")."""
    return date_to + "-99-99"[: max(0, 10 - len(date_to))] if date_to else ""
