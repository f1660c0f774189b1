"""The day a named holiday falls on in a given year ("Thanksgiving" 1999 -> 1999-11-25, "Idul Fitri" 2022 ->
2022-05-02).

A language file maps holiday names to a rule (`[timex.holidays]`); the calendars are libraries' work:
python-holidays for holidays of a country's calendar, lunar ones included (Eid al-Fitr moves every year),
dateutil for Easter and for "the fourth Thursday of November". Rules:

- `"12-25"`: a fixed day;
- `"11-01:TH(+4)"`: the given weekday counted from a day (dateutil `relativedelta(weekday=TH(+4))`);
- `"easter"`, `"easter-2"`: Western Easter Sunday, moved by a number of days;
- `"ID:Eid al-Fitr"`: a holiday of a country's calendar by its English name in python-holidays.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekday as Weekday

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_RULE = re.compile(r"(?P<month>\d\d)-(?P<day>\d\d)(?::(?P<wd>MO|TU|WE|TH|FR|SA|SU)\((?P<n>[+-]\d)\))?"
                   r"|easter(?P<offset>[+-]\d+)?|(?P<country>[A-Z]{2}):(?P<name>.+)")


class HolidayRuleError(ValueError):
    """A holiday rule in a language file that this module cannot read."""


def check(rule: str, calendars: bool = False) -> None:
    """Raise HolidayRuleError when `rule` is not one of the forms above (language files are checked on load);
    with `calendars`, also when its country has no python-holidays calendar (importing python-holidays takes
    0.15 s, so loading a language file leaves that to the first use and to `tests/temporal`)."""
    m = _RULE.fullmatch(rule)
    if not m:
        raise HolidayRuleError(f"holiday rule {rule!r} is not 'MM-DD', 'MM-DD:TH(+4)', 'easter[+-N]' or 'CC:Name'")
    if calendars and m.group("country"):
        _country_days(m.group("country"), 2000)  # an unknown country code fails here, with its name


def day_of_holiday(rule: str, year: int) -> date | None:
    """The day `rule` gives in `year`; None when that calendar has no such holiday that year."""
    m = _RULE.fullmatch(rule)
    if m is None:
        raise HolidayRuleError(f"holiday rule {rule!r} is not understood")
    try:
        if m.group("month"):
            day = date(year, int(m.group("month")), int(m.group("day")))
            if m.group("wd"):
                day += relativedelta(weekday=Weekday(_WEEKDAYS.index(m.group("wd")), int(m.group("n"))))
            return day
        if rule.startswith("easter"):
            return easter(year) + timedelta(days=int(m.group("offset") or 0))
    except ValueError:
        return None
    return _country_days(m.group("country"), year).get(m.group("name"))


@functools.lru_cache(maxsize=256)
def _country_days(country: str, year: int) -> dict[str, date]:
    """{English holiday name: its first day} of a country's calendar in `year` (python-holidays)."""
    import holidays

    try:
        calendar = holidays.country_holidays(country, years=year, language="en_US")
    except NotImplementedError as exc:
        raise HolidayRuleError(f"python-holidays has no calendar for country {country!r}") from exc
    days: dict[str, date] = {}
    for day, names in sorted(calendar.items()):
        for name in names.split("; "):
            days.setdefault(name, day)
    return days
