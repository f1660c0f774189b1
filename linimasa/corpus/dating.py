"""Cross-document dating: a publication date for a document that states none and whose own text gives none,
from what other, dated documents and the schedule of meetings say about the events it reports.

An undated document's relative expressions ("awal bulan ini", "kemarin", "Kamis") have no value until it has a
date. Each candidate day is tried as its publication date and scored by *clues*:

- a **link**: an event mention of this document and a mention in a dated document of the same type with at least
  two participants in common, not placed in two different places, in documents that share enough of the entities
  they name, the other dated by its own time expression. When this mention has a relative time
  expression, the clue holds if, on the candidate day, that expression resolves to the other's date ("Kedua
  pemimpin mengadakan panggilan video awal bulan ini" = the 7 December video call another article dates). When it
  has none and is reported as past, it holds if the candidate day is 0-3 days after the other's date: the report
  of a call is published just after it. A month-level expression is never used for a day less than a week away
  (a reporter would have said "Tuesday"), so "awal bulan ini" rules out the week after the call.
- a **meeting** the document names (`linimasa.kb.schedule`), unless the mention is placed elsewhere ("bulan
  depan di Wina" is no Geneva summit, though the sentence names Geneva): a relative expression holds if it resolves to the
  meeting's first day or month ("kemarin" = the G7 meeting of 11 October 2022, "bulan depan" = the G20 summit).

Clues with the document's own time expression weigh 2 (1 when what they match is only a month, which says nothing
of the day), links by report lag 1; a document is dated when its best
day scores at least 2. Ties go to the day that keeps the weekdays it names nearest (a weekday is used for the
coming or past few days) and is nearest to the future dates it announces. Documents are dated best-evidence
first, and each newly dated one can date others (004 is dated from 002, then 001 from 004). Dates are python
`datetime`; expressions are resolved by `linimasa.temporal.normalise`.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable, Iterable, Iterator

from ..events.arguments import governing_timex
from ..kb.schedule import Meeting, describe, join_guests, named_in, reports
from ..intervals import SpanIndex
from ..memory import release
from ..model import Document, EventMention, Published
from ..temporal.grammar import Grammar, Match, find, grammar, tense_direction
from ..temporal.normalise import Value, day_of, normalise, week
from .link import acting_in, people, places_differ

WINDOW_DAYS = 60      # candidate days: this far either side of what the clues point to
LAG_DAYS = 3          # a report without a time expression is published this many days after the event at most
NEAR_DAYS = 6         # a month-level expression does not refer to a day this near the publication date
MIN_SCORE = 2         # the least evidence that dates a document
OWN_WEIGHT, WEAK_WEIGHT, LAG_WEIGHT = 2, 1, 1
TRUSTED = 0.5         # only documents dated with at least this confidence date others
SAME_STORY = 0.15     # two documents tell the same story when this share of the entities they name is common
# Names two articles share besides the participants of the event that links them, when one places it somewhere
# the other never names: the seeds' Ukraine-crisis articles share 7 to 10 (Kremlin, NATO, Ukraine, Moscow …);
# a two-paragraph page that only shares the two leaders, their capitals' offices and a city shares 3.
STORY_NAMES = 5
# Undated documents held in memory between rounds of `date_corpus`, in characters of text (a document in memory takes
# ~40 bytes a character with its mentions): ~40 MB. The others are read again from the store each round; all held
# at once, they were the main process's peak on the hostile bench (+90 MiB for one 2.4 MB page).
HELD_CHARS = 1_000_000
# A text longer than this is not dated from other documents: the method reads its relative time expressions as a
# report's, written on one day, and a text of this length (50 times T17's median article, longer than all but 5 of
# its 2,583; a 2.4 MB page has 5,000 time expressions) is an archive, a live blog or a dump, written over many days.
# It also kept the largest document in memory, read again every round (the main process's peak on the hostile
# bench).
MAX_DATED_CHARS = 200_000
MAX_HOLD_DAYS = 31    # a clue that holds on more candidate days than a month fixes no day (it weighs as a weekday)
# Expressions resolved against the publication date (not "the same day", "two days after", "7:51 PM"); a weekday
# agrees with some day of any week, so it weighs less.
CLUE_RULES = {"day_word", "weekday", "relative_unit", "part_relative", "ago", "month", "day_month", "part_month",
              "month_relative_year"}
WEAK_RULES = {"weekday"}
_PROBE = (date(2000, 1, 1), date(2003, 7, 15))  # a relative expression resolves differently on these
_MOD_DAYS = {"START": (1, 10), "MID": (10, 20), "END": (20, 31)}

log = logging.getLogger(__name__)


@dataclass
class _Expr:
    """A time expression of the undated document that depends on its date."""

    sentence: int
    start: int             # offset in the document
    match: Match
    direction: int


@dataclass
class _Clue:
    key: str               # what is counted once: an expression, or a mention's lag
    weight: int
    expr: _Expr | None     # None: the publication day itself (a report's lag)
    wants: list[tuple[str, str]] = field(default_factory=list)  # (ISO value, what says so)


@dataclass
class Dating:
    day: date
    score: int
    echoes: int
    cost: int
    evidence: list[str]
    reported: dict[str, tuple[str, str]] = field(default_factory=dict)  # lag clue key -> (date, what)


def _resolve(expr: _Expr, g: Grammar, anchor: date) -> Value | None:
    value = normalise(expr.match, g, anchor, expr.direction)
    return value if value and value.type in ("DATE", "TIME") and value.value[:1].isdigit() else None


def expressions(doc: Document) -> tuple[list[_Expr], list[_Expr]]:
    """(expressions whose value depends on the date, full calendar dates the text states)."""
    code = doc.lang
    g = grammar(code)
    relative, absolute = [], []
    for i, s in enumerate(doc.sentences):
        for m in find(s.span.text, code):
            expr = _Expr(i, s.span.start + m.start, m, tense_direction(s.span.text, m.start, m.end, code))
            values = [_resolve(expr, g, probe) for probe in _PROBE]
            if values[0] is None or values[1] is None:
                continue
            (relative if values[0].value != values[1].value else absolute).append(expr)
    return relative, absolute


def _agrees(value: Value, wanted: str, anchor: date) -> bool:
    """Whether `value` (resolved on `anchor`) refers to the `wanted` ISO day, week or month."""
    v = value.value.split("T")[0]
    wanted_day = day_of(wanted)
    if wanted_day is None:
        return v == wanted
    if len(v) == 10:
        return v == wanted
    if abs((anchor - wanted_day).days) <= NEAR_DAYS:
        return False  # "awal bulan ini" is not said of a day a few days ago
    if "W" in v:
        return week(wanted_day) == v
    if len(v) == 7 and v == wanted[:7]:
        low, high = _MOD_DAYS.get(value.mod, (1, 31))
        return low <= wanted_day.day <= high
    return False


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class ReferenceIndex:
    """Event mentions dated by their own time expression in trusted dated documents, by participant, with the
    entity names of each document (to tell whether two documents tell the same story)."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[EventMention]] = defaultdict(list)
        self.names: dict[str, set[str]] = {}

    def add(self, doc_id: str, names: set[str], mentions: Iterable[EventMention]) -> None:
        self.names[doc_id] = names
        for m in mentions:
            if m.date_source == "timex" and m.date[:1].isdigit() and len(m.date) >= 7:
                for name in people(m):
                    self.by_name[name].append(m)

    def linked(self, m: EventMention, story: set[str]) -> list[EventMention]:
        """Dated mentions of the same type sharing at least two participants with `m`, each with an actor taking
        part in the other, in documents that share enough of the entities `story` names."""
        mine = people(m)
        seen, out = set(), []
        for name in mine:
            for other in self.by_name.get(name, ()):
                if id(other) in seen or other.type != m.type or len(mine & people(other)) < 2:
                    continue
                if not (acting_in(m, other) and acting_in(other, m)):
                    continue
                seen.add(id(other))
                names = self.names.get(other.doc_id, set())
                if places_differ(m, other) or _overlap(story, names) < SAME_STORY:
                    continue
                # a place the other article never names ("bulan depan di Wina" against a call of the Geneva
                # story) is a different event unless the two articles plainly tell one story
                unknown_place = (m.location and m.location not in names) or (other.location and other.location not in story)
                if unknown_place and len((story & names) - (mine & people(other))) < STORY_NAMES:
                    continue
                out.append(other)
        return out


