"""Sharper dates for event mentions from the reports they share an event with.

A report often dates an event more loosely than another: 001 says the US and Russia "akan bertemu di Jenewa pada
awal Januari", 004 says "pada 10 Januari"; 004 calls the video call "awal bulan ini", 002 dates it 7 December. A
mention whose own date is only a month (or a week), or only the day of writing for an event still to come, takes
the day (or week) of the mention it reports the same event as:

- same event type, at least two participants in common, each side's actor taking part in the other (a third
  party's calls with two leaders are not their call), no clash of channel (video, phone, in person) nor of place;
- the sharper date lies inside the looser one, and not within a few days of the writing day when the looser one
  is a month ("awal bulan ini" is not said of last Tuesday);
- for a mention dated only by its writing day: the other is in the same article and after that day (the plan
  "Blinken dan Lavrov akan membahas …" is the meeting the article dates "24 Februari 2022").

The best match has the most participants in common (Jaccard; the people only, when both name people), then is
told the same way (a video call), then has a date stated in full ("7 Desember 2021" over "hari ini"), then the
finest date; when equally good matches disagree,
the mention keeps its own date. The mention keeps its time expression in `date_text` and says where
the sharper date came from; `date_source` becomes "linked". Runs on the store after cross-document dating;
candidates are blocked by participant, so the work grows with the mentions that share a name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from ..model import EventMention
from ..temporal.normalise import day_of
from .dating import NEAR_DAYS
from .link import CHANNELS, acting_in, day_range, deciding, people, persons_in, places_differ

OPEN_STATUSES = {"planned", "proposed", "conditional", "hypothetical"}


def _granularity(value: str) -> int:
    """Days a value covers, roughly (day 1, week 7, month 30, …); large for anything else."""
    span = day_range(value)
    return (span[1] - span[0]).days + 1 if span else 10**6


def _sharp(m: EventMention) -> bool:
    """Whether `m` is dated to a day or a week by its own words or a scheduled meeting."""
    return m.date_source in ("timex", "schedule") and _granularity(m.date) <= 7


def _loose(m: EventMention, published: dict[str, str]) -> bool:
    if m.date_source == "timex" and re.fullmatch(r"\d{4}-\d{2}", m.date):
        return True
    return m.date_source == "published" and m.status in OPEN_STATUSES and bool(published.get(m.doc_id))


def _fits(m: EventMention, other: EventMention, published: dict[str, str]) -> bool:
    if other.type != m.type or other is m or len(people(m) & people(other)) < 2:
        return False
    if not (acting_in(m, other) and acting_in(other, m)):
        return False
    if m.mode in CHANNELS and other.mode in CHANNELS and CHANNELS[m.mode] != CHANNELS[other.mode]:
        return False
    if places_differ(m, other):  # the talks "next month in Vienna" take no day from the Geneva ones
        return False
    sharp = day_range(other.date)
    if sharp is None:
        return False
    written = day_of(published.get(m.doc_id, ""))
    if m.date_source == "published":  # a plan of this article, dated in it
        return other.doc_id == m.doc_id and written is not None and sharp[0] > written
    loose = day_range(m.date)
    if loose is None or not (loose[0] <= sharp[0] and sharp[1] <= loose[1]):
        return False
    return written is None or abs((sharp[0] - written).days) > NEAR_DAYS


class SharpIndex:
    """Mentions dated to a day or a week by their own words, by participant."""

    def __init__(self, mentions: Iterable[EventMention]) -> None:
        self.by_name: dict[str, list[EventMention]] = defaultdict(list)
        for m in mentions:
            if _sharp(m):
                for name in people(m):
                    self.by_name[name].append(m)

    def fitting(self, m: EventMention, published: dict[str, str]) -> list[EventMention]:
        seen: set[int] = set()
        out = []
        for name in people(m):
            for other in self.by_name.get(name, ()):
                if id(other) not in seen and _fits(m, other, published):
                    seen.add(id(other))
                    out.append(other)
        return out


def sharpen(mentions: Iterable[EventMention], index: SharpIndex, published: dict[str, str],
            persons: frozenset[str] = frozenset()) -> list[EventMention]:
    """Give each loosely dated mention of `mentions` the sharper date of the report of the same event in `index`
    (see the module docstring), in place; returns the mentions changed."""
    changed = []
    for m in mentions:
        if not _loose(m, published):
            continue
        fits = index.fitting(m, published)
        if not fits:
            continue
        mine = people(m)

        def rank(o: EventMention) -> tuple[float, bool, bool, int]:
            a, b = deciding(mine, people(o), persons)  # Biden and Putin's call, whoever else is named
            return len(a & b) / len(a | b), o.mode == m.mode, o.date_absolute, -_granularity(o.date)

        best = max(map(rank, fits))
        dates = {o.date for o in fits if rank(o) == best}
        if len(dates) != 1:
            continue  # equally good reports disagree: keep the mention's own date
        other = next(o for o in fits if rank(o) == best)
        own = m.date_text or ("day of writing" if m.date_source == "published" else m.date)
        shared = " / ".join(sorted(mine & people(other)))
        m.date, m.date_source = other.date, "linked"
        m.date_text = f"{own} = {other.type} {shared} on {other.date} in {other.doc_id}"
        m.date_absolute = m.date_deictic = False
        changed.append(m)
    return changed


def refine_store(store) -> int:
    """Sharpen the loosely dated mentions of a `linimasa.store` store in place; returns how many changed."""
    published = {doc_id: p.date for doc_id, p in store.published().items()}
    loose_docs: set[str] = set()
    sharp: list[EventMention] = []
    for m in store.event_mentions():
        if _sharp(m):
            sharp.append(m)
        elif _loose(m, published):
            loose_docs.add(m.doc_id)
    index = SharpIndex(sharp)
    persons = persons_in(store)
    changed = 0
    for doc_id in sorted(loose_docs):
        doc = store.document(doc_id)
        if doc is not None and (done := sharpen(doc.event_mentions, index, published, persons)):
            store.replace(doc)
            changed += len(done)
    return changed
