"""Web archives: the HTML responses of a WARC file (plain or gzipped), read by warcio, as fetched pages.

Only `response` records with a page content type and status 200 are articles; every other response (images,
scripts, redirects, errors) is passed over, and a record larger than the size cap is recorded as skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import UnreadableDocument
from ..model import Document
from ..readers import Skipped
from .client import PAGE_TYPES, http_date_iso
from .pages import page_document

WARC_ENDINGS = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_ENDINGS)


def read_warc(path: str | Path, max_bytes: int, encoding: str = "") -> Iterator[Document | Skipped]:
    """A `Document` for each archived article page, a `Skipped` (with its reason) for each that cannot be read.

    >>> docs = list(read_warc("crawl.warc.gz", 20 * 2**20))  # doctest: +SKIP
    """
    try:
        stream = open(path, "rb")
    except OSError as exc:
        yield Skipped(str(path), f"{path}: {exc.strerror}; check the path of the WARC file")
        return
    with stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                status = record.http_headers.get_statuscode()
                content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
                if status != "200" or content_type not in PAGE_TYPES:
                    continue
                body = record.content_stream().read(max_bytes + 1)
                source = f"{path}#{url}"
                if len(body) > max_bytes:
                    yield Skipped(source, f"{url} in {path}: over the {max_bytes / 2**20:g} MiB limit; not read")
                    continue
                fetched_at = record.rec_headers.get_header("WARC-Date") or ""
                modified = http_date_iso(record.http_headers.get_header("Last-Modified") or "")
                try:
                    yield page_document(url, body, content_type, fetched_at=fetched_at, last_modified=modified,
                                        encoding=encoding)
                except UnreadableDocument as exc:
                    yield Skipped(source, str(exc), body)
        except ArchiveLoadFailed as exc:
            yield Skipped(str(path), f"{path}: not a readable WARC file ({exc}); the records after the last "
                                     "one read were not read")
