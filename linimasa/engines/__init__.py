"""Engines run the per-document stages (and the fingerprint that finds copies) over batches of documents; the
store, the copy index and the cross-document steps stay with the caller (`linimasa.api.process`).

`local` (the default): in this process, or in `jobs` worker processes (multiprocessing). `ray`: as Ray Data jobs,
on a local Ray or on the cluster `RAY_ADDRESS` names (`linimasa.engines.ray`).
"""

from __future__ import annotations

from typing import Iterator, Protocol

from ..corpus.dedupe import Fingerprint
from ..model import Document
from ..settings import Context

ENGINES = ("local", "ray")


class Engine(Protocol):
    batch_size: int  # documents handed over at a time

    def run(self, docs: list[Document]) -> Iterator[tuple[Document, Fingerprint | None]]:
        """Each document after the stages, with its fingerprint, in the order given, as each is done (the caller
        stores one and lets it go before the next arrives)."""
        ...

    def rerun_after(self, name: str, doc: Document) -> Document:
        """`doc` with the stages after stage `name` run again (a publication date found from other documents),
        where the models already are."""
        ...

    def close(self) -> None: ...


def engine_for(ctx: Context, stages: tuple[str, ...]) -> Engine:
    """The engine the `engine` setting names, with `jobs` workers."""
    name = str(ctx.get("engine")).strip().lower()
    if name == "ray":
        from .ray import RayEngine

        return RayEngine(stages, ctx)
    if name != "local":
        from ..errors import LinimasaError

        raise LinimasaError(f"unknown engine {name!r}; use one of: {', '.join(ENGINES)}")
    from .local import LocalEngine

    return LocalEngine(stages, ctx)
