"""Date bounds of a timeline: one check for the command line and the web API."""

from datetime import date

import pytest

from linimasa.temporal.bounds import bound_days


@pytest.mark.parametrize(("value", "days"), [
    ("2021", (date(2021, 1, 1), date(2021, 12, 31))),
    ("2021-02", (date(2021, 2, 1), date(2021, 2, 28))),
    (" 2024-02-29 ", (date(2024, 2, 29), date(2024, 2, 29))),
    ("", None),
])
def test_a_bound_covers_the_days_it_names(value, days):
    assert bound_days(value) == days


@pytest.mark.parametrize(("value", "says"), [
    ("June", "is not a date"), ("2021-W50", "is not a date"), ("21-12-30", "is not a date"),
    ("2021-02-30", "is not a calendar date"), ("2021-13", "is not a calendar date"),
])
def test_a_bound_that_names_no_day_says_what_to_write(value, says):
    with pytest.raises(ValueError, match=f"{says}: write YYYY, YYYY-MM or YYYY-MM-DD"):
        bound_days(value)


def test_the_command_line_and_the_web_give_the_same_reason():
    from linimasa.corpus.timeline import _bound
    from linimasa.errors import LinimasaError
    from linimasa.serve.params import BadParameter, check_date

    with pytest.raises(LinimasaError, match="--to '2021-02-30' is not a calendar date"):
        _bound("to", "2021-02-30")
    with pytest.raises(BadParameter) as web:
        check_date("to", "2021-02-30")
    assert web.value.detail == "to: '2021-02-30' is not a calendar date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-12-30)"
