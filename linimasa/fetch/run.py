"""`linimasa fetch`: URLs, feeds, sitemaps and WARC files into a database, through the same pipeline as
`linimasa run` (`linimasa.api.process_documents`), storing only what is new or changed.

A source given is fetched once and turns out to be an article page, a feed (RSS/Atom) or a sitemap (the
articles it lists are fetched) or, for a local `.warc(.gz)` file, an archive. Per URL (canonical form, see
`linimasa.fetch.pages`), `linimasa.fetch.state` keeps what was seen, in the store (SQLite or PostgreSQL), so that
a second round asks nothing of an entry listed with the same date as before, sends a conditional GET otherwise,
and stores a page again only when its article text changed. Every failure is recorded with its reason (`skipped`
in the store, the URL's state) and the run goes on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..api import Corpus, process_documents
from ..errors import UnreadableDocument
from ..model import Document
from ..pipeline import Pipeline
from ..readers import Skipped
from ..settings import Context
from ..store import open_store
from .client import ANY_SOURCE_TYPES, PAGE_TYPES, SITEMAP_TYPES, Client, Limits, Response
from .errors import FetchError, FetchRefused
from .feeds import Entry, read_listing
from .guard import Guard
from .pages import canonical_url, page_document
from .state import FetchState, UrlState
from .warc import is_warc, read_warc

log = logging.getLogger(__name__)

MAX_SITEMAP_DEPTH = 2     # an index of sitemaps of articles; deeper nesting is not how sites publish them
MAX_LISTED = 1000         # articles taken from one listing per round (a sitemap may name 50,000: later rounds go on)


@dataclass
class FetchReport:
    """What a fetch round did: requests, what was new, what was already known, and every failure with its reason."""

    requested: int = 0
    listings: int = 0
    not_modified: int = 0
    unchanged: int = 0
    known: int = 0
    stored: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    corpus: Corpus | None = None

    def lines(self) -> list[str]:
        out = [f"fetched: {self.requested} requests ({self.listings} feeds/sitemaps), new or changed articles "
               f"stored: {len(self.stored)}, not modified (304): {self.not_modified}, unchanged: {self.unchanged}, "
               f"already listed: {self.known}, failed: {len(self.failed)}"]
        out += [f"  failed {reason}" for _, reason in self.failed]
        return out


def text_sha256(doc: Document, ctx: Context) -> str:
    """Hash of the article text the clean stage finds in `doc` (run on a copy): a page whose ads, counters or
    comments changed but whose article did not has the same one."""
    probe = dataclasses.replace(doc, meta=dict(doc.meta), problems=[], removed=[])
    probe = Pipeline(("clean",))(probe, ctx)
    return hashlib.sha256(f"{probe.title}\n{probe.text}".encode("utf-8")).hexdigest()


class Gatherer:
    """Turns sources into Documents (new or changed pages) and Skipped records, keeping the URL state."""

    def __init__(self, client: Client, state: FetchState, ctx: Context, report: FetchReport) -> None:
        self.client, self.state, self.ctx, self.report = client, state, ctx, report
        self.pending: dict[str, UrlState] = {}  # document source -> its URL's state, written once stored

    def __call__(self, sources: Iterable[str]) -> Iterator[Document | Skipped]:
        for source in sources:
            if is_warc(source):
                yield from read_warc(source, self.ctx.get("max_bytes"), self.ctx.get("encoding"))
            elif source.lower().startswith(("http://", "https://")):
                yield from self._source(source, ANY_SOURCE_TYPES, depth=0)
            else:
                reason = (f"{source}: not an http(s) URL or a .warc/.warc.gz file; "
                          + ("read local files with `linimasa run`" if Path(source).exists() else "check it"))
                self.report.failed.append((source, reason))
                yield Skipped(source, reason)

    def _fail(self, url: str, key: str, known: UrlState | None, exc: Exception) -> Skipped:
        outcome = "refused" if isinstance(exc, FetchRefused) else "failed"
        state = dataclasses.replace(known) if known else UrlState(key)
        state.outcome, state.reason = outcome, str(exc)
        self.state.put(state)
        self.report.failed.append((url, str(exc)))
        return Skipped(url, str(exc))

    def _get(self, url: str, key: str, known: UrlState | None, accept: tuple[str, ...]) -> Response:
        self.report.requested += 1
        return self.client.get(url, accept, etag=known.etag if known else "",
                               last_modified=known.last_modified if known else "")

    def _source(self, url: str, accept: tuple[str, ...], depth: int) -> Iterator[Document | Skipped]:
        key = canonical_url(url)
        known = self.state.get(key)
        try:
            response = self._get(url, key, known, accept)
            if response.not_modified:
                self.report.not_modified += 1
                self.state.put(dataclasses.replace(known or UrlState(key), outcome="not modified", reason=""))
                return
            listing = read_listing(response.body, response.content_type, response.url, self.client.limits.max_bytes)
        except FetchError as exc:
            yield self._fail(url, key, known, exc)
            return
        if listing is None:
            yield from self._page(url, key, known, response, None)
            return
        self.report.listings += 1
        self.state.put(UrlState(key, canonical_url(response.url), response.etag, response.last_modified,
                                hashlib.sha256(response.body).hexdigest(), outcome="listing",
                                reason=f"{listing.kind}: {len(listing.entries)} entries"))
        if listing.kind == "sitemap index":
            if depth < MAX_SITEMAP_DEPTH:
                for entry in listing.entries:
                    yield from self._source(entry.url, SITEMAP_TYPES, depth + 1)
            return
        for entry in listing.entries[:MAX_LISTED]:
            yield from self._entry(entry)

    def _entry(self, entry: Entry) -> Iterator[Document | Skipped]:
        key = canonical_url(entry.url)
        known = self.state.get(key)
        if known and known.doc_id and entry.date and known.listed_date == entry.date:
            self.report.known += 1  # listed before with this date and stored: not asked for again
            return
        try:
            response = self._get(entry.url, key, known, PAGE_TYPES)
        except FetchError as exc:
            yield self._fail(entry.url, key, known, exc)
            return
        if response.not_modified:
            self.report.not_modified += 1
            self.state.put(dataclasses.replace(known or UrlState(key), listed_date=entry.date, outcome="not modified",
                                               reason=""))
            return
        yield from self._page(entry.url, key, known, response, entry)

    def _page(self, url: str, key: str, known: UrlState | None, response: Response,
              entry: Entry | None) -> Iterator[Document | Skipped]:
        body_sha256 = hashlib.sha256(response.body).hexdigest()
        state = UrlState(key, canonical_url(response.url), response.etag, response.last_modified, body_sha256,
                         known.text_sha256 if known else "", entry.date if entry else "",
                         known.doc_id if known else "", outcome="unchanged")
        if known and known.doc_id and known.body_sha256 == body_sha256:
            self.report.unchanged += 1
            self.state.put(state)
            return
        try:
            doc = page_document(response.url, response.body, response.content_type, response.charset,
                                response.fetched_at, response.last_modified_iso(), entry.date if entry else "",
                                entry.title if entry else "", self.ctx.get("encoding"))
        except UnreadableDocument as exc:
            skipped = self._fail(url, key, known, exc)
            yield dataclasses.replace(skipped, raw=response.body)
            return
        state.text_sha256 = text_sha256(doc, self.ctx)
        if known and known.doc_id and known.text_sha256 == state.text_sha256:
            self.report.unchanged += 1
            self.state.put(state)
            return
        state.outcome = "pending"
        self.pending[doc.source] = state
        yield doc

    def stored(self, doc: Document) -> None:
        """The pipeline stored `doc`: its URL's state now points to it."""
        state = self.pending.pop(doc.source, None)
        if state is not None:
            state.doc_id, state.outcome = doc.id, "stored"
            self.state.put(state)
        self.report.stored.append(doc.id)

    def settle(self, skipped: dict[str, str]) -> None:
        """After the run: pages the pipeline did not store (no article text) or had stored already."""
        for source, state in self.pending.items():
            reason = skipped.get(source, "")
            state.outcome, state.reason = ("skipped", reason) if reason else ("unchanged", "the same bytes are stored")
            if reason:
                self.report.failed.append((source, reason))
            self.state.put(state)
        self.pending.clear()


