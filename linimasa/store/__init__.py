"""Storage behind one interface (`base.SQLStore`): SQLite (one file) by default, PostgreSQL for a database that many
workers and machines share."""

from .base import SQLStore
from .postgres import PostgresStore, is_url
from .sqlite import SQLiteStore

__all__ = ["PostgresStore", "SQLStore", "SQLiteStore", "open_store"]


def open_store(path: str) -> SQLStore:
    """The store at `path`: a `postgresql://user@host/dbname` URL, or a SQLite file (created if missing;
    ':memory:' for a throwaway one)."""
    return PostgresStore(path) if is_url(str(path)) else SQLiteStore(path)
