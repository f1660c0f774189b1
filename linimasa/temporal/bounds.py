"""Date bounds a user gives a timeline (`linimasa timeline --from/--to`, the web API's `from`/`to`): YYYY, YYYY-MM or
YYYY-MM-DD naming a real year, month or day, read as the days they cover (`linimasa.corpus.link.day_range`). One
check for the command line and the web, each of which words the error its own way."""

from __future__ import annotations

import re
from datetime import date

from ..corpus.link import day_range

DATE_BOUND = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")  # what a bound may be written as
WRITE = "write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-12-30)"


def bound_days(value: str) -> tuple[date, date] | None:
    """The first and last day bound `value` covers; None when none is given (""). Raises ValueError saying what to
    write when `value` is not a date ("June") or names no day of the calendar ("2021-02-30")."""
    value = value.strip()
    if not value:
        return None
    if not DATE_BOUND.fullmatch(value):
        raise ValueError(f"{value!r} is not a date: {WRITE}")
    days = day_range(value)
    if days is None:
        raise ValueError(f"{value!r} is not a calendar date: {WRITE}")
    return days
