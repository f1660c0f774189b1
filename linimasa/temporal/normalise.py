"""TIMEX3 type and value of a grammar match, anchored on a date (usually the publication date).

Calendar arithmetic is python-dateutil's `relativedelta`; ISO weeks are the standard library's.
Without an anchor, relative expressions get TIMEX3 placeholders ("XXXX-06", "PAST_REF").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .grammar import Grammar, Match
from .holidays import day_of_holiday

_DURATION_UNIT = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "H": "TH", "MIN": "TM", "S": "TS", "DE": "DE", "CE": "CE", "X": "X"}


CALENDAR_UNITS = ("D", "W", "M", "Q", "Y", "DE", "CE")  # units a date can be written in
# "a few days/weeks later": about this far from the date just mentioned, written as its month
VAGUE_SPAN = {"D": timedelta(days=3), "W": timedelta(days=14)}


@dataclass
class Value:
    type: str
    value: str
    mod: str = ""
    point: str = ""  # the date a duration counted from the date before it reaches ("three days later")
    compared: bool = False  # "a year earlier" after a quarter: what is compared with, not where the text goes on


def week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def at_unit(d: date, unit: str) -> str:
    """`d` written at the granularity of `unit` (D, W, M, Q, Y, DE, CE)."""
    if unit == "W":
        return week(d)
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def shift(d: date, unit: str, n: int) -> date:
    return {
        "D": lambda: d + timedelta(days=n),
        "W": lambda: d + timedelta(weeks=n),
        "M": lambda: d + relativedelta(months=n),
        "Q": lambda: d + relativedelta(months=3 * n),
        "Y": lambda: d + relativedelta(years=n),
        "DE": lambda: d + relativedelta(years=10 * n),
        "CE": lambda: d + relativedelta(years=100 * n),
    }.get(unit, lambda: d)()


def _key(text: str) -> str:
    """A word as the tables store it: lower case, single spaces."""
    return re.sub(r"\s+", " ", text.lower())


def _number(g: Grammar, text: str | None) -> float | None:
    """The amount for digits or a number word ("setengah" 0.5); None for vague words ("beberapa", "several")."""
    if not text:
        return 1
    text = _key(text)
    if text in g.vague:
        return None
    if text in g.numbers:
        return g.numbers[text]
    words = re.split(r"[\s-]+", text)
    for i in range(1, len(words)):  # tens and ones: "twenty four", "dua puluh tiga"
        tens, ones = g.numbers.get(" ".join(words[:i])), g.numbers.get(" ".join(words[i:]))
        if tens and ones and tens >= 20 and tens % 10 == 0 and 0 < ones < 10:
            return tens + ones
    half = 0.5 if text.endswith(("1/2", "½")) else 0
    try:
        return float(re.sub(r"\s*(?:1/2|½)$", "", text).replace(",", ".")) + half
    except ValueError:
        return None


# A fraction of a unit is said in the next smaller one: half a day is PT12H, one and a half years P1Y6M.
_SMALLER = {"CE": ("DE", 10), "DE": ("Y", 10), "Y": ("M", 12), "Q": ("M", 3), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24),
            "H": ("MIN", 60), "MIN": ("S", 60)}


# Units a TIMEX3 duration is not written in: "two decades" P20Y ("two quarters" is P2Q, as TimeBank writes it).
_IN_SMALLER = {"DE": ("Y", 10), "CE": ("Y", 100)}


def duration(n: float | None, unit: str) -> str:
    """The TIMEX3 value of `n` `unit`s: "P2Y6M" for two and a half years, "PT12H" for half a day, "PXD" for an
    unknown number of days; decades and centuries in years."""
    if unit in _IN_SMALLER:
        unit, factor = _IN_SMALLER[unit]
        n = None if n is None else n * factor
    if n is None:
        parts = [("X", unit)]
    else:
        parts = [(int(n), unit)] if int(n) else []
        rest = n - int(n)
        while rest > 1e-9 and unit in _SMALLER:  # the fraction in the next smaller units
            unit, factor = _SMALLER[unit]
            rest *= factor
            whole = int(rest + 1e-9) if unit in _SMALLER else round(rest)
            if whole:
                parts.append((whole, unit))
            rest -= whole
    date_part = "".join(f"{a}{_DURATION_UNIT[u]}" for a, u in parts if not _DURATION_UNIT[u].startswith("T"))
    time_part = "".join(f"{a}{_DURATION_UNIT[u][1:]}" for a, u in parts if _DURATION_UNIT[u].startswith("T"))
    return f"P{date_part}" + (f"T{time_part}" if time_part else "") if parts else "PT0S"


def _spelled_year(g: Grammar, text: str) -> int:
    """A year in words: "nineteen ninety-six" 1996 (hundreds, then the rest), "nineteen hundred" 1900, "two
    thousand and one" 2001 (a number word worth 1000 multiplies what comes before it)."""
    values = [g.numbers[w] for w in re.split(r"[\s-]+", text.lower()) if w in g.numbers]
    if 1000 in values:
        at = values.index(1000)
        head, rest = (values[at - 1] if at else 1) * 1000, values[at + 1:]
    else:
        head, rest = values[0] * 100, [v for v in values[1:] if v != 100]
    return int(head + sum(rest))


