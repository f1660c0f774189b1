"""Publication date inferred from content: the day that makes the article's relative expressions agree with
the calendar days it states.

Calendar days come as full dates ("Senin (29/12/2014)", "April 28, 2009") and as a weekday with its day and month
but no year, the lede of Indonesian news ("Jumat (10/2)", "Kamis (8 / 2) malam"). Such a day takes the latest year
the text states, and only when that day falls on that weekday in it (a date falls on a given weekday about one year
in seven, so a background year seldom fits by chance; the latest year is the likeliest current one).
Candidates are the stated days and the few days after each (an article is published on or after the days it
reports as past). Each candidate is scored by how many relative expressions ("hari Minggu", "kemarin", "Sabtu
lalu") it resolves onto a stated day and how many weekday-named days fall in the week before it; ties go to the
first day the text reports (its lede), the usual publication day of a report.

A date is given only with support: a weekday-named day in the week before it; or, where the language's news does
not name its report days by weekday (`[timex] news_days_named`), two relative expressions that agree; or a full
date in the text's opening sentence (a dateline). A lone full date deeper in the text is as often the story's
background ("27 Juli 1996", "died on 25 June 2009") as its day. Normalisation is `linimasa.temporal.normalise`.
"""

from __future__ import annotations

from datetime import date, timedelta

from .. import lang
from ..model import Published, Span
from .grammar import find, grammar, tense_direction
from .normalise import _safe_date, day_of, normalise

MAX_LAG_DAYS = 3        # candidates: each stated day and up to this many days after it
USUAL_LAG_DAYS = 0      # between ties, prefer the lede's day plus this (measured on the 75 Kompas articles)
# Relative expressions that must agree on a day no weekday names: one weekday ("on Thursday") falls on a background
# date one time in seven (T17: 16 of the 20 dates one agreement gave were wrong; 4 right)
MIN_AGREEING = 2
NEWS_WEEK = timedelta(days=7)  # a weekday named with its date ("Jumat (10/2)") is a day of the week before publication
ABSOLUTE_RULES = {"date_full", "date_numeric", "date_iso"}
RELATIVE_RULES = {"weekday", "day_word", "relative_unit", "part_relative", "ago", "that_day"}
YEARLESS_RULES = {"day_month"}  # with a weekday and no shift word: "Jumat (10/2)", "Thursday, Jan. 6"


def _yearless_days(month: int, day: int, weekday: int, years: set[int]) -> list[date]:
    """The days `month`/`day` of the latest of `years` (or of the year before, for a December day; the year after,
    for a January one) that fall on `weekday`."""
    latest = max(years)
    near = {latest} | ({latest - 1} if month == 12 else set()) | ({latest + 1} if month == 1 else set())
    return sorted(d for y in near if (d := _safe_date(y, month, day)) and d.weekday() == weekday)