def _references(doc: Document, m: EventMention, index: ReferenceIndex, meetings: list[Meeting],
                names: dict[str, str], mentions_at: SpanIndex) -> list[tuple[str, str]]:
    """(date, description) of every dated fact that mention `m` may report: linked mentions of dated documents
    and meetings of the schedule."""
    out = []
    mine = people(m)
    for other in index.linked(m, set(names.values())):
        shared = " / ".join(sorted(mine & people(other)))
        out.append((other.date.split("T")[0], f"{other.type} {shared} on {other.date} in {other.doc_id}"))
    if meetings:
        in_sentence = {names[x.entity_id] for x in mentions_at.starting_in(m.span.start, m.span.end)
                       if x.entity_id in names}
        out += [(meeting.start.isoformat(), describe(meeting)) for meeting in meetings
                if reports(meeting, m.span.text, in_sentence, m)
                and not (m.location and meeting.place_names and m.location not in meeting.place_names)]
    return out


def clues(doc: Document, index: ReferenceIndex) -> tuple[list[_Clue], list[_Expr], list[_Expr]]:
    relative, absolute = expressions(doc)
    meetings = named_in(doc)
    names = {e.id: e.name for e in doc.entities}
    out: dict[str, _Clue] = {}
    mentions_at = SpanIndex(doc.mentions, lambda x: (x.span.start, x.span.end))
    by_sentence: dict[int, list[_Expr]] = {}
    for e in relative + absolute:
        by_sentence.setdefault(e.sentence, []).append(e)
    for m in doc.event_mentions:
        refs = _references(doc, m, index, meetings, names, mentions_at)
        if not refs:
            continue
        in_sentence = by_sentence.get(m.sentence, [])
        trigger = m.trigger_span.start if m.trigger_span else m.span.start
        governing = governing_timex(in_sentence, trigger, start=lambda e: e.start)
        if governing is not None and governing in absolute:
            continue  # dated by its own calendar date: says nothing about the publication day
        if governing is not None:
            if governing.match.rule not in CLUE_RULES:
                continue
            key = f"expr:{governing.start}"
            clue = out.setdefault(key, _Clue(key, _weight(governing), governing))
            clue.wants += [(value, f"'{_text(doc, governing)}' = {what}") for value, what in refs]
        elif m.status == "happened":
            key = f"lag:{m.sentence}:{trigger}"
            clue = out.setdefault(key, _Clue(key, LAG_WEIGHT, None))
            clue.wants += [(value, f"reported after {what}") for value, what in refs if day_of(value)]
    return [c for c in out.values() if c.wants], relative, absolute


