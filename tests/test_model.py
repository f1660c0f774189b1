"""The model's JSON: written object by object (`to_json`) and read back in place (`from_json`), equal to the plain
copies (`to_dict`, `from_dict`) it replaces on the store's path."""

import json

import pytest

from linimasa.model import Document, EventMention, Span, from_dict, from_json, to_dict, to_json


def test_a_processed_document_round_trips_through_json(seed_docs):
    for doc in seed_docs.values():
        text = to_json(doc)
        assert json.loads(text) == to_dict(doc)  # the same data as the plain copy, without making that copy
        back = from_json(Document, text)
        assert back == from_dict(Document, to_dict(doc))
        assert back.event_mentions and isinstance(back.event_mentions[0], EventMention)
        assert isinstance(back.event_mentions[0].span, Span)


def test_raw_bytes_and_classifier_features_are_not_written():
    m = EventMention("d", 0, Span(0, 4, "Kyiv"), "ASSAULT", "hit", "", "", "happened", features={"x": 1.0})
    doc = Document("d", "s", "text/plain", "sha", raw=b"\xff", content="c", text="Kyiv", event_mentions=[m])
    data = json.loads(to_json(doc))
    assert "raw" not in data and "content" not in data and "features" not in data["event_mentions"][0]


def test_something_that_is_not_a_model_object_is_a_clear_error():
    with pytest.raises(TypeError, match="not a linimasa model object"):
        to_json({"when": object()})
