"""Readers turn paths into Documents, one module per format; `read_paths` walks files and folders.

Every input yields either a `Document` (raw bytes kept exactly) or a `Skipped` record with a clear reason, so a
bad file never stops a batch and no path given is passed over in silence.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterator

from ..errors import UnreadableDocument
from ..model import Document
from ..settings import Context
from . import html, jsonl, text
from .skipped import Skipped
from .walk import expand, not_a_file, storable, why_unreachable

__all__ = ["READERS", "Skipped", "expand", "read_file", "read_paths", "reader_for"]

log = logging.getLogger(__name__)

# Which reader takes which file name ending; order matters for ".jsonl.gz".
READERS = (
    (".jsonl.gz", jsonl.read),
    (".jsonl", jsonl.read),
    (".html", html.read),
    (".htm", html.read),
    (".txt", text.read),
)
ENDINGS = tuple(suffix for suffix, _ in READERS)

# Opening a named pipe waits for a writer; non-blocking, the open returns at once and fstat says what it is.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def reader_for(path: Path):
    name = path.name.lower()
    for suffix, read in READERS:
        if name.endswith(suffix):
            return read
    return None


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of one regular file of at most `max_bytes`, or `UnreadableDocument` saying why not; the size is
    checked before reading and the read is capped, so a file that grows meanwhile is not read whole either."""
    source = str(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise UnreadableDocument(why_unreachable(path, exc)) from exc
    with open(fd, "rb", closefd=True) as f:
        info = os.fstat(fd)
        kind = not_a_file(info.st_mode)
        if kind:
            raise UnreadableDocument(f"{source}: {kind}, not a regular file; pass a file or a folder of files")
        if info.st_size > max_bytes:
            raise UnreadableDocument(_too_large(source, info.st_size, max_bytes))
        try:
            data = f.read(info.st_size + 1)  # one byte more than stat said, to see whether it grew
            if len(data) > info.st_size:
                data += f.read(max_bytes + 1 - len(data))
        except OSError as exc:
            raise UnreadableDocument(why_unreachable(path, exc)) from exc
    if len(data) > max_bytes:
        raise UnreadableDocument(_too_large(source, len(data), max_bytes, growing=True))
    return data


def _too_large(source: str, size: int, max_bytes: int, growing: bool = False) -> str:
    what = "over" if growing else f"{size / 2**20:.1f} MiB, over"
    return (f"{source}: {what} the {max_bytes / 2**20:g} MiB limit" + (" (it grew while being read)" if growing else "")
            + "; raise it with --setting max_bytes=N if this really is one article")


def read_paths(paths: list[str | Path], ctx: Context) -> Iterator[Document | Skipped]:
    """Documents from files and folders; a file named directly with an unknown ending is read as text.

    >>> docs = list(read_paths(["../shared/seeds"], Context.create()))  # doctest: +SKIP
    """
    for item in _read_paths(paths, ctx):
        # Names that are not UTF-8 reach every source, id and reason; they are stored as \xNN escapes.
        item.source = storable(item.source)
        if isinstance(item, Skipped):
            item.reason = storable(item.reason)
        else:
            item.id = storable(item.id)
        yield item


def _read_paths(paths: list[str | Path], ctx: Context) -> Iterator[Document | Skipped]:
    max_bytes = ctx.get("max_bytes")
    for item in expand(paths, ENDINGS):
        if isinstance(item, Skipped):
            yield item
            continue
        source = str(item)
        try:
            data = read_file(item, max_bytes)
        except UnreadableDocument as exc:
            yield Skipped(source, str(exc))
            continue
        read = reader_for(item) or text.read
        try:
            yield from read(item, data, ctx)
        except UnreadableDocument as exc:
            yield Skipped(source, str(exc), data)
