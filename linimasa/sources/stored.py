"""The `source_flags` table: each document's quality flags as JSON, in the database file beside the documents
(its own table, created if missing, so that it needs nothing of the store's schema)."""

from __future__ import annotations

import json
import sqlite3

from ..model import from_dict, to_dict
from .flags import Flag

SCHEMA = "CREATE TABLE IF NOT EXISTS source_flags (doc_id TEXT PRIMARY KEY, flags TEXT NOT NULL)"


class FlagTable:
    """The table in the SQLite file at `path` (a file: a database in memory is private to its connection)."""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path)
        self.db.execute(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM source_flags WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def put_many(self, flags: dict[str, list[Flag]]) -> None:
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO source_flags VALUES (?, ?)",
                                [(i, json.dumps(to_dict(f), ensure_ascii=False)) for i, f in flags.items()])

    def all(self) -> dict[str, list[Flag]]:
        rows = self.db.execute("SELECT doc_id, flags FROM source_flags ORDER BY doc_id")
        return {i: [from_dict(Flag, f) for f in json.loads(data)] for i, data in rows}
