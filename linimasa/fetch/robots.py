"""robots.txt, read with Python's `urllib.robotparser`, one file per site (scheme, host, port), kept for a run.

As RFC 9309 says: a robots.txt that does not exist (4xx) allows everything; one that cannot be fetched (5xx,
network error, timeout) disallows everything until it can be.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .errors import FetchError, FetchRefused

if TYPE_CHECKING:
    from .client import Client

ROBOTS_TOKEN = "linimasa"  # the name robots.txt rules address ("User-agent: linimasa")
MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309: crawlers must parse at least the first 500 KiB
ROBOTS_TYPES = ("text/plain", "text/html", "application/octet-stream")  # servers label robots.txt carelessly


class RobotsCache:
    """The robots.txt of each site a client visits, fetched once through that client (same limits and guard)."""

    def __init__(self, client: "Client") -> None:
        self.client = client
        self._sites: dict[str, RobotFileParser] = {}
        self._why: dict[str, str] = {}

    @staticmethod
    def _site(url: str) -> str:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}".lower()

    def _rules(self, url: str) -> RobotFileParser:
        site = self._site(url)
        if site in self._sites:
            return self._sites[site]
        rules = RobotFileParser(site + "/robots.txt")
        try:
            response = self.client.get(site + "/robots.txt", ROBOTS_TYPES, check_robots=False)
            rules.parse(response.body[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").splitlines())
        except FetchRefused:
            raise
        except FetchError as exc:
            if 400 <= exc.status < 500:
                rules.allow_all = True
            else:
                rules.disallow_all = True
                self._why[site] = str(exc)
        self._sites[site] = rules
        return rules

    def check(self, url: str) -> None:
        """Raise `FetchRefused` when the site's robots.txt forbids `url` to linimasa."""
        rules = self._rules(url)
        if not rules.can_fetch(ROBOTS_TOKEN, url):
            why = self._why.get(self._site(url))
            raise FetchRefused(f"robots.txt could not be read ({why}), so nothing on the site is fetched" if why
                               else "forbidden by the site's robots.txt; not fetched")

    def crawl_delay(self, url: str) -> float:
        """The site's Crawl-delay for linimasa in seconds (0 when none is set or robots.txt is not read yet)."""
        rules = self._sites.get(self._site(url))
        delay = rules.crawl_delay(ROBOTS_TOKEN) if rules is not None else None
        return float(delay or 0)
