"""Flags kept in the store (SQLite and PostgreSQL alike): computed once and read back, computed again for a
document stored again, and a copy still a copy after its document is stored again."""

from __future__ import annotations

import dataclasses

import pytest

from linimasa.model import to_dict
from linimasa.sources import stored_flags
from linimasa.store import SQLiteStore, open_store

ANNOUNCEMENT, REPORT = "004_6ec3a7005892a893", "001_86cd6f01714b256d"


def _filled(store, seed_docs):
    for doc in seed_docs.values():
        assert store.put(dataclasses.replace(doc))
    return store


@pytest.fixture
def store(seed_docs):
    with _filled(SQLiteStore(":memory:"), seed_docs) as s:
        yield s


def _names(flags) -> list[str]:
    return [f.name for f in flags]


def test_flags_are_computed_once_then_read_from_the_store(store):
    first = stored_flags(store)
    assert list(first) == sorted(first) and len(first) == 5 and set(store.all_flags()) == set(first)
    assert "spam_removed" in _names(first[ANNOUNCEMENT])
    store.put_flags(ANNOUNCEMENT, [])  # what the store keeps is what is shown, not computed anew
    assert stored_flags(store)[ANNOUNCEMENT] == [] and stored_flags(store, [ANNOUNCEMENT]) == {ANNOUNCEMENT: []}
    assert store.flags(ANNOUNCEMENT) == [] and store.flags("no-such-document") is None


def test_a_document_stored_again_gets_its_flags_again_and_stays_a_copy(store):
    stored_flags(store)
    store.put_copy(ANNOUNCEMENT, REPORT, 0.91, "minhash")
    store.put_flags(ANNOUNCEMENT, [])
    store.replace(store.document(ANNOUNCEMENT))  # as the cross-document dating and refining steps do
    assert store.copy_info(ANNOUNCEMENT) == (REPORT, 0.91, "minhash") and store.copies() == {ANNOUNCEMENT: REPORT}
    assert store.flags(ANNOUNCEMENT) is None  # gone with the old row
    again = stored_flags(store, [ANNOUNCEMENT, REPORT])
    assert list(again) == [REPORT, ANNOUNCEMENT]
    copy, *rest = again[ANNOUNCEMENT]
    assert (copy.name, copy.detail, copy.evidence) == ("copy", f"copy of {REPORT} (minhash, similarity 0.91)", [REPORT])
    assert "spam_removed" in _names(rest) and store.flags(ANNOUNCEMENT) == to_dict(again[ANNOUNCEMENT])


def test_postgresql_keeps_the_same_flags_as_sqlite(store, seed_docs, postgres_server):
    with _filled(open_store(postgres_server()), seed_docs) as on_postgres:
        assert to_dict(stored_flags(on_postgres)) == to_dict(stored_flags(store))
        assert on_postgres.all_flags() == store.all_flags()