def fetch_sources(sources: Iterable[str], db: str = ":memory:", settings: dict[str, Any] | None = None,
                  allow_private: bool = False, allow: Iterable[str] = (), limits: Limits = Limits(),
                  robots: bool = True, progress: bool = False) -> FetchReport:
    """Fetch `sources` (article URLs, feeds, sitemaps, WARC files) into `db`: new and changed articles go
    through the pipeline and the cross-document steps, and get their source-quality flags. The returned report's
    `corpus` holds the open store; close it when done.

    >>> report = fetch_sources(["https://example.org/feed.xml"], db="news.db")  # doctest: +SKIP
    >>> report.corpus.timeline.events[0].sources                                 # doctest: +SKIP
    """
    from ..sources.flags import record_flags

    ctx = Context.create(settings)
    report = FetchReport()
    guard = Guard(allow_private, frozenset(a.lower() for a in allow))
    # The URL state lives in the same database, through a connection of its own: the pipeline opens the store
    # it writes documents to (`process_documents`). ":memory:" gives each connection its own throwaway database.
    state_store = open_store(db)
    try:
        with Client(limits, guard, robots) as client:
            gatherer = Gatherer(client, FetchState(state_store), ctx, report)
            corpus = process_documents(gatherer(list(sources)), db, settings=settings, progress=progress,
                                       on_document=gatherer.stored)
            gatherer.settle(dict(corpus.summary.skipped))
    finally:
        state_store.close()
    record_flags(corpus.store, report.stored)
    report.corpus = corpus
    return report
