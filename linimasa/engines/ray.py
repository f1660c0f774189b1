"""The Ray engine (`linimasa run --engine ray`): the per-document stages as Ray Data jobs, on a local Ray (started
for the run, `jobs` workers) or on the cluster that `RAY_ADDRESS` names (`ray start --head` on one machine,
`ray start --address HEAD:6379` on the others; each needs linimasa installed).

Documents are read by the caller and handed over `RAY_CHUNK` at a time: each chunk becomes a dataset
(`ray.data.from_items`) mapped by a pool of actors that each load the pipeline's models once
(`map_batches` with `ActorPoolStrategy`), and comes back in order (`preserve_order`), so the store, the copy index and
the cross-document steps see the documents exactly as with the local engine. Documents travel pickled.
"""

from __future__ import annotations

import logging
import os
import pickle
from typing import Any, Iterator

import numpy as np

from ..corpus.dedupe import Fingerprint
from ..errors import LinimasaError
from ..model import Document
from ..settings import Context

log = logging.getLogger(__name__)

# Documents per Ray Data job: the actors load their models once per job (a few seconds), so a job should hold
# minutes of work; a chunk of news is tens of MB in Ray's object store.
RAY_CHUNK = 1000
# Documents per call of an actor: small, so that both workers get work from a small chunk too.
RAY_BATCH = 8


class _Stages:
    """One Ray actor: the pipeline and the fingerprinter, built once, applied to batches of pickled documents."""

    def __init__(self, stages: tuple[str, ...], settings: dict[str, Any]):
        from ..pipeline import Pipeline
        from .local import fingerprinter

        self.ctx = Context(settings=settings)
        self.pipeline = Pipeline(stages)
        self.fingerprints = fingerprinter(self.ctx)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        from .local import prepare

        out = [pickle.dumps(prepare(pickle.loads(item), self.pipeline, self.ctx, self.fingerprints))
               for item in batch["doc"]]
        return {"done": np.array(out, dtype=object)}


class RayEngine:
    batch_size = RAY_CHUNK

    def __init__(self, stages: tuple[str, ...], ctx: Context):
        try:
            import ray
        except ImportError as exc:
            raise LinimasaError("--engine ray needs Ray: pip install 'linimasa[ray]'") from exc
        self.ray = ray
        self.stages, self.settings = stages, dict(ctx.settings)
        self.workers = max(1, ctx.get("jobs"))
        self.started = not ray.is_initialized()
        if self.started:
            address = os.environ.get("RAY_ADDRESS")
            try:
                ray.init(address=address or None, num_cpus=None if address else self.workers,
                         include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING,
                         configure_logging=False)
            except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ...: say what to do
                raise LinimasaError(f"cannot start or reach Ray ({exc}); check RAY_ADDRESS or run `ray start --head`"
                                    ) from exc
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # Ray Data's plan and timing lines are not ours to print
        data = ray.data.DataContext.get_current()
        data.execution_options.preserve_order = True  # the same order as the local engine: same ids, same copies
        data.enable_progress_bars = False

    def run(self, docs: list[Document]) -> Iterator[tuple[Document, Fingerprint | None]]:
        if not docs:
            return iter(())
        dataset = self.ray.data.from_items([{"doc": pickle.dumps(d)} for d in docs])
        done = dataset.map_batches(
            _Stages, fn_constructor_args=(self.stages, self.settings), batch_size=RAY_BATCH, batch_format="numpy",
            compute=self.ray.data.ActorPoolStrategy(size=min(self.workers, len(docs))), num_cpus=1)
        return (pickle.loads(row["done"]) for row in done.iter_rows())

    def rerun_after(self, name: str, doc: Document) -> Document:
        """In this process: the few documents dated from the others after the Ray job."""
        from ..pipeline import Pipeline

        return Pipeline(self.stages).rerun_after(name, doc, Context(settings=self.settings))

    def close(self) -> None:
        if self.started:
            self.ray.shutdown()
