"""Features of event candidates: the words of the document tell the type model what kind of news a candidate
stands in."""

from __future__ import annotations

from linimasa.events.classify import model
from linimasa.events.features import (DOC_WORD_CHARS, DOC_WORD_WEIGHT, candidate_features, document_features,
                                      document_words)

from .test_roles_and_status import events_of


def test_document_words_are_the_opening_words_in_lower_case():
    text = "Laga FINAL di Jakarta, 21-5: Federer v Nadal. " + " " * DOC_WORD_CHARS + "Presiden"
    assert document_words(text) == {"laga", "final", "jakarta", "federer", "nadal"}  # no "di", "v", numbers, tail


def test_each_document_word_is_a_feature_of_the_candidate_below_a_sentence_feature():
    x = candidate_features("id", "CONSULT", "bertemu", None, None, [], 0, 0, "happened", False, 0,
                           "Keduanya bertemu.", 9, document_features("Laga final", "id"))
    assert x["doc=id:laga"] == x["doc=id:final"] == DOC_WORD_WEIGHT < x["word=id:bertemu"]
    assert not any(k.startswith("doc=") for k in candidate_features(
        "id", "CONSULT", "bertemu", None, None, [], 0, 0, "happened", False, 0, "Keduanya bertemu.", 9))


def _confidence(text: str, trigger: str) -> float:
    return next(m.confidence for m in events_of(text, "id", "2017-11-26", every=True) if m.trigger == trigger)


def test_a_meeting_in_a_match_report_is_less_likely_an_event_than_in_a_political_story():
    meeting = "Keduanya bertemu di Jakarta pada Senin untuk ketiga kalinya tahun ini."
    match = ("Pebulu tangkis ganda putri Greysia Polii dan Apriyani Rahayu melaju ke babak final turnamen bulu "
             "tangkis Hong Kong Terbuka setelah menang dua gim langsung atas pasangan Jepang di laga semifinal. " + meeting)
    politics = ("Presiden Joko Widodo menerima Perdana Menteri Malaysia di Istana Bogor untuk membahas kerja sama "
                "perbatasan, perdagangan dan perlindungan tenaga kerja Indonesia, kata juru bicara kepresidenan. "
                + meeting)
    assert model("type") is not None
    assert _confidence(match, "bertemu") < _confidence(politics, "bertemu")