def infer_published(text: str, sentences: list[Span], code: str) -> Published | None:
    """The inferred publication date of a text, or None when it states no calendar day to reason from.

    >>> from linimasa.stages.sentences import split
    >>> t = "Psaki berbicara pada Minggu (20/2/2022) malam. Macron menelepon Putin pada hari Minggu."
    >>> infer_published(t, split(t, "id"), "id").date
    '2022-02-20'
    """
    g = grammar(code)
    stated: list[tuple[date, int, bool]] = []  # (day, tense direction, weekday named) of each full date
    yearless: list[tuple[int, int, int, int]] = []  # (month, day, weekday, direction) of each "Jumat (10/2)"
    years: set[int] = set()
    opening: set[date] = set()  # the full dates of the first sentence: a dateline's "April 28, 2009"
    relatives = []  # (match, direction, the month-days of a day named right after it)
    for n, s in enumerate(sentences):
        dated_until = -1  # where the last calendar day named in this sentence ends
        previous = None  # the match before
        for m in find(s.text, code):
            direction = tense_direction(s.text, m.start, m.end, code)
            if m.groups.get("year", "").isdigit():
                years.add(int(m.groups["year"]))
            calendar = m.rule in ABSOLUTE_RULES or m.rule in YEARLESS_RULES
            value = normalise(m, g, None, 0) if calendar else None  # without an anchor: what the text itself says
            if m.rule in ABSOLUTE_RULES:
                day = day_of(value.value) if value else None
                if day:
                    stated.append((day, direction, "weekday" in m.groups))
                    years.add(day.year)
                    if n == 0:
                        opening.add(day)
            elif m.rule in YEARLESS_RULES and "weekday" in m.groups and "shift" not in m.groups:
                if value and value.value.startswith("XXXX-"):
                    yearless.append((int(value.value[5:7]), int(value.value[8:10]),
                                     g.weekdays[m.groups["weekday"].lower().rstrip(".")], direction))
            elif m.rule in RELATIVE_RULES and not (0 <= m.start - dated_until <= 1):
                relatives.append((m, direction, []))  # (not "kemarin" in "Minggu (28/12/2014) kemarin": it qualifies the day)
            if calendar:
                dated_until = m.end
                if value and relatives and relatives[-1][0] is previous and not s.text[previous.end:m.start].strip(" ,"):
                    relatives[-1][2].append(value.value[5:10])  # "hari ini, Sabtu (27/5)": today is that month-day
            previous = m
    # each "Jumat (10/2)" as the days it can be
    named = [(options, direction) for mo, d, wd, direction in yearless
             if years and (options := _yearless_days(mo, d, wd, years))]
    days = [(d, direction) for d, direction, _ in stated] + [(d, direction) for options, direction in named for d in options]
    if not days:
        return None
    stated_iso = {d.isoformat() for d, _ in days}
    # Days the text marks as past are the surest lower bound; unmarked ones next; planned ones say least.
    past_days = ([d for d, direction in days if direction < 0] or [d for d, direction in days if direction == 0]
                 or [min(d for d, _ in days)])
    # the first day the text reports: a news lede's "Senin (29/12/2014)", "Jumat (10/2)"
    lede_day = next((options[0] for options, direction in named if direction <= 0 and len(options) == 1), past_days[0])
    # where news names the days it reports by weekday ("Selasa (30/12/2014)"), such a day with no tense cue is one
    # of them, on or before publication, as a day reported as past is
    named_days = lang.load(code)["timex"].get("news_days_named")
    bounds = [d for d, direction in days if direction < 0]
    bounds += [d for d, direction, weekday in stated if named_days and weekday and not direction]
    candidates = sorted({d + timedelta(days=k) for d in past_days + bounds for k in range(MAX_LAG_DAYS + 1)})
    best: tuple[tuple[int, int, int], date] | None = None
    for anchor in candidates:
        if any(d > anchor for d in bounds):
            continue  # a day reported as past (or, where news names them so, named by weekday) comes before publication
        agree = 0
        for m, direction, pinned in relatives:
            value = normalise(m, g, anchor, direction)
            agree += bool(value) and value.value[:10] in stated_iso and (not pinned or value.value[5:10] in pinned)
        week = sum(any(timedelta(0) <= anchor - d < NEWS_WEEK for d in options)
                   for options, direction in named if direction <= 0)
        key = (agree + week, week, -abs((anchor - (lede_day + timedelta(days=USUAL_LAG_DAYS))).days))
        if best is None or key > best[0]:
            best = (key, anchor)
    if best is None:
        return None
    (support, week, _), anchor = best
    week += any(weekday and timedelta(0) <= anchor - d < NEWS_WEEK for d, _, weekday in stated)
    if not week and not (support >= MIN_AGREEING and not named_days) and lede_day not in opening:
        return None  # no weekday-named day, no agreement that counts, no dateline: the date may be background
    confidence = round(min(0.8, 0.4 + 0.1 * support), 2)
    evidence = f"{len(stated_iso)} stated day(s), lede day {lede_day}; {support} expression(s) agree"
    return Published(anchor.isoformat(), "inferred", confidence, evidence)