def _weight_of(clue: _Clue, wanted: str, holds_on: int) -> int:
    """What a clue that holds weighs: one that holds on more than a month of candidate days ("20 April" = the rig
    explosion holds all year after it) or that matches only a month another article names ("Last month" = the
    moratorium of 2010-03) fixes no day of writing, so alone it dates nothing."""
    return clue.weight if day_of(wanted) and holds_on <= MAX_HOLD_DAYS else min(clue.weight, WEAK_WEIGHT)


def _weight(expr: _Expr) -> int:
    return WEAK_WEIGHT if expr.match.rule in WEAK_RULES else OWN_WEIGHT


def _text(doc: Document, expr: _Expr) -> str:
    return doc.text[expr.start:expr.start + expr.match.end - expr.match.start]


def _candidates(found: list[_Clue]) -> list[date]:
    days: set[date] = set()
    for clue in found:
        for wanted, _ in clue.wants:
            centre = day_of(wanted) or day_of(wanted[:7] + "-15")
            if centre is None:
                continue
            days.update(centre + timedelta(days=k) for k in range(-WINDOW_DAYS, WINDOW_DAYS + 1))
    return sorted(days)


def _satisfied(clue: _Clue, values: dict[int, Value | None], anchor: date) -> tuple[str, str] | None:
    """(the date, what says so) that holds the clue on `anchor` (`values`: each expression resolved on it)."""
    if clue.expr is None:
        for wanted, what in clue.wants:
            day = day_of(wanted)
            if day and 0 <= (anchor - day).days <= LAG_DAYS:
                return wanted, what
        return None
    value = values[clue.expr.start]
    if value is None:
        return None
    return next(((wanted, what) for wanted, what in clue.wants if _agrees(value, wanted, anchor)), None)


