"""The confidence threshold: each language's own by default, one number for all when the user gives it."""

from linimasa.events.threshold import describe, shown
from linimasa.model import EventMention, Span
from linimasa.settings import Context


def _mention(lang: str, confidence: float) -> EventMention:
    return EventMention(doc_id="d", sentence=0, span=Span(0, 1, "x"), type="CONSULT", trigger="met", date="",
                        date_source="", status="happened", confidence=confidence, lang=lang)


def test_each_language_has_its_own_default_and_a_given_threshold_holds_for_all():
    english, indonesian = _mention("en", 0.6), _mention("id", 0.6)
    assert not shown(english, None) and shown(indonesian, None)
    assert shown(english, 0.28) and shown(indonesian, 0.28)
    assert not shown(english, 0.62) and not shown(indonesian, 0.62)


def test_a_mention_of_no_known_language_takes_the_fallback():
    assert shown(_mention("", 0.3), None) and not shown(_mention("xx", 0.2), None)


def test_the_setting_is_unset_by_default_and_a_number_when_given():
    assert Context.create(environ={}).get("min_confidence") is None
    assert Context.create(environ={"LINIMASA_MIN_CONFIDENCE": "0.5"}).get("min_confidence") == 0.5
    assert Context.create({"min_confidence": ""}, environ={}).get("min_confidence") is None


def test_the_threshold_is_told_per_language_in_messages():
    assert describe(None, {"en", "id"}) == "0.65 (en), 0.56 (id)" and describe(0.5, {"en"}) == "0.5"
