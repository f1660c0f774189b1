"""Time-expression patterns compiled from a language file's `[timex]` words (Python `re`).

The engine knows concepts (a month name, a unit with a shift, a part of a period …) and the word order a language
uses for modifiers; the words come from `linimasa/lang/<code>.toml`. Matching is leftmost-longest over all rules.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import lang
from ..intervals import SpanIndex
from . import holidays as holiday_calendar

# Rules in priority order (earlier wins between two matches of the same span).
RULES = (
    "date_full", "date_numeric", "date_iso", "part_month", "month_relative_year", "month_year", "day_month",
    "part_relative", "relative_unit", "ago", "anaphoric", "tod_relative", "weekday", "day_word", "that_day", "period",
    "the_unit", "holiday", "weekend", "clock", "set", "set_word", "span", "duration", "vague_duration", "quarter",
    "season", "century", "decade", "year", "month", "tod_bare", "ref",
)


_TOKEN = re.compile(r"\w+")
DIGIT = "digit"
DIGITS = frozenset("0123456789")  # a rule that needs a digit: checked on the sentence's characters


def _keyword(phrase: str) -> str:
    """The word of a phrase that a text must contain for the phrase to match: its longest ("the past" -> "past")."""
    return max(_TOKEN.findall(phrase.lower()), key=len, default="")


def _alt(words, capitalised: bool = False) -> str:
    """A regex alternation of `words`, the longest form preferred; names that must be capitalised match
    case-sensitively. Built as a trie ("J(?:an(?:uary)?|u(?:ly|ne))"): at each position the regex engine tries
    one branch per first letter instead of every word, which makes the timex rules several times faster."""
    forms = {w if capitalised else w.lower() for w in words if w}
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    body = _render(trie)
    return f"(?-i:{body})" if capitalised else f"(?:{body})"


def _render(node: dict) -> str:
    """The regex of a trie node: its branches (a space matches any run of white space), optional where a word
    may end here (greedy: the longer word is tried first)."""
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    ends = "" in node
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")


@dataclass
class Grammar:
    """Compiled rules and word tables of one language."""

    code: str
    rules: list[tuple[str, re.Pattern[str]]]
    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, str]
    numbers: dict[str, float]
    vague: set[str]
    shifts: dict[str, int]
    parts: dict[str, str]
    days: dict[str, int]
    times_of_day: dict[str, str]
    refs: dict[str, str]
    date_order: str
    future_cues: re.Pattern[str] | None = None
    past_cues: re.Pattern[str] | None = None
    same_words: set[str] = field(default_factory=set)
    following_words: set[str] = field(default_factory=set)  # "the following year": the one after the last named
    later: dict[str, int] = field(default_factory=dict)
    sets: dict[str, str] = field(default_factory=dict)
    vague_durations: dict[str, str] = field(default_factory=dict)
    past_suffix: re.Pattern[str] | None = None
    seasons: dict[str, str] = field(default_factory=dict)
    quarters: dict[str, int] = field(default_factory=dict)
    the_unit: dict[str, str] = field(default_factory=dict)
    decade_words: dict[str, int] = field(default_factory=dict)  # "nineties" -> 9
    holidays: dict[str, str] = field(default_factory=dict)  # holiday name (lower case) -> calendar rule
    later_as_duration: bool = False  # "three days later": DURATION (TimeML) rather than the DATE reached (IndoTimex)
    not_timex: re.Pattern[str] | None = None
    not_timex_forms: re.Pattern[str] | None = None  # forms holding a count and a unit that are no time (law numbers)
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)  # rule -> words one of which it needs


@functools.cache
def grammar(code: str) -> Grammar:
    """The compiled grammar of language `code` (cached)."""
    data = lang.load(code)
    t = data["timex"]
    cap = bool(t.get("names_capitalised"))
    months = {w.lower().rstrip("."): i + 1 for i, forms in enumerate(t["months"]) for w in forms}
    # short forms without a full stop ("Apr 28, 2009"), read only inside a full date: alone "Jan" is a name
    bare_abbreviations = [w for forms in t.get("month_abbreviations", []) for w in forms]
    months.update({w.lower(): i + 1 for i, forms in enumerate(t.get("month_abbreviations", [])) for w in forms})
    weekdays = {w.lower().rstrip("."): i for i, forms in enumerate(t["weekdays"]) for w in forms}
    month_forms = [w for forms in t["months"] for w in forms]
    weekday_forms = [w for forms in t["weekdays"] for w in forms]
    units = {w.lower(): code_ for code_, words in t["units"].items() for w in words}
    numbers = {w.lower(): n for w, n in t["numbers"].items()}
    vague = {w.lower() for w in t.get("vague_numbers", [])}
    shifts = {w.lower(): 0 for w in t["this"]}
    shifts.update({w.lower(): 1 for w in t["next"]})
    shifts.update({w.lower(): -1 for w in t["last"]})
    same = {w.lower() for w in t.get("same", [])}
    following = {w.lower() for w in t.get("following", [])}
    parts = {w.lower(): mod for mod, words in t["parts"].items() for w in words}
    days = {w.lower(): int(n) for n, words in t["days"].items() for w in words}
    tods = {w.lower(): code_ for code_, words in t["times_of_day"].items() for w in words}
    refs = {w.lower(): "PRESENT_REF" for w in t["present"]}
    refs.update({w.lower(): "PAST_REF" for w in t["past"]})
    refs.update({w.lower(): "FUTURE_REF" for w in t["future"]})

    # A unit word that is also a weekday name ("minggu" week / "Minggu" Sunday) only counts in lower case.
    weekday_lower = {w.lower() for w in weekday_forms}
    unit_forms = [f"(?-i:{re.escape(w)})" if w.lower() in weekday_lower else re.escape(w) for w in units]
    UNIT = "(?P<unit>" + "|".join(sorted(unit_forms, key=lambda w: -len(w))) + ")"
    MONTH = f"(?P<month>{_alt(month_forms, cap)})"
    BARE_MONTH = f"(?P<month>{_alt(bare_abbreviations, cap)})(?![\\w.])" if bare_abbreviations else ""
    WEEKDAY = f"(?P<weekday>{_alt(weekday_forms, cap)})"
    DIGIT_DAY, DIGIT_MONTH = r"(?P<day>3[01]|[12]\d|0?[1-9])", r"(?P<nmonth>1[0-2]|0?[1-9])"
    DAY = DIGIT_DAY + r"(?:st|nd|rd|th)?"
    DAY_MONTH_DIGITS = (f"{DIGIT_MONTH}\\s?/\\s?{DIGIT_DAY}" if data.get("date_order", "DMY").startswith("M")
                        else f"{DIGIT_DAY}\\s?/\\s?{DIGIT_MONTH}")
    YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
    # a year in words ("nineteen ninety-six", "the year two thousand": broadcast transcripts)
    SPELLED = f"(?P<yearwords>{t['spelled_year']})" if t.get("spelled_year") else ""
    SHIFT = f"(?P<shift>{_alt(list(shifts) + list(same) + list(following))})"
    NUMWORD = _alt(list(numbers) + list(vague))
    # digits with a half ("5 1/2", "2½"), tens and ones in words ("twenty four", "twenty-four"), a number word
    TENS = _alt(w for w, n in numbers.items() if n >= 20 and n < 100 and n % 10 == 0)
    ONES = _alt(w for w, n in numbers.items() if 0 < n < 10 and " " not in w and len(w) > 2)
    NUM = f"(?P<num>\\d+(?:[.,]\\d+)?(?:\\s+1/2|½)?|{TENS}[\\s-]+{ONES}|{NUMWORD})"
    MORE = f"(?:{_alt(t['more'])}\\s+)?" if t.get("more") else ""
    HALF = f"(?P<half>\\s+{_alt(t['and_a_half'])})?" if t.get("and_a_half") else ""
    PART = f"(?P<part>{_alt(parts)})"
    AGO = f"(?P<ago>{_alt(t['ago'])})"
    TOD = f"(?P<tod>{_alt(tods)})"
    DAYWORD = f"(?:{_alt(t['day_word'])}\\s+)?" if t.get("day_word") else ""
    YEARWORD = _alt(t.get("year_word", []))
    ONE = re.escape(t.get("one_prefix", ""))
    JOIN = f"(?:\\s+{_alt(t['date_joiner'])})?" if t.get("date_joiner") else ""
    CLOCK = _alt(t.get("clock_word", []))
    after = data.get("modifier_order", "after") == "after"

    def shifted(core: str, optional: bool = False) -> str:
        q = "?" if optional else ""
        return f"{core}(?:\\s+{SHIFT}){q}" if after else f"(?:{SHIFT}\\s+){q}{core}"

    year_rel = shifted(f"(?:{YEARWORD}|{_alt(k for k, v in units.items() if v == 'Y')})")
    tod_tail = f"(?:\\s+{TOD})?"
    zone = "WIB|WITA|WIT|GMT|UTC|[ap]\\.m\\.|[AP]M"
    CLOCK_TIME = "(?P<hour>[01]?\\d|2[0-3])[.:](?P<minute>[0-5]\\d)"
    HOUR = f"{CLOCK_TIME}(?:\\s*(?P<zone>{zone}))?"
    # A 12-hour clock needs no minutes: "9 a.m." (the day after it joins it: linimasa.stages.timex).
    CLOCK12 = "(?P<hour>1[0-2]|0?[1-9])(?:[.:](?P<minute>[0-5]\\d))?\\s*(?P<zone>[ap]\\.m\\.|[ap]\\.?m\\b)"
    # A date may carry its clock time or part of day: "Minggu (28/12/2014) pukul 10.00 WIB", "Minggu malam".
    time_tail = f"(?:\\s+(?:{CLOCK}\\s+)?{HOUR}|\\s+{TOD})?"
    later = {w.lower(): 1 for w in t.get("later", [])} | {w.lower(): -1 for w in t.get("earlier", [])}
    sets = {w.lower(): v for v, words in t.get("sets", {}).items() for w in words}
    vague_durations = {w.lower(): u for u, words in t.get("vague_durations", {}).items() for w in words}
    the_unit = {w.lower(): u for u, words in t.get("the_unit", {}).items() for w in words}
    seasons = {w.lower(): code_ for code_, words in t.get("seasons", {}).items() for w in words}
    holiday_rules = {name.lower(): rule for name, rule in t.get("holidays", {}).items()}
    for rule in holiday_rules.values():
        holiday_calendar.check(rule)
    HOLIDAY = f"(?P<holiday>{_alt(t.get('holidays', {}), cap)})"
    seasons_shifted = {w.lower(): code_ for code_, words in t.get("seasons_shifted", {}).items() for w in words}
    SEASON = f"(?P<season>{_alt(seasons)})"
    WEEKEND = f"(?P<weekend>{_alt(t.get('weekend', []))})"
    quarters = {w.lower(): i + 1 for i, forms in enumerate(t.get("quarters", [])) for w in forms}
    DECADE = f"(?P<decade>(?:1[6-9]|20)?\\d0)(?:{_alt(t['decade_suffix'])})" if t.get("decade_suffix") else ""
    # A rule may have several alternative patterns (Python's re forbids a group name twice in one pattern).
    patterns = {
        "date_full": [f"{DAYWORD}(?:{WEEKDAY},?\\s+)?{DAY}{JOIN}\\s+{MONTH}\\.?,?{JOIN}\\s+{YEAR}{time_tail}",
                      # (", 2001" or " , 2001" in text tokenised with spaces: "Sept. 11 , 2001")
                      f"(?:{WEEKDAY}\\s?,?\\s+)?{MONTH}\\.?\\s+{DAY}(?:\\s?,)?\\s+{YEAR}{time_tail}",
                      *([f"{BARE_MONTH}\\s+{DAY}(?:\\s?,)?\\s+{YEAR}{time_tail}",
                         f"{DAYWORD}{DAY}\\s+{BARE_MONTH}\\s+{YEAR}{time_tail}"] if BARE_MONTH else [])],
        # (" / " in text tokenised with spaces: "Senin (13 / 3 / 2017)")
        "date_numeric": [f"{DAYWORD}(?:{WEEKDAY},?\\s*)?\\(?(?P<n1>\\d{{1,2}})\\s?/\\s?(?P<n2>\\d{{1,2}})\\s?/\\s?"
                         f"(?P<n3>(?:19|20)?\\d\\d)\\)?{time_tail}"],
        "date_iso": [r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"],
        "part_month": [f"{PART}(?:\\s+|-)(?:of\\s+)?{MONTH}(?:\\s+{YEAR})?"],
        "month_relative_year": [f"{MONTH}\\s+{year_rel}"],
        "month_year": [f"{MONTH}\\.?,?{JOIN}\\s+{YEAR}"] + ([f"{MONTH},?\\s+{SPELLED}"] if SPELLED else []),
        # "Thursday, Jan. 6:", "last Oct. 23", "10 Januari lalu" (a colon before digits is a clock: "Jan. 6:30")
        "day_month": [shifted(f"{DAYWORD}(?:{WEEKDAY},?\\s+)?{DAY}{JOIN}\\s+{MONTH}(?!\\d|:\\d)", optional=True),
                      shifted(f"{DAYWORD}(?:{WEEKDAY},?\\s+)?{MONTH}\\.?\\s+{DAY}(?!\\d|:\\d)", optional=True),
                      # a weekday with its day and month in digits, the news lede's "Jumat (10/2)": no year
                      f"{DAYWORD}{WEEKDAY},?\\s*\\(\\s*{DAY_MONTH_DIGITS}\\s*\\){time_tail}"],
        "part_relative": [f"{PART}\\s+(?:of\\s+)?(?:{shifted(UNIT)})"],
        "relative_unit": [shifted(UNIT)],
        "ago": [f"{NUM}\\s+{UNIT}\\s+{AGO}"]
               + ([f"(?P<ago>{_alt(t['ago_before'])})\\s+{NUM}\\s+{UNIT}"] if t.get("ago_before") else []),
        # TimeML (en): "three days later" is the duration "three days" and the signal "later"; IndoTimex (id):
        # "tiga hari kemudian" is the date it reaches. Either way the count and the direction are kept.
        "anaphoric": ([f"{NUM}\\s+{UNIT}(?=\\s+(?P<later>{_alt(later)})\\b(?P<object>\\s+[\\w$])?)",
                       f"{ONE}{UNIT}\\s+(?P<later>{_alt(later)})"] if t.get("later_as_duration")
                      else [f"(?:{NUM}\\s+|{ONE}){UNIT}\\s+(?P<later>{_alt(later)})"]) if later else [],
        "tod_relative": [shifted(TOD)],
        "weekday": [f"{DAYWORD}{shifted(WEEKDAY, optional=True)}{time_tail}"],
        "that_day": [f"(?P<thatday>{_alt(t['that_day'])})"] if t.get("that_day") else [],
        "weekend": [shifted(WEEKEND, optional=True)] if t.get("weekend") else [],
        "period": [f"(?P<period>{_alt(t['reporting_period'])})(?!-)", f"(?P<yearago>{_alt(t['year_ago_period'])})(?!-)"],
        # "the year" of a report is the current one; "the year ended June 30" is a year long
        "the_unit": [f"(?P<theunit>{_alt(the_unit)})(?!-|\\s+(?:{_alt([*later, *t['ago']])})\\b)"
                     f"(?=\\s+(?P<ended>{_alt(t.get('unit_ended', []))})\\b)?"] if the_unit else [],
        # "Thanksgiving", "last Christmas", "Christmas 1998", "Idul Fitri tahun lalu"
        "holiday": [f"{HOLIDAY},?\\s+{YEAR}", f"{HOLIDAY}\\s+(?P<ofyear>{year_rel})",
                    shifted(HOLIDAY, optional=True)] if t.get("holidays") else [],
        "day_word": [f"(?P<dayword>{_alt(days)}){tod_tail}"],
        # Clock times need their clock word or a zone: a bare "10.000" is a number.
        "clock": [f"{CLOCK}\\s+{HOUR}(?:\\s+{TOD})?",
                  f"{CLOCK_TIME}\\s*(?P<zone>{zone})", CLOCK12],
        "set": [f"{_alt(t.get('every', []))}\\s+{UNIT}", f"{_alt(t.get('every', []))}\\s+{WEEKDAY}"],
        "set_word": [f"(?P<setword>{_alt(sets)})"] if sets else [],
        # "6-year-old" is an age, not a duration
        # "the past two months", "the next few weeks", "the coming years": a span that long
        "span": [f"(?P<span>{_alt(t['span_words'])})\\s+"
                 f"(?:{NUM}\\s+{MORE}{UNIT}|(?P<vague>{_alt(vague_durations)}))(?![\\w-])"] if t.get("span_words") else [],
        "duration": [f"{NUM}(?:\\s+|-){MORE}{UNIT}{HALF}(?!-\\w)"] + ([f"{ONE}{UNIT}"] if ONE else []),
        "vague_duration": [f"(?P<vague>{_alt(vague_durations)})"] if vague_durations else [],
        "quarter": [f"(?P<quarter>{_alt(quarters)})(?:\\s+(?:of\\s+)?{YEAR})?",
                    f"{YEAR}\\s+(?P<quarter>{_alt(quarters)})"] if quarters else [],
        "season": ([f"{SEASON}\\s+(?:{_alt(t.get('of', []))}\\s+)?{y}" for y in (YEAR, SPELLED) if y and seasons]
                   + [shifted(SEASON, optional=True)] if seasons else [])
                  + ([shifted(f"(?P<season>{_alt(seasons_shifted)})")] if seasons_shifted else []),  # "last fall"
        "century": [t["ordinal_century"]] if t.get("ordinal_century") else [],  # "the 20th century", "abad ke-19"
        "decade": ([f"(?:{PART}(?:\\s+|-)(?:of\\s+)?)?(?:{YEARWORD}\\s+)?['’]?{DECADE}"] if DECADE else [])
                  + ([f"(?P<decadeword>{_alt(t['decade_words'])})"] if t.get("decade_words") else []),
        "year": [f"(?:{PART}(?:\\s+|-)(?:of\\s+)?)?(?:{YEARWORD}\\s+)?{YEAR}"]  # "mid-1996", "awal tahun 2014"
                + ([f"(?:{YEARWORD}\\s+)?{SPELLED}"] if SPELLED else [])
                + ([f"{YEARWORD}\\s+(?P<yearwords>{t['spelled_year_after_year_word']})"]
                   if t.get("spelled_year_after_year_word") else []),
        "month": [shifted(MONTH, optional=True)],
        "tod_bare": [TOD],
        "ref": [f"(?P<ref>{_alt(refs)})"],
    }
    rules = [
        (name, re.compile(f"(?<![\\w/.,-]){body}(?![\\w/]|[.,]\\d)", re.IGNORECASE))
        for name in RULES
        for body in patterns[name]
    ]

    # The words a rule cannot match without (any one of them; of a phrase, its longest word): a sentence naming
    # none of a rule's words is not scanned by that rule. Most sentences name few time words, so most of the ~30
    # scans are skipped.
    one = t.get("one_prefix", "")
    words = {
        "month": month_forms, "weekday": weekday_forms, "unit": [*units, *(one + u for u in units if one)],
        "tod": list(tods), "days": list(days), "that_day": t.get("that_day", []), "every": t.get("every", []),
        "period": [*t["reporting_period"], *t["year_ago_period"]], "sets": list(sets), "weekend": t.get("weekend", []),
        "the_unit": list(the_unit),
        "vague": list(vague_durations), "quarter": list(quarters), "season": [*seasons, *seasons_shifted], "ref": list(refs),
        "span": t.get("span_words", []), "century": [w for w, u in units.items() if u == "CE"],
        "decade": list(t.get("decade_words", {})), "holiday": list(t.get("holidays", {})),
    }
    needs = {"date_full": "month", "part_month": "month", "month_relative_year": "month", "month_year": "month",
             "day_month": "month", "month": "month", "part_relative": "unit", "relative_unit": "unit",
             "ago": "unit", "anaphoric": "unit", "duration": "unit", "tod_relative": "tod", "tod_bare": "tod",
             "weekday": "weekday", "weekend": "weekend", "day_word": "days", "that_day": "that_day", "period": "period",
             "the_unit": "the_unit", "holiday": "holiday", "span": "span", "set": "every",
             "set_word": "sets", "vague_duration": "vague", "quarter": "quarter", "season": "season", "ref": "ref",
             "date_numeric": DIGIT, "date_iso": DIGIT, "clock": DIGIT, "century": "century", "decade": "decade", "year": DIGIT}
    anchors = {rule: DIGITS if category == DIGIT else frozenset(_keyword(p) for p in words[category] if _keyword(p))
               for rule, category in needs.items()}
    anchors["decade"] = DIGITS | anchors["decade"]  # "the 1990s" or "the nineties"
    anchors["day_month"] = anchors["day_month"] | anchors["weekday"]  # "Jumat (10/2)" names no month
    if SPELLED:  # a year may be in words: a digit or a number word of ten or more ("nineteen") will do
        anchors["year"] = DIGITS | {w for w, n in numbers.items() if n >= 10 and " " not in w}

    tense = data.get("tense", {})
    return Grammar(
        code=code, rules=rules, months=months, weekdays=weekdays, units=units, numbers=numbers, vague=vague,
        shifts=shifts, parts=parts, days=days, times_of_day=tods, refs=refs,
        date_order=data.get("date_order", "DMY"),
        future_cues=_cue_pattern(tense.get("future", [])), past_cues=_cue_pattern(tense.get("past", [])),
        same_words=same, following_words=following, later=later, seasons=seasons | seasons_shifted, the_unit=the_unit,
        later_as_duration=bool(t.get("later_as_duration")), holidays=holiday_rules,
        decade_words={w.lower(): n for w, n in t.get("decade_words", {}).items()},
        quarters=quarters, sets=sets, vague_durations=vague_durations,
        past_suffix=re.compile(rf"(?<!\w){tense['past_suffix']}(?!\w)") if tense.get("past_suffix") else None,
        not_timex=_cue_pattern(t.get("not_timex", [])), anchors=anchors,
        not_timex_forms=re.compile("|".join(t["not_timex_forms"])) if t.get("not_timex_forms") else None,
    )


def _cue_pattern(words: list[str]) -> re.Pattern[str] | None:
    return re.compile(rf"(?<!\w){_alt(words)}(?!\w)", re.IGNORECASE) if words else None


@dataclass
class Match:
    start: int
    end: int
    rule: str
    groups: dict[str, str]


def find(text: str, code: str) -> list[Match]:
    """Leftmost-longest, non-overlapping time-expression matches in `text`.

    >>> text = "Biden akan menelepon pada hari Minggu."
    >>> [(m.rule, text[m.start:m.end]) for m in find(text, "id")]
    [('weekday', 'hari Minggu')]
    """
    g = grammar(code)
    blocked = [(m.start(), m.end()) for m in g.not_timex.finditer(text)] if g.not_timex else []
    if g.not_timex_forms is not None:
        blocked += [(m.start(), m.end()) for m in g.not_timex_forms.finditer(text)]
    lowered = text.lower()
    present = set(_TOKEN.findall(lowered)) | (DIGITS & set(lowered))  # words, and which digits occur
    found: list[tuple[int, int, int, Match]] = []
    for priority, (name, pattern) in enumerate(g.rules):
        needed = g.anchors.get(name)
        if needed is not None and needed.isdisjoint(present):
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start() and not any(s < m.end() and m.start() < e for s, e in blocked):
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                found.append((m.start(), -(m.end() - m.start()), priority, Match(m.start(), m.end(), name, groups)))
    found.sort(key=lambda x: x[:3])
    chosen: list[Match] = []
    taken_until = -1
    for start, _, _, match in found:
        if start >= taken_until:
            chosen.append(match)
            taken_until = match.end
    return chosen


CUE_WINDOW_CHARS = 60  # a tense cue further away belongs to another clause
# between an expression and a cue after it, the cue is another clause's; a spaced dash too ("donors to meet in March
# - 7 hrs ago": headlines a page runs together)
CLAUSE_BREAK = re.compile(r"[,;:]|\s[-–—]{1,2}\s")


CUE_CACHE_SENTENCES = 16  # the callers ask about every expression of one sentence in a row; a few sentences suffice


@functools.lru_cache(maxsize=CUE_CACHE_SENTENCES)
def _cues(sentence: str, code: str) -> tuple[tuple[int, SpanIndex[tuple[int, int, str]]], ...]:
    """Every tense cue of `sentence`, found once: per cue pattern, its sign and its matches (start, end, words),
    indexed by position."""
    g = grammar(code)
    return tuple((sign, SpanIndex([(m.start(), m.end(), m.group(0)) for m in pattern.finditer(sentence)],
                                  lambda cue: (cue[0], cue[1])))
                 for sign, pattern in ((1, g.future_cues), (-1, g.past_cues), (-1, g.past_suffix)) if pattern is not None)


def nearest_cue(sentence: str, start: int, end: int, code: str, window: int = CUE_WINDOW_CHARS) -> tuple[int, str] | None:
    """(+1 future / -1 past, cue words) of the tense cue nearest to [start, end) in `sentence`, within `window`.

    The sentence's cues are found once (`_cues`) and only those within reach are looked at, so a page of thousands
    of time expressions costs linear time, not quadratic.

    >>> nearest_cue("Biden akan menelepon Putin Kamis.", 27, 32, "id")
    (1, 'akan')
    """
    best: tuple[int, int, str] | None = None
    for sign, cues in _cues(sentence, code):
        # a cue before counts at its distance, one after at twice it: only cues ending at or after start - window
        # and starting at or before end + window // 2 can be within reach
        for cue_start, cue_end, words in cues.overlapping(start - window - 1, end + window // 2 + 1):
            if start <= cue_start < end:
                continue  # a cue inside the expression itself ("Sabtu lalu") is handled by its rule
            distance = start - cue_end if cue_end <= start else (cue_start - end) * 2  # cues before count more
            if distance > window or (best is not None and distance >= best[0]):
                continue
            if cue_start >= end and CLAUSE_BREAK.search(sentence, end, cue_start):
                continue  # after a comma it is another clause's: "who is due to visit Haiti on Sunday, said ..."
            best = (distance, sign, words)
    return (best[1], best[2]) if best else None


def tense_direction(sentence: str, start: int, end: int, code: str) -> int:
    """+1 when the nearest tense cue to [start, end) in `sentence` points to the future, -1 past, 0 none."""
    cue = nearest_cue(sentence, start, end, code)
    return cue[0] if cue else 0
