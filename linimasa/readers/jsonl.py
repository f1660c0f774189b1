"""JSON Lines (optionally gzipped): one article per line with `text` or `html`; optional `id`, `title`, `url`, `date`.

A bad line is skipped with its line number; the other lines are read. A `.jsonl.gz` file is inflated as a stream
(Python's gzip), never whole: a line longer than `max_bytes` is refused as soon as it crosses the limit, and the
file as soon as it has inflated past `MAX_INFLATION` times `max_bytes` (a gzip bomb); the lines before are kept.
Blank lines are passed over a chunk at a time (by `re` and `bytes.count`, not line by line), and a file stops being
read after `MAX_BAD_RUN` unreadable lines in a row, so a bomb of empty or junk lines costs seconds, not hours.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
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
# A JSON Lines file with this many unreadable lines in a row is not JSON Lines (or is a bomb of junk lines): one
# record for the rest instead of a record per line. Real exports have a bad line here and there, not a thousand.
MAX_BAD_RUN = 1000
_NOT_SPACE = re.compile(rb"\S")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _stream(path: Path, data: bytes) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb")
    return io.BytesIO(data)


class _InflatedPastLimit(Exception):
    """The stream gave more than its limit; `args[0]` is the number of the line it was in."""


def _lines(stream: BinaryIO, max_bytes: int, max_total: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) of each line that is not blank, numbered and split as `bytes.splitlines` does (blank lines
    may or may not come out, as blank lines); the line is None, once, as soon
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
            if line is not None and not line:  # at the start of a line: pass over the blank lines in one step
                content = _NOT_SPACE.search(chunk, start)
                last = chunk.rfind(b"\n", start, len(chunk) if content is None else content.start())
                if last >= 0:
                    number += _breaks(chunk, start, last + 1)
                    start = last + 1
                    if start == len(chunk):
                        break
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


def _breaks(chunk: bytes, start: int, end: int) -> int:
    """How many lines `chunk[start:end]` ends, counted as `bytes.splitlines` splits ("\\r\\n" is one break)."""
    return chunk.count(b"\n", start, end) + chunk.count(b"\r", start, end) - chunk.count(b"\r\n", start, end)


def read(path: Path, data: bytes, ctx: Context) -> Iterator[Document | Skipped]:
    stem = path.name.split(".")[0]
    max_bytes = ctx.get("max_bytes")
    lines = _lines(_stream(path, data), max_bytes, MAX_INFLATION * max_bytes)
    number = bad_run = 0
    seen = False  # any line that is not blank
    while True:
        if bad_run == MAX_BAD_RUN:
            yield Skipped(str(path), f"{path}: {MAX_BAD_RUN} unreadable lines in a row (up to line {number}), not "
                                     f"JSON Lines or a bomb of junk lines; lines after {number} were not read")
            return
        try:
            number, line = next(lines)
        except StopIteration:
            if not seen:  # nothing but blank lines: said, as for an empty .txt
                raise UnreadableDocument(f"{path}: empty or only blank lines; nothing to read") from None
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
        seen = seen or line is None or bool(line.strip())
        if line is None:
            yield Skipped(source, f"{source}: line over the {max_bytes / 2**20:g} MiB limit; raise --setting max_bytes")
            continue
        if not line.strip():
            continue
        item = _document(line, source, stem, number, ctx)
        bad_run = bad_run + 1 if isinstance(item, Skipped) else 0
        yield item


def _document(line: bytes, source: str, stem: str, number: int, ctx: Context) -> Document | Skipped:
    try:
        record = json.loads(decode(line, source, ctx.get("encoding")))
    except (UnreadableDocument, json.JSONDecodeError) as exc:
        return Skipped(source, f"{source}: not a JSON object ({exc}); fix or remove the line", line)
    except RecursionError:  # Python's json parser recurses once per bracket: "[[[[…" a hundred thousand deep
        return Skipped(source, f"{source}: JSON nested too deeply to read; fix or remove the line", line)
    if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
        return Skipped(source, f"{source}: no 'text' or 'html' field; each line needs one", line)
    is_html = bool(record.get("html")) and not record.get("text")
    content = record["html"] if is_html else record["text"]
    if not isinstance(content, str):
        field = "html" if is_html else "text"
        return Skipped(source, f"{source}: '{field}' is a JSON {type(content).__name__}, not a string; "
                               "each line needs the article as a string", line)
    meta = {k: _string(record[k]) for k in ("title", "url", "date") if record.get(k)}
    return Document(
        id=_string(record.get("id") or f"{stem}-{number}"),
        source=_string(record.get("url") or source),
        media_type="text/html" if is_html else "text/plain",
        content_sha256=hashlib.sha256(line).hexdigest(),
        raw=line,
        content=_string(content),
        meta=meta,
    )


def _string(value: object) -> str:
    """A field as text that can be stored: JSON may escape lone UTF-16 surrogates ("\\ud800"), which no UTF-8
    database takes; they become U+FFFD, as an undecodable byte does."""
    return _SURROGATE.sub("\ufffd", value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
