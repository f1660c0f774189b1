"""`fetch_sources` and `watch` end to end against the fixture server: feeds that change, failures recorded with
their reasons while the run goes on, dates from feeds and HTTP headers, sitemaps, WARC files, the CLI."""

from __future__ import annotations

import io
import sqlite3

from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from linimasa.cli import main
from linimasa.corpus.timeline import stored_timeline
from linimasa.fetch import fetch_sources, watch
from linimasa.fetch.state import FetchState
from linimasa.store import open_store

from ..conftest import SEEDS
from .conftest import TEST_LIMITS
from .server import Route, rss

SEED_IDS = sorted(p.name.split("_")[0] for p in SEEDS.glob("*.txt"))
DATES = {"000": "Wed, 12 Oct 2022 08:00:00 +0700", "001": "Fri, 31 Dec 2021 08:00:00 +0700",
         "002": "Wed, 08 Dec 2021 08:00:00 +0700", "003": "Mon, 21 Feb 2022 08:00:00 +0700",
         "004": "Wed, 29 Dec 2021 08:00:00 +0700"}


def _seed(n: str) -> bytes:
    return next(SEEDS.glob(f"{n}_*.txt")).read_bytes()


def _serve_seeds(server) -> None:
    for n in SEED_IDS:
        server.routes[f"/news/{n}.txt"] = Route(_seed(n), "text/plain; charset=utf-8")


def _feed(server, numbers: list[str], dates: dict[str, str] = DATES) -> None:
    server.routes["/feed.xml"] = Route(rss([(server.url(f"/news/{n}.txt"), f"Seed {n}", dates[n]) for n in numbers]),
                                       "application/rss+xml")


def _fetch(server, db, sources, **kw):
    report = fetch_sources(sources, str(db), allow=[server.host_port], limits=TEST_LIMITS, **kw)
    report.corpus.store.close()
    return report


def _sources_of_events(db) -> set[str]:
    with open_store(str(db)) as store:
        return {s for e in stored_timeline(store).events for s in e.sources}


def test_feed_updated_twice_stores_exactly_the_new_articles_and_the_timeline_gains_their_events(server, tmp_path):
    db = tmp_path / "news.db"
    _serve_seeds(server)
    _feed(server, ["000", "001"])
    first = _fetch(server, db, [server.url("/feed.xml")])
    assert sorted(first.stored) == ["127.0.0.1-news-000", "127.0.0.1-news-001"]
    before = _sources_of_events(db)

    _feed(server, ["000", "001", "002", "003"])
    del server.requests[:]
    second = _fetch(server, db, [server.url("/feed.xml")])
    assert sorted(second.stored) == ["127.0.0.1-news-002", "127.0.0.1-news-003"]
    assert second.known == 2 and not second.failed
    assert "/news/000.txt" not in server.paths_requested()  # listed before with the same date: not asked again
    after = _sources_of_events(db)
    assert {"127.0.0.1-news-002", "127.0.0.1-news-003"} <= after and after > before

    # Third version: 004 is new, 001 was edited (new date, new text), 000 re-dated but the same.
    changed = dict(DATES, **{"000": "Thu, 13 Oct 2022 08:00:00 +0700", "001": "Sat, 01 Jan 2022 08:00:00 +0700"})
    server.routes["/news/001.txt"] = Route(_seed("001") + "\n\nPembaruan: Kremlin mengonfirmasi pembicaraan itu.\n".encode(),
                                           "text/plain; charset=utf-8")
    _feed(server, ["000", "001", "002", "003", "004"], changed)
    third = _fetch(server, db, [server.url("/feed.xml")])
    stored = sorted(third.stored)
    assert len(stored) == 2 and stored[1] == "127.0.0.1-news-004" and stored[0].startswith("127.0.0.1-news-001-")
    assert third.unchanged == 1 and third.known == 2
    assert "127.0.0.1-news-004" in _sources_of_events(db)
    with open_store(str(db)) as store:
        assert store.count() == 6
        assert store.original_of(stored[0]) == "127.0.0.1-news-001"  # the edited version is a copy of the first


def test_every_failure_recorded_with_its_reason_and_the_run_goes_on(server, tmp_path):
    db = tmp_path / "news.db"
    _serve_seeds(server)
    server.routes.update({
        "/private/hidden.txt": Route(_seed("001"), "text/plain"),
        "/moved": Route(status=302, headers={"Location": "http://192.168.0.10/news"}),
        "/slow": Route(_seed("003"), "text/plain", delay_s=1.5),
        "/huge": Route(b"z" * 4096, "text/plain", chunked=True, chunks=100),
        "/logo.png": Route(b"\x89PNG", "image/png"),
    })
    bad = ["/private/hidden.txt", "/moved", "/slow", "/huge", "/logo.png"]
    items = [(server.url(p), p, DATES["000"]) for p in bad] + [(server.url("/news/002.txt"), "ok", DATES["002"])]
    server.routes["/feed.xml"] = Route(rss(items), "application/rss+xml")
    report = _fetch(server, db, [server.url("/feed.xml"), "not-a-url"])
    assert report.stored == ["127.0.0.1-news-002"]
    reasons = dict(report.failed)
    assert "robots.txt" in reasons[server.url("/private/hidden.txt")]
    assert "192.168.0.10 is a private address" in reasons[server.url("/moved")]
    assert "timed out" in reasons[server.url("/slow")]
    assert "over the 0.25 MiB limit" in reasons[server.url("/huge")]
    assert "content type 'image/png'" in reasons[server.url("/logo.png")]
    assert "not an http(s) URL" in reasons["not-a-url"]
    with open_store(str(db)) as store:
        skipped = dict(store.skipped())
    assert set(skipped) == set(reasons)
    with open_store(str(db)) as store:
        outcomes = {s.url: s.outcome for s in FetchState(store).all()}
    assert outcomes[server.url("/moved")] == "refused" and outcomes[server.url("/slow")] == "failed"
    assert outcomes[server.url("/news/002.txt")] == "stored"


