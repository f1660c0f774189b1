"""TimelineJS export: every field TimelineJS shows as HTML has the article's text escaped."""

from __future__ import annotations

import html
import re

import pytest

from linimasa.export import timeline_timelinejs
from tests.export.hostile import hostile_flags, hostile_timeline

OWN_TAGS = re.compile(r"</?(p|em)>")  # the only markup the export writes itself


def _strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, str):
        yield value


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</p><iframe src=javascript:alert(1)>",
])
@pytest.mark.parametrize("date", ["2022-01-10", "2022-01"])  # a month shows its own display_date
def test_hostile_text_is_escaped_in_every_field(text, date):
    out = timeline_timelinejs(hostile_timeline(text, date=date, status=text), title=text, flags=hostile_flags(text))
    for value in _strings(out):
        assert "<" not in OWN_TAGS.sub("", value), value
    (slide,) = out["events"]
    assert text in html.unescape(slide["text"]["text"]) and text in html.unescape(slide["text"]["headline"])
    assert html.unescape(out["title"]["text"]["headline"]) == text
    assert f"Sources: {text} (copy of {text}, spam_removed)" in html.unescape(slide["text"]["text"])
