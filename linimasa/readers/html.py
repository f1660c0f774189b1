"""HTML pages; the extraction itself happens in the clean stage (trafilatura)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..model import Document
from ..settings import Context
from .text import file_document


def read(path: Path, data: bytes, ctx: Context) -> Iterator[Document]:
    yield file_document(path, data, ctx, media_type="text/html")
