"""JSON Lines (optionally gzipped): one article per line with `text` or `html`; optional `id`, `title`, `url`, `date`.

A bad line is skipped with its line number; the other lines are read.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from pathlib import Path
from typing import Iterator

from ..errors import UnreadableDocument
from ..model import Document
from ..settings import Context
from .decode import decode


def _lines(path: Path, data: bytes) -> list[bytes]:
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableDocument(f"{path}: not a readable gzip file ({exc}); re-compress it or pass the .jsonl") from exc
    return data.splitlines()


def read(path: Path, data: bytes, ctx: Context) -> Iterator[Document]:
    from . import Skipped

    stem = path.name.split(".")[0]
    max_bytes = ctx.get("max_bytes")
    for number, line in enumerate(_lines(path, data), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        if len(line) > max_bytes:
            yield Skipped(source, f"{source}: line of {len(line) / 2**20:.1f} MiB, over the {max_bytes / 2**20:g} MiB limit; raise --setting max_bytes")
            continue
        try:
            record = json.loads(decode(line, source, ctx.get("encoding")))
        except (UnreadableDocument, json.JSONDecodeError) as exc:
            yield Skipped(source, f"{source}: not a JSON object ({exc}); fix or remove the line", line)
            continue
        if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
            yield Skipped(source, f"{source}: no 'text' or 'html' field; each line needs one", line)
            continue
        is_html = bool(record.get("html")) and not record.get("text")
        meta = {k: record[k] for k in ("title", "url", "date") if record.get(k)}
        yield Document(
            id=str(record.get("id") or f"{stem}-{number}"),
            source=str(record.get("url") or source),
            media_type="text/html" if is_html else "text/plain",
            content_sha256=hashlib.sha256(line).hexdigest(),
            raw=line,
            content=str(record["html"] if is_html else record["text"]),
            meta=meta,
        )
