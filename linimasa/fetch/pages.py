"""A fetched page (or a WARC record) as a `Document`: the bytes as they came, the canonical URL as its source,
and what dates it beside the page itself (HTTP Last-Modified, the feed entry's date) in `meta` for the dating
stage. URLs are made canonical by courlan (trafilatura's URL library): lower-case host, no fragment, no
tracking parameters.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from courlan import normalize_url

from ..errors import UnreadableDocument
from ..model import Document
from ..readers.decode import decode
from ..readers.text import looks_like_html

MAX_ID_CHARS = 80  # ids are shown in timelines; the store adds a hash suffix when two pages share one
_NOT_ID = re.compile(r"[^\w.-]+")


def canonical_url(url: str) -> str:
    """`url` without what does not change the page: fragment, tracking parameters, default port, host case.

    >>> canonical_url("https://News.Example.org:443/a/b?utm_source=x&id=3#top")
    'https://news.example.org/a/b?id=3'
    """
    try:
        return normalize_url(url, strict=True)
    except ValueError:
        return url


def document_id(url: str) -> str:
    """A readable id from a URL: host and path, without "www." and the page ending.

    >>> document_id("https://www.example.org/news/2021/12/08/putin-biden.html")
    'example.org-news-2021-12-08-putin-biden'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    path = re.sub(r"\.(html?|php|aspx?|txt)$", "", parts.path.strip("/"))
    slug = _NOT_ID.sub("-", f"{host}/{path}" if path else host).strip("-")
    return slug[:MAX_ID_CHARS].rstrip("-") or "page"


def page_document(url: str, body: bytes, content_type: str = "", charset: str = "", fetched_at: str = "",
                  last_modified: str = "", feed_date: str = "", title: str = "", encoding: str = "") -> Document:
    """The `Document` for one fetched page; raises `UnreadableDocument` when its bytes are not text.

    `last_modified` and `feed_date` are ISO dates (`meta["http_last_modified"]`, `meta["feed_date"]`), `title`
    the feed entry's title, used when the page's own cannot be found.
    """
    source = canonical_url(url)
    content = decode(body, source, encoding or charset)
    if content_type in ("text/html", "application/xhtml+xml") or looks_like_html(content):
        media_type = "text/html"
    elif content_type in ("text/plain", ""):
        media_type = "text/plain"
    else:
        raise UnreadableDocument(f"{source}: {content_type}, not an article page")
    meta = {"url": source, "fetched_at": fetched_at, "http_last_modified": last_modified, "feed_date": feed_date,
            "title": title}
    return Document(
        id=document_id(source),
        source=source,
        media_type=media_type,
        content_sha256=hashlib.sha256(body).hexdigest(),
        raw=body,
        content=content,
        meta={k: v for k, v in meta.items() if v},
    )
