"""The schedule of international meetings (`data/meetings.yaml`, read with PyYAML): summits with their days and
places, and which of them a document names.

An event mention reports a meeting when it is a CONSULT whose sentence or participants include the meeting's
organiser ("G20") or all its participants, and, when the meeting has a place, whose sentence names that place too:
"tatap muka Putin-Biden di G20 November di Bali" reports the G20 Bali summit of 2022; "pertemuan mendesak G7"
may report any G7 video conference. Undated documents are then dated from what they say about those days
(`linimasa.corpus.dating`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from ..model import Document, EventMention
from . import KnowledgeBaseError, load_yaml


@dataclass(frozen=True)
class Meeting:
    name: str
    start: date
    end: date
    organiser: str = ""
    participants: tuple[str, ...] = ()
    guests: tuple[str, ...] = ()  # who took part besides the organiser's members ("with Zelenskyy")
    place: str = ""
    place_aliases: tuple[str, ...] = field(default=())
    virtual: bool = False

    @property
    def place_names(self) -> tuple[str, ...]:
        return (self.place, *self.place_aliases) if self.place else ()


def _meeting(entry: dict, origin: str) -> Meeting:
    try:
        start = _day(entry["start"])
        end = _day(entry.get("end") or entry["start"])
        return Meeting(
            name=str(entry["name"]), start=start, end=end, organiser=str(entry.get("organiser") or ""),
            participants=tuple(entry.get("participants") or ()), guests=tuple(entry.get("guests") or ()),
            place=str(entry.get("place") or ""),
            place_aliases=tuple(entry.get("place_aliases") or ()), virtual=bool(entry.get("virtual")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeBaseError(f"{origin}: meeting {entry!r} needs a name and an ISO start date ({exc})") from exc


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@functools.cache
def meetings() -> tuple[Meeting, ...]:
    """Every meeting of the bundled schedule, by start date."""
    text = resources.files(__package__).joinpath("data", "meetings.yaml").read_text(encoding="utf-8")
    entries = load_yaml(text) or []
    return tuple(sorted((_meeting(e, "kb/data/meetings.yaml") for e in entries), key=lambda m: m.start))


def named_in(doc: Document) -> list[Meeting]:
    """The meetings whose organiser (or all of whose participants) `doc` names."""
    names = {e.name for e in doc.entities}
    return [m for m in meetings() if (m.organiser in names if m.organiser else set(m.participants) <= names)]


def reports(meeting: Meeting, sentence: str, names: set[str], mention: EventMention) -> bool:
    """Whether event `mention` in `sentence` (which names the entities `names`) is a report of `meeting`: a
    CONSULT whose participants or sentence include the organiser (or every participant), in the meeting's place
    when it has one."""
    if mention.type != "CONSULT":
        return False
    taking_part = set(mention.actors) | set(mention.targets) | names
    if meeting.organiser and meeting.organiser not in taking_part:
        return False
    if not meeting.organiser and not set(meeting.participants) <= taking_part:
        return False
    return not meeting.place_names or any(_says(sentence, p) for p in meeting.place_names)


def describe(meeting: Meeting) -> str:
    """How evidence names a meeting: "G7 leaders' emergency virtual meeting … (2022-10-11)"."""
    return f"{meeting.name} ({meeting.start.isoformat()})"


def join_guests(mention: EventMention, meeting: Meeting, names: set[str]) -> None:
    """Add to `mention` (a report of `meeting`) the meeting's guests that its document names (`names`)."""
    mention.actors += [g for g in meeting.guests if g in names and g not in mention.actors + mention.targets]


# Answers kept: the events stage asks the same question of a whole document once per event mention, which made a
# long document quadratic; a string's hash is computed once, so asking again is a lookup. Bounded, so the texts it
# holds on to are a few hundred at most.
SAYS_CACHE = 512


@functools.lru_cache(maxsize=SAYS_CACHE)
def _says(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None
