"""CSV export against CSV injection (OWASP): cells a spreadsheet would run as formulas start with "'"."""

from __future__ import annotations

import csv
import io

import pytest

from linimasa.export import timeline_csv
from linimasa.export.tabular import COLUMNS
from tests.export.hostile import hostile_flags, hostile_timeline

# The fields that hostile_event fills with article text (participants start with it: the first one is hostile), and
# the source's flags ("<source> (copy of <document>, spam_removed)"), which start with the source.
TEXT_COLUMNS = ("participants", "location", "sources", "source_flags", "conflicts", "summary")


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(timeline_csv(hostile_timeline(text), hostile_flags(text)), newline="")))


@pytest.mark.parametrize("text", [  # one per character OWASP names: = + - @ tab, carriage return
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
])
def test_formula_text_is_neutralised_and_the_csv_still_parses(text):
    header, row = _rows(text)
    assert tuple(header) == COLUMNS and len(row) == len(COLUMNS)
    cells = dict(zip(COLUMNS, row))
    kept = text.replace("\r", "\n")  # a lone carriage return would end the row in a spreadsheet
    for column in TEXT_COLUMNS:
        assert cells[column].startswith("'" + kept), column  # the text itself is kept, after the quote
    assert cells["status_history"] == f"planned ({kept})"  # not at the start of its cell: no formula
    assert cells["source_flags"] == f"'{kept} (copy of {kept}, spam_removed)"


@pytest.mark.parametrize(("text", "cell"), [
    ("Joko Widodo", "Joko Widodo"),
    ("1+1=2 said the minister", "1+1=2 said the minister"),
    ("'=already quoted", "'=already quoted"),
    ("Putin spoke.\rBiden listened.", "Putin spoke.\nBiden listened."),
    ("Putin spoke.\r\nBiden listened.", "Putin spoke.\nBiden listened."),
])
def test_plain_text_dates_and_numbers_are_left_as_they_are(text, cell):
    header, row = _rows(text)
    assert len(row) == len(COLUMNS)
    cells = dict(zip(COLUMNS, row))
    assert cells["summary"] == cell
    assert (cells["date"], cells["salience"], cells["independent_sources"]) == ("2022-01-10", "2.5", "1")
