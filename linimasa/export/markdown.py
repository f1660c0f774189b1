"""Markdown timeline: one heading per date, one bullet per event with status and sources."""

from __future__ import annotations

from itertools import groupby

from ..model import Timeline


def timeline_markdown(timeline: Timeline, title: str = "Timeline", summaries: dict[str, list[str]] | None = None) -> str:
    """One heading per date, then the date's summary sentences (when given) and its events."""
    lines = [f"# {title}", ""]
    if not timeline.events:
        lines.append("_No events._")
    for day, events in groupby(timeline.events, key=lambda e: e.date):
        lines += [f"## {day}", ""]
        for sentence in (summaries or {}).get(day, []):
            lines.append(f"> {sentence}")
        if (summaries or {}).get(day):
            lines.append("")
        for e in events:
            who = ", ".join(e.participants)
            head = f"**{e.type}** ({e.status})" + (f" — {who}" if who else "")
            history = " → ".join(f"{h['status']} ({h['doc']})" for h in e.status_history)
            lines.append(f"- {head}: {e.summary}  \n  _sources: {', '.join(e.sources)}; history: {history}_"
                         + (f"  \n  _sources disagree: {'; '.join(e.conflicts)}_" if e.conflicts else ""))
        lines.append("")
    return "\n".join(lines)
