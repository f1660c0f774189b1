"""`--engine ray` runs the stages as Ray Data jobs (a local Ray here) and gives the local engine's results: the
seeds into PostgreSQL, and a whole Timeline17 topic."""

from __future__ import annotations

import pytest

import linimasa
from linimasa.export import timeline_json
from tests.conftest import SEEDS, SHARED

TOPIC = SHARED / "eval-data" / "timeline17" / "H1N1_guardian" / "articles.jsonl.gz"  # 75 articles, the smallest


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


def _stored(store) -> list:
    return [(d.id, d.text, d.published, [m.type for m in d.event_mentions]) for d in store.documents()]


def test_the_seeds_on_ray_into_postgresql_give_the_local_timeline(local_ray, postgres_server, corpus):
    on_ray = linimasa.process([SEEDS], db=postgres_server(), settings={"engine": "ray", "jobs": 2})
    assert on_ray.summary.stored == 5 and on_ray.summary.dated_across == corpus.summary.dated_across
    assert _stored(on_ray.store) == _stored(corpus.store)
    assert timeline_json(on_ray.timeline) == timeline_json(corpus.timeline)
    assert local_ray.is_initialized()  # the engine leaves a Ray it did not start running
    on_ray.store.close()


def test_a_timeline17_topic_on_ray_gives_the_local_timeline(local_ray, tmp_path):
    local = linimasa.process([TOPIC], db=str(tmp_path / "local.db"))
    on_ray = linimasa.process([TOPIC], db=str(tmp_path / "ray.db"), settings={"engine": "ray", "jobs": 2})
    assert on_ray.summary.stored == local.summary.stored == 75
    assert on_ray.store.copies() == local.store.copies()
    assert _stored(on_ray.store) == _stored(local.store)
    assert timeline_json(on_ray.timeline) == timeline_json(local.timeline) and local.timeline.events


def test_an_unknown_engine_says_which_exist(tmp_path):
    with pytest.raises(linimasa.errors.LinimasaError, match="local, ray"):
        linimasa.process([SEEDS / "000_3d91c75fc923eec8.txt"], db=str(tmp_path / "x.db"), settings={"engine": "spark"})
