"""Dating: the publication date of a document and how it was found, with a confidence.

Sources, most trusted first: the JSONL `date` field (`field`), HTML metadata (`metadata`: htmldate through
trafilatura, extensive search off because its deep search takes "(c) 2022" footers), a date line in the page
header (`page`), the date of a feed entry (`feed`), a date in the URL (`url`, htmldate's URL
extractor), the HTTP Last-Modified header of a fetched page (`http`). Explicit dates are parsed by dateparser.
When the page states none, the date is `inferred` from its content (see `linimasa.temporal.infer`).
"""

from __future__ import annotations

import functools
import re
from datetime import datetime

import dateparser

from .. import lang
from ..model import Document, Published
from ..pipeline import stage
from ..settings import Context
from ..temporal.infer import infer_published

_DATE_LINE_MAX_CHARS = 60
_STRICT = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}


@functools.cache
def _parse(text: str, languages: tuple[str, ...], date_order: str) -> str | None:
    settings = dict(_STRICT, DATE_ORDER=date_order) if date_order else _STRICT
    parsed = dateparser.parse(text, languages=list(languages), settings=settings)
    return parsed.date().isoformat() if parsed else None


def parse_date_line(text: str, code: str | None = None) -> str | None:
    """ISO date of a line that is nothing but a full date, else None.

    >>> parse_date_line("Wednesday, 8 December 2021")
    '2021-12-08'
    """
    text = text.strip()
    if len(text) > _DATE_LINE_MAX_CHARS or not re.search(r"\d", text) or not re.search(r"\d{4}|\d{1,2}[/.-]\d", text):
        return None
    languages = (code,) if code else lang.available()
    order = lang.load(code).get("date_order", "") if code else ""
    try:
        return _parse(text, languages, order)
    except Exception:  # dateparser raises a variety of errors on odd input; such a line is simply not a date
        return None


def _url_date(url: str) -> str | None:
    from htmldate.extractors import extract_url_date  # here: htmldate takes 0.1 s to import; most inputs have no URL
    from htmldate.utils import Extractor

    options = Extractor(False, datetime(2100, 1, 1), datetime(1900, 1, 1), True, "%Y-%m-%d")
    return extract_url_date(url, options)


def explicit_date(doc: Document) -> Published | None:
    """A publication date the document states somewhere, or None."""
    field = doc.meta.get("date")
    if field:
        parsed = parse_date_line(str(field)[:10]) or _iso(str(field))
        if parsed:
            return Published(parsed, "field", 0.95, f"date field: {field}")
    if doc.meta.get("html_date"):
        return Published(doc.meta["html_date"], "metadata", 0.9, "HTML metadata (htmldate)")
    for line in doc.removed:
        if line.reason == "date line":
            parsed = parse_date_line(line.text, doc.lang) or parse_date_line(line.text)
            if parsed:
                return Published(parsed, "page", 0.9, f"line {line.line}: {line.text.strip()}")
    if doc.meta.get("feed_date") and (parsed := _iso(str(doc.meta["feed_date"]))):  # set by linimasa.fetch
        return Published(parsed, "feed", 0.85, f"feed entry date: {doc.meta['feed_date']}")
    url = doc.meta.get("url") or (doc.source if doc.source.startswith("http") else "")
    if url:
        parsed = _url_date(url)
        if parsed:
            return Published(parsed, "url", 0.8, url)
    # HTTP Last-Modified: the server's last change of the page, often later than publication; the weakest clue
    if doc.meta.get("http_last_modified") and (parsed := _iso(str(doc.meta["http_last_modified"]))):
        return Published(parsed, "http", 0.6, f"HTTP Last-Modified: {doc.meta['http_last_modified']}")
    return None


def _iso(value: str) -> str | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    return match.group(0) if match else None


@stage("dating", requires={"clean", "language", "sentences"}, provides={"dating"})
def date_document(doc: Document, ctx: Context) -> Document:
    """Set `doc.published` from what the document states, else from what its content implies; None if neither."""
    doc.published = explicit_date(doc) or infer_published(doc.text, [s.span for s in doc.sentences],
                                                          doc.lang or ctx.get("default_lang"))
    return doc
