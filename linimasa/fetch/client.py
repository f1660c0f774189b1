"""The safe HTTP client: httpx with explicit limits, every redirect followed by hand and checked.

Limits: connect and read timeouts, a deadline for the whole response (a server that drips bytes), a size cap
checked on Content-Length and again while streaming, a redirect cap, the content types a caller accepts. Every
hop goes through the SSRF guard (`linimasa.fetch.guard`, at connection time, after DNS resolution) and robots.txt
(`linimasa.fetch.robots`); requests to one host wait `delay_s` (or the site's Crawl-delay) apart; a conditional
GET (If-None-Match / If-Modified-Since) lets an unchanged page answer 304. The User-Agent names linimasa and its
version. Failures raise `FetchError` / `FetchRefused` with the URL and the reason.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Callable
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from .errors import FetchError
from .guard import Guard, GuardedBackend
from .robots import ROBOTS_TOKEN, RobotsCache

log = logging.getLogger(__name__)

try:
    VERSION = version("linimasa")
except PackageNotFoundError:  # run from a source tree that was never installed
    VERSION = "0"
USER_AGENT = f"{ROBOTS_TOKEN}/{VERSION} (news timeline builder; honours robots.txt)"
REDIRECTS = {301, 302, 303, 307, 308}

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
SITEMAP_TYPES = FEED_TYPES + ("application/gzip", "application/x-gzip")
# A source given on the command line may be a page, a feed or a sitemap; what it is shows once it arrives.
ANY_SOURCE_TYPES = PAGE_TYPES + SITEMAP_TYPES


@dataclass(frozen=True)
class Limits:
    """How far a fetch may go. News pages are under 2 MiB and answer within seconds; a server slower or larger
    than this is broken or hostile, and the run goes on without it."""

    connect_timeout_s: float = 10.0
    read_timeout_s: float = 20.0     # longest silence between two chunks of the response
    total_timeout_s: float = 60.0    # the whole response, however slowly it drips
    max_bytes: int = 20 * 2**20     # as the max_bytes setting for local files
    max_redirects: int = 5           # news sites chain http->https->www->canonical: 3 or 4 hops at most
    delay_s: float = 1.0             # between two requests to one host (politeness), unless robots.txt asks more
    max_delay_s: float = 30.0        # a Crawl-delay above this is capped (it would stall a watch round)


@dataclass
class Response:
    """A page as it came: the final URL after redirects, status, content type, body and validators."""

    url: str
    requested: str
    status: int
    content_type: str = ""
    charset: str = ""
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""  # the HTTP header as sent
    fetched_at: str = ""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def last_modified_iso(self) -> str:
        """Last-Modified as an ISO date-time (UTC), or "" when absent or unreadable."""
        return http_date_iso(self.last_modified)


def http_date_iso(value: str) -> str:
    """An RFC 9110 HTTP date ("Wed, 08 Dec 2021 10:00:00 GMT") as ISO 8601 in UTC, or "".

    >>> http_date_iso("Wed, 08 Dec 2021 10:00:00 GMT")
    '2021-12-08T10:00:00+00:00'
    """
    try:
        parsed = parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return ""
    if parsed is None:
        return ""
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)).astimezone(timezone.utc).isoformat()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Client:
    """Fetches URLs within `limits`, through `guard`, honouring robots.txt (see the module docstring).

    >>> with Client() as client:                                        # doctest: +SKIP
    ...     page = client.get("https://example.org/news/1", PAGE_TYPES)
    """

    def __init__(self, limits: Limits = Limits(), guard: Guard = Guard(), robots: bool = True,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits, self.guard, self.sleep, self.clock = limits, guard, sleep, clock
        transport = httpx.HTTPTransport(trust_env=False)  # no proxy from the environment: the guard sees the target
        # httpx builds its connection pool without a way to name the network backend; swap in one whose every
        # connection goes through the guard (httpcore's documented `network_backend`).
        transport._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                                  network_backend=GuardedBackend(guard))
        timeout = httpx.Timeout(connect=limits.connect_timeout_s, read=limits.read_timeout_s,
                                write=limits.read_timeout_s, pool=limits.connect_timeout_s)
        self.http = httpx.Client(transport=transport, timeout=timeout, follow_redirects=False, trust_env=False,
                                 headers={"User-Agent": USER_AGENT})
        self.robots = RobotsCache(self) if robots else None
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_turn(self, url: str) -> None:
        """Politeness: wait until `delay_s` (or the site's Crawl-delay) has passed since the last request to this host."""
        host = (urlsplit(url).hostname or "").lower()
        delay = self.limits.delay_s
        if self.robots is not None:
            delay = max(delay, min(self.robots.crawl_delay(url), self.limits.max_delay_s))
        last = self._last_request.get(host)
        if last is not None and (wait := last + delay - self.clock()) > 0:
            self.sleep(wait)
        self._last_request[host] = self.clock()

    def get(self, url: str, accept: tuple[str, ...] = PAGE_TYPES, etag: str = "", last_modified: str = "",
            check_robots: bool = True) -> Response:
        """GET `url`, following up to `max_redirects` redirects, each hop checked; a 304 `Response` when the
        validators (`etag`, `last_modified` from an earlier response) still hold. Raises `FetchError`."""
        current, hops = url, []
        deadline = self.clock() + self.limits.total_timeout_s
        for _ in range(self.limits.max_redirects + 1):
            where = f"{url}: " + (f"redirected to {current}: " if hops else "")
            headers = {"Accept": ", ".join(accept) + ", */*;q=0.1"}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            try:
                self.guard.check_url(current)
                if check_robots and self.robots is not None:
                    self.robots.check(current)
                self._wait_turn(current)
                with self.http.stream("GET", current, headers=headers) as r:
                    if r.status_code in REDIRECTS and r.headers.get("location"):
                        hops.append(current)
                        current = urljoin(current, r.headers["location"])
                        continue
                    return self._read(r, url, current, hops, accept, deadline)
            except FetchError as exc:  # from the guard (at connection) or from reading the response
                raise type(exc)(where + str(exc), exc.status) from exc
            except httpx.TimeoutException as exc:
                kind = type(exc).__name__.replace("Timeout", "").lower() or "request"
                raise FetchError(f"{where}timed out ({kind}, limit {self._limit_for(kind)} s)") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{where}{type(exc).__name__}: {exc or 'connection failed'}") from exc
        raise FetchError(f"{url}: more than {self.limits.max_redirects} redirects (last to {current}); "
                         "give the final URL")

    def _limit_for(self, kind: str) -> float:
        return self.limits.connect_timeout_s if kind in ("connect", "pool") else self.limits.read_timeout_s

    def _read(self, r: httpx.Response, url: str, current: str, hops: list[str], accept: tuple[str, ...],
              deadline: float) -> Response:
        response = Response(url=current, requested=url, status=r.status_code, etag=r.headers.get("etag", ""),
                            last_modified=r.headers.get("last-modified", ""), fetched_at=_now(), redirects=hops)
        if r.status_code == 304:
            return response
        if r.status_code >= 400 or r.status_code < 200:
            raise FetchError(f"HTTP {r.status_code} {r.reason_phrase}".rstrip(), r.status_code)
        content_type = r.headers.get("content-type", "")
        response.content_type = content_type.split(";")[0].strip().lower()
        response.charset = r.charset_encoding or ""
        if response.content_type not in accept:
            raise FetchError(f"content type {response.content_type or '(none)'!r} is not one of "
                             f"{', '.join(accept)}; give the URL of an article, feed or sitemap")
        max_bytes = self.limits.max_bytes
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"{int(declared) / 2**20:.1f} MiB declared, over the {max_bytes / 2**20:g} MiB limit")
        body = bytearray()
        # As the bytes arrive (no chunk size: httpx would wait to fill one), so the deadline is checked as they drip.
        raw = response.content_type in ("application/gzip", "application/x-gzip")  # a .xml.gz: inflated later, capped
        for chunk in r.iter_raw() if raw else r.iter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(f"over the {max_bytes / 2**20:g} MiB limit while streaming (no or false "
                                 "Content-Length); not read further")
            if self.clock() > deadline:
                raise FetchError(f"too slow: not complete after {self.limits.total_timeout_s:g} s")
        response.body = bytes(body)
        return response
