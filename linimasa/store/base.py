"""The store interface, written once in SQL that SQLite and PostgreSQL both run.

`SQLStore` holds every query of the store; an implementation (`SQLiteStore`, `PostgresStore`) supplies the
connection, the schema, its transactions and its full-text index. Queries use `?` placeholders and
`INSERT … ON CONFLICT` upserts, which both databases accept (PostgreSQL's driver gets `%s`).

Raw input is kept byte for byte (`raw` table); the processed Document is kept as JSON plus the columns that
queries need; skipped inputs are kept with the reason. One document is one transaction.
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Any, Iterator

from ..model import Document, Entity, EventMention, Published, from_json, to_json

SCHEMA_VERSION = 2
# Columns of the `fetch_state` table, in order (see `linimasa.fetch.state.UrlState` for what each holds).
FETCH_STATE_COLUMNS = ("url", "final_url", "etag", "last_modified", "body_sha256", "text_sha256", "listed_date",
                       "doc_id", "outcome", "reason", "fetched_at")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class SQLStore:
    """What every store does; see `SQLiteStore` for the default and its doctest."""

    path: str  # what the user passed (a file name or a database URL)

    # What an implementation supplies.
    def _execute(self, sql: str, params: tuple | list = ()) -> Any:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager:
        raise NotImplementedError

    def _stream(self, sql: str, params: tuple = ()) -> Iterator[tuple]:
        """Rows of a query that may return the whole corpus, without holding them all in memory."""
        raise NotImplementedError

    def _index_text(self, doc_id: str, title: str, text: str) -> None:
        raise NotImplementedError

    def _unindex_text(self, doc_id: str) -> None:
        raise NotImplementedError

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # The interface.
    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _one(self, sql: str, params: tuple = ()) -> tuple | None:
        return self._execute(sql, params).fetchone()

    def has_content(self, content_sha256: str) -> str | None:
        """Id of the stored document with these exact raw bytes, if any."""
        row = self._one("SELECT id FROM documents WHERE content_sha256 = ?", (content_sha256,))
        return row[0] if row else None

    def free_id(self, doc_id: str, content_sha256: str) -> str:
        """`doc_id`, or `doc_id-<hash prefix>` when another document already uses that id."""
        taken = self._one("SELECT 1 FROM documents WHERE id = ?", (doc_id,))
        return f"{doc_id}-{content_sha256[:8]}" if taken else doc_id

    def put(self, doc: Document) -> bool:
        """Store `doc` in one transaction, with the check that its bytes are new and the choice of its id (so two
        writers cannot both store it); False (and nothing written) when its raw bytes are already stored."""
        with self.transaction():
            if self.has_content(doc.content_sha256):
                return False
            doc.id = self.free_id(doc.id, doc.content_sha256)
            published = doc.published
            self._execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.id, doc.content_sha256, doc.source, doc.media_type, doc.title, doc.lang,
                    published.date if published else None, published.source if published else None,
                    published.confidence if published else None, doc.text,
                    to_json(doc), now(),
                ),
            )
            self._execute("INSERT INTO raw VALUES (?, ?)", (doc.id, doc.raw))
            self._index_text(doc.id, doc.title or "", doc.text)
            self._executemany(
                "INSERT INTO event_mentions (doc_id, type, date, status, data) VALUES (?,?,?,?,?)",
                [(doc.id, m.type, m.date, m.status, to_json(m))
                 for m in doc.event_mentions],
            )
            self._executemany(
                "INSERT INTO doc_entities VALUES (?,?,?,?,?,?)",
                [(doc.id, e.id, e.name, e.type, e.count, to_json(e))
                 for e in doc.entities],
            )
            self._execute("DELETE FROM skipped WHERE source = ?", (doc.source,))
        return True

    def replace(self, doc: Document) -> None:
        """Store `doc` again in place of the stored document with its id (after a later step changed it)."""
        if not doc.raw:
            doc.raw = self.raw(doc.id) or b""  # a document read back from the store carries no raw bytes
        with self.transaction():  # one transaction: a crash keeps the old document or the new, never neither
            copy = self.copy_info(doc.id)  # the copies row goes with the document row (ON DELETE CASCADE): keep it
            self._unindex_text(doc.id)
            self._execute("DELETE FROM documents WHERE id = ?", (doc.id,))
            self.put(doc)
            if copy is not None:
                self.put_copy(doc.id, *copy)

    def put_copy(self, doc_id: str, original_id: str, similarity: float, method: str) -> None:
        """Record that `doc_id` copies `original_id` (a repost, a wire copy, a translation)."""
        with self.transaction():
            self._execute("INSERT INTO copies VALUES (?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET "
                          "original_id = excluded.original_id, similarity = excluded.similarity, "
                          "method = excluded.method", (doc_id, original_id, similarity, method))

    def put_fingerprint(self, doc_id: str, day: str, minhash: bytes, vector: bytes | None, entities: list[str],
                        bands: list[tuple[int, int]]) -> None:
        """Keep what finds copies of an article: its MinHash (and the LSH band keys it files under), its
        embedding, day and entities (see `linimasa.corpus.dedupe`)."""
        with self.transaction():
            self._execute("INSERT INTO fingerprints VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET "
                          "day = excluded.day, minhash = excluded.minhash, vector = excluded.vector, "
                          "entities = excluded.entities", (doc_id, day or None, minhash, vector, json.dumps(entities)))
            self._execute("DELETE FROM fingerprint_bands WHERE doc_id = ?", (doc_id,))
            self._executemany("INSERT INTO fingerprint_bands VALUES (?, ?, ?)", [(b, k, doc_id) for b, k in bands])

    def put_signature(self, doc_id: str, minhash: bytes, bands: list[tuple[int, int]]) -> None:
        """Replace an article's MinHash signature and its band keys (when the signature scheme changed)."""
        with self.transaction():
            self._execute("UPDATE fingerprints SET minhash = ? WHERE doc_id = ?", (minhash, doc_id))
            self._execute("DELETE FROM fingerprint_bands WHERE doc_id = ?", (doc_id,))
            self._executemany("INSERT INTO fingerprint_bands VALUES (?, ?, ?)", [(b, k, doc_id) for b, k in bands])

    def fingerprinted_texts(self) -> Iterator[tuple[str, str]]:
        """(id, text) of every article that has a fingerprint, read as they are used."""
        yield from self._stream("SELECT f.doc_id, d.text FROM fingerprints f JOIN documents d ON d.id = f.doc_id "
                                "ORDER BY f.doc_id")

    def meta(self, key: str) -> str | None:
        row = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else None

    def put_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self._execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          (key, value))

    def band_matches(self, bands: list[tuple[int, int]]) -> list[str]:
        """Articles filed under any of these LSH band keys, by id."""
        found: set[str] = set()
        for band, key in bands:
            found.update(i for (i,) in self._execute(
                "SELECT doc_id FROM fingerprint_bands WHERE band = ? AND key = ?", (band, key)))
        return sorted(found)

    def fingerprint(self, doc_id: str) -> tuple[str, bytes, bytes | None, list[str]] | None:
        """(day, MinHash values, embedding, entities) of an article."""
        row = self._one("SELECT day, minhash, vector, entities FROM fingerprints WHERE doc_id = ?", (doc_id,))
        return (row[0] or "", bytes(row[1]), _bytes(row[2]), json.loads(row[3])) if row else None

    def fingerprints_between(self, first_day: str, last_day: str) -> Iterator[tuple[str, str, bytes | None, list[str]]]:
        """(id, day, embedding or None when not computed yet, entities) of the articles published between two days."""
        rows = self._execute("SELECT doc_id, day, vector, entities FROM fingerprints WHERE day BETWEEN ? AND ? "
                             "ORDER BY doc_id", (first_day, last_day)).fetchall()
        for doc_id, day, vector, entities in rows:
            yield doc_id, day, _bytes(vector), json.loads(entities)

    def put_vector(self, doc_id: str, vector: bytes) -> None:
        """Keep the embedding of an article filed without one (it is computed when a candidate copy shows up)."""
        with self.transaction():
            self._execute("UPDATE fingerprints SET vector = ? WHERE doc_id = ?", (vector, doc_id))

    def original_of(self, doc_id: str) -> str:
        """The article `doc_id` copies, or itself."""
        row = self._one("SELECT original_id FROM copies WHERE doc_id = ?", (doc_id,))
        return row[0] if row else doc_id

    def copies(self) -> dict[str, str]:
        """Document id -> the document it copies, for every copy found."""
        return dict(self._execute("SELECT doc_id, original_id FROM copies").fetchall())

    def put_skipped(self, source: str, reason: str, raw: bytes = b"") -> None:
        with self.transaction():
            self._execute("INSERT INTO skipped VALUES (?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET "
                          "reason = excluded.reason, bytes = excluded.bytes, skipped_at = excluded.skipped_at",
                          (source, reason, raw or None, now()))

    def count(self) -> int:
        return self._one("SELECT COUNT(*) FROM documents")[0]

    def documents(self) -> Iterator[Document]:
        """Every stored document in id order (without raw bytes; see `raw`)."""
        for (data,) in self._stream("SELECT data FROM documents ORDER BY id"):
            yield from_json(Document, data)

    def text_chars(self, doc_id: str) -> int | None:
        """Length of a stored document's text in characters, without reading the document."""
        row = self._one("SELECT length(text) FROM documents WHERE id = ?", (doc_id,))
        return row[0] if row else None

    def document(self, doc_id: str) -> Document | None:
        row = self._one("SELECT data FROM documents WHERE id = ?", (doc_id,))
        return from_json(Document, row[0]) if row else None

    def raw(self, doc_id: str) -> bytes | None:
        row = self._one("SELECT bytes FROM raw WHERE doc_id = ?", (doc_id,))
        return bytes(row[0]) if row else None

    def event_mentions(self) -> Iterator[EventMention]:
        for (data,) in self._stream("SELECT data FROM event_mentions ORDER BY doc_id, id"):
            yield from_json(EventMention, data)

    def published(self) -> dict[str, Published]:
        """Document id -> its publication date, for every stored document that has one."""
        rows = self._execute("SELECT id, published_date, published_source, published_confidence FROM documents "
                             "WHERE published_date IS NOT NULL").fetchall()
        return {i: Published(d, s, c) for i, d, s, c in rows}

    def doc_entities(self) -> Iterator[tuple[str, Entity]]:
        """(document id, entity as found in that document) for every stored document, in id order."""
        for doc_id, data in self._stream("SELECT doc_id, data FROM doc_entities ORDER BY doc_id, entity_id"):
            yield doc_id, from_json(Entity, data)

    def skipped(self) -> list[tuple[str, str]]:
        return [tuple(r) for r in self._execute("SELECT source, reason FROM skipped ORDER BY source").fetchall()]

    def copy_info(self, doc_id: str) -> tuple[str, float, str] | None:
        """(original id, similarity, method) when `doc_id` copies another document, else None."""
        row = self._one("SELECT original_id, similarity, method FROM copies WHERE doc_id = ?", (doc_id,))
        return (row[0], float(row[1]), row[2]) if row else None

    # Source-quality flags (`linimasa.sources`): a document's flags as JSON-ready dicts; its row goes with the
    # document's (ON DELETE CASCADE), so a document stored again gets them computed again.
    def put_flags(self, doc_id: str, flags: list[dict[str, Any]]) -> None:
        with self.transaction():
            self._execute("INSERT INTO source_flags VALUES (?, ?) ON CONFLICT (doc_id) DO UPDATE SET "
                          "flags = excluded.flags", (doc_id, json.dumps(flags, ensure_ascii=False)))

    def flags(self, doc_id: str) -> list[dict[str, Any]] | None:
        """The kept flags of a document (None when none are kept yet; [] when it has none)."""
        row = self._one("SELECT flags FROM source_flags WHERE doc_id = ?", (doc_id,))
        return json.loads(row[0]) if row else None

    def all_flags(self) -> dict[str, list[dict[str, Any]]]:
        """Document id -> its kept flags, in id order."""
        return {i: json.loads(f) for i, f in self._execute("SELECT doc_id, flags FROM source_flags ORDER BY doc_id")}

    # Fetch state (`linimasa.fetch.state`): what was seen of each fetched URL, one row per canonical URL.
    def fetch_state(self, url: str) -> dict[str, str] | None:
        row = self._one(f"SELECT {', '.join(FETCH_STATE_COLUMNS)} FROM fetch_state WHERE url = ?", (url,))
        return dict(zip(FETCH_STATE_COLUMNS, row)) if row else None

    def put_fetch_state(self, state: dict[str, str]) -> None:
        """Keep `state` (a value for each of `FETCH_STATE_COLUMNS`) in place of the URL's previous one."""
        values = tuple(state[c] for c in FETCH_STATE_COLUMNS)
        updates = ", ".join(f"{c} = excluded.{c}" for c in FETCH_STATE_COLUMNS[1:])
        with self.transaction():
            self._execute(f"INSERT INTO fetch_state ({', '.join(FETCH_STATE_COLUMNS)}) VALUES "
                          f"({', '.join('?' * len(values))}) ON CONFLICT (url) DO UPDATE SET {updates}", values)

    def fetch_states(self) -> list[dict[str, str]]:
        """Every fetched URL's state, in URL order."""
        rows = self._execute(f"SELECT {', '.join(FETCH_STATE_COLUMNS)} FROM fetch_state ORDER BY url").fetchall()
        return [dict(zip(FETCH_STATE_COLUMNS, r)) for r in rows]


def _bytes(value) -> bytes | None:
    return bytes(value) if value is not None else None
