"""The local engine: a document dated from the other documents is run again in a worker, where the models are,
with the result the main process would get."""

from __future__ import annotations

import os

from linimasa.engines.local import LocalEngine
from linimasa.model import Document, Published
from linimasa.pipeline import DEFAULT_STAGES
from linimasa.settings import Context

TEXT = ("Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Bogor pada Senin. Kedua pemimpin membahas "
        "kerja sama perbatasan, kata juru bicara istana.")


def _undated() -> Document:
    return Document(id="d", source="d", media_type="text/plain", content_sha256="", content=TEXT)


def test_a_rerun_after_dating_runs_in_a_worker_with_the_in_process_result():
    ctx = Context.create({"jobs": 2, "dedupe": False})
    engine = LocalEngine(tuple(DEFAULT_STAGES), ctx)
    try:
        (doc, _), = engine.run([_undated()])
        doc.published = Published(date="2023-03-14", source="inferred", confidence=0.9)
        again = engine.rerun_after("dating", doc)
        pid = engine.pool.apply(os.getpid)
    finally:
        engine.close()
    assert pid != os.getpid()
    single = LocalEngine(tuple(DEFAULT_STAGES), Context.create({"jobs": 1, "dedupe": False}))
    here = single.rerun_after("dating", doc)
    assert [(m.type, m.date, m.actors, m.targets) for m in again.event_mentions] == \
        [(m.type, m.date, m.actors, m.targets) for m in here.event_mentions]
    assert any(m.date == "2023-03-13" for m in again.event_mentions)  # "Senin" before the new publication day