def _whole(n: float, unit: str) -> tuple[int, str]:
    """(whole amount, unit) for `n` `unit`s, moving a fraction to smaller units; rounded past minutes."""
    while n != int(n) and unit in _SMALLER:
        unit, factor = _SMALLER[unit]
        n *= factor
    return round(n), unit


FUTURE_BIAS = 3  # with no tense cue, news text points back unless the future reading is this many times nearer


def _future_is_much_nearer(back: int, forward: int) -> bool:
    return forward * FUTURE_BIAS < back


def _weekday(anchor: date, weekday: int, shift_: int | None, direction: int) -> date:
    """The weekday nearest the anchor in the direction given (the anchor itself counts for 'this'/unmarked)."""
    back = (anchor.weekday() - weekday) % 7
    forward = (weekday - anchor.weekday()) % 7
    if shift_ == -1:
        return anchor - timedelta(days=back or 7)
    if shift_ == 1:
        return anchor + timedelta(days=forward or 7)
    if direction > 0:
        return anchor + timedelta(days=forward)
    if direction < 0:
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=forward) if _future_is_much_nearer(back, forward) else anchor - timedelta(days=back)


def _year_for(anchor: date, month: int, day: int | None, direction: int) -> int:
    """The year that puts month(/day) nearest the anchor in the given direction.

    A tense cue decides unless the other reading is CUE_YIELDS times nearer: "said ... by Jan. 14" written on
    6 January means the coming 14th, not last year's."""
    def point(y: int) -> tuple[int, int, int]:
        return (y, month, day or 1)

    a = (anchor.year, anchor.month, anchor.day if day else 1)
    past = anchor.year if point(anchor.year) <= a else anchor.year - 1
    future = anchor.year if point(anchor.year) >= a else anchor.year + 1
    here = date(*a[:2], min(a[2], 28))
    back = (here - date(past, month, min(day or 1, 28))).days
    forward = (date(future, month, min(day or 1, 28)) - here).days
    if direction < 0:
        return future if forward * CUE_YIELDS[day is not None] < back else past
    if direction > 0:
        return past if back * CUE_YIELDS[day is not None] < forward else future
    return future if _future_is_much_nearer(back, forward) else past


CUE_YIELDS = (20, 4)  # (month, day): a day named without its year is seldom a year away


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


SEASON_STARTS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # northern-hemisphere months a season begins in


