"""What linimasa knows of each URL it fetched, kept beside the documents in the same SQLite file (its own
table, so any store can sit next to it): validators for a conditional GET, hashes of the bytes and of the
article text last seen, the date the listing gave, the stored document, and the outcome of the last try.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

SCHEMA = """
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
FIELDS = ("url", "final_url", "etag", "last_modified", "body_sha256", "text_sha256", "listed_date", "doc_id",
          "outcome", "reason", "fetched_at")


@dataclass
class UrlState:
    url: str
    final_url: str = ""
    etag: str = ""
    last_modified: str = ""
    body_sha256: str = ""
    text_sha256: str = ""
    listed_date: str = ""
    doc_id: str = ""
    outcome: str = ""     # stored, not modified, unchanged, failed, refused, skipped, listing
    reason: str = ""
    fetched_at: str = ""


class FetchState:
    """The `fetch_state` table of a database file (":memory:" keeps it for this process only)."""

    def __init__(self, path: str) -> None:
        self.db = sqlite3.connect(path)
        if path != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        self.db.close()

    def get(self, url: str) -> UrlState | None:
        row = self.db.execute(f"SELECT {', '.join(FIELDS)} FROM fetch_state WHERE url = ?", (url,)).fetchone()
        return UrlState(*row) if row else None

    def put(self, state: UrlState) -> None:
        state.fetched_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.db:
            self.db.execute(f"INSERT OR REPLACE INTO fetch_state VALUES ({', '.join('?' * len(FIELDS))})",
                            tuple(getattr(state, f) for f in FIELDS))

    def all(self) -> list[UrlState]:
        return [UrlState(*row) for row in self.db.execute(f"SELECT {', '.join(FIELDS)} FROM fetch_state ORDER BY url")]
