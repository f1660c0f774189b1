"""iCalendar export: article text cannot add properties or events (the icalendar package escapes TEXT values)."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from linimasa.export import timeline_ics
from tests.export.hostile import hostile_flags, hostile_timeline

INJECTIONS = [
    "<script>alert(1)</script>",
    "Putin spoke.\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned\r\nDTSTART:20200101",
    "Putin spoke.\nATTACH:http://evil.example/x.exe",
    "Putin spoke.\rBEGIN:VALARM\rTRIGGER:-PT5M\rEND:VALARM",
    "a;b,c\\d:e",
]


@pytest.mark.parametrize("text", INJECTIONS)
def test_hostile_text_stays_one_value_of_one_event(text):
    ics = timeline_ics(hostile_timeline(text), flags=hostile_flags(text))
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert set(event) == {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "STATUS", "LOCATION"}
    assert not event.subcomponents
    assert str(event["LOCATION"]) == text.replace("\r\n", "\n").replace("\r", "\n")
    assert str(event["DESCRIPTION"]).startswith(str(event["LOCATION"]))
    unfolded = ics.replace(b"\r\n ", b"").split(b"\r\n")
    assert [line for line in unfolded if line.startswith(b"BEGIN:")] == [b"BEGIN:VCALENDAR", b"BEGIN:VEVENT"]
