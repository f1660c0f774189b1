"""Plain-text pages, and `.txt` files that are really HTML (marked `text/html` for trafilatura)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterator

from ..model import Document
from ..settings import Context
from .decode import decode


def looks_like_html(content: str) -> bool:
    head = content.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def stem(path: Path) -> str:
    """The file name without its reader's ending: the document id."""
    name = path.name
    for suffix in (".txt", ".html", ".htm"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def file_document(path: Path, data: bytes, ctx: Context, media_type: str = "") -> Document:
    """A Document for one whole file; the media type is sniffed from the content unless given."""
    content = decode(data, str(path), ctx.get("encoding"))
    return Document(
        id=stem(path),
        source=str(path),
        media_type=media_type or ("text/html" if looks_like_html(content) else "text/plain"),
        content_sha256=hashlib.sha256(data).hexdigest(),
        raw=data,
        content=content,
    )


def read(path: Path, data: bytes, ctx: Context) -> Iterator[Document]:
    yield file_document(path, data, ctx)
