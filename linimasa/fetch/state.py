"""What linimasa knows of each URL it fetched, kept in the store beside the documents (its `fetch_state` table,
in SQLite or PostgreSQL alike: `linimasa.store.SQLStore.fetch_state`): validators for a conditional GET, hashes
of the bytes and of the article text last seen, the date the listing gave, the stored document, and the outcome
of the last try.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..store import SQLStore
from ..store.base import now


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
    """The fetch state kept in `store` (an open `linimasa.store` store; closing it is the caller's).

    >>> from linimasa.store import SQLiteStore
    >>> state = FetchState(SQLiteStore(":memory:"))
    >>> state.put(UrlState("https://example.org/a", outcome="stored", doc_id="example.org-a"))
    >>> state.get("https://example.org/a").doc_id
    'example.org-a'
    """

    def __init__(self, store: SQLStore) -> None:
        self.store = store

    def get(self, url: str) -> UrlState | None:
        row = self.store.fetch_state(url)
        return UrlState(**row) if row else None

    def put(self, state: UrlState) -> None:
        state.fetched_at = now()
        self.store.put_fetch_state(dataclasses.asdict(state))

    def all(self) -> list[UrlState]:
        return [UrlState(**row) for row in self.store.fetch_states()]
