"""The span model's second opinion (`linimasa.events.spans`): it raises a candidate the type model held back when it
gives the candidate's own type at least SPAN_AGREE, never lowers one, and reads a window of a long sentence."""

from __future__ import annotations

import pytest

from linimasa.events import spans
from linimasa.model import Document, EventMention, Sentence, Span
from linimasa.stages import events as stage
from tests.events.test_arguments import events_of


def _doc(sentences: list[str]) -> Document:
    doc = Document(id="t", source="t", media_type="text/plain", content_sha256="")
    doc.text = " ".join(sentences)
    at = 0
    for s in sentences:
        doc.sentences.append(Sentence(Span(at, at + len(s), s)))
        at += len(s) + 1
    return doc


def _mention(doc: Document, word: str, kind: str, confidence: float) -> EventMention:
    start = doc.text.index(word)
    sentence = doc.sentence_of(start)
    span = Span(start, start + len(word), word)
    return EventMention(doc_id=doc.id, sentence=sentence, span=doc.sentences[sentence].span, type=kind, trigger=word,
                        date="", date_source="", status="happened", trigger_span=span, confidence=confidence)


def test_support_is_the_highest_probability_of_the_type_over_the_spans_overlapping_the_trigger():
    found = [(0, 7, {"ACCUSE": 0.2, "PROTEST": 0.7}), (0, 11, {"ACCUSE": 0.95}), (20, 25, {"ACCUSE": 0.99})]
    assert spans.support(found, 0, 7, "ACCUSE") == 0.95  # "accused of": the longer span holds the trigger too
    assert spans.support(found, 0, 7, "PROTEST") == 0.7
    assert spans.support(found, 12, 18, "ACCUSE") == 0.0  # nothing overlaps it


@pytest.fixture
def fake_model(monkeypatch):
    """A span model that gives ACCUSE 0.95 to every word "accused" and 0.5 to every other word, and records the
    texts it was given."""
    read: list[str] = []

    def scores(texts, code):
        read.extend(texts)
        out = []
        for t in texts:
            found, at = [], 0
            for word in t.split(" "):
                found.append((at, at + len(word), {"ACCUSE": 0.95 if word == "accused" else 0.5}))
                at += len(word) + 1
            out.append(found)
        return out

    monkeypatch.setattr(spans, "scores", scores)
    monkeypatch.setattr(spans, "vouched", lambda code: 0.8)
    return read


def test_a_held_back_mention_the_span_model_vouches_for_is_raised_and_no_other_changes(fake_model):
    doc = _doc(["Senators accused the regulator of negligence.", "The agency charged the firm."])
    low = _mention(doc, "accused", "ACCUSE", 0.3)  # the type model held it back
    other_type = _mention(doc, "charged", "SANCTION", 0.3)  # the span model gives SANCTION nothing
    sure = _mention(doc, "regulator", "ACCUSE", 0.9)  # above what the span model would raise it to
    doc.event_mentions = [low, other_type, sure]
    spans.vouch(doc, "en")
    assert (low.confidence, other_type.confidence, sure.confidence) == (0.8, 0.3, 0.9)
    assert fake_model == ["Senators accused the regulator of negligence.", "The agency charged the firm."]


def test_a_mention_it_does_not_vouch_for_is_never_lowered(fake_model):
    doc = _doc(["The agency charged the firm."])
    m = _mention(doc, "charged", "ACCUSE", 0.7)  # 0.5 from the span model: under SPAN_AGREE
    doc.event_mentions = [m]
    spans.vouch(doc, "en")
    assert m.confidence == 0.7


def test_a_long_sentence_is_read_in_a_window_around_the_trigger(fake_model):
    filler = "word " * (spans.SPAN_WINDOW // 2)
    doc = _doc([filler + "Senators accused the regulator. " + filler + filler])
    m = _mention(doc, "accused", "ACCUSE", 0.2)
    doc.event_mentions = [m]
    spans.vouch(doc, "en")
    assert m.confidence == 0.8
    assert len(fake_model) == 1 and len(fake_model[0]) <= 2 * spans.SPAN_WINDOW + len("accused")
    assert len(doc.sentences[0].span.text) > 2 * spans.SPAN_WINDOW


def test_a_language_without_a_span_model_is_left_to_the_type_model():
    assert spans.span_model("es") is None and spans.vouched("es") == 0.0
    doc = _doc(["La policía detuvo a dos sospechosos."])
    m = _mention(doc, "detuvo", "COERCE", 0.2)
    doc.event_mentions = [m]
    spans.vouch(doc, "es")
    assert m.confidence == 0.2


def test_the_shipped_span_model_loads_with_its_measured_precision():
    nlp, precision = spans.span_model("en")
    assert 0.5 < precision <= 1.0
    assert {"ACCUSE", "ASSAULT", "REQUEST"} <= set(nlp.get_pipe("spancat").labels)
    assert spans.span_model("id") is None  # judged and not shipped (id.toml)


def test_the_shipped_span_model_reads_an_event_from_its_context():
    # made-up sentences: the same word "charges", a charge laid and a price
    found = spans.scores(["Prosecutors filed charges against the company on Tuesday.",
                          "The bank charges a fee of two dollars."], "en")
    laid = spans.support(found[0], len("Prosecutors filed "), len("Prosecutors filed charges"), "ACCUSE")
    price = spans.support(found[1], len("The bank "), len("The bank charges"), "ACCUSE")
    assert laid > price


def test_the_stage_asks_the_span_model_after_the_type_model(monkeypatch):
    # the stage's mentions are raised by the span model's opinion, whatever the type model said
    monkeypatch.setattr(spans, "scores", lambda texts, code: [[(0, len(t), {k: 1.0 for k in (
        "ACCUSE", "PROTEST", "REQUEST", "ASSAULT", "COERCE", "SANCTION", "AGREE", "CONSULT", "SUPPORT", "AID",
        "REJECT", "THREATEN", "COOPERATE", "CONCEDE", "RETREAT", "MOBILIZE")})] for t in texts])
    monkeypatch.setattr(spans, "vouched", lambda code: 0.99)
    found = events_of("Senators accused the regulator of negligence on Tuesday.")
    assert found and all(m.confidence >= 0.99 for m in found)
    assert stage.vouch is spans.vouch
