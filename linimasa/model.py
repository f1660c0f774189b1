"""The data model every stage shares: Document and what is found in it, Event and Timeline across documents.

Offsets (`Span.start`, `Span.end`) always point into `Document.text`, the cleaned body. Nothing found is `[]`,
never `None`. `to_dict` / `from_dict` turn any of these into JSON-ready dicts and back (raw bytes and decoded input excluded).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of `Document.text`: `text == doc.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass
class RemovedLine:
    """A line of the input that is not article body, with the reason it was dropped (nothing is lost)."""

    line: int
    text: str
    reason: str


@dataclass
class Published:
    """When the document was published and how that was found (`page`, `metadata`, `url`, `field`, `inferred` …)."""

    date: str
    source: str
    confidence: float
    evidence: str = ""


@dataclass
class Sentence:
    span: Span


@dataclass
class Timex:
    """A time expression with its TIMEX3 type (DATE/TIME/DURATION/SET), value and optional mod (START, END …)."""

    span: Span
    type: str
    value: str
    mod: str = ""
    anchor: str = ""
    rule: str = ""
    point: str = ""  # for a DURATION counted from the date before it ("three days later"), the date it reaches

    def calendar(self) -> str:
        """The calendar value this expression dates things by: a DATE's or TIME's value ("2021-12-06", or
        "PAST_REF"), a counted duration's `point`; "" for other durations and sets."""
        return self.value if self.type in ("DATE", "TIME") else self.point


@dataclass
class Mention:
    """A span that names an entity, with the role cue around it ("Presiden", "juru bicara Kremlin").

    `removed_line` >= 0: the mention is in `Document.removed[removed_line]` (a photo credit, a related-article
    link), and `span` points into that line's text instead of the body.
    """

    span: Span
    type: str
    entity_id: str = ""
    role: str = ""
    removed_line: int = -1


@dataclass
class Entity:
    """Who or what a document (or corpus) names: canonical name, type, the forms seen, roles, mention count.

    `id` is a knowledge-base id (`kb:vladimir-putin`) or, for a name the knowledge base lacks, `name:<slug>`.
    """

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str = ""
    roles: list[str] = field(default_factory=list)
    count: int = 0


@dataclass
class EventMention:
    """One report of an event in one sentence, with its evidence and the cue that set its status."""

    doc_id: str
    sentence: int
    span: Span
    type: str
    trigger: str
    date: str
    date_source: str  # "timex" (its own time expression), "published", "linked" (the event another source dates),
    # "schedule" (a scheduled meeting it reports), "story" (the day its article named a few sentences before),
    # "background" (told as background before its dated report, when not said: left undated), "" (no date known)
    status: str
    status_cue: str = ""
    trigger_span: Span | None = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: str = ""
    mode: str = ""
    source: str = ""
    confidence: float = 0.5
    date_text: str = ""  # the words that date it: its time expression, or the meeting it reports
    date_absolute: bool = False  # its date is stated in full in the text ("7 Desember 2021"), not relative
    date_deictic: bool = False  # its date is counted from the day of writing ("hari ini", "kemarin")
    lang: str = ""  # its document's language: the confidence threshold that shows it is that language's by default
    # What the events stage's classifiers decide on (trigger, syntax, cues); not stored, let go once they decided
    # (kept when the models are off, for training: `train/events.py`).
    features: dict[str, float] = field(default_factory=dict, repr=False, compare=False)
    # The names and nouns of its sentence that could be its actor or target where the rules found none ("actor",
    # "target" -> [(name, features)], `linimasa.events.options`); let go like `features`.
    role_options: dict[str, list[tuple[str, dict[str, float]]]] = field(default_factory=dict, repr=False,
                                                                         compare=False)


@dataclass
class Document:
    """One article as it moves through the stages.

    `raw` holds the input bytes exactly as read, `content` their decoded text; neither goes into `to_dict`.
    """

    id: str
    source: str
    media_type: str
    content_sha256: str
    raw: bytes = b""
    content: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    title: str | None = None
    text: str = ""
    removed: list[RemovedLine] = field(default_factory=list)
    lang: str | None = None
    lang_confidence: float = 0.0
    published: Published | None = None
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    event_mentions: list[EventMention] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character `offset` (-1 when none does)."""
        i = bisect.bisect_right([s.span.start for s in self.sentences], offset) - 1
        return i if i >= 0 and offset < self.sentences[i].span.end else -1


@dataclass
class Event:
    """One real-world event merged from one or more mentions, possibly across documents."""

    id: str
    date: str
    type: str
    participants: list[str]
    status: str
    location: str = ""
    mode: str = ""
    status_history: list[dict[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    summary: str = ""
    evidence: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    salience: float = 0.0
    conflicts: list[str] = field(default_factory=list)  # what sources disagree on ("date: 2021-12-07 / 2021-12-08")
    independent_sources: int = 0  # sources that are not copies of one another (see corpus.dedupe)


@dataclass
class Timeline:
    events: list[Event] = field(default_factory=list)


_NOT_SERIALISED = {"raw", "content", "features", "role_options"}


def to_dict(obj: Any) -> Any:
    """Any model object as plain JSON-ready data; `Document.raw` and `.content` are left out (the store keeps the bytes)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj) if f.name not in _NOT_SERIALISED}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def to_json(obj: Any) -> str:
    """`json.dumps(to_dict(obj))`, without the whole plain copy first: the encoder asks for each model object's
    fields only when it reaches it (the copy of a 2.4 MB one-line page was ~50 MiB at once).

    >>> to_json(Span(0, 4, "Kyiv"))
    '{"start": 0, "end": 4, "text": "Kyiv"}'
    """
    return json.dumps(obj, ensure_ascii=False, default=_fields)


def _fields(obj: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj) if f.name not in _NOT_SERIALISED}
    raise TypeError(f"{type(obj).__name__} is not a linimasa model object and cannot be written as JSON")


def from_dict(cls: type, data: Any) -> Any:
    """Rebuild a model object of class `cls` from `to_dict` output."""
    return _build(cls, data, False)


def from_json(cls: type, text: str | bytes) -> Any:
    """Rebuild a model object of class `cls` from `to_json` output. The parsed data is turned into objects in place
    as it goes, each part let go once built, so a long document is never held twice (that was +40 MiB for a
    2.4 MB one-line page read back from the store).

    >>> from_json(Span, '{"start": 0, "end": 4, "text": "Kyiv"}')
    Span(start=0, end=4, text='Kyiv')
    """
    return _build(cls, json.loads(text), True)


def _build(tp: Any, data: Any, consume: bool) -> Any:
    """`data` as an object of type `tp`; with `consume`, `data`'s lists and dicts are emptied or reused as it goes."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(inner[0], data, consume)
    if origin is list:
        (item,) = typing.get_args(tp)
        if not consume:
            return [_build(item, x, False) for x in data]
        for i, x in enumerate(data):
            data[i] = _build(item, x, True)
        return data
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        if not consume:
            return tp(**{k: _build(hints[k], v, False) for k, v in data.items() if k in hints})
        values = {}
        for k in list(data):
            v = data.pop(k)
            if k in hints:
                values[k] = _build(hints[k], v, True)
        return tp(**values)
    return data


@functools.cache
def _hints(tp: type) -> dict[str, Any]:
    """A dataclass's field types (resolving them is slow: documents are read back by the thousand)."""
    return typing.get_type_hints(tp)