def _roman(numeral: str) -> int:
    """The value of a Roman numeral ("XIX" 19)."""
    values = [{"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}.get(c, 0) for c in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def start_of(value: str) -> date | None:
    """The first day of a calendar value at any granularity ("1998", "1998-06", "1998-W23", "1998-Q2",
    "1998-06-14T10:00"); None for anything else ("PAST_REF", "XXXX-06")."""
    m = re.match(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q([1-4])))?", value or "")
    if not m:
        return None
    year, month, day, week_, quarter = m.groups()
    try:
        if week_:
            return date.fromisocalendar(int(year), int(week_), 1)
        if quarter:
            return date(int(year), 3 * int(quarter) - 2, 1)
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def day_of(value: str) -> date | None:
    """The calendar day of a day-level value ("2014-12-28", "2014-12-28T10:00"), else None."""
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 and value[4] == "-" and value[7] == "-" else None
    except ValueError:
        return None


def _two_digit_year(y: str) -> int:
    n = int(y)
    return n if len(y) == 4 else 2000 + n if n < 70 else 1900 + n


def _clock(gr: dict[str, str]) -> str:
    """"HH:MM" of a clock time, 12-hour forms turned into 24-hour ones."""
    hour = int(gr["hour"])
    zone = (gr.get("zone") or "").lower().replace(".", "")
    if zone == "pm" and hour < 12:
        hour += 12
    elif zone == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{gr.get('minute') or '00'}"


def _tod(value: str, g: Grammar, m: Match) -> str:
    """A day-level value with the clock time or part of day that the match carries ("…T10:00", "…TNI")."""
    if len(value) != 10:
        return value
    if "hour" in m.groups:
        return f"{value}T{_clock(m.groups)}"
    tod = m.groups.get("tod")
    return f"{value}T{g.times_of_day[_key(tod)]}" if tod else value


def _on_day(day: date, g: Grammar, m: Match) -> Value:
    """DATE of `day`, or TIME when the match also carries a clock time or part of day."""
    value = _tod(day.isoformat(), g, m)
    return Value("TIME" if "T" in value[10:11] else "DATE", value)


def normalise(m: Match, g: Grammar, anchor: date | None, direction: int, previous: str = "",
              last_day: str = "") -> Value | None:
    """TIMEX3 (type, value, mod) of match `m`; None when the match is not a usable expression.

    `direction` (+1 future, -1 past, 0 unknown) comes from the sentence's tense cues; `previous` is the value of
    the expression before this one in the document (for "the same week"). A value off the calendar ("3335 tahun
    lalu" from 2017: year -1318) is not a usable expression either.
    """
    try:
        return _normalise(m, g, anchor, direction, previous, last_day)
    except (ValueError, OverflowError):
        return None


def _normalise(m: Match, g: Grammar, anchor: date | None, direction: int, previous: str,
               last_day: str = "") -> Value | None:
    gr = m.groups
    if "yearwords" in gr:
        gr["year"] = str(_spelled_year(g, gr["yearwords"]))
    rule = m.rule
    month = (g.months.get(gr["month"].lower().rstrip(".")) if "month" in gr
             else int(gr["nmonth"]) if "nmonth" in gr else None)  # "Jumat (10/2)": the month in digits
    weekday = g.weekdays.get(gr["weekday"].lower().rstrip(".")) if "weekday" in gr else None
    unit = g.units.get(_key(gr["unit"])) if "unit" in gr else None
    shift_word = _key(gr.get("shift", ""))
    shift_ = g.shifts.get(shift_word) if shift_word in g.shifts else None

    if rule == "date_full":
        try:
            return _on_day(date(int(gr["year"]), month, int(gr["day"])), g, m)
        except ValueError:
            return None
    if rule == "date_numeric":
        n1, n2, y = int(gr["n1"]), int(gr["n2"]), _two_digit_year(gr["n3"])
        d_, m_ = (n2, n1) if g.date_order.startswith("M") else (n1, n2)
        try:
            return _on_day(date(y, m_, d_), g, m)
        except ValueError:
            return None
    if rule == "date_iso":
        return Value("DATE", gr["iso"])
    if rule == "year":
        return Value("DATE", gr["year"], g.parts.get(_key(gr.get("part", "")), ""))
    if rule == "ref":
        return Value("DATE", g.refs[_key(gr["ref"])])
    if rule == "span" and "vague" in gr:  # "the coming years"
        return Value("DURATION", duration(None, g.vague_durations[_key(gr["vague"])]))
    if rule in ("duration", "span") or (rule == "anaphoric" and "num" in gr and g.later_as_duration):
        n = _number(g, gr.get("num"))
        if n is not None and "half" in gr:  # "a minute and a half"
            n += 0.5
        if unit == "Q" and n is not None and n >= 1000:  # "the 1988 quarter": that year's quarter like the last one ended
            return Value("DATE", f"{int(n):04d}{at_unit(shift(anchor, 'Q', -1), 'Q')[4:]}")
        value = Value("DURATION", duration(n, unit))
        if rule == "anaphoric" and "object" not in gr and anchor is not None:  # "three days later", no "after X"
            reached = _anaphoric(m, g, anchor, previous)
            value.point = reached.value if reached.value[:1].isdigit() else ""
        return value
    if rule == "set_word":
        return Value("SET", g.sets[_key(gr["setword"])])
    if rule == "vague_duration":
        code = _DURATION_UNIT[g.vague_durations[_key(gr["vague"])]]
        return Value("DURATION", f"PTX{code[1:]}" if code.startswith("T") else f"PX{code}")
    if rule == "set":
        if weekday is not None:
            return Value("SET", f"XXXX-WXX-{weekday + 1}")
        if unit == "Q":
            return Value("SET", "P1Q")
        return Value("SET", f"P1{_DURATION_UNIT[unit]}" if unit in ("D", "W", "M", "Y") else f"PT1{_DURATION_UNIT[unit][1:]}")
    if rule == "century":  # "the 20th century" is 19xx: TIMEX3 "19"
        n = int(gr["century"]) if "century" in gr else _roman(gr["roman"])
        return Value("DATE", f"{n - 1:02d}") if 0 < n <= 100 else None
    if rule == "decade" and "decadeword" in gr:  # "the nineties": the latest such decade begun by the anchor
        if anchor is None:
            return None
        tens = g.decade_words[_key(gr["decadeword"])]
        century = anchor.year // 100 - (anchor.year % 100 < tens * 10)
        return Value("DATE", f"{century:02d}{tens}")
    if rule == "decade":
        digits = gr["decade"]
        mod = g.parts.get(_key(gr.get("part", "")), "")
        return Value("DATE", digits[:3] if len(digits) == 4 else f"19{digits[0]}", mod)
    if rule == "quarter" and ("year" in gr or anchor is None):
        return Value("DATE", f"{gr.get('year', 'XXXX')}-Q{g.quarters[_key(gr['quarter'])]}")
    if rule == "month_year":
        return Value("DATE", f"{int(gr['year']):04d}-{month:02d}")

    # Everything below needs the anchor.
    if anchor is None and rule == "holiday":
        fixed = re.fullmatch(r"\d\d-\d\d", g.holidays[_key(gr["holiday"])])
        return Value("DATE", f"XXXX-{fixed.group(0)}") if fixed else None
    if anchor is None:
        if rule in ("month", "part_month"):
            year = gr.get("year")
            return Value("DATE", f"{year or 'XXXX'}-{month:02d}", g.parts.get(gr.get("part", "").lower(), ""))
        if rule == "weekday":
            return Value("DATE", f"XXXX-WXX-{weekday + 1}")
        if rule == "day_month":
            return Value("DATE", f"XXXX-{month:02d}-{int(gr['day']):02d}")
        return Value("DATE", {1: "FUTURE_REF", -1: "PAST_REF"}.get(shift_ or direction, "PRESENT_REF"))

    if rule == "day_month":
        day = int(gr["day"])
        try:
            if shift_ is not None:  # "last Oct. 23": the one before the anchor; "next": after it; "this": this year's
                this = date(anchor.year, month, day)
                year = anchor.year + (shift_ > 0 and this <= anchor) - (shift_ < 0 and this >= anchor)
                return Value("DATE", date(year, month, day).isoformat())
            chosen = date(_year_for(anchor, month, day, direction), month, day)
            if weekday is not None and chosen.weekday() != weekday and "nmonth" not in gr:
                # "Monday, Oct. 26": the year it is a Monday; "Jumat (11/2)" in digits is a news lede's day, whose
                # weekday is more often mistyped than the story a year away
                fits = [d for y in range(anchor.year - 1, anchor.year + 2)
                        if (d := _safe_date(y, month, day)) and d.weekday() == weekday]
                chosen = min(fits, key=lambda d: abs((d - anchor).days), default=chosen)
            return Value("DATE", chosen.isoformat())
        except ValueError:
            return None
    if rule == "month":
        if shift_ is not None:  # "this September", "Juni lalu": this year's, the next or the last one
            year = anchor.year + {0: 0, 1: month <= anchor.month, -1: -(month >= anchor.month)}[shift_]
        else:
            year = _year_for(anchor, month, None, direction)
        return Value("DATE", f"{year:04d}-{month:02d}")
    if rule == "part_month":
        year = int(gr["year"]) if "year" in gr else _year_for(anchor, month, None, direction)
        return Value("DATE", f"{year:04d}-{month:02d}", g.parts[_key(gr["part"])])
    if rule == "month_relative_year":
        return Value("DATE", f"{anchor.year + (shift_ or 0):04d}-{month:02d}")
    if rule in ("relative_unit", "part_relative"):
        if unit not in CALENDAR_UNITS:
            return None
        if shift_word in g.same_words or shift_word in g.following_words:  # "that year", "the following month"
            base = start_of(previous)
            if base is None:
                return None
            value = at_unit(shift(base, unit, shift_word in g.following_words), unit)
        else:
            value = at_unit(shift(anchor, unit, shift_ or 0), unit)
        mod = g.parts.get(_key(gr.get("part", "")), "") if rule == "part_relative" else ""
        return Value("DATE", value, mod)
    if rule == "ago":
        n = _number(g, gr.get("num"))
        if n is not None:
            n, unit = _whole(n, unit)
        if n is None or unit not in CALENDAR_UNITS:
            return Value("DATE", "PAST_REF")
        if unit == "Y" and re.fullmatch(r"\d{4}-Q[1-4]", previous or ""):  # "the third quarter ... a year earlier"
            return Value("DATE", f"{int(previous[:4]) - n:04d}{previous[4:]}", compared=True)
        return Value("DATE", at_unit(shift(anchor, unit, -n), unit))
    if rule == "weekday":
        return _on_day(_weekday(anchor, weekday, shift_, direction), g, m)
    if rule == "holiday":
        holiday = g.holidays[_key(gr["holiday"])]
        if "year" in gr or "ofyear" in gr:  # "Christmas 1998", "Idul Fitri tahun lalu"
            day = day_of_holiday(holiday, int(gr["year"]) if "year" in gr else anchor.year + (shift_ or 0))
        else:
            day = _holiday(holiday, anchor, shift_, direction)
        return Value("DATE", day.isoformat()) if day else None
    if rule == "day_word":
        return _on_day(anchor + timedelta(days=g.days[_key(gr["dayword"])]), g, m)
    # the day the text last spoke of, for "that day" and clock times ("was shot at 10 p.m." after "Oct. 23")
    reference = day_of(previous) or day_of(last_day) or anchor
    if rule == "quarter":
        q = g.quarters[_key(gr["quarter"])]
        current = (anchor.month - 1) // 3 + 1
        # a quarter still to come this year, else the last one of that name; next year's only when the text
        # looks ahead and this year's is over ("first-quarter results will ..." written in October)
        year = anchor.year - (q > current and direction <= 0) + (q < current - 1 and direction > 0)
        return Value("DATE", f"{year:04d}-Q{q}")
    if rule == "season":
        code = g.seasons[_key(gr["season"])]
        if "year" in gr:  # "the winter of 1994"
            year = int(gr["year"])
        elif shift_:  # "last fall": the latest one over by the anchor; "next spring": the first one to begin after it
            start = date(anchor.year, SEASON_STARTS[code], 1)
            over = start + relativedelta(months=3) <= anchor
            year = anchor.year - (not over) if shift_ < 0 else anchor.year + (start <= anchor)
        else:
            year = anchor.year
        return Value("DATE", f"{year:04d}-{code}")
    if rule == "tod_bare":
        return Value("TIME", f"{reference.isoformat()}T{g.times_of_day[_key(gr['tod'])]}")
    if rule == "period":  # the last quarter ended, or that quarter a year before
        return Value("DATE", at_unit(shift(anchor, "Q", -1 if "period" in gr else -5), "Q"))
    if rule == "the_unit":
        unit = g.the_unit[_key(gr["theunit"])]
        return Value("DURATION", f"P1{unit}") if "ended" in gr else Value("DATE", at_unit(anchor, unit))
    if rule == "weekend":  # the coming one, or the last one when the sentence looks back
        if shift_ is not None:
            base = anchor + timedelta(weeks=shift_)
        else:
            base = anchor - timedelta(weeks=1) if direction < 0 and anchor.weekday() < 5 else anchor
        return Value("DATE", f"{week(base)}-WE")
    if rule == "that_day":
        return Value("DATE", reference.isoformat())
    if rule == "anaphoric":
        return _anaphoric(m, g, anchor, previous)
    if rule == "tod_relative":
        d = anchor + timedelta(days=shift_ or 0)
        return Value("TIME", f"{d.isoformat()}T{g.times_of_day[_key(gr['tod'])]}")
    if rule == "clock":
        return Value("TIME", f"{reference.isoformat()}T{_clock(gr)}")
    return None


def _holiday(rule: str, anchor: date, shift_: int | None, direction: int) -> date | None:
    """The day of a holiday named near `anchor`: "last Thanksgiving" the latest before it, "next" the first after
    it, "this" the anchor year's; a bare name the nearest in the sentence's direction (as a month and day)."""
    this = day_of_holiday(rule, anchor.year)
    if this is None:
        return None
    if shift_:
        year = anchor.year - (this >= anchor) if shift_ < 0 else anchor.year + (this <= anchor)
    elif shift_ == 0:
        year = anchor.year
    else:
        year = _year_for(anchor, this.month, this.day, direction)
    return this if year == anchor.year else day_of_holiday(rule, year)


def _anaphoric(m: Match, g: Grammar, anchor: date, previous: str) -> Value:
    """The date "N units later/earlier" reaches from the date the text spoke of before (else the anchor)."""
    gr = m.groups
    unit = g.units.get(_key(gr["unit"]))
    reference = day_of(previous) or anchor
    n = _number(g, gr.get("num"))
    if n is not None:
        n, unit = _whole(n, unit)
    sign = g.later[_key(gr["later"])]
    base = day_of(previous) or (start_of(previous) if re.fullmatch(r"\d{4}-\d{2}", previous or "") else None)
    if n is None and unit in VAGUE_SPAN and base is not None:  # "beberapa hari kemudian" after "awal Januari"
        return Value("DATE", at_unit(base + sign * VAGUE_SPAN[unit], "M"))
    if n is None or unit not in CALENDAR_UNITS:
        return Value("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    moved = shift(reference, unit, n * sign)
    return Value("DATE", moved.isoformat() if day_of(previous) else at_unit(moved, unit))