def test_dates_from_the_feed_and_from_last_modified_name_their_source(server, tmp_path):
    db = tmp_path / "news.db"
    article = _seed("003").replace(b"24 Februari 2022", b"24 Februari").replace(b"(20/2/2022)", b"")
    server.routes["/a.txt"] = Route(article, "text/plain",
                                    headers={"Last-Modified": "Mon, 21 Feb 2022 03:00:00 GMT", "ETag": '"a1"'})
    server.routes["/b.txt"] = Route(article + b"\nTambahan.\n", "text/plain")
    server.routes["/feed.xml"] = Route(rss([(server.url("/b.txt"), "B", "Sun, 20 Feb 2022 21:00:00 +0700")]),
                                       "application/rss+xml")
    _fetch(server, db, [server.url("/a.txt"), server.url("/feed.xml")])
    with open_store(str(db)) as store:
        a, b = store.document("127.0.0.1-a"), store.document("127.0.0.1-b")
    assert (a.published.source, a.published.date) == ("http", "2022-02-21")
    assert (b.published.source, b.published.date) == ("feed", "2022-02-20")  # the publisher's day, not UTC's
    assert a.meta["url"] == server.url("/a.txt") and a.meta["fetched_at"]
    # Fetched again: the server answers 304 to the conditional GET and nothing is stored.
    again = _fetch(server, db, [server.url("/a.txt")])
    assert again.not_modified == 1 and again.stored == []


def test_page_whose_article_text_did_not_change_is_not_stored_again(server, tmp_path):
    db = tmp_path / "news.db"
    paragraphs = "".join(f"<p>{p}</p>" for p in _seed("002").decode().split("\n\n")[5:12] if p.strip())
    page = "<html><head><title>Putin dan Biden</title></head><body><article>{}</article><!-- served {} --></body></html>"
    server.routes["/story.html"] = Route(page.format(paragraphs, 1).encode())
    assert _fetch(server, db, [server.url("/story.html")]).stored == ["127.0.0.1-story"]
    server.routes["/story.html"] = Route(page.format(paragraphs, 2).encode())  # other bytes, same article
    report = _fetch(server, db, [server.url("/story.html")])
    assert report.stored == [] and report.unchanged == 1


def test_sitemap_index_and_news_sitemap(server, tmp_path):
    _serve_seeds(server)
    urlset = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
              'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
              f'<url><loc>{server.url("/news/002.txt")}</loc><lastmod>2021-12-09</lastmod><news:news>'
              '<news:publication_date>2021-12-08</news:publication_date></news:news></url>'
              f'<url><loc>{server.url("/news/004.txt")}</loc><lastmod>2021-12-29</lastmod></url></urlset>')
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f'<sitemap><loc>{server.url("/sitemap-news.xml")}</loc></sitemap></sitemapindex>')
    server.routes["/sitemap-news.xml"] = Route(urlset.encode(), "application/xml")
    server.routes["/sitemap.xml"] = Route(index.encode(), "text/xml")
    report = _fetch(server, tmp_path / "s.db", [server.url("/sitemap.xml")])
    assert sorted(report.stored) == ["127.0.0.1-news-002", "127.0.0.1-news-004"] and report.listings == 2


def test_warc_file_read_as_fetched_pages(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, ctype, body in [("https://news.example.org/2021/12/putin-biden", "text/html; charset=utf-8",
                                  b"<html><body><article>" + b"".join(b"<p>" + p + b"</p>" for p in _seed("004").split(b"\n")[:17]) + b"</article></body></html>"),
                                 ("https://news.example.org/logo.png", "image/png", b"\x89PNG")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype), ("Last-Modified", "Wed, 29 Dec 2021 10:00:00 GMT")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    db = tmp_path / "w.db"
    report = fetch_sources([str(path)], str(db))
    report.corpus.store.close()
    assert report.stored == ["news.example.org-2021-12-putin-biden"]
    with open_store(str(db)) as store:
        doc = store.document(report.stored[0])
    assert doc.source == "https://news.example.org/2021/12/putin-biden" and doc.published is not None


def test_watch_rounds_add_only_what_is_new(server, tmp_path):
    db = tmp_path / "w.db"
    _serve_seeds(server)
    _feed(server, ["002"])
    stored: list[list[str]] = []

    def next_round(n, report):
        stored.append(sorted(report.stored))
        _feed(server, ["002", "004"])  # the feed grows between rounds

    watch([server.url("/feed.xml")], str(db), every_s=900, rounds=3, on_round=next_round, sleep=lambda s: None,
          allow=[server.host_port], limits=TEST_LIMITS)
    assert stored == [["127.0.0.1-news-002"], ["127.0.0.1-news-004"], []]


def test_cli_fetch_then_sources(server, tmp_path):
    _serve_seeds(server)
    _feed(server, ["002", "004"])
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    refused = runner.invoke(main, ["fetch", server.url("/feed.xml"), "--db", db, "--delay", "0"])
    assert refused.exit_code == 3 and "loopback address; pass --allow-private" in refused.output
    done = runner.invoke(main, ["fetch", server.url("/feed.xml"), "--db", db, "--allow-private", "--delay", "0"])
    assert done.exit_code == 0, done.output
    table = runner.invoke(main, ["sources", "--db", db])
    assert table.exit_code == 0
    head, row = table.output.splitlines()[:2]
    assert head.split()[:4] == ["site", "articles", "independent", "copies"] and row.split()[:2] == ["127.0.0.1", "2"]
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM source_flags").fetchone()[0] == 2
