"""SQLite store (Python's sqlite3 with FTS5): one file, idempotent, one transaction per document.

The queries are `linimasa.store.base.SQLStore`'s; here are the connection, the schema and the FTS5 index of
titles and texts (`documents_fts`).
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Iterator

from ..errors import StoreError
from .base import SCHEMA_VERSION, SQLStore

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
"""


class SQLiteStore(SQLStore):
    """The default store.

    >>> store = SQLiteStore(":memory:")
    >>> store.count()
    0
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            self.db.commit()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a linimasa database ({exc}); pass another --db file") from exc

    def close(self) -> None:
        self.db.close()

    def _execute(self, sql: str, params: tuple | list = ()) -> Any:
        return self.db.execute(sql, params)

    def _executemany(self, sql: str, rows: list[tuple]) -> None:
        self.db.executemany(sql, rows)

    def _stream(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        return self.db.execute(sql, params)  # sqlite3 cursors fetch as they are iterated

    def transaction(self) -> AbstractContextManager:
        return self.db  # commits on success, rolls back on an exception

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
