"""The Python API: `process(paths)` reads, runs the pipeline, stores, and returns a `Corpus` with its timeline."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from tqdm import tqdm

from .corpus.dating import date_corpus, reference_index
from .corpus.dedupe import Deduper
from .corpus.timeline import stored_timeline
from .model import Document, Timeline
from .pipeline import DEFAULT_STAGES, Pipeline
from .readers import Skipped, read_paths
from .settings import Context
from .store import SQLiteStore, open_store

log = logging.getLogger(__name__)


@dataclass
class Summary:
    """What a run did, for the closing report and the exit code."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    dated_across: int = 0
    copies: int = 0

    def lines(self) -> list[str]:
        out = [
            f"documents read: {self.read}, stored: {self.stored}, already stored: {self.already_stored}, "
            f"skipped: {len(self.skipped)}"
            + (f", dated from other documents: {self.dated_across}" if self.dated_across else "")
            + (f", copies of other documents: {self.copies}" if self.copies else "")
        ]
        out += [f"  skipped {reason}" for _, reason in self.skipped]
        out += [f"  problem in {doc_id}: {problem}" for doc_id, problem in self.problems]
        return out


@dataclass
class Corpus:
    documents: list[Document]
    summary: Summary
    timeline: Timeline
    store: SQLiteStore


def process(
    paths: Iterable[str | Path],
    db: str = ":memory:",
    stages: Iterable[str] = DEFAULT_STAGES,
    settings: dict[str, Any] | None = None,
    progress: bool = False,
    on_document: Callable[[Document], None] | None = None,
) -> Corpus:
    """Read `paths`, run the pipeline on each document, store it in `db`, and build the timeline.

    >>> corpus = process(["../shared/seeds"])  # doctest: +SKIP
    >>> corpus.documents[2].published.date     # doctest: +SKIP
    '2021-12-08'
    """
    ctx = Context.create(settings)
    pipeline = Pipeline(stages)
    store = open_store(db)
    summary = Summary()
    documents: list[Document] = []
    items = read_paths(list(paths), ctx)
    deduper = Deduper(embeddings=ctx.get("dedupe_embeddings")) if ctx.get("dedupe") else None
    for item in tqdm(items, desc="linimasa", unit="doc", disable=not progress, leave=False):
        if isinstance(item, Skipped):
            summary.skipped.append((item.source, item.reason))
            store.put_skipped(item.source, item.reason, item.raw)
            continue
        summary.read += 1
        existing = store.has_content(item.content_sha256)
        if existing:
            summary.already_stored += 1
            documents.append(store.document(existing))
            continue
        doc = pipeline(item, ctx)
        if not doc.text.strip():
            reason = f"{doc.source}: " + ("; ".join(doc.problems) or "no article text after cleaning")
            summary.skipped.append((doc.source, reason))
            store.put_skipped(doc.source, reason, doc.raw)
            continue
        store.put(doc)
        if deduper is not None and (copy := deduper.add(doc)) is not None:
            store.put_copy(copy.doc_id, copy.original_id, copy.similarity, copy.method)
            summary.copies += 1
        summary.stored += 1
        summary.problems += [(doc.id, p) for p in doc.problems]
        documents.append(doc)
        if on_document:
            on_document(doc)
    undated = [d for d in documents if d.published is None]
    if undated and "dating" in pipeline.names:
        for doc in date_corpus(undated, reference_index(store), lambda d: pipeline.rerun_after("dating", d, ctx)):
            store.replace(doc)
            summary.dated_across += 1
    return Corpus(documents, summary, stored_timeline(store, ctx.get("max_event_gap_days")), store)
