"""A timeline event whose every text field carries what an article could smuggle in (HTML, Markdown, formulas)."""

from __future__ import annotations

from linimasa.model import Event, Timeline
from linimasa.sources import Flag


def hostile_event(text: str, date: str = "2022-01-10", status: str = "planned") -> Event:
    """An event with `text` as its evidence sentence, first participant, location, source, conflict and the document
    of its status history; the id, date, type and status are the project's own."""
    return Event(id="e1", date=date, type="meet", participants=[text, "Vladimir Putin"], status=status,
                 location=text, mode="phone", status_history=[{"status": status, "doc": text}], sources=[text],
                 summary=text, conflicts=[text], salience=2.5, independent_sources=1)


def hostile_timeline(text: str, **kwargs) -> Timeline:
    return Timeline(events=[hostile_event(text, **kwargs)])


def hostile_flags(text: str) -> dict[str, list[Flag]]:
    """The hostile event's source flagged as a copy of a document named `text` too (a file name is the article's
    to choose), with a spam line removed."""
    return {text: [Flag("copy", f"copy of {text}", 1, [text]), Flag("spam_removed", "1 spam line(s) removed", 1,
                                                                     [f"line 3: {text}"])]}
