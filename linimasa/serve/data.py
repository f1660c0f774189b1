"""What the server reads from and writes to one database: a cached snapshot of the stored timeline, documents and
entities (rebuilt when the SQLite file changes), single documents, full-text search, and ingest through
`linimasa.process` (the path `linimasa run` takes).

SQLite connections belong to the thread that opened them and FastAPI answers in a pool of threads, so every call
opens the store, reads and closes it (`linimasa.store.open_store`); the costly work, building the timeline, is done
once per version of the database.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..api import process
from ..corpus.entities import CorpusEntity, merge_entities
from ..corpus.timeline import stored_timeline
from ..model import Document, Event, Timeline
from ..settings import Context
from ..sources.flags import Flag, stored_flags
from ..store import SQLStore, open_store
from ..store.postgres import is_url

log = logging.getLogger(__name__)

# A PostgreSQL database (shared by many writers) is read again at most this often; a SQLite file when it changes.
SHARED_DB_RECHECK_S = 30
# Timelines kept per confidence threshold: the default one, plus a few that API users asked for.
CACHED_THRESHOLDS = 4
# Fields of a posted article that go into the JSONL file handed to the pipeline (what the JSONL reader reads).
ARTICLE_FIELDS = ("id", "title", "url", "date", "text", "html")


@dataclass
class DocumentSummary:
    """What lists and source references show of a document, without its text."""

    id: str
    title: str
    source: str
    url: str
    lang: str
    published: str
    published_source: str
    copy_of: str = ""
    events: list[str] = field(default_factory=list)  # ids of the timeline events it reports

    @property
    def label(self) -> str:
        """The title, or the file name when the page had none."""
        return self.title or Path(self.source).name or self.id


@dataclass
class Snapshot:
    """One version of the database, as the pages and the API show it."""

    timeline: Timeline
    documents: list[DocumentSummary]
    entities: list[CorpusEntity]
    copies: dict[str, str]
    flags: dict[str, list[Flag]] = field(default_factory=dict)  # document id -> its source-quality flags

    def __post_init__(self) -> None:
        self.by_doc = {d.id: d for d in self.documents}
        self.by_event = {e.id: e for e in self.timeline.events}
        for e in self.timeline.events:
            for doc_id in e.sources:
                if doc_id in self.by_doc:
                    self.by_doc[doc_id].events.append(e.id)

    def event(self, event_id: str) -> Event | None:
        return self.by_event.get(event_id)


def safe_url(value: str) -> str:
    """`value` when it is an http(s) address, else "" (a `javascript:` or `data:` source never becomes a link)."""
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else ""


def _summary(doc: Document, copies: dict[str, str]) -> DocumentSummary:
    published = doc.published
    return DocumentSummary(
        id=doc.id, title=doc.title or "", source=doc.source, url=safe_url(str(doc.meta.get("url", "")) or doc.source),
        lang=doc.lang or "", published=published.date if published else "",
        published_source=published.source if published else "", copy_of=copies.get(doc.id, ""))


class Library:
    """The database the server shows (a SQLite file or a PostgreSQL URL, as `open_store` takes). `token` (from
    LINIMASA_TOKEN) allows writes; without it the server is read-only."""

    def __init__(self, db: str | Path, token: str = "", settings: dict[str, Any] | None = None):
        self.db = str(db)
        self.token = token
        self.settings = dict(settings or {})
        self.context = Context.create(self.settings)
        self._lock = threading.Lock()  # one snapshot build and one ingest at a time
        self._version: tuple = ()
        self._snapshot: Snapshot | None = None
        self._timelines: dict[float | None, Timeline] = {}

    @property
    def min_confidence(self) -> float | None:
        return self.context.get("min_confidence")

    @contextmanager
    def store(self) -> Iterator[SQLStore]:
        store = open_store(self.db)
        try:
            yield store
        finally:
            store.close()

    def _file_version(self) -> tuple:
        """What changes when anything is written: size and time of the SQLite file and of its write-ahead log; for
        a PostgreSQL database, which has no file to look at, the clock's current `SHARED_DB_RECHECK_S` slot."""
        if is_url(self.db):
            return (int(time.monotonic() // SHARED_DB_RECHECK_S),)
        out = []
        for path in (self.db, self.db + "-wal"):
            try:
                info = os.stat(path)
                out.append((info.st_mtime_ns, info.st_size))
            except FileNotFoundError:
                out.append(None)
        return tuple(out)

    def snapshot(self) -> Snapshot:
        """The current snapshot, rebuilt when the database file has changed since the last one."""
        with self._lock:
            version = self._file_version()
            if self._snapshot is None or version != self._version:
                self._snapshot = self._build()
                self._timelines = {self.min_confidence: self._snapshot.timeline}
                self._version = self._file_version()  # opening the store may have touched the file
            return self._snapshot

    def _build(self) -> Snapshot:
        with self.store() as store:
            copies = store.copies()
            timeline = stored_timeline(store, self.context.get("max_event_gap_days"), self.min_confidence)
            documents = [_summary(d, copies) for d in store.documents()]
            entities = merge_entities(store.doc_entities())
            flags = stored_flags(store)  # computed and kept for documents that have none yet
        return Snapshot(timeline, documents, entities, copies, flags)

    def timeline(self, min_confidence: float | None = None) -> Timeline:
        """The whole stored timeline at a confidence threshold (default: the min_confidence setting)."""
        snapshot = self.snapshot()
        if min_confidence is None or min_confidence == self.min_confidence:
            return snapshot.timeline
        with self._lock:
            if min_confidence not in self._timelines:
                if len(self._timelines) >= CACHED_THRESHOLDS:
                    self._timelines = {self.min_confidence: snapshot.timeline}
                with self.store() as store:
                    self._timelines[min_confidence] = stored_timeline(
                        store, self.context.get("max_event_gap_days"), min_confidence)
            return self._timelines[min_confidence]

    def document(self, doc_id: str) -> Document | None:
        with self.store() as store:
            return store.document(doc_id)

    def search(self, query: str, limit: int) -> list[tuple[str, str]]:
        """(doc id, snippet) of an FTS5 query; raises StoreError on a malformed query."""
        with self.store() as store:
            return store.search(query, limit)

    def event_mentions(self) -> list:
        with self.store() as store:
            return list(store.event_mentions())

    def ingest(self, articles: list[dict[str, Any]]) -> dict[str, Any]:
        """Run `articles` (dicts with `text` or `html`, optional `id`, `title`, `url`, `date`) through the pipeline
        into the database, as `linimasa run` would run a JSONL file of them."""
        with self._lock, tempfile.TemporaryDirectory(prefix="linimasa-post-") as folder:
            path = Path(folder) / "posted.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for article in articles:
                    record = {k: article[k] for k in ARTICLE_FIELDS if article.get(k)}
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
            corpus = process([path], db=self.db, settings=self.settings)
            corpus.store.close()
            self._snapshot = None
        summary = corpus.summary
        log.info("ingested %d posted article(s): %s", len(articles), "; ".join(summary.lines()))
        return {"documents": corpus.ids, "stored": summary.stored, "already_stored": summary.already_stored,
                "skipped": [reason for _, reason in summary.skipped],
                "problems": [{"document": d, "problem": p} for d, p in summary.problems]}
