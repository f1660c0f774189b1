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
