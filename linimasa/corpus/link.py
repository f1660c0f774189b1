"""Event linking: event mentions from one or many articles that report the same real-world event become one
`Event`, whose status history shows what each source said (planned in one, happened in a later one).

Two mentions report the same event when their types are compatible, their participants overlap (two shared or
half of all), they are not placed in two different places (Vienna is not Geneva) and their dates are compatible: one contains the other ("awal bulan ini" = 2021-12 holds
2021-12-07), or two days are at most `max_event_gap_days` apart when one of them is only the day of writing
("hari ini", or no time expression: a call on the 7th in Washington is "hari ini" on the 8th in Jakarta). Mentions are
blocked by (participant, month), so only mentions that share someone and a month are ever compared; each block
is clustered greedily, most precisely dated mention first, against each event's best date (so dates cannot
drift along a chain). Two merges follow the PLOVER codebook: a meeting that no source reports as held (only
planned, proposed, conditional) and an agreement to it on the same day are one AGREE event ("agree to meet");
and what was said without a date of its own ("Biden warned Putin", dated only by the article) joins the talks
the same article reports a few days before. Conflicts between sources (days, modes) are kept on the event.
Plain Python: the block index is a dict, dates are `datetime.date` ranges.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

from ..model import Event, EventMention

# How sure a mention's date is, best first: stated in full, its own expression, a meeting or an event another
# article dates, the publication day.
DATE_RANK = {"absolute": 0, "timex": 1, "schedule": 1, "linked": 2, "story": 2, "published": 3, "background": 4, "": 4}
# Unrealised statuses, most tentative first: within one article, the qualification it states wins.
TENTATIVE = ("hypothetical", "conditional", "proposed", "planned", "negated")
# Said during talks: these join the talks reported by the same article when they carry no date of their own.
SPEECH_ACTS = {"THREATEN", "ACCUSE", "REQUEST", "REJECT", "SUPPORT", "AGREE", "CONCEDE"}
REPORT_LAG_DAYS = 3
# Ways of talking that exclude one another (a summit is held in person).
CHANNELS = {"video call": "video", "phone call": "phone", "visit/meet in person": "in person", "summit": "in person"}
MIN_SHARED = 2
MIN_JACCARD = 0.5


def day_range(value: str) -> tuple[date, date] | None:
    """The first and last day a TIMEX3 calendar value covers ("2021-12" -> 1..31 Dec 2021), or None.

    >>> day_range("2022-W02")
    (datetime.date(2022, 1, 10), datetime.date(2022, 1, 16))
    """
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value[:10]):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            first = date(int(m[1]), int(m[2]), 1)
            return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            first = date(int(m[1]), 3 * int(m[2]) - 2, 1)
            return first, (first + timedelta(days=95)).replace(day=1) - timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})(?:-\w+)?", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def chronological(value: str) -> tuple:
    """A sort key that orders calendar values by the days they cover (first day, then last: "2021-12" before
    "2021-12-06" before "2021-W50" before "2021-12-31"), not by their spelling, in which "2021-W50" and "2021-Q1" come
    after every day of 2021; values without days ("", "PAST_REF") come after all of them."""
    days = day_range(value)
    return (0, days[0], days[1], value) if days else (1, date.max, date.max, value)


def _from_writing_day(m: EventMention) -> bool:
    """Whether `m` is dated by the day its article was written ("hari ini", or no time expression): that day may
    be a day off the event's own (time zones, overnight reporting); a named weekday or a full date is not."""
    return m.date_source == "published" or m.date_deictic


def _rank(m: EventMention) -> int:
    return DATE_RANK["absolute"] if m.date_absolute else DATE_RANK.get(m.date_source, 4)


def people(m: EventMention) -> set[str]:
    """Everyone taking part in `m`: its actors and targets."""
    return set(m.actors) | set(m.targets)


