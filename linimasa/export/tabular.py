"""CSV timeline (Python's csv module): one row per event, lists joined with "; "."""

from __future__ import annotations

import csv
import io
import re

from ..model import Timeline
from .sources import SourceFlags, source_labels

COLUMNS = ("date", "type", "mode", "status", "participants", "location", "sources", "independent_sources",
           "source_flags", "salience", "status_history", "conflicts", "summary")

# OWASP's CSV injection rule: a spreadsheet reads a cell starting with one of these as a formula (or, for tab and
# carriage return, strips them and reads what follows), so article text like '=HYPERLINK(...)' would run.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows end in "\n" (the CLI's text output turns it into the platform's line end). The csv module then quotes a cell
# holding "\n" but not one holding a lone "\r", which spreadsheets read as the end of a row, so a cell's line breaks
# are written as "\n".
CARRIAGE_RETURN = re.compile(r"\r\n?")


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would read as a formula, prefixed with "'" (OWASP), its line breaks as "\\n";
    numbers are left as they are.

    >>> neutralise('=HYPERLINK("http://x","y")'), neutralise("Jakarta"), neutralise(-1.5)
    ('\\'=HYPERLINK("http://x","y")', 'Jakarta', -1.5)
    """
    if not isinstance(cell, str):
        return cell
    if cell.startswith(FORMULA_STARTS):
        cell = "'" + cell
    return CARRIAGE_RETURN.sub("\n", cell)


def timeline_csv(timeline: Timeline, flags: SourceFlags | None = None) -> str:
    """One row per event; `source_flags` holds each source with its quality flags ("004 (spam_removed); 002")
    when `flags` (document id -> its flags) are given, else is empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in timeline.events:
        history = "; ".join(f"{h['status']} ({h['doc']})" for h in e.status_history)
        flagged = "; ".join(source_labels(e.sources, flags)) if flags is not None else ""
        row = [e.date, e.type, e.mode, e.status, "; ".join(e.participants), e.location, "; ".join(e.sources),
               e.independent_sources, flagged, e.salience, history, "; ".join(e.conflicts), e.summary]
        writer.writerow([neutralise(cell) for cell in row])
    return out.getvalue()
