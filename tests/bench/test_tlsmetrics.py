import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from tlsmetrics import Scorer  # noqa: E402

GOLD = {date(2011, 2, 11): ["Mubarak steps down as president after 18 days of protests ."],
        date(2011, 1, 25): ["Thousands of protesters fill Tahrir Square in Cairo ."]}


def test_a_timeline_scores_perfectly_against_itself():
    assert Scorer().all(GOLD, GOLD) == {"date_f1": 1.0, "ar1_f1": 1.0, "ar2_f1": 1.0, "concat_r1_f1": 1.0}


def test_a_day_off_halves_the_aligned_rouge_and_misses_the_date():
    shifted = {date(2011, 2, 12): GOLD[date(2011, 2, 11)], date(2011, 1, 25): GOLD[date(2011, 1, 25)]}
    scores = Scorer().all(shifted, GOLD)
    assert scores["date_f1"] == 0.5 and 0.7 < scores["ar1_f1"] < 0.8 and scores["concat_r1_f1"] == 1.0