def _echoes(values: dict[int, Value | None], anchor: date, days: set[str]) -> int:
    """How many of the text's relative expressions resolve on `anchor` to one of the clue dates `days`
    ("kemarin" and "Selasa" both = the meeting day another clue found)."""
    return sum(bool(v) and any(_agrees(v, d, anchor) for d in days) for v in values.values())


def _cost(relative: list[_Expr], values: dict[int, Value | None], anchor: date, lags: list[str]) -> int:
    """Days between the anchor and the weekdays the text names, plus the days to the nearest future date it names,
    plus the days since the events it reports without a date (`lags`)."""
    cost, ahead = sum((anchor - d).days for d in map(day_of, lags) if d), None
    for expr in relative:
        value = values[expr.start]
        day = day_of(value.value) if value else None
        if expr.match.rule == "weekday" and day:
            cost += abs((day - anchor).days)
        elif value and expr.direction > 0:
            first = day or (day_of(value.value + "-01") if len(value.value) == 7 else None)
            if first:
                gap = max(0, (first - anchor).days)
                ahead = gap if ahead is None else min(ahead, gap)
    return cost + (ahead or 0)


def _stated(absolute: list[_Expr], g: Grammar) -> list[tuple[date, int]]:
    """(day, tense direction) of the full calendar dates the text states (they do not depend on the anchor)."""
    out = []
    for expr in absolute:
        value = _resolve(expr, g, _PROBE[0])
        day = day_of(value.value) if value else None
        if day:
            out.append((day, expr.direction))
    return out


def _consistent(stated: list[tuple[date, int]], anchor: date) -> bool:
    """Days the text reports as past are not after the anchor, days it announces are not before it."""
    return not any((direction < 0 and day > anchor) or (direction > 0 and day < anchor) for day, direction in stated)


def best_day(doc: Document, index: ReferenceIndex) -> Dating | None:
    """The best-supported publication day of undated `doc`, or None when nothing links it to a date."""
    found, relative, absolute = clues(doc, index)
    if not found:
        return None
    g = grammar(doc.lang)
    stated = _stated(absolute, g)
    tried = []
    for anchor in _candidates(found):
        if not _consistent(stated, anchor):
            continue
        values = {expr.start: _resolve(expr, g, anchor) for expr in relative}
        tried.append((anchor, values, [(clue, hit) for clue in found if (hit := _satisfied(clue, values, anchor))]))
    holds_on: dict[tuple[str, str], int] = defaultdict(int)  # candidate days each clue holds on, by what it matches
    for _, _, held in tried:
        for clue, (wanted, _) in held:
            holds_on[clue.key, wanted] += 1
    best: Dating | None = None
    for anchor, values, held in tried:
        score = sum(_weight_of(clue, wanted, holds_on[clue.key, wanted]) for clue, (wanted, _) in held)
        if score < MIN_SCORE or (best and score < best.score):
            continue
        echoes = _echoes(values, anchor, {wanted for _, (wanted, _) in held})
        cost = _cost(relative, values, anchor, [wanted for clue, (wanted, _) in held if clue.expr is None])
        if best is None or (score, echoes, -cost) > (best.score, best.echoes, -best.cost):
            best = Dating(anchor, score, echoes, cost, [what for _, (_, what) in held],
                          {clue.key: hit for clue, hit in held if clue.expr is None})
    return best


