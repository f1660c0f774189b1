"""Whether a happened event the rules date by its report's day is that day's news or background left undated (the
dating model, `classify.decide_undated`)."""

from __future__ import annotations

from linimasa.events import classify
from linimasa.events.features import dating_features
from tests.events.test_arguments import events_of

PUBLISHED = "2021-06-15"


def _dates(text: str, trigger: str) -> list[str]:
    return [m.date for m in events_of(text, PUBLISHED) if m.trigger == trigger]


def test_background_the_rules_date_by_the_report_day_is_left_undated(monkeypatch):
    text = "The company was fined by regulators in three states."
    assert _dates(text, "fined") == [""]
    shipped = classify.model
    monkeypatch.setattr(classify, "model", lambda name, code="": None if name == "dating" else shipped(name, code))
    assert _dates(text, "fined") == [PUBLISHED]  # without the model, the rules date it by the report's day


def test_the_news_of_the_report_day_keeps_its_day():
    assert _dates("Police arrested two men in Jakarta.", "arrested") == [PUBLISHED]


def test_the_background_rules_still_decide_where_they_find_a_cue():
    # the model only ever takes a date away: "had visited" stays undated whatever it would say
    assert _dates("Senator Mary Jones said she had visited Haiti with the governor.", "visited") == [""]


def test_the_dating_features_leave_the_documents_words_out_and_tell_the_sentences_place():
    x = dating_features({"doc=en:oil": 0.3, "lemma=en:fine": 1.0, "bias": 1.0}, 0, "en")
    assert "doc=en:oil" not in x and x["lemma=en:fine"] == 1.0
    assert x["place=lead"] == 1.0 and x["place=lead|lang=en"] == 1.0
    assert "place=tail" in dating_features({}, 40, "id")
