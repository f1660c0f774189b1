"""The Python API: `process(paths)` reads, runs the pipeline, stores, and returns a `Corpus` with its timeline."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from tqdm import tqdm

from .corpus.dating import date_corpus, reference_index
from .corpus.refine import refine_store
from .corpus.dedupe import Deduper
from .corpus.timeline import stored_timeline
from .model import Document, Timeline
from .pipeline import DEFAULT_STAGES, Pipeline
from .readers import Skipped, read_paths
from .settings import Context
from .engines import engine_for
from .memory import limit_arenas, release
from .store import SQLStore, open_store

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
    sharpened: int = 0  # event mentions given a sharper date by another report of the same event

    def lines(self) -> list[str]:
        out = [
            f"documents read: {self.read}, stored: {self.stored}, already stored: {self.already_stored}, "
            f"skipped: {len(self.skipped)}"
            + (f", dated from other documents: {self.dated_across}" if self.dated_across else "")
            + (f", copies of other documents: {self.copies}" if self.copies else "")
            + (f", event dates sharpened from other reports: {self.sharpened}" if self.sharpened else "")
        ]
        out += [f"  skipped {reason}" for _, reason in self.skipped]
        out += [f"  problem in {doc_id}: {problem}" for doc_id, problem in self.problems]
        return out


@dataclass
class Corpus:
    """What a run produced: its summary, the timeline, and the store; `documents` are read back from the store
    when asked for (a run never holds all its documents in memory)."""

    ids: list[str]
    summary: Summary
    timeline: Timeline
    store: SQLStore

    @functools.cached_property
    def documents(self) -> list[Document]:
        return [d for i in self.ids if (d := self.store.document(i)) is not None]


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def process(
    paths: Iterable[str | Path],
    db: str = ":memory:",
    stages: Iterable[str] = DEFAULT_STAGES,
    settings: dict[str, Any] | None = None,
    progress: bool = False,
    on_document: Callable[[Document], None] | None = None,
) -> Corpus:
    """Read `paths`, run the pipeline on each document (in `jobs` processes), store it in `db`, then date what
    is undated from the other documents, and build the timeline. Memory stays flat: documents go to the store
    as they are done, a batch at a time (see `linimasa.engines`).

    >>> corpus = process(["../shared/seeds"])  # doctest: +SKIP
    >>> corpus.documents[2].published.date     # doctest: +SKIP
    '2021-12-08'
    """
    items = read_paths(list(paths), Context.create(settings))
    return process_documents(items, db, stages, settings, progress, on_document)


def process_documents(
    items: Iterable[Document | Skipped],
    db: str = ":memory:",
    stages: Iterable[str] = DEFAULT_STAGES,
    settings: dict[str, Any] | None = None,
    progress: bool = False,
    on_document: Callable[[Document], None] | None = None,
) -> Corpus:
    """`process` for documents already read (fetched pages, feed entries, WARC records: see `linimasa.fetch`):
    each `Document` (raw bytes, source, meta) goes through the same stages, store and cross-document steps; each
    `Skipped` is recorded with its reason.
    """
    limit_arenas()
    ctx = Context.create(settings)
    stages = tuple(stages)
    pipeline = Pipeline(stages)
    store = open_store(db)
    summary = Summary()
    ids: list[str] = []
    undated: list[str] = []
    seen_before: list[str] = []
    deduper = Deduper(store, ctx.get("dedupe_embeddings")) if ctx.get("dedupe") else None
    engine = engine_for(ctx, stages)
    items = tqdm(items, desc="linimasa", unit="doc", disable=not progress, leave=False)
    try:
        for batch in _batches(items, engine.batch_size):
            todo: list[Document] = []
            for item in batch:
                if isinstance(item, Skipped):
                    summary.skipped.append((item.source, item.reason))
                    store.put_skipped(item.source, item.reason, item.raw)
                    continue
                summary.read += 1
                existing = store.has_content(item.content_sha256)
                if existing:
                    summary.already_stored += 1
                    ids.append(existing)
                    seen_before.append(existing)
                    continue
                todo.append(item)
            for doc, fingerprint in engine.run(todo):
                if not doc.text.strip():
                    reason = f"{doc.source}: " + ("; ".join(doc.problems) or "no article text after cleaning")
                    summary.skipped.append((doc.source, reason))
                    store.put_skipped(doc.source, reason, doc.raw)
                    continue
                with store.transaction():  # the document, its fingerprint and its copy relation: all or none
                    stored = store.put(doc)
                    if stored and fingerprint is not None and deduper is not None:
                        fingerprint.doc_id = doc.id  # the store may have renamed it ("x-1a2b3c4d")
                        if (copy := deduper.add(fingerprint)) is not None:
                            store.put_copy(copy.doc_id, copy.original_id, copy.similarity, copy.method)
                            summary.copies += 1
                if not stored:  # the same bytes came twice in one batch
                    summary.already_stored += 1
                    ids.append(store.has_content(doc.content_sha256) or doc.id)
                    continue
                summary.stored += 1
                summary.problems += [(doc.id, p) for p in doc.problems]
                ids.append(doc.id)
                if doc.published is None:
                    undated.append(doc.id)
                if on_document:
                    on_document(doc)
            release()  # what the batch's documents took, back to the system (see linimasa.memory)
        if seen_before:  # stored by an earlier run that may have stopped before dating them from the others
            dated = store.published()
            undated += [i for i in seen_before if i not in dated]
        if undated and "dating" in pipeline.names:
            for doc in date_corpus(undated, store, reference_index(store),
                                   lambda d: engine.rerun_after("dating", d)):
                store.replace(doc)
                summary.dated_across += 1
    finally:
        engine.close()
    if "events" in pipeline.names:
        summary.sharpened = refine_store(store)
    return Corpus(ids, summary, stored_timeline(store, ctx.get("max_event_gap_days"), ctx.get("min_confidence")), store)