def _date_reports(doc: Document, reported: dict[str, tuple[str, str]]) -> None:
    """Give a mention without a time expression the date of the event it was found to report (the call another
    article dates, the scheduled meeting): "pertemuan mendesak G7" took place on 11 October 2022, with the
    meeting's guests the document names."""
    meetings = {f"reported after {describe(mt)}": mt for mt in named_in(doc)}
    names = {e.name for e in doc.entities}
    for m in doc.event_mentions:
        trigger = m.trigger_span.start if m.trigger_span else m.span.start
        hit = reported.get(f"lag:{m.sentence}:{trigger}")
        if hit and m.status == "happened" and m.date_source != "timex":
            m.date, m.date_source, m.date_text = hit[0], "linked", hit[1]
            m.confidence = round(min(0.9, m.confidence + 0.2), 2)
            if hit[1] in meetings:  # the G7 meeting Zelenskyy addressed: he took part
                join_guests(m, meetings[hit[1]], names)


def date_corpus(undated: Iterable[str], store, index: ReferenceIndex,
                redo: Callable[[Document], Document]) -> Iterator[Document]:
    """Date what can be dated of the undated documents of `store` (a `linimasa.store` store) whose ids are `undated`
    from the dated documents in `index`, best evidence first; each dated document is passed to `redo` (which
    re-resolves its time expressions and events), yielded to be stored, and then serves as evidence for the rest.
    Memory is bounded: documents past `HELD_CHARS` are read again when needed, not held."""
    held = _Held(store.document)
    waiting = [i for i in dict.fromkeys(undated) if (store.text_chars(i) or 0) <= MAX_DATED_CHARS
               and (d := held.get(i)) is not None and d.published is None and d.lang and d.event_mentions]
    while waiting:
        results = [(i, r) for i in waiting if (d := held.get(i)) is not None
                   and (r := _best_day_or_none(d, index)) is not None]
        if not results:
            break
        top = max(r.score for _, r in results)
        dated: set[str] = set()
        for doc_id, r in results:
            if r.score != top or (doc := held.take(doc_id)) is None:
                continue
            evidence = "; ".join(dict.fromkeys(r.evidence))
            doc.published = Published(r.day.isoformat(), "inferred", round(min(0.7, 0.3 + 0.1 * r.score), 2),
                                      f"from other sources: {evidence}")
            doc = redo(doc)
            _date_reports(doc, r.reported)
            index.add(doc.id, {e.name for e in doc.entities}, doc.event_mentions)
            dated.add(doc_id)
            yield doc
        waiting = [i for i in waiting if i not in dated]
        release()  # the documents read again this round: their memory back to the system (see linimasa.memory)


class _Held:
    """Documents by id, kept in memory while their text adds up to less than `HELD_CHARS`, read again otherwise."""

    def __init__(self, load: Callable[[str], Document | None]) -> None:
        self.load, self.docs, self.chars = load, {}, 0

    def get(self, doc_id: str) -> Document | None:
        if doc_id in self.docs:
            return self.docs[doc_id]
        doc = self.load(doc_id)
        if doc is not None and self.chars + len(doc.text) <= HELD_CHARS:
            self.docs[doc_id] = doc
            self.chars += len(doc.text)
        return doc

    def take(self, doc_id: str) -> Document | None:
        """The document, no longer held (it is about to change and be stored)."""
        doc = self.docs.pop(doc_id, None)
        if doc is None:
            return self.load(doc_id)
        self.chars -= len(doc.text)
        return doc


def _best_day_or_none(doc: Document, index: ReferenceIndex) -> Dating | None:
    """`best_day`, with a failure recorded on the document instead of stopping the corpus step."""
    try:
        return best_day(doc, index)
    except Exception as exc:  # one bad document never stops the batch
        log.warning("cross-document dating failed on %s: %s", doc.id, exc)
        doc.problems.append(f"cross-document dating failed: {exc}")
        return None


def reference_index(store) -> ReferenceIndex:
    """The index of a store's trusted dated documents (a `linimasa.store` store)."""
    trusted = {i for i, p in store.published().items() if p.confidence is not None and p.confidence >= TRUSTED}
    names: dict[str, set[str]] = defaultdict(set)
    for doc_id, entity in store.doc_entities():
        if doc_id in trusted:
            names[doc_id].add(entity.name)
    mentions: dict[str, list[EventMention]] = defaultdict(list)
    for m in store.event_mentions():
        if m.doc_id in trusted:
            mentions[m.doc_id].append(m)
    index = ReferenceIndex()
    for doc_id in trusted:
        index.add(doc_id, names[doc_id], mentions[doc_id])
    return index
