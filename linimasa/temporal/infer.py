"""Publication date inferred from content: the day that makes the article's relative expressions agree with
the absolute dates it states.

Candidates are the stated calendar days and the few days after each (an article is published on or after the
days it reports as past). Each candidate is scored by how many relative expressions ("hari Minggu", "kemarin",
"Sabtu lalu") it resolves onto a stated day; ties go to the first day the text reports (its lede), the usual
publication day of a report. Normalisation is `linimasa.temporal.normalise`.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import Published, Span
from .grammar import find, grammar, tense_direction
from .normalise import day_of, normalise

MAX_LAG_DAYS = 3        # candidates: each stated day and up to this many days after it
USUAL_LAG_DAYS = 0      # between ties, prefer the lede's day plus this (measured on the 75 Kompas articles)
ABSOLUTE_RULES = {"date_full", "date_numeric", "date_iso"}
RELATIVE_RULES = {"weekday", "day_word", "relative_unit", "part_relative", "ago", "that_day"}


def infer_published(text: str, sentences: list[Span], code: str) -> Published | None:
    """The inferred publication date of a text, or None when it states no calendar day to reason from.

    >>> from linimasa.stages.sentences import split
    >>> t = "Psaki berbicara pada Minggu (20/2/2022) malam. Macron menelepon Putin pada hari Minggu."
    >>> infer_published(t, split(t, "id"), "id").date
    '2022-02-21'
    """
    g = grammar(code)
    stated: list[tuple[date, int]] = []  # (day, tense direction) of every full calendar date the text states
    relatives = []
    for s in sentences:
        for m in find(s.text, code):
            if m.rule in ABSOLUTE_RULES:
                value = normalise(m, g, None, 0)
                day = day_of(value.value) if value else None
                if day:
                    stated.append((day, tense_direction(s.text, m.start, m.end, code)))
            elif m.rule in RELATIVE_RULES:
                relatives.append((m, tense_direction(s.text, m.start, m.end, code)))
    if not stated:
        return None
    stated_iso = {d.isoformat() for d, _ in stated}
    # Days the text marks as past are the surest lower bound; unmarked ones next; planned ones say least.
    past_days = ([d for d, direction in stated if direction < 0] or [d for d, direction in stated if direction == 0]
                 or [min(d for d, _ in stated)])
    lede_day = past_days[0]  # the first day the text reports: a news lede's "Senin (29/12/2014)"
    candidates = sorted({d + timedelta(days=k) for d in past_days for k in range(MAX_LAG_DAYS + 1)})
    best: tuple[tuple[int, int], date] | None = None
    for anchor in candidates:
        if any(d > anchor for d, direction in stated if direction < 0):
            continue  # a day reported as past cannot come after publication
        agree = 0
        for m, direction in relatives:
            value = normalise(m, g, anchor, direction)
            agree += bool(value) and value.value[:10] in stated_iso
        key = (agree, -abs((anchor - (lede_day + timedelta(days=USUAL_LAG_DAYS))).days))
        if best is None or key > best[0]:
            best = (key, anchor)
    if best is None:
        return None
    (agree, _), anchor = best
    confidence = round(min(0.8, 0.4 + 0.1 * agree), 2)
    evidence = f"{len(stated_iso)} stated day(s), lede day {lede_day}; {agree} relative expression(s) agree"
    return Published(anchor.isoformat(), "inferred", confidence, evidence)