def places_differ(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions are placed in two different places: a meeting in Vienna is not the Geneva summit,
    whoever takes part in both (the same two leaders often meet in many places)."""
    return bool(a.location and b.location and a.location != b.location)


def acting_in(a: EventMention, b: EventMention) -> bool:
    """Whether some actor of `a` takes part in `b`: a third party's call with two leaders ("Macron spoke with
    Biden and with Putin") is not the leaders' own call."""
    return not a.actors or bool(set(a.actors) & people(b))


def deciding(a: set[str], b: set[str], persons: frozenset[str]) -> tuple[set[str], set[str]]:
    """The participants that decide whether two mentions are one party: the people, when both name people
    (Macron and Putin meeting is not Biden and Putin meeting, though both name Russia too), else everyone."""
    return (a & persons, b & persons) if a & persons and b & persons else (a, b)


def persons_in(store) -> frozenset[str]:
    """The names of the people a `linimasa.store` store knows."""
    return frozenset(entity.name for _, entity in store.doc_entities() if entity.type == "PER")


def _overlap(a: set[str], b: set[str], persons: frozenset[str] = frozenset()) -> bool:
    """Whether two mentions' participants are the same party (`deciding` says which participants count)."""
    a, b = deciding(a, b, persons)
    shared = len(a & b)
    return shared >= MIN_SHARED or (bool(a | b) and shared / len(a | b) >= MIN_JACCARD)


@dataclass
class _Group:
    type: str
    mentions: list[EventMention] = field(default_factory=list)
    span: tuple[date, date] | None = None  # the best date's days
    best: EventMention | None = None

    def add(self, m: EventMention) -> None:
        self.mentions.append(m)
        if self.best is None:
            self.best, self.span = m, day_range(m.date)

    def dates_fit(self, m: EventMention, gap_days: int) -> bool:
        other = day_range(m.date)
        if self.span is None or other is None:
            # two undated mentions are one event only within one article when one of them is background its
            # article told without a date: two articles' background ("through diplomatic talks") and an undated
            # plan elsewhere give no sign of one occurrence
            background = m.date_source == "background" or any(x.date_source == "background" for x in self.mentions)
            return (self.span is None and other is None and (self.best.date if self.best else "") == m.date
                    and not (background and any(x.doc_id != m.doc_id for x in self.mentions)))
        gap = timedelta(days=gap_days if _from_writing_day(m) or _from_writing_day(self.best) else 0)
        (a0, a1), (b0, b1) = self.span, other
        if a0 == a1 and b0 == b1:
            return abs(a0 - b0) <= gap
        return a0 <= b1 and b0 <= a1  # one holds the other, or they overlap

    def fits(self, m: EventMention, gap_days: int, persons: frozenset[str], published: dict[str, str]) -> bool:
        return (m.type == self.type and self.dates_fit(m, gap_days) and not _other_channel(m, self.mentions)
                and not _denied_beside(m, self.mentions) and not any(places_differ(m, x) for x in self.mentions)
                and not any(_done_before(m, x, published) or _done_before(x, m, published) for x in self.mentions)
                and any(_overlap(people(m), people(x), persons) for x in self.mentions))


def _done_before(done: EventMention, other: EventMention, published: dict[str, str]) -> bool:
    """Whether `done` was told as happened in an article published before every day of `other`'s date: no report
    tells as done what comes after it ("Chan told the World Health Assembly meeting", 18 May, is not the meetings she
    is due to hold on Tuesday the 19th, though she takes part in both and the report's day is a day from them)."""
    day, days = day_range(published.get(done.doc_id, "")), day_range(other.date)
    return done.status == "happened" and day is not None and days is not None and days[0] > day[1]


def _denied_beside(m: EventMention, mentions: list[EventMention]) -> bool:
    """Whether one article says `m` happened and, of one of `mentions`, that it did not (or the other way round):
    an article does not report one event both ways, so they are two ("the G7 met" / "no dialogue with Putin")."""
    opposite = {"happened": "negated", "negated": "happened"}.get(m.status)
    return opposite is not None and any(x.doc_id == m.doc_id and x.status == opposite for x in mentions)


def _other_channel(m: EventMention, mentions: list[EventMention]) -> bool:
    """Whether `m` says the talks went one way (video, phone, in person) and the others another."""
    return m.mode in CHANNELS and any(x.mode in CHANNELS and CHANNELS[x.mode] != CHANNELS[m.mode] for x in mentions)


def _blocks(m: EventMention) -> list[tuple[str, str]]:
    """(participant, month) keys of a mention: every month its date covers, its year for coarse dates."""
    days = day_range(m.date)
    if days is None:
        months = [m.date or "-"]
    elif (days[1] - days[0]).days > 62:
        months = [str(days[0].year)]
    else:
        lo, hi = days[0] - timedelta(days=REPORT_LAG_DAYS), days[1] + timedelta(days=REPORT_LAG_DAYS)
        months = sorted({f"{d.year}-{d.month:02d}" for d in (lo, days[0], days[1], hi)} | {str(days[0].year)})
    return [(p, month) for p in sorted(people(m)) or ["-"] for month in months]


def _cluster(mentions: list[EventMention], gap_days: int, persons: frozenset[str],
             published: dict[str, str]) -> list[_Group]:
    order = sorted(mentions, key=lambda m: (_width(m), _rank(m), m.date, m.doc_id, m.sentence))
    groups: list[_Group] = []
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for m in order:
        keys = _blocks(m)
        seen: set[int] = set()
        fitting = []
        for key in keys:
            for g in index.get(key, []):
                if g not in seen:
                    seen.add(g)
                    if groups[g].fits(m, gap_days, persons, published):
                        fitting.append(g)
        # A plan joins plans and a report of what was done joins such reports before the other kind; then the
        # earliest event formed.
        choice = min(fitting, key=lambda g: (all(_done(x) != _done(m) for x in groups[g].mentions), g), default=None)
        if choice is None:
            groups.append(_Group(m.type))
            choice = len(groups) - 1
        groups[choice].add(m)
        for key in keys:
            if choice not in index[key]:
                index[key].append(choice)
    return groups


def _done(m: EventMention) -> bool:
    return m.status == "happened"


def _width(m: EventMention) -> int:
    days = day_range(m.date)
    return (days[1] - days[0]).days if days else 10**6


def _by_document(groups: Iterable[_Group]) -> dict[str, list[_Group]]:
    """Groups by the documents that report them (the merges below only join what one article reports)."""
    out: dict[str, list[_Group]] = defaultdict(list)
    for g in groups:
        for d in dict.fromkeys(m.doc_id for m in g.mentions):
            out[d].append(g)
    return out


def _merge_agreed_meetings(groups: list[_Group], gap_days: int, persons: frozenset[str]) -> list[_Group]:
    """A meeting no source says took place joins the agreement to hold it (PLOVER AGREE: agree to meet)."""
    agreements = _by_document(g for g in groups if g.type == "AGREE")
    order = {id(g): i for i, g in enumerate(groups)}  # the first agreement formed wins, as before indexing
    kept = []
    for g in groups:
        if g.type == "CONSULT" and all(m.status != "happened" for m in g.mentions):
            candidates = sorted({id(a): a for d in {m.doc_id for m in g.mentions} for a in agreements.get(d, [])}.values(),
                                key=lambda a: order[id(a)])
            host = next((a for a in candidates if all(a.dates_fit(m, gap_days) for m in g.mentions)
                         and any(_overlap(people(x), people(y)) for x in a.mentions for y in g.mentions)), None)
            if host is not None:
                host.mentions += g.mentions
                continue
        kept.append(g)
    return kept


def _merge_said_in_talks(groups: list[_Group], published: dict[str, str], persons: frozenset[str]) -> list[_Group]:
    """What an article reports as said, with no date but its own, joins the talks it reports just before."""
    talks = _by_document(g for g in groups if g.type == "CONSULT")
    kept = []
    for g in groups:
        docs = {m.doc_id for m in g.mentions}
        if (g.type in SPEECH_ACTS and len(docs) == 1
                and all(m.date_source == "published" and m.status == "happened" for m in g.mentions)):
            doc = next(iter(docs))
            day = day_range(published.get(doc, ""))
            host = next((t for t in talks.get(doc, []) if day and t.span and t.span[0] == t.span[1]
                         and timedelta(0) <= day[0] - t.span[0] <= timedelta(days=REPORT_LAG_DAYS)
                         and any(x.doc_id == doc and _overlap(people(x), people(y), persons)
                                 for x in t.mentions for y in g.mentions)), None)
            if host is not None:
                host.mentions += g.mentions
                continue
        kept.append(g)
    return kept


def _document_status(mentions: list[EventMention]) -> EventMention:
    """The mention that says what one article holds: one that dates the event in full in the past and says it
    happened; else the earliest that qualifies it (planned, conditional …); else the first."""
    ordered = sorted(mentions, key=lambda m: (m.sentence, m.trigger_span.start if m.trigger_span else 0))
    done = [m for m in ordered if m.status == "happened" and m.date_absolute]
    if done:
        return done[0]
    return next((m for m in ordered if m.status in TENTATIVE), ordered[0])


def _event(g: _Group, published: dict[str, str], number: int) -> Event:
    by_doc: dict[str, list[EventMention]] = defaultdict(list)
    for m in g.mentions:
        by_doc[m.doc_id].append(m)
    docs = sorted(by_doc, key=lambda d: (published.get(d, ""), d))
    history = []
    for d in docs:
        said = _document_status(by_doc[d])
        history.append({"status": said.status, "doc": d, "published": published.get(d, ""), "cue": said.status_cue,
                        "sentence": str(said.sentence)})
    statuses = [h["status"] for h in history]
    status = "happened" if "happened" in statuses else statuses[-1]
    best = min(g.mentions, key=lambda m: (_width(m), _rank(m), published.get(m.doc_id, ""), m.doc_id, m.sentence))
    types = [m.type for m in g.mentions]
    etype = "AGREE" if "AGREE" in types and g.type in ("AGREE", "CONSULT") and all(
        m.status != "happened" for m in g.mentions if m.type == "CONSULT") else g.type
    participants = _participants(g.mentions)
    modes = sorted({m.mode for m in g.mentions if m.mode})
    lead = next((m for m in sorted(by_doc[docs[0]], key=lambda m: m.sentence)), best)
    evidence = []
    for m in sorted(g.mentions, key=lambda m: (published.get(m.doc_id, ""), m.doc_id, m.sentence)):
        evidence.append({"doc": m.doc_id, "sentence": m.sentence, "start": m.span.start, "end": m.span.end,
                         "text": m.span.text, "trigger": m.trigger, "type": m.type, "status": m.status,
                         "cue": m.status_cue, "date": m.date, "date_source": m.date_source, "date_text": m.date_text})
    return Event(
        id=f"e{number}", date=best.date, type=etype, participants=participants, status=status,
        location=next((m.location for m in sorted(g.mentions, key=_rank) if m.location), ""),
        mode=_mode(modes), status_history=history, sources=docs, summary=lead.span.text.strip(),
        evidence=evidence, mentions=list(g.mentions), conflicts=_conflicts(g.mentions, modes),
    )


def _participants(mentions: list[EventMention]) -> list[str]:
    """Everyone taking part, most often named first."""
    count: dict[str, int] = defaultdict(int)
    for m in mentions:
        for p in dict.fromkeys(m.actors + m.targets):
            count[p] += 1
    return sorted(count, key=lambda p: -count[p])


def _mode(modes: list[str]) -> str:
    """The most specific mode ("phone call" over "call")."""
    return max(modes, key=len) if modes else ""


def _conflicts(mentions: list[EventMention], modes: list[str]) -> list[str]:
    """What the sources disagree on: the day each article gives (its best-dated mention), who acted on whom
    (one source's actor is another's target), and ways of meeting."""
    days: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: (_width(m), _rank(m))):
        if len(m.date) == 10 and m.doc_id not in days:
            days[m.doc_id] = m.date
    out = []
    if len(set(days.values())) > 1:
        out.append("date: " + " / ".join(f"{d} ({doc})" for doc, d in sorted(days.items(), key=lambda x: (x[1], x[0]))))
    directed = {(a, t, m.doc_id) for m in mentions for a in m.actors for t in m.targets if a != t}
    swapped = sorted({(a, t) for a, t, d in directed for b, u, e in directed if (a, t) == (u, b) and d != e and a < t})
    out += [f"roles: {a} → {t} / {t} → {a}" for a, t in swapped]
    channels = sorted({m for m in modes if m in CHANNELS})
    if len({CHANNELS[m] for m in channels}) > 1:
        out.append("mode: " + " / ".join(channels))
    return out


def link(mentions: Iterable[EventMention], published: dict[str, str], gap_days: int = 1,
         persons: Iterable[str] = ()) -> list[Event]:
    """Events from `mentions` (of any number of documents); `published` maps a document id to its date,
    `persons` names the participants that are people (they decide whether two parties are the same).

    Same input, same output: events come by date (`chronological`), then by their first source.
    """
    people = frozenset(persons)
    groups = _cluster(list(mentions), gap_days, people, published)
    groups = _merge_agreed_meetings(groups, gap_days, people)
    groups = _merge_said_in_talks(groups, published, people)
    events = [_event(g, published, i) for i, g in enumerate(groups)]
    events.sort(key=lambda e: (*chronological(e.date), e.sources[0] if e.sources else "",
                               e.evidence[0]["sentence"] if e.evidence else 0))
    for i, e in enumerate(events):
        e.id = f"e{i + 1}"
    return events
