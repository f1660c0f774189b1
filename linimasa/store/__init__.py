"""Storage behind one small interface; SQLite (one file) is the default."""

from .sqlite import SQLiteStore

__all__ = ["SQLiteStore", "open_store"]


def open_store(path: str) -> SQLiteStore:
    """The store at `path` (a SQLite file, created if missing; ':memory:' for a throwaway one)."""
    return SQLiteStore(path)
