"""CSV timeline (Python's csv module): one row per event, lists joined with "; "."""

from __future__ import annotations

import csv
import io

from ..model import Timeline

COLUMNS = ("date", "type", "mode", "status", "participants", "location", "sources", "independent_sources",
           "salience", "status_history", "conflicts", "summary")


def timeline_csv(timeline: Timeline) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in timeline.events:
        history = "; ".join(f"{h['status']} ({h['doc']})" for h in e.status_history)
        writer.writerow([e.date, e.type, e.mode, e.status, "; ".join(e.participants), e.location, "; ".join(e.sources),
                         e.independent_sources, e.salience, history, "; ".join(e.conflicts), e.summary])
    return out.getvalue()
