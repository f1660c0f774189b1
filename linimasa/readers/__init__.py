"""Readers turn paths into Documents, one module per format; `read_paths` walks files and folders.

Every input yields either a `Document` (raw bytes kept exactly) or a `Skipped` record with a clear reason, so a
bad file never stops a batch.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import UnreadableDocument
from ..model import Document
from ..settings import Context
from . import html, jsonl, text

log = logging.getLogger(__name__)


@dataclass
class Skipped:
    """An input that was not read, with the reason and, where it was small enough, its bytes."""

    source: str
    reason: str
    raw: bytes = b""


# Which reader takes which file name ending; order matters for ".jsonl.gz".
READERS = (
    (".jsonl.gz", jsonl.read),
    (".jsonl", jsonl.read),
    (".html", html.read),
    (".htm", html.read),
    (".txt", text.read),
)


def reader_for(path: Path):
    name = path.name.lower()
    for suffix, read in READERS:
        if name.endswith(suffix):
            return read
    return None


def expand(paths: list[str | Path]) -> Iterator[Path]:
    """Files named directly, and the readable files inside folders (sorted, recursive)."""
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and reader_for(child) is not None:
                    yield child
        else:
            yield p


def read_paths(paths: list[str | Path], ctx: Context) -> Iterator[Document | Skipped]:
    """Documents from files and folders; a file named directly with an unknown ending is read as text.

    >>> docs = list(read_paths(["../shared/seeds"], Context.create()))  # doctest: +SKIP
    """
    max_bytes = ctx.get("max_bytes")
    for path in expand(paths):
        source = str(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield Skipped(source, f"{source}: cannot be read ({exc.strerror or exc}); check the path")
            continue
        if size > max_bytes:
            yield Skipped(
                source,
                f"{source}: {size / 2**20:.1f} MiB, over the {max_bytes / 2**20:g} MiB limit; "
                "raise it with --setting max_bytes=N if this really is one article",
            )
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Skipped(source, f"{source}: cannot be read ({exc.strerror or exc}); check its permissions")
            continue
        read = reader_for(path) or text.read
        try:
            yield from read(path, data, ctx)
        except UnreadableDocument as exc:
            yield Skipped(source, str(exc), data)
