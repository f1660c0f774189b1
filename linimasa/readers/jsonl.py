"""JSON Lines (optionally gzipped): one article per line with `text` or `html`; optional `id`, `title`, `url`, `date`.

A bad line is skipped with its line number; the other lines are read. A `.jsonl.gz` file is inflated as a stream
(Python's gzip), never whole: a line longer than `max_bytes` is refused as soon as it crosses the limit, and the
file as soon as it has inflated past `MAX_INFLATION` times `max_bytes` (a gzip bomb); the lines before are kept.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from ..errors import UnreadableDocument
from ..model import Document
from ..settings import Context
from .decode import decode
from .skipped import Skipped

# Inflated bytes taken at a time: small next to any limit, large enough that the loop over chunks costs nothing.
CHUNK_BYTES = 1 << 16
# gzip shrinks news JSON 3 to 6 times, so a file (itself at most max_bytes) that inflates to more than 20 times
# max_bytes is a gzip bomb or a corpus that should be split; stopping there bounds the time spent inflating it.
MAX_INFLATION = 20


def _stream(path: Path, data: bytes) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb")
    return io.BytesIO(data)


class _InflatedPastLimit(Exception):
    """The stream gave more than its limit; `args[0]` is the number of the line it was in."""


def _lines(stream: BinaryIO, max_bytes: int, max_total: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) of each line, numbered and split as `bytes.splitlines` does; the line is None, once, as soon
    as it grows past `max_bytes` (the rest of it is read past, not kept). Raises `_InflatedPastLimit` once more than
    `max_total` bytes have come out of the stream, after the lines that ended before."""
    number, line, total = 1, bytearray(), 0
    while chunk := stream.read1(CHUNK_BYTES):  # read1: what one step inflates, not data lost to a later error
        total += len(chunk)
        over = total > max_total
        if over:
            chunk = chunk[: len(chunk) - (total - max_total)]
        start = 0
        while start < len(chunk):
            end = chunk.find(b"\n", start)
            if line is not None:
                line += chunk[start:] if end < 0 else chunk[start:end]
                if len(line) > max_bytes:
                    line = None
                    yield number, None
            if end < 0:
                break
            parts = [b""] if line is None else (bytes(line).splitlines() or [b""])  # lone "\r" splits too
            if line is not None:
                yield from enumerate(parts, start=number)
            number, line, start = number + len(parts), bytearray(), end + 1
        if over:
            raise _InflatedPastLimit(number)
    if line:
        yield from enumerate(bytes(line).splitlines(), start=number)


def read(path: Path, data: bytes, ctx: Context) -> Iterator[Document | Skipped]:
    stem = path.name.split(".")[0]
    max_bytes = ctx.get("max_bytes")
    lines = _lines(_stream(path, data), max_bytes, MAX_INFLATION * max_bytes)
    number = 0
    while True:
        try:
            number, line = next(lines)
        except StopIteration:
            return
        except _InflatedPastLimit as exc:
            yield Skipped(f"{path}:{exc.args[0]}",
                          f"{path}: inflates past {MAX_INFLATION * max_bytes / 2**20:g} MiB ({MAX_INFLATION} times "
                          f"max_bytes), a gzip bomb or a corpus to split; lines from {exc.args[0]} on were not read")
            return
        except (OSError, EOFError, zlib.error) as exc:
            after = f"; lines after {number} were not read" if number else ""
            raise UnreadableDocument(
                f"{path}: not a readable gzip file ({exc}){after}; re-compress it or pass the .jsonl") from exc
        source = f"{path}:{number}"
        if line is None:
            yield Skipped(source, f"{source}: line over the {max_bytes / 2**20:g} MiB limit; raise --setting max_bytes")
            continue
        if not line.strip():
            continue
        yield _document(line, source, stem, number, ctx)


def _document(line: bytes, source: str, stem: str, number: int, ctx: Context) -> Document | Skipped:
    try:
        record = json.loads(decode(line, source, ctx.get("encoding")))
    except (UnreadableDocument, json.JSONDecodeError) as exc:
        return Skipped(source, f"{source}: not a JSON object ({exc}); fix or remove the line", line)
    if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
        return Skipped(source, f"{source}: no 'text' or 'html' field; each line needs one", line)
    is_html = bool(record.get("html")) and not record.get("text")
    meta = {k: record[k] for k in ("title", "url", "date") if record.get(k)}
    return Document(
        id=str(record.get("id") or f"{stem}-{number}"),
        source=str(record.get("url") or source),
        media_type="text/html" if is_html else "text/plain",
        content_sha256=hashlib.sha256(line).hexdigest(),
        raw=line,
        content=str(record["html"] if is_html else record["text"]),
        meta=meta,
    )
