"""The PostgreSQL store, on a real server: the same answers as the SQLite store, search by PostgreSQL's own
full-text index, hostile text kept, and `linimasa run --db postgresql://…` giving the SQLite timeline."""

from __future__ import annotations

import copy
import json
import threading

import pytest
from click.testing import CliRunner

import linimasa
from linimasa.cli import main
from linimasa.errors import StoreError
from linimasa.export import timeline_json
from linimasa.store import PostgresStore, SQLiteStore, open_store
from tests.conftest import SEEDS


def _everything(store) -> dict:
    return {
        "count": store.count(),
        "documents": [(d.id, d.text, d.title, d.published) for d in store.documents()],
        "mentions": [(m.doc_id, m.type, m.status, m.date) for m in store.event_mentions()],
        "entities": [(i, e.id, e.count) for i, e in store.doc_entities()],
        "published": store.published(),
        "copies": store.copies(),
        "skipped": store.skipped(),
    }


def test_the_seeds_give_the_same_store_and_timeline_as_sqlite(postgres_server, corpus):
    url = postgres_server()
    on_postgres = linimasa.process([SEEDS], db=url)
    assert isinstance(on_postgres.store, PostgresStore)
    assert _everything(on_postgres.store) == _everything(corpus.store)
    assert timeline_json(on_postgres.timeline) == timeline_json(corpus.timeline)
    on_postgres.store.close()


def test_the_commands_read_a_postgresql_database(postgres_server, corpus):
    url = postgres_server()
    runner = CliRunner()
    ran = runner.invoke(main, ["run", str(SEEDS), "--db", url, "--format", "json"])
    assert ran.exit_code == 0, ran.output
    printed = runner.invoke(main, ["timeline", "--db", url, "--entity", "Joe Biden", "--entity", "Vladimir Putin"])
    expected = runner.invoke(main, ["timeline", "--db", corpus.store.path, "--entity", "Joe Biden",
                                    "--entity", "Vladimir Putin"])
    assert printed.exit_code == 0 and json.loads(printed.output) == json.loads(expected.output)
    assert json.loads(printed.output)["events"]
    hits = runner.invoke(main, ["search", "--db", url, '"konferensi video"'])
    assert hits.exit_code == 0 and "[konferensi]" in hits.output.lower()


def test_search_reuses_postgresql_full_text_and_reports_nothing_for_no_match(postgres_server, seed_docs):
    store = open_store(postgres_server())
    for doc in seed_docs.values():
        store.put(doc)
    found = dict(store.search('"konferensi video"'))
    assert found and all("konferensi" in snippet.lower() for snippet in found.values())
    sqlite = SQLiteStore(":memory:")
    for doc in seed_docs.values():
        sqlite.put(doc)
    assert set(found) == {i for i, _ in sqlite.search('"konferensi video"')}
    assert store.search("zzzyyyxxx") == []
    store.close()


def test_nul_characters_and_html_are_stored_without_loss_of_offsets(postgres_server, seed_docs):
    store = open_store(postgres_server())
    doc = copy.deepcopy(next(iter(seed_docs.values())))  # the session's seed documents stay as they are
    doc.text = "<script>x</script>\x00" + doc.text
    doc.content_sha256 = "f" * 64
    assert store.put(doc)
    back = store.document(doc.id)
    assert back.text == doc.text  # the JSON copy keeps the NUL; only the text column and index replace it
    store.put_skipped("bad\x00name.txt", "binary file (NUL bytes)", b"\x00\x01")
    assert store.skipped()[0][1] == "binary file (NUL bytes)"
    store.close()


def test_a_wrong_url_says_what_to_check():
    with pytest.raises(StoreError, match="check the URL"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


def test_two_writers_storing_the_same_articles_lose_nothing_and_store_each_once(postgres_server, seed_docs):
    url = postgres_server()
    open_store(url).close()  # the tables, once
    results: list[list[bool]] = []

    def write() -> None:
        store = open_store(url)
        results.append([store.put(copy.deepcopy(doc)) for doc in seed_docs.values()])
        store.close()

    writers = [threading.Thread(target=write) for _ in range(2)]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    store = open_store(url)
    assert store.count() == 5 and sorted(d.id for d in store.documents()) == sorted(seed_docs)
    assert [a or b for a, b in zip(*results)] == [True] * 5 and not any(a and b for a, b in zip(*results))
    store.close()
