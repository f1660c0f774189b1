import pytest

import linimasa
from linimasa.model import to_dict

from linimasa.errors import StageError
from linimasa.model import Document
from linimasa.pipeline import DEFAULT_STAGES, Pipeline, stage
from linimasa.settings import Context

from .conftest import SEEDS


def test_missing_requirement_is_caught_when_the_pipeline_is_built():
    with pytest.raises(StageError, match="'dating' needs 'sentences'; add it before 'dating'"):
        Pipeline(["clean", "language", "dating"])


def test_unknown_stage():
    with pytest.raises(StageError, match="unknown stage 'nope'"):
        Pipeline(["clean", "nope"])


def test_default_pipeline_builds():
    assert Pipeline().names == list(DEFAULT_STAGES)


@stage("test_boom", requires={"clean"})
def _boom(doc, ctx):
    raise ValueError("broken on purpose")


@stage("test_after_boom", requires={"test_boom"})
def _after_boom(doc, ctx):
    doc.title = "should not run"
    return doc


def test_a_failing_stage_is_recorded_and_stages_that_need_it_are_skipped():
    doc = Document(id="x", source="x", media_type="text/plain", content_sha256="0",
                   content="Judul berita ini\n\nIsi berita yang cukup panjang untuk dibaca orang.")
    doc = Pipeline(["clean", "test_boom", "test_after_boom"])(doc, Context.create())
    assert doc.problems == ["stage test_boom failed: ValueError: broken on purpose"]
    assert doc.title == "Judul berita ini" and doc.done == ["clean"]


def test_rerunning_the_stages_after_one_contains_a_failure_too():
    doc = Document(id="x", source="x", media_type="text/plain", content_sha256="0",
                   content="Judul berita ini\n\nIsi berita yang cukup panjang untuk dibaca orang.")
    pipeline = Pipeline(["clean", "test_boom", "test_after_boom"])
    doc = pipeline(doc, Context.create())
    doc = pipeline.rerun_after("clean", doc, Context.create())  # runs test_boom again, which fails again
    assert doc.problems == ["stage test_boom failed: ValueError: broken on purpose"] * 2
    assert doc.title == "Judul berita ini" and doc.done == ["clean"]


def test_two_processes_give_the_same_documents_as_one(tmp_path):
    one = linimasa.process([SEEDS], db=str(tmp_path / "one.db"))
    two = linimasa.process([SEEDS], db=str(tmp_path / "two.db"), settings={"jobs": 2})
    assert [to_dict(d) for d in one.documents] == [to_dict(d) for d in two.documents]
    assert [e.date for e in one.timeline.events] == [e.date for e in two.timeline.events]
