from datetime import date

import pytest

from linimasa.temporal.holidays import HolidayRuleError, check, day_of_holiday


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ("12-25", 1999, date(1999, 12, 25)),
        ("11-01:TH(+4)", 1999, date(1999, 11, 25)),  # Thanksgiving: the fourth Thursday of November
        ("11-02:TU(+1)", 1998, date(1998, 11, 3)),  # US Election Day: the Tuesday after the first Monday
        ("05-31:MO(-1)", 2000, date(2000, 5, 29)),  # Memorial Day: the last Monday of May
        ("easter", 2000, date(2000, 4, 23)),
        ("easter-2", 2022, date(2022, 4, 15)),  # Good Friday
        ("ID:Eid al-Fitr", 2022, date(2022, 5, 2)),  # a lunar holiday: python-holidays' Indonesian calendar
        ("ID:Eid al-Fitr", 2021, date(2021, 5, 13)),
    ],
)
def test_the_day_a_rule_gives(rule, year, expected):
    assert day_of_holiday(rule, year) == expected


def test_a_day_that_does_not_exist_that_year_is_none():
    assert day_of_holiday("02-29", 2021) is None


@pytest.mark.parametrize("rule", ["25 December", "easter+x", "XX:Christmas", "11-01:TH(4)"])
def test_a_rule_that_cannot_be_read_is_named_in_the_error(rule):
    with pytest.raises(HolidayRuleError, match="holiday rule|no calendar"):
        check(rule, calendars=True)


def test_every_holiday_rule_of_every_language_file_has_its_calendar():
    from linimasa import lang

    for code in lang.available():
        for rule in lang.load(code).get("timex", {}).get("holidays", {}).values():
            check(rule, calendars=True)
