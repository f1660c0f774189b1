"""Markdown timeline: one heading per date, one bullet per event with status and sources.

Every piece of text that comes from the data (titles, evidence, names, cues, sources) goes through `inert` first, so
HTML or Markdown links written into an article stay text when the file is rendered.
"""

from __future__ import annotations

import html
import re
from itertools import groupby

from ..model import Timeline
from .sources import SourceFlags, source_labels

# Markdown punctuation that could turn article text into a link or image ([x](url), ![x](url)), code or emphasis;
# backslash first so the escapes added for the others are not escaped again.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]()!])")
# A line break inside one field would end the bullet and let the rest start a heading, list or link definition.
LINE_BREAK = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def inert(text: object) -> str:
    """`text` as Markdown that renders as exactly that text: HTML escaped (<, >, &), Markdown punctuation
    backslash-escaped, line breaks folded to spaces.

    >>> inert('<img src=x onerror=alert(1)> [x](javascript:alert(1))')
    '&lt;img src=x onerror=alert\\\\(1\\\\)&gt; \\\\[x\\\\]\\\\(javascript:alert\\\\(1\\\\)\\\\)'
    """
    text = LINE_BREAK.sub(" ", str(text))
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


UNDATED = "Undated (told without a date of its own)"  # the heading of events no article dates: they come last


def timeline_markdown(timeline: Timeline, title: str = "Timeline", summaries: dict[str, list[str]] | None = None,
                      flags: SourceFlags | None = None) -> str:
    """One heading per date, then the date's summary sentences (when given) and its events; with `flags`
    (document id -> its quality flags) each source is followed by its flags."""
    lines = [f"# {inert(title)}", ""]
    if not timeline.events:
        lines.append("_No events._")
    for day, events in groupby(timeline.events, key=lambda e: e.date):
        lines += [f"## {inert(day) or UNDATED}", ""]
        for sentence in (summaries or {}).get(day, []):
            lines.append(f"> {inert(sentence)}")
        if (summaries or {}).get(day):
            lines.append("")
        for e in events:
            who = ", ".join(inert(p) for p in e.participants)
            head = f"**{inert(e.type)}** ({inert(e.status)})" + (f" — {who}" if who else "")
            history = " → ".join(f"{inert(h['status'])} ({inert(h['doc'])})" for h in e.status_history)
            sources = ", ".join(inert(s) for s in source_labels(e.sources, flags))
            conflicts = "; ".join(inert(c) for c in e.conflicts)
            lines.append(f"- {head}: {inert(e.summary)}  \n  _sources: {sources}; history: {history}_"
                         + (f"  \n  _sources disagree: {conflicts}_" if e.conflicts else ""))
        lines.append("")
    return "\n".join(lines)
