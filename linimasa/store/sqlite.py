"""SQLite store (Python's sqlite3 with FTS5): one file, idempotent, one transaction per document.

The queries are `linimasa.store.base.SQLStore`'s; here are the connection, the schema and the FTS5 index of
titles and texts (`documents_fts`).

Durability and concurrency are SQLite's: a write-ahead log (a `kill -9` loses at most the transaction in flight),
and write transactions that take the write lock when they begin (`BEGIN IMMEDIATE`), so that two runs writing to
one file wait for each other (up to `BUSY_TIMEOUT_S`) instead of both storing the same article. Storing or
replacing a document, with its check that the bytes are new, is one such transaction.
"""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from ..errors import StoreError
from .base import SCHEMA_VERSION, SQLStore

# How long a write waits for another process's write transaction: one document takes milliseconds and the
# cross-document steps write one document at a time, so a minute of waiting means the file is held by something
# else (a crashed tool, a long manual session); then the run stops with a StoreError that says so.
BUSY_TIMEOUT_S = 60.0
OPEN_RETRY_S = 0.1  # pause between two tries to open a file another run is creating at the same moment

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    content_sha256 TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    media_type TEXT NOT NULL,
    title TEXT,
    lang TEXT,
    published_date TEXT,
    published_source TEXT,
    published_confidence REAL,
    text TEXT NOT NULL,
    data TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS raw (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS event_mentions (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    date TEXT,
    status TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_mentions_doc ON event_mentions(doc_id);
CREATE TABLE IF NOT EXISTS fingerprints (
    doc_id TEXT PRIMARY KEY,
    day TEXT,
    minhash BLOB NOT NULL,
    vector BLOB,
    entities TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fingerprints_day ON fingerprints(day);
CREATE TABLE IF NOT EXISTS fingerprint_bands (band INTEGER NOT NULL, key INTEGER NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fingerprint_bands_key ON fingerprint_bands(band, key);
CREATE TABLE IF NOT EXISTS copies (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL,
    similarity REAL NOT NULL,
    method TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX IF NOT EXISTS doc_entities_entity ON doc_entities(entity_id);
CREATE TABLE IF NOT EXISTS skipped (
    source TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    bytes BLOB,
    skipped_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(doc_id UNINDEXED, title, text);
CREATE TABLE IF NOT EXISTS source_flags (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    flags TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fetch_state (
    url TEXT PRIMARY KEY,
    final_url TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    body_sha256 TEXT NOT NULL DEFAULT '',
    text_sha256 TEXT NOT NULL DEFAULT '',
    listed_date TEXT NOT NULL DEFAULT '',
    doc_id TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    fetched_at TEXT NOT NULL
);
"""

_SCHEMA_NAMES = set(re.findall(r"IF NOT EXISTS (\w+)", SCHEMA))


class SQLiteStore(SQLStore):
    """The default store.

    >>> store = SQLiteStore(":memory:")
    >>> store.count()
    0
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._depth = 0  # transactions open (nested ones join the outermost)
        # isolation_level None: no implicit BEGIN; `transaction` begins every write transaction itself
        self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        waited = 0.0
        while True:
            try:
                self._prepare()
                return
            except StoreError:
                raise
            except sqlite3.OperationalError as exc:
                # Two runs creating one file: switching it to WAL takes a lock that SQLite does not wait for
                if ("locked" in str(exc) or "busy" in str(exc)) and waited < BUSY_TIMEOUT_S:
                    time.sleep(OPEN_RETRY_S)
                    waited += OPEN_RETRY_S
                    continue
                raise StoreError(f"{self.path}: not a linimasa database ({exc}); pass another --db file") from exc
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: not a linimasa database ({exc}); pass another --db file") from exc

    def _prepare(self) -> None:
        self.db.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
        if not self._has_schema():  # checked first: opening a database in use needs no write lock
            with self.transaction():
                for statement in filter(str.strip, SCHEMA.split(";")):
                    self.db.execute(statement)
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def _has_schema(self) -> bool:
        """Every table and index of `SCHEMA` is there (a file that is no database fails here)."""
        names = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master")}
        return _SCHEMA_NAMES <= names and "meta" in names and self.db.execute(
            "SELECT 1 FROM meta WHERE key = 'schema_version'").fetchone() is not None

    def close(self) -> None:
        self.db.close()

    def _execute(self, sql: str, params: tuple | list = ()) -> Any:
        return self.db.execute(sql, params)

    def _executemany(self, sql: str, rows: list[tuple]) -> None:
        self.db.executemany(sql, rows)

    def _stream(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        return self.db.execute(sql, params)  # sqlite3 cursors fetch as they are iterated

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: commits on success, rolls back on an exception; one opened inside another joins
        it. The write lock is taken at `BEGIN`, so what is read inside (is this article stored yet?) still holds
        when it writes."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(f"{self.path}: locked by another process for over {BUSY_TIMEOUT_S:g} s ({exc}); "
                                 "wait for it to finish, or pass another --db") from exc
            raise
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.db.rollback()
            raise
        self._depth = 0
        self.db.commit()

    def _index_text(self, doc_id: str, title: str, text: str) -> None:
        self.db.execute("INSERT INTO documents_fts VALUES (?, ?, ?)", (doc_id, title, text))

    def _unindex_text(self, doc_id: str) -> None:
        self.db.execute("DELETE FROM documents_fts WHERE doc_id = ?", (doc_id,))

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(doc id, snippet) for an FTS5 query, best first."""
        try:
            return self.db.execute(
                "SELECT doc_id, snippet(documents_fts, 2, '[', ']', '…', 12) FROM documents_fts "
                "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r} ({exc}); quote phrases with double quotes") from exc
