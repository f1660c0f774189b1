"""The event models' trainer keeps a document word only where it tells of a kind of news, and leaves the words out
of the status decision."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# loaded by path: bench/events.py, which the bench tests import, is also a module named "events"
_spec = importlib.util.spec_from_file_location("train_events", ROOT / "train" / "events.py")
trainer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(trainer)


def test_a_document_word_of_fewer_articles_than_the_minimum_is_pruned():
    rows = [{"x": {"bias": 1.0, "doc=id:laga": 0.3, f"doc=id:only{g}": 0.3}, "group": g, "y": "NONE", "w": 1.0}
            for g in ("a", "b", "c")]
    rows.append({"x": {"bias": 1.0, "doc=id:laga": 0.3}, "group": "a", "y": "CONSULT", "w": 1.0})
    pruned = trainer.prune_document_words(rows, min_articles=3)
    assert [sorted(r["x"]) for r in pruned] == [["bias", "doc=id:laga"]] * 4
    assert [r["y"] for r in pruned] == ["NONE", "NONE", "NONE", "CONSULT"]


def test_status_rows_read_the_sentence_not_the_document():
    assert trainer.sentence_features({"bias": 1.0, "word=id:bertemu": 1.0, "doc=id:laga": 0.3}) == {
        "bias": 1.0, "word=id:bertemu": 1.0}


def test_a_role_threshold_is_the_one_that_makes_the_most_mentions_right_in_the_role():
    gold = [["Budi Santoso"], [], ["KPK"]]  # three mentions the rules gave no target
    pairs = [({"mention": 0, "name": "Budi Santoso"}, {"target": 0.9, "none": 0.1}),
             ({"mention": 1, "name": "Jakarta"}, {"target": 0.7, "none": 0.3}),  # right with none: lost at <= 0.7
             ({"mention": 2, "name": "KPK"}, {"target": 0.55, "none": 0.45}),
             ({"mention": 2, "name": "Polri"}, {"target": 0.52, "none": 0.48})]  # both taken at 0.5: wrong
    best = trainer.role_gain("target", gold)(pairs)
    # 2 right from 0.55 on (Jakarta lost, KPK won) to 0.9 (Jakarta not taken, KPK lost); a tie goes to the higher
    assert best["value"] == 0.9 and best["right_before"] == 1 and best["right_after"] == 2 and best["gain"] == 1


def test_option_rows_carry_their_mentions_index():
    rows = trainer.role_rows([[{"name": "KPK"}, {"name": "Polri"}], [], [{"name": "warga"}]])
    assert [(r["name"], r["mention"]) for r in rows] == [("KPK", 0), ("Polri", 0), ("warga", 2)]


def test_any_feature_of_fewer_articles_than_the_minimum_is_pruned_with_an_empty_prefix():
    # the proposal model's rows: a word or pairing that one article holds is pruned, whatever its kind
    rows = [{"x": {"w=en:lobby": 1.0, f"h=en:only{g}|dobj": 1.0}, "group": g, "y": "NONE", "w": 1.0}
            for g in ("a", "b", "c")]
    pruned = trainer.prune_document_words(rows, min_articles=3, prefix="")
    assert [sorted(r["x"]) for r in pruned] == [["w=en:lobby"]] * 3
    assert [sorted(r["x"]) for r in trainer.prune_document_words(rows, min_articles=3)] == [
        ["h=en:onlya|dobj", "w=en:lobby"], ["h=en:onlyb|dobj", "w=en:lobby"], ["h=en:onlyc|dobj", "w=en:lobby"]]
