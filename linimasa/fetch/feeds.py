"""Listings of articles: RSS/Atom feeds (feedparser) and XML sitemaps, plain, gzipped or news sitemaps (lxml,
with entities and network access off). Each gives the article URLs with the date the listing states for them.
"""

from __future__ import annotations

import calendar
import gzip
import io
import re
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import feedparser
from lxml import etree

from .errors import FetchError

SITEMAP_TAGS = {"urlset": "sitemap", "sitemapindex": "sitemap index"}
MAX_ENTRIES = 50_000  # the sitemap protocol's own limit per file


@dataclass
class Entry:
    """One article a listing names: its URL, the date the listing gives it (ISO, or "") and its title."""

    url: str
    date: str = ""
    title: str = ""


@dataclass
class Listing:
    """What a feed or sitemap lists; `kind` is "feed", "sitemap" or "sitemap index" (its entries are sitemaps)."""

    kind: str
    entries: list[Entry] = field(default_factory=list)
    title: str = ""


def _entry_date(entry) -> str:
    """The entry's date as ISO 8601, in the time zone the feed wrote it in (its day is the publisher's day);
    feedparser's own parse (in UTC) when the text is in neither RFC 822 nor ISO form."""
    raw = (entry.get("published") or entry.get("updated") or "").strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", raw):
        return raw
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError):
        value = entry.get("published_parsed") or entry.get("updated_parsed")
        return datetime.fromtimestamp(calendar.timegm(value), timezone.utc).isoformat() if value else ""


def _gunzip(body: bytes, max_bytes: int) -> bytes:
    """Inflate a gzipped sitemap, stopping past `max_bytes` (a gzip bomb)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise FetchError(f"not a readable gzip file ({exc})") from exc
    if len(data) > max_bytes:
        raise FetchError(f"inflates past the {max_bytes / 2**20:g} MiB limit; not read")
    return data


def _xml_root(body: bytes):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _sitemap(root, base_url: str) -> Listing:
    kind = SITEMAP_TAGS[_local(root.tag)]
    entries = []
    for item in root:
        values = {_local(child.tag): (child.text or "").strip() for child in item.iter() if child is not item}
        if values.get("loc"):
            # A news sitemap's publication_date is the article's; lastmod may be a later edit.
            date = values.get("publication_date") or values.get("lastmod", "")
            entries.append(Entry(urljoin(base_url, values["loc"]), date, values.get("title", "")))
        if len(entries) >= MAX_ENTRIES:
            break
    return Listing(kind, entries)


def read_listing(body: bytes, content_type: str, base_url: str, max_bytes: int) -> Listing | None:
    """The feed or sitemap in `body`, or None when it is neither (an article page).

    >>> rss = b'<rss version="2.0"><channel><item><link>https://x.org/a</link></item></channel></rss>'
    >>> read_listing(rss, "application/rss+xml", "https://x.org/feed", 2**20).entries[0].url
    'https://x.org/a'
    """
    if content_type in ("application/gzip", "application/x-gzip") or body[:2] == b"\x1f\x8b":
        body = _gunzip(body, max_bytes)
    head = body.lstrip()[:512].lower()
    if content_type in ("text/html", "application/xhtml+xml") or head.startswith((b"<!doctype html", b"<html")):
        return None
    root = _xml_root(body) if head.startswith(b"<") else None
    if root is not None and _local(root.tag) in SITEMAP_TAGS:
        return _sitemap(root, base_url)
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    if not parsed.get("version"):
        return None
    entries = []
    for e in parsed.entries[:MAX_ENTRIES]:
        link = e.get("link") or next((link.get("href") for link in e.get("links", []) if link.get("href")), "")
        if link:
            entries.append(Entry(urljoin(base_url, link), _entry_date(e), e.get("title", "")))
    return Listing("feed", entries, parsed.feed.get("title", ""))
