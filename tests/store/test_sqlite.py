"""The SQLite store: idempotent re-ingest, raw bytes kept, full-text search, committed work survives a crash."""

from __future__ import annotations

import shutil

import pytest

import linimasa
from linimasa.errors import StoreError
from linimasa.store import open_store
from tests.conftest import SEEDS


def test_reingest_stores_each_article_once(tmp_path):
    db = str(tmp_path / "x.db")
    first = linimasa.process([SEEDS], db=db)
    first.store.close()
    second = linimasa.process([SEEDS, SEEDS / "000_3d91c75fc923eec8.txt"], db=db)
    assert (first.summary.stored, second.summary.stored, second.summary.already_stored) == (5, 0, 6)
    assert second.store.count() == 5
    assert len(second.timeline.events) == len(first.timeline.events)
    second.store.close()


def test_same_bytes_under_another_name_are_stored_once(tmp_path):
    shutil.copy(SEEDS / "001_86cd6f01714b256d.txt", tmp_path / "copy.txt")
    corpus = linimasa.process([SEEDS / "001_86cd6f01714b256d.txt", tmp_path / "copy.txt"], db=str(tmp_path / "x.db"))
    assert corpus.store.count() == 1 and corpus.summary.already_stored == 1


def test_same_name_different_content_gets_its_own_id(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Judul satu\n\nBiden dan Putin berbicara melalui telepon pada hari Kamis.")
    (tmp_path / "b" / "x.txt").write_text("Judul dua\n\nPutin bertemu Macron di Moskow pada awal bulan ini.")
    corpus = linimasa.process([tmp_path / "a", tmp_path / "b"], db=str(tmp_path / "x.db"))
    ids = sorted(d.id for d in corpus.store.documents())
    assert len(ids) == 2 and ids[0] == "x" and ids[1].startswith("x-")


def test_raw_input_is_kept_byte_for_byte(corpus):
    for doc in corpus.documents:
        assert corpus.store.raw(doc.id) == (SEEDS / f"{doc.id}.txt").read_bytes()


def test_stored_document_round_trips(corpus):
    doc = corpus.documents[2]
    stored = corpus.store.document(doc.id)
    assert stored.text == doc.text and stored.published == doc.published and stored.timexes == doc.timexes


def test_full_text_search(corpus):
    hits = corpus.store.search('"konferensi video"')
    assert hits and hits[0][0] == "002_bf116a187980ad6a"
    with pytest.raises(StoreError, match="quote phrases"):
        corpus.store.search('"unbalanced')


def test_crash_mid_batch_keeps_committed_documents(tmp_path):
    db = str(tmp_path / "x.db")
    seen = []

    def crash_after_two(doc):
        seen.append(doc.id)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        linimasa.process([SEEDS], db=db, on_document=crash_after_two)
    with open_store(db) as store:
        assert [d.id for d in store.documents()] == seen


def test_skipped_inputs_are_recorded_with_their_bytes(tmp_path):
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01" * 500)
    corpus = linimasa.process([tmp_path], db=str(tmp_path / "x.db"))
    ((source, reason),) = corpus.store.skipped()
    assert source.endswith("junk.txt") and "binary" in reason
    raw = corpus.store.db.execute("SELECT bytes FROM skipped").fetchone()[0]
    assert raw == b"\x00\x01" * 500


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a linimasa database"):
        open_store(str(path))
