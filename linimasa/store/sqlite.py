"""SQLite store (Python's sqlite3 with FTS5): one file, idempotent, one transaction per document.

Raw input is kept byte for byte (`raw` table); the processed Document is kept as JSON plus the columns that
queries need; `documents_fts` indexes title and text for full-text search; skipped inputs are kept with the reason.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..errors import StoreError
from ..model import Document, Entity, EventMention, Published, from_dict, to_dict

SCHEMA_VERSION = 2

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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SQLiteStore:
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

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_content(self, content_sha256: str) -> str | None:
        """Id of the stored document with these exact raw bytes, if any."""
        row = self.db.execute("SELECT id FROM documents WHERE content_sha256 = ?", (content_sha256,)).fetchone()
        return row[0] if row else None

    def free_id(self, doc_id: str, content_sha256: str) -> str:
        """`doc_id`, or `doc_id-<hash prefix>` when another document already uses that id."""
        taken = self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return f"{doc_id}-{content_sha256[:8]}" if taken else doc_id

    def put(self, doc: Document) -> bool:
        """Store `doc` in one transaction; False (and nothing written) when its raw bytes are already stored."""
        if self.has_content(doc.content_sha256):
            return False
        doc.id = self.free_id(doc.id, doc.content_sha256)
        published = doc.published
        with self.db:
            self.db.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id, doc.content_sha256, doc.source, doc.media_type, doc.title, doc.lang,
                    published.date if published else None, published.source if published else None,
                    published.confidence if published else None, doc.text,
                    json.dumps(to_dict(doc), ensure_ascii=False), _now(),
                ),
            )
            self.db.execute("INSERT INTO raw VALUES (?, ?)", (doc.id, doc.raw))
            self.db.execute("INSERT INTO documents_fts VALUES (?, ?, ?)", (doc.id, doc.title or "", doc.text))
            self.db.executemany(
                "INSERT INTO event_mentions (doc_id, type, date, status, data) VALUES (?,?,?,?,?)",
                [(doc.id, m.type, m.date, m.status, json.dumps(to_dict(m), ensure_ascii=False))
                 for m in doc.event_mentions],
            )
            self.db.executemany(
                "INSERT INTO doc_entities VALUES (?,?,?,?,?,?)",
                [(doc.id, e.id, e.name, e.type, e.count, json.dumps(to_dict(e), ensure_ascii=False))
                 for e in doc.entities],
            )
            self.db.execute("DELETE FROM skipped WHERE source = ?", (doc.source,))
        return True

    def replace(self, doc: Document) -> None:
        """Store `doc` again in place of the stored document with its id (after a later step changed it)."""
        if not doc.raw:
            doc.raw = self.raw(doc.id) or b""  # a document read back from the store carries no raw bytes
        with self.db:
            self.db.execute("DELETE FROM documents_fts WHERE doc_id = ?", (doc.id,))
            self.db.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
        self.put(doc)

    def put_copy(self, doc_id: str, original_id: str, similarity: float, method: str) -> None:
        """Record that `doc_id` copies `original_id` (a repost, a wire copy, a translation)."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO copies VALUES (?, ?, ?, ?)", (doc_id, original_id, similarity, method))

    def put_fingerprint(self, doc_id: str, day: str, minhash: bytes, vector: bytes | None, entities: list[str],
                        bands: list[tuple[int, int]]) -> None:
        """Keep what finds copies of an article: its MinHash (and the LSH band keys it files under), its
        embedding, day and entities (see `linimasa.corpus.dedupe`)."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO fingerprints VALUES (?, ?, ?, ?, ?)",
                            (doc_id, day or None, minhash, vector, json.dumps(entities)))
            self.db.executemany("INSERT INTO fingerprint_bands VALUES (?, ?, ?)", [(b, k, doc_id) for b, k in bands])

    def band_matches(self, bands: list[tuple[int, int]]) -> list[str]:
        """Articles filed under any of these LSH band keys, by id."""
        found: set[str] = set()
        for band, key in bands:
            found.update(i for (i,) in self.db.execute(
                "SELECT doc_id FROM fingerprint_bands WHERE band = ? AND key = ?", (band, key)))
        return sorted(found)

    def fingerprint(self, doc_id: str) -> tuple[str, bytes, bytes | None, list[str]] | None:
        """(day, MinHash values, embedding, entities) of an article."""
        row = self.db.execute("SELECT day, minhash, vector, entities FROM fingerprints WHERE doc_id = ?",
                              (doc_id,)).fetchone()
        return (row[0] or "", row[1], row[2], json.loads(row[3])) if row else None

    def fingerprints_between(self, first_day: str, last_day: str) -> Iterator[tuple[str, str, bytes | None, list[str]]]:
        """(id, day, embedding or None when not computed yet, entities) of the articles published between two days."""
        rows = self.db.execute("SELECT doc_id, day, vector, entities FROM fingerprints WHERE day BETWEEN ? AND ? "
                               "ORDER BY doc_id", (first_day, last_day))
        for doc_id, day, vector, entities in rows:
            yield doc_id, day, vector, json.loads(entities)

    def put_vector(self, doc_id: str, vector: bytes) -> None:
        """Keep the embedding of an article filed without one (it is computed when a candidate copy shows up)."""
        with self.db:
            self.db.execute("UPDATE fingerprints SET vector = ? WHERE doc_id = ?", (vector, doc_id))

    def original_of(self, doc_id: str) -> str:
        """The article `doc_id` copies, or itself."""
        row = self.db.execute("SELECT original_id FROM copies WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else doc_id

    def copies(self) -> dict[str, str]:
        """Document id -> the document it copies, for every copy found."""
        return dict(self.db.execute("SELECT doc_id, original_id FROM copies"))

    def put_skipped(self, source: str, reason: str, raw: bytes = b"") -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?)", (source, reason, raw or None, _now())
            )

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def documents(self) -> Iterator[Document]:
        """Every stored document in id order (without raw bytes; see `raw`)."""
        for (data,) in self.db.execute("SELECT data FROM documents ORDER BY id"):
            yield from_dict(Document, json.loads(data))

    def document(self, doc_id: str) -> Document | None:
        row = self.db.execute("SELECT data FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return from_dict(Document, json.loads(row[0])) if row else None

    def raw(self, doc_id: str) -> bytes | None:
        row = self.db.execute("SELECT bytes FROM raw WHERE doc_id = ?", (doc_id,)).fetchone()
        return bytes(row[0]) if row else None

    def event_mentions(self) -> Iterator[EventMention]:
        for (data,) in self.db.execute("SELECT data FROM event_mentions ORDER BY doc_id, id"):
            yield from_dict(EventMention, json.loads(data))

    def published(self) -> dict[str, Published]:
        """Document id -> its publication date, for every stored document that has one."""
        rows = self.db.execute("SELECT id, published_date, published_source, published_confidence FROM documents "
                               "WHERE published_date IS NOT NULL")
        return {i: Published(d, s, c) for i, d, s, c in rows}

    def doc_entities(self) -> Iterator[tuple[str, Entity]]:
        """(document id, entity as found in that document) for every stored document, in id order."""
        for doc_id, data in self.db.execute("SELECT doc_id, data FROM doc_entities ORDER BY doc_id, entity_id"):
            yield doc_id, from_dict(Entity, json.loads(data))

    def skipped(self) -> list[tuple[str, str]]:
        return self.db.execute("SELECT source, reason FROM skipped ORDER BY source").fetchall()

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
