"""PostgreSQL store (psycopg 3): the same interface and queries as the SQLite store, for a database many workers and
machines share (`--db postgresql://user@host/dbname`).

The queries are `linimasa.store.base.SQLStore`'s. Full-text search is PostgreSQL's own: a `tsvector` of title and
text (the `simple` configuration, since articles come in many languages) with a GIN index, queried with
`websearch_to_tsquery` (quoted phrases, `or`, `-word`, as search engines take them) and highlighted by `ts_headline`.
Key columns use the "C" collation so that documents come out in the same order as from SQLite, whatever the
server's locale. PostgreSQL text cannot hold NUL characters; a NUL in an article (hostile or broken input) is
stored as U+FFFD, one character for one, so offsets still point at the same places.
"""

from __future__ import annotations

import itertools
from contextlib import AbstractContextManager
from typing import Any, Iterator

from ..errors import StoreError
from ..model import Document
from .base import SCHEMA_VERSION, SQLStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT COLLATE "C" PRIMARY KEY,
    content_sha256 TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    media_type TEXT NOT NULL,
    title TEXT,
    lang TEXT,
    published_date TEXT,
    published_source TEXT,
    published_confidence DOUBLE PRECISION,
    text TEXT NOT NULL,
    data TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS raw (
    doc_id TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    bytes BYTEA NOT NULL
);
CREATE TABLE IF NOT EXISTS event_mentions (
    id BIGSERIAL PRIMARY KEY,
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    date TEXT,
    status TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_mentions_doc ON event_mentions(doc_id);
CREATE TABLE IF NOT EXISTS fingerprints (
    doc_id TEXT COLLATE "C" PRIMARY KEY,
    day TEXT,
    minhash BYTEA NOT NULL,
    vector BYTEA,
    entities TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fingerprints_day ON fingerprints(day);
CREATE TABLE IF NOT EXISTS fingerprint_bands (band INTEGER NOT NULL, key BIGINT NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fingerprint_bands_key ON fingerprint_bands(band, key);
CREATE TABLE IF NOT EXISTS copies (
    doc_id TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    original_id TEXT NOT NULL,
    similarity DOUBLE PRECISION NOT NULL,
    method TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_entities (
    doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT COLLATE "C" NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX IF NOT EXISTS doc_entities_entity ON doc_entities(entity_id);
CREATE TABLE IF NOT EXISTS skipped (
    source TEXT COLLATE "C" PRIMARY KEY,
    reason TEXT NOT NULL,
    bytes BYTEA,
    skipped_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents_fts (
    doc_id TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || text)) STORED
);
CREATE INDEX IF NOT EXISTS documents_fts_tsv ON documents_fts USING GIN (tsv);
CREATE TABLE IF NOT EXISTS source_flags (
    doc_id TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    flags TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS fetch_state (
    url TEXT COLLATE "C" PRIMARY KEY,
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

# Rows a streaming query fetches from the server at a time: a few MB of JSON, whatever the corpus size.
STREAM_ROWS = 500
# Characters of an article PostgreSQL's full-text index takes: to_tsvector refuses texts whose index would pass
# 1 MB, and the lead of a long document is what a search needs.
FTS_CHARS = 200_000

# Tries to store one document while other writers take the ids it picks (each retry picks again), or to create
# the tables when PostgreSQL breaks a deadlock with another writer by rolling this one back.
PUT_ATTEMPTS = 5

_cursor_names = itertools.count()


def is_url(path: str) -> bool:
    return path.startswith(("postgresql://", "postgres://"))


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database, created on first use (tables `IF NOT EXISTS`)."""

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("a postgresql:// database needs psycopg: pip install 'linimasa[postgres]'") from exc
        self.path = url
        self._psycopg = psycopg
        try:
            self.conn = psycopg.connect(url, autocommit=True)
            for attempt in range(PUT_ATTEMPTS):
                try:
                    self._create()
                    break
                except psycopg.errors.DeadlockDetected:
                    if attempt == PUT_ATTEMPTS - 1:
                        raise
        except psycopg.Error as exc:
            raise StoreError(f"{_safe(url)}: cannot use this PostgreSQL database ({exc}); check the URL, that the "
                             "server runs and that the user may create tables") from exc

    def _create(self) -> None:
        """The tables, once: a database that has them is left alone, as `CREATE ... IF NOT EXISTS` still locks
        the tables it finds, which deadlocks against another writer already storing documents."""
        if self.conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0] and self.conn.execute(
                "SELECT 1 FROM meta WHERE key = 'schema_version' AND value = %s", (str(SCHEMA_VERSION),)).fetchone():
            return
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(7307)")  # two first runs must not race on DDL
            self.conn.execute(SCHEMA)
            self.conn.execute("INSERT INTO meta VALUES ('schema_version', %s) ON CONFLICT DO NOTHING",
                              (str(SCHEMA_VERSION),))

    def close(self) -> None:
        self.conn.close()

    def _execute(self, sql: str, params: tuple | list = ()) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), _clean(params))

    def _executemany(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), [_clean(r) for r in rows])

    def _stream(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        with self.conn.transaction():  # a server-side cursor lives in a transaction
            with self.conn.cursor(name=f"linimasa_{next(_cursor_names)}") as cur:
                cur.itersize = STREAM_ROWS
                cur.execute(sql.replace("?", "%s"), _clean(params))
                yield from cur

    def transaction(self) -> AbstractContextManager:
        return self.conn.transaction()  # one inside another is a savepoint

    def put(self, doc: Document) -> bool:
        """`SQLStore.put`; when another writer stored the same bytes (or took the same id) between the check and
        the insert (PostgreSQL reads committed rows, it does not lock the check), the unique key says so: the bytes
        are already stored, or the id is chosen again."""
        for _ in range(PUT_ATTEMPTS):
            try:
                return super().put(doc)
            except self._psycopg.errors.UniqueViolation:
                if self.has_content(doc.content_sha256):
                    return False
            except self._psycopg.errors.DeadlockDetected:
                continue  # two writers locked rows in opposite orders; PostgreSQL rolled this one back: try again
        raise StoreError(f"{doc.source}: could not be stored after {PUT_ATTEMPTS} attempts, other writers keep "
                         "taking its id; run again")

    def _index_text(self, doc_id: str, title: str, text: str) -> None:
        self._execute("INSERT INTO documents_fts (doc_id, title, text) VALUES (?, ?, ?)",
                      (doc_id, title, text[:FTS_CHARS]))

    def _unindex_text(self, doc_id: str) -> None:
        self._execute("DELETE FROM documents_fts WHERE doc_id = ?", (doc_id,))

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """(doc id, snippet) for a web-search-style query (`"exact phrase"`, `or`, `-word`), best first."""
        try:
            rows = self.conn.execute(
                "SELECT doc_id, ts_headline('simple', text, q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4') "
                "FROM documents_fts, websearch_to_tsquery('simple', %s) AS q WHERE tsv @@ q "
                "ORDER BY ts_rank(tsv, q) DESC, doc_id LIMIT %s", (_clean((query,))[0], limit)).fetchall()
        except self._psycopg.Error as exc:
            raise StoreError(f"bad search query {query!r} ({exc}); quote phrases with double quotes") from exc
        return [tuple(r) for r in rows]


def _clean(params):
    """Parameters PostgreSQL accepts: NUL characters in text become U+FFFD (see the module docstring)."""
    return tuple(p.replace("\x00", "\ufffd") if isinstance(p, str) else p for p in params)


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    head, sep, tail = url.partition("@")
    if not sep:
        return url
    scheme, _, user = head.partition("://")
    return f"{scheme}://{user.split(':', 1)[0]}@{tail}"
