"""The safe client against a real server on 127.0.0.1: each hostile or broken endpoint fails with its reason."""

from __future__ import annotations

import pytest

from linimasa.fetch import USER_AGENT, Client, FetchError, FetchRefused, Guard
from linimasa.fetch.client import PAGE_TYPES

from .conftest import TEST_LIMITS
from .server import Route

PAGE = b"<html><body><article><p>Putin dan Biden berbicara.</p></article></body></html>"


def _routes(server) -> None:
    other_port = server.server_address[1] + 1 if server.server_address[1] < 65535 else 1024
    server.routes.update({
        "/page.html": Route(PAGE),
        "/redirect": Route(status=302, headers={"Location": "/page.html"}),
        "/loop": Route(status=302, headers={"Location": "/loop2"}),
        "/loop2": Route(status=302, headers={"Location": "/loop"}),
        "/to-private": Route(status=302, headers={"Location": "http://10.1.2.3/admin"}),
        "/to-metadata": Route(status=301, headers={"Location": "http://169.254.169.254/latest/meta-data/"}),
        "/to-loopback": Route(status=307, headers={"Location": f"http://127.0.0.1:{other_port}/"}),
        "/to-file": Route(status=302, headers={"Location": "file:///etc/passwd"}),
        "/slow": Route(PAGE, delay_s=1.5),
        "/drip": Route(b"x" * 100, chunked=True, chunks=8, drip_s=0.25),
        "/huge-declared": Route(PAGE, headers={"X-Declared-Length": str(50 * 2**20)}),
        "/huge-streamed": Route(b"y" * 65536, chunked=True, chunks=10),
        "/image.png": Route(b"\x89PNG\r\n", "image/png"),
        "/private/secret.html": Route(PAGE),
        "/gone": Route(b"gone", status=410),
    })


@pytest.mark.parametrize("path, error, reason", [
    ("/loop", FetchError, "more than 3 redirects"),
    ("/to-private", FetchRefused, "10.1.2.3 is a private address"),
    ("/to-metadata", FetchRefused, "169.254.169.254 is a cloud metadata address"),
    ("/to-loopback", FetchRefused, "is a loopback address"),
    ("/to-file", FetchRefused, "scheme 'file' refused"),
    ("/slow", FetchError, "timed out (read"),
    ("/drip", FetchError, "too slow"),
    ("/huge-declared", FetchError, "50.0 MiB declared, over the 0.25 MiB limit"),
    ("/huge-streamed", FetchError, "over the 0.25 MiB limit while streaming"),
    ("/image.png", FetchError, "content type 'image/png'"),
    ("/private/secret.html", FetchRefused, "forbidden by the site's robots.txt"),
    ("/gone", FetchError, "HTTP 410"),
    ("/nothing-here", FetchError, "HTTP 404"),
])
def test_each_bad_endpoint_fails_with_its_reason(server, guard, path, error, reason):
    _routes(server)
    with Client(TEST_LIMITS, guard) as client, pytest.raises(error) as caught:
        client.get(server.url(path), PAGE_TYPES)
    assert reason in str(caught.value)
    assert str(caught.value).startswith(server.url(path))  # the URL given is named first


def test_redirect_followed_with_every_hop_named(server, guard):
    _routes(server)
    with Client(TEST_LIMITS, guard) as client:
        page = client.get(server.url("/redirect"), PAGE_TYPES)
    assert page.url == server.url("/page.html") and page.redirects == [server.url("/redirect")]
    assert page.body == PAGE and page.content_type == "text/html"


def test_user_agent_names_linimasa_and_its_version(server, guard):
    _routes(server)
    with Client(TEST_LIMITS, guard) as client:
        client.get(server.url("/page.html"), PAGE_TYPES)
    headers = dict(server.requests)["/page.html"]
    assert headers["User-Agent"] == USER_AGENT and USER_AGENT.startswith("linimasa/")


def test_loopback_refused_without_allow_private(server):
    """The fixture server itself is on 127.0.0.1: without the allow-list or --allow-private it is refused,
    named by address or by a name that resolves to it."""
    _routes(server)
    port = server.server_address[1]
    with Client(TEST_LIMITS, Guard()) as client:
        for url in (server.url("/page.html"), f"http://localhost:{port}/page.html"):
            with pytest.raises(FetchRefused, match="loopback address; pass --allow-private"):
                client.get(url, PAGE_TYPES)
    assert server.requests == []  # refused before any connection
    with Client(TEST_LIMITS, Guard(allow_private=True)) as client:
        assert client.get(server.url("/page.html"), PAGE_TYPES).body == PAGE


def test_conditional_get_answers_not_modified(server, guard):
    server.routes["/etag.html"] = Route(PAGE, headers={"ETag": '"v1"', "Last-Modified": "Wed, 08 Dec 2021 10:00:00 GMT"})
    with Client(TEST_LIMITS, guard) as client:
        first = client.get(server.url("/etag.html"), PAGE_TYPES)
        again = client.get(server.url("/etag.html"), PAGE_TYPES, etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.last_modified_iso() == "2021-12-08T10:00:00+00:00"
    assert again.not_modified and again.body == b""
    headers = [h for p, h in server.requests if p == "/etag.html"][-1]
    assert headers["If-None-Match"] == '"v1"' and headers["If-Modified-Since"] == first.last_modified


def test_robots_txt_fetched_once_per_site_and_crawl_delay_honoured(server, guard):
    server.routes["/robots.txt"] = Route(b"User-agent: linimasa\nCrawl-delay: 7\nDisallow: /private/\n", "text/plain")
    server.routes["/a.html"] = Route(PAGE)
    server.routes["/b.html"] = Route(PAGE)
    waits: list[float] = []
    now = [100.0]
    with Client(TEST_LIMITS, guard, sleep=waits.append, clock=lambda: now[0]) as client:
        client.get(server.url("/a.html"), PAGE_TYPES)
        now[0] += 2.0
        client.get(server.url("/b.html"), PAGE_TYPES)
    assert server.paths_requested().count("/robots.txt") == 1
    assert waits[-1] == pytest.approx(5.0)  # 7 s Crawl-delay, 2 s already passed


def test_unreachable_robots_txt_disallows_the_site(server, guard):
    server.routes["/robots.txt"] = Route(b"oops", "text/plain", status=503)
    server.routes["/a.html"] = Route(PAGE)
    with Client(TEST_LIMITS, guard) as client, pytest.raises(FetchRefused, match="robots.txt could not be read"):
        client.get(server.url("/a.html"), PAGE_TYPES)
