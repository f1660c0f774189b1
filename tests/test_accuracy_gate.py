"""Accuracy gate: the scores of bench/timex.py, bench/entities.py and bench/events.py (the event test bed's test
split and test draw, through `linimasa.process`) must not fall below bench/baseline.json."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import entities as bench_entities  # noqa: E402
import timex as bench_timex  # noqa: E402

BASELINE = json.loads((ROOT / "bench" / "baseline.json").read_text())
FLOORS = BASELINE["timex"]


def test_seeds_value_accuracy_floor():
    result = bench_timex.score_seeds(bench_timex.seeds_docs(SHARED))
    assert result["value_accuracy"] >= FLOORS["seeds"]["value_accuracy"], result["errors"]


@pytest.mark.parametrize(
    ("name", "code", "pattern"),
    [
        ("indotimex_kompas_gold (id)", "id", "indotimex-kompas/Kompas_test_gold/*.tml"),
        ("tbaq_cleaned (en)", "en", "tempeval3/TBAQ-cleaned/*/*.tml"),
    ],
)
def test_timex_floors(name, code, pattern):
    docs = [bench_timex.read_tml(p) for p in sorted((SHARED / "eval-data").glob(pattern))]
    report = bench_timex.score(docs, code).report()
    for measure, floor in FLOORS[name].items():
        assert report[measure] >= floor, f"{name} {measure} {report[measure]} < {floor}"


@pytest.mark.parametrize("name", sorted(BASELINE["entities"]))
def test_ner_floors(name):
    from linimasa.kb import load_kb

    kb = load_kb()
    sentences = bench_entities.read_conll(SHARED / "eval-data" / "indonesian-ner" / bench_entities.SETS[name])
    result = bench_entities.score_set(sentences, lambda text: bench_entities.system_spans(text, kb))
    assert result["micro"]["f1"] >= BASELINE["entities"][name]["micro_f1"], result


@pytest.fixture(scope="module")
def bed_scores():
    import events as bench_events

    return bench_events.bed(SHARED, ("test", "test-draws"))["scores"]


@pytest.mark.parametrize("name", sorted(k for k in BASELINE["events"] if "/" in k))
def test_event_bed_floors(bed_scores, name):
    for measure, floor in BASELINE["events"][name].items():
        value = bed_scores[name].get(measure, bed_scores[name]["part_accuracy_of_found"].get(measure))
        assert value >= floor, f"{name} {measure} {value} < {floor}"
