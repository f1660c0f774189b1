"""The SQLite store under `kill -9` and concurrent writers: committed documents stay whole, a replaced document is
never lost, two processes storing the same articles store each once, and a lock held too long is a named error."""

from __future__ import annotations

import hashlib
import multiprocessing
import random
import signal
import sqlite3
import subprocess
import sys

import pytest

from linimasa.errors import StoreError
from linimasa.model import Document
from linimasa.store import open_store
from linimasa.store import sqlite as sqlite_store

N_DOCS = 300

# A writer in a fresh interpreter: stores N_DOCS documents (or replaces them, again and again, once stored) and
# prints each count it has committed, so that the test can kill it at a known point.
WRITER = """
import hashlib, sys
from linimasa.model import Document
from linimasa.store import open_store
db, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = open_store(db)

def doc(i):
    text = f"Artikel {i}. " + "Presiden Jokowi bertemu Biden di Jakarta. " * 200
    raw = text.encode()
    d = Document(id=f"a{i}", source=f"src/{i}.txt", media_type="text/plain",
                 content_sha256=hashlib.sha256(raw).hexdigest(), raw=raw, content=text)
    d.text = text
    return d

for i in range(n):
    store.put(doc(i))
    print(i + 1, flush=True)
while mode == "replace":
    for i in range(n):
        d = doc(i)
        d.title = f"title {i}"
        store.replace(d)
        print("replaced", flush=True)
"""


def _expected_text(i: int) -> str:
    return f"Artikel {i}. " + "Presiden Jokowi bertemu Biden di Jakarta. " * 200


def _kill_after(db, mode: str, lines: int) -> None:
    """Run the writer and SIGKILL it once it has printed `lines` lines."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), mode, str(N_DOCS)], stdout=subprocess.PIPE,
                            text=True)
    for _ in range(lines):
        if not proc.stdout.readline():
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()


def _check(db) -> int:
    """Integrity, and every committed document whole (text, raw bytes, full-text row); the number stored."""
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = con.execute("SELECT d.id, d.text, d.content_sha256, r.bytes FROM documents d "
                           "LEFT JOIN raw r ON r.doc_id = d.id").fetchall()
        assert con.execute("SELECT COUNT(*) FROM documents_fts").fetchone()[0] == len(rows)
    con.close()
    for doc_id, text, sha, raw in rows:
        assert text == _expected_text(int(doc_id[1:]))
        assert raw is not None and hashlib.sha256(raw).hexdigest() == sha
    return len(rows)


def test_kill_9_while_storing_keeps_what_was_committed(tmp_path):
    db = tmp_path / "k.db"
    rng = random.Random(3)
    committed = 0
    for _ in range(3):
        at = rng.randrange(committed + 10, committed + (N_DOCS - committed) // 2)
        _kill_after(db, "put", at)  # the writer starts again from the first document; those stored are passed
        stored = _check(db)
        assert stored >= at - 1  # what it said it committed is there (its last print may race the kill)
        committed = stored
    subprocess.run([sys.executable, "-c", WRITER, str(db), "put", str(N_DOCS)], check=True, capture_output=True)
    assert _check(db) == N_DOCS


def test_kill_9_while_replacing_loses_no_document(tmp_path):
    """A replaced document is deleted and written again in one transaction: a kill between cannot lose it."""
    db = tmp_path / "r.db"
    rng = random.Random(5)
    for _ in range(4):
        _kill_after(db, "replace", N_DOCS + rng.randrange(1, 200))
        assert _check(db) == N_DOCS


def _put_all(db: str) -> list[str]:
    store = open_store(db)
    errors = []
    for i in range(N_DOCS):
        raw = f"artikel {i}".encode()
        doc = Document(id=f"a{i}", source=f"src/{i}.txt", media_type="text/plain",
                       content_sha256=hashlib.sha256(raw).hexdigest(), raw=raw, content=raw.decode())
        doc.text = doc.content
        try:
            store.put(doc)
        except Exception as exc:  # noqa: BLE001  (any error is what the test reports)
            errors.append(repr(exc))
    store.close()
    return errors


def test_concurrent_writers_store_each_article_once(tmp_path):
    """Four processes store the same articles at once: the check that an article is new and its writing are one
    transaction, so none stores it twice (UNIQUE failure) and none is lost."""
    db = str(tmp_path / "c.db")
    open_store(db).close()
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        errors = pool.map(_put_all, [db] * 4)
    assert errors == [[]] * 4
    with open_store(db) as store:
        assert store.count() == N_DOCS
        assert {d.id for d in store.documents()} == {f"a{i}" for i in range(N_DOCS)}


def test_a_database_locked_too_long_is_a_named_error(tmp_path, monkeypatch):
    db = tmp_path / "l.db"
    open_store(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_S", 0.2)
    store = open_store(str(db))  # opening a database that has its schema takes no write lock
    with pytest.raises(StoreError, match="locked by another process for over 0.2 s"):
        store.put_skipped("x.txt", "empty")
    holder.execute("ROLLBACK")
    store.put_skipped("x.txt", "empty")  # once the other writer is done, writing works again
    assert store.skipped() == [("x.txt", "empty")]


def test_a_document_is_stored_with_its_fingerprint_or_not_at_all(tmp_path, monkeypatch):
    """A crash between storing an article and filing its fingerprint leaves neither: a re-run fingerprints it."""
    import linimasa
    from linimasa.corpus import dedupe
    from linimasa.store import open_store
    from tests.conftest import SEEDS

    def crash(self, fingerprint):
        raise RuntimeError("killed while filing the fingerprint")

    monkeypatch.setattr(dedupe.Deduper, "add", crash)
    db = str(tmp_path / "f.db")
    with pytest.raises(RuntimeError):
        linimasa.process([SEEDS / "000_3d91c75fc923eec8.txt"], db=db)
    with open_store(db) as store:
        assert store.count() == 0
    monkeypatch.undo()
    linimasa.process([SEEDS / "000_3d91c75fc923eec8.txt"], db=db).store.close()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM fingerprints").fetchone()[0] == 1
    con.close()
