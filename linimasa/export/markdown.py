"""Markdown timeline: one heading per date, one bullet per event with status and sources."""

from __future__ import annotations

from itertools import groupby

from ..model import Timeline


def timeline_markdown(timeline: Timeline, title: str = "Timeline") -> str:
    lines = [f"# {title}", ""]
    if not timeline.events:
        lines.append("_No events._")
    for day, events in groupby(timeline.events, key=lambda e: e.date):
        lines += [f"## {day}", ""]
        for e in events:
            who = ", ".join(e.participants)
            head = f"**{e.type}** ({e.status})" + (f" — {who}" if who else "")
            lines.append(f"- {head}: {e.summary}  \n  _sources: {', '.join(e.sources)}_")
        lines.append("")
    return "\n".join(lines)
