"""A real HTTP server on 127.0.0.1 (Python's http.server in a thread) serving what the fetch tests need: pages,
a feed whose content the test changes, redirects, a slow and a dripping endpoint, huge bodies, robots.txt."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0            # silence before the answer
    drip_s: float = 0.0             # pause between chunks of the body
    chunks: int = 1
    chunked: bool = False           # no Content-Length: the body is streamed in chunks


class Handler(BaseHTTPRequestHandler):
    server: "FixtureServer"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.server.requests.append((self.path, dict(self.headers)))
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route.delay_s:
            time.sleep(route.delay_s)
        etag = route.headers.get("ETag")
        if etag and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        for k, v in route.headers.items():
            self.send_header(k, v)
        if route.chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            piece = route.body
            try:
                for _ in range(route.chunks):
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    self.wfile.flush()
                    if route.drip_s:
                        time.sleep(route.drip_s)
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: what the size cap and deadline tests expect
            return
        self.send_header("Content-Length", str(route.headers.get("X-Declared-Length", len(route.body))))
        self.end_headers()
        try:
            self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        self.thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def host_port(self) -> str:
        return f"127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths_requested(self) -> list[str]:
        return [p for p, _ in self.requests]


def http_date(timestamp: float) -> str:
    return formatdate(timestamp, usegmt=True)


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (link, title, RFC 822 date) items."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>"
                      for link, t, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Fixture news</title>'
            f"<link>http://example.invalid/</link><description>test</description>{entries}</channel></rss>").encode()
