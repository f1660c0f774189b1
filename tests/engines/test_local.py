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


def _models_in_this_process() -> tuple[int, int, bool]:
    from linimasa import syntax
    from linimasa.engines import preload
    from linimasa.entities import ner

    return ner.load_model.cache_info().currsize, syntax.model.cache_info().currsize, preload.LOADED == ["en", "id"]


def test_workers_are_forked_with_the_models_already_loaded():
    """The forkserver loaded every language's models (linimasa.engines.preload): a worker has them before its first
    document, in pages it shares with the other workers."""
    engine = LocalEngine(tuple(DEFAULT_STAGES), Context.create({"jobs": 2, "dedupe": False}))
    try:
        ner_models, parsers, preloaded = engine.pool.apply(_models_in_this_process)
        results = engine.run([_undated()])
        assert not isinstance(results, list)  # handed over one by one, as each is done
        (doc, _), = list(results)
    finally:
        engine.close()
    assert ner_models == 2 and parsers == 2 and preloaded
    assert doc.entities and doc.event_mentions


def test_the_main_process_of_a_jobs_run_never_imports_spacy(tmp_path):
    """With workers, the main process runs only the cross-document steps: spaCy (~55 MiB) stays out of it."""
    import subprocess
    import sys

    from ..conftest import SEEDS

    script = ("import sys, linimasa\n"
              f"c = linimasa.process([{str(SEEDS)!r}], db={str(tmp_path / 'j.db')!r}, settings={{'jobs': 2}})\n"
              "print(c.summary.stored, c.summary.dated_across, 'spacy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert out.stdout.split() == ["5", "3", "False"], out.stderr[-2000:]
