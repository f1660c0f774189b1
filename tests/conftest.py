"""Shared fixtures: the seed articles and their gold annotations from ../shared, processed once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import linimasa

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
GOLD = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))


def seed_path(doc_id: str) -> Path:
    return SEEDS / f"{doc_id}.txt"


@pytest.fixture(scope="session")
def gold() -> dict:
    return GOLD


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """The five seeds processed into a fresh SQLite file."""
    db = tmp_path_factory.mktemp("corpus") / "seeds.db"
    result = linimasa.process([SEEDS], db=str(db))
    yield result
    result.store.close()


@pytest.fixture(scope="session")
def seed_docs(corpus) -> dict:
    return {doc.id: doc for doc in corpus.documents}


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for this test session (see tests/pgserver.py); yields a function that creates a
    fresh empty database on it and returns its URL."""
    from . import pgserver

    if not pgserver.available():
        pytest.fail("PostgreSQL is not installed: apt-get install postgresql (.ci/run does)")
    import psycopg

    with pgserver.server() as url:
        made = iter(range(1_000_000))

        def fresh() -> str:
            name = f"db{next(made)}"
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {name}")
            return url.rsplit("/", 1)[0] + "/" + name

        yield fresh
