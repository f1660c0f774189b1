"""Stages registered by name and the Pipeline that runs them in order, checked when it is built.

A stage is a plain function `f(doc, ctx) -> Document` declared with `@stage(name, requires=…, provides=…)`.
The built-in stages are listed once in `BUILTIN_STAGE_MODULES`; other packages add stages through the
`linimasa.stages` entry point group.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Callable, Iterable

from .errors import StageError
from .model import Document
from .settings import Context

log = logging.getLogger(__name__)

StageFn = Callable[[Document, Context], Document]


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    requires: frozenset[str]
    provides: frozenset[str]


_REGISTRY: dict[str, Stage] = {}

BUILTIN_STAGE_MODULES = (
    "linimasa.stages.clean",
    "linimasa.stages.language",
    "linimasa.stages.sentences",
    "linimasa.stages.dating",
    "linimasa.stages.timex",
    "linimasa.stages.entities",
    "linimasa.stages.events",
)

DEFAULT_STAGES = ("clean", "language", "sentences", "dating", "timex", "entities", "events")

_loaded = False


def stage(name: str, requires: Iterable[str] = (), provides: Iterable[str] = ()) -> Callable[[StageFn], StageFn]:
    """Register `fn` as stage `name`.

    >>> @stage("shout", requires={"clean"}, provides={"shout"})
    ... def shout(doc, ctx):
    ...     doc.text = doc.text.upper()
    ...     return doc
    """

    def register(fn: StageFn) -> StageFn:
        _REGISTRY[name] = Stage(name, fn, frozenset(requires), frozenset(provides) | {name})
        return fn

    return register


def _load_stages() -> None:
    global _loaded
    if _loaded:
        return
    for module in BUILTIN_STAGE_MODULES:
        importlib.import_module(module)
    for ep in entry_points(group="linimasa.stages"):
        try:
            ep.load()
        except Exception as exc:  # an outside plugin must not break the built-in pipeline
            log.warning("stage plugin %s could not be loaded: %s", ep.name, exc)
    _loaded = True


def registered_stages() -> dict[str, Stage]:
    _load_stages()
    return dict(_REGISTRY)


class Pipeline:
    """An ordered list of stages whose requirements are checked now, not halfway through a run.

    >>> Pipeline(["clean", "language", "dating"])
    Traceback (most recent call last):
    linimasa.errors.StageError: 'dating' needs 'sentences'; add it before 'dating'
    """

    def __init__(self, names: Iterable[str] = DEFAULT_STAGES):
        stages = registered_stages()
        self.stages: list[Stage] = []
        have = {"read"}
        for name in names:
            if name == "read":
                continue
            if name not in stages:
                raise StageError(f"unknown stage {name!r}; known stages: {', '.join(sorted(stages))}")
            st = stages[name]
            missing = sorted(st.requires - have)
            if missing:
                raise StageError(f"{name!r} needs {missing[0]!r}; add it before {name!r}")
            have |= st.provides
            self.stages.append(st)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def rerun_after(self, name: str, doc: Document, ctx: Context) -> Document:
        """Run again, on a document that went through this pipeline, the stages that depend on stage `name`
        (after its result changed: a new publication date re-resolves time expressions and events)."""
        changed = {name}
        stages = []
        for st in self.stages:
            if st.requires & changed:
                changed |= st.provides
                stages.append(st)
        return self._run(stages, doc, ctx, rerun=True)

    def __call__(self, doc: Document, ctx: Context) -> Document:
        """Run every stage on `doc`; a stage that fails records a problem and the rest that need it are skipped."""
        return self._run(self.stages, doc, ctx)

    @staticmethod
    def _run(stages: list[Stage], doc: Document, ctx: Context, rerun: bool = False) -> Document:
        failed: set[str] = set()
        for st in stages:
            if st.requires & failed:
                failed |= st.provides
                continue
            try:
                doc = st.fn(doc, ctx)
                if not rerun:
                    doc.done.append(st.name)
            except Exception as exc:  # one bad document never stops a batch: record and go on
                log.warning("stage %s failed on %s: %s", st.name, doc.source, exc)
                log.debug("traceback", exc_info=True)
                doc.problems.append(f"stage {st.name} failed: {type(exc).__name__}: {exc}")
                failed |= st.provides
        return doc
