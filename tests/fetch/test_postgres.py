"""`linimasa fetch`, `watch` and `sources` on a PostgreSQL database (a real server, `postgres_server`): the fetch
state and the source-quality flags live in the store, so a feed fetched into PostgreSQL gives what the SQLite file
gives, and a second round asks for nothing it has seen."""

from __future__ import annotations

import json

from click.testing import CliRunner

from linimasa.cli import main
from linimasa.fetch import watch
from linimasa.fetch.state import FetchState
from linimasa.store import PostgresStore, open_store

from .conftest import TEST_LIMITS
from .test_run import _feed, _serve_seeds


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_feed_fetched_into_postgresql_gives_the_sources_and_timeline_of_sqlite(server, tmp_path, postgres_server):
    _serve_seeds(server)
    _feed(server, ["001", "002", "004"])
    url, db = postgres_server(), str(tmp_path / "news.db")
    for target in (url, db):
        _cli("fetch", server.url("/feed.xml"), "--db", target, "--allow-private", "--delay", "0")
    for command in (["sources"], ["sources", "--format", "jsonl"], ["sources", "--documents"],
                    ["timeline", "--format", "json"], ["timeline", "--format", "csv"]):
        on_postgres = _cli(*command, "--db", url)
        assert on_postgres == _cli(*command, "--db", db), command
    assert _cli("sources", "--db", url).splitlines()[1].split()[:2] == ["127.0.0.1", "3"]
    flagged = {r["id"]: {f["name"] for f in r["flags"]}
               for r in map(json.loads, _cli("sources", "--documents", "--db", url).splitlines())}
    assert "spam_removed" in flagged["127.0.0.1-news-004"]  # the gambling byline, found on the page as in the file

    with open_store(url) as store:
        assert isinstance(store, PostgresStore)
        assert set(store.all_flags()) == set(flagged)  # kept in PostgreSQL, not computed anew each time
        states = {s.url: s for s in FetchState(store).all()}
    assert states[server.url("/feed.xml")].outcome == "listing"
    assert {states[server.url(f"/news/{n}.txt")].outcome for n in ("001", "002", "004")} == {"stored"}


def test_watch_on_postgresql_adds_only_what_is_new(server, postgres_server):
    url = postgres_server()
    _serve_seeds(server)
    _feed(server, ["002"])
    stored: list[list[str]] = []

    def next_round(n, report):
        stored.append(sorted(report.stored))
        _feed(server, ["002", "004"])

    watch([server.url("/feed.xml")], url, every_s=900, rounds=3, on_round=next_round, sleep=lambda s: None,
          allow=[server.host_port], limits=TEST_LIMITS)
    assert stored == [["127.0.0.1-news-002"], ["127.0.0.1-news-004"], []]
    with open_store(url) as store:
        assert store.count() == 2 and set(store.all_flags()) == {"127.0.0.1-news-002", "127.0.0.1-news-004"}
