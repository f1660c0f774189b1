"""The shipped Indonesian tagger/parser (linimasa/models/parser-id, made by train/parser_id.py) on made-up sentences."""

import json
from importlib import resources
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

MODEL = Path(str(resources.files("linimasa").joinpath("models", "parser-id")))


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(str(MODEL))


def parse(nlp, words: list[str]) -> Doc:
    """Pre-tokenised words through the pipeline (the way linimasa.syntax calls it: the tokenizer never runs)."""
    return nlp(Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False]))


def word(doc: Doc, text: str):
    (token,) = [t for t in doc if t.text == text]
    return token


def test_active_sentence_subject_and_object(nlp):
    doc = parse(nlp, ["Polisi", "menangkap", "dua", "tersangka", "di", "Jakarta", "."])
    verb = word(doc, "menangkap")
    assert verb.dep_ == "ROOT" and verb.pos_ == "VERB"
    assert (word(doc, "Polisi").dep_, word(doc, "Polisi").head) == ("nsubj", verb)
    assert (word(doc, "tersangka").dep_, word(doc, "tersangka").head) == ("obj", verb)
    assert (word(doc, "dua").dep_, word(doc, "dua").head.text) == ("nummod", "tersangka")
    assert (word(doc, "di").dep_, word(doc, "di").head.text) == ("case", "Jakarta")


def test_passive_agent_hangs_under_the_verb(nlp):
    doc = parse(nlp, ["Dua", "tersangka", "ditangkap", "oleh", "polisi", "."])
    verb = word(doc, "ditangkap")
    assert verb.dep_ == "ROOT" and "Voice=Pass" in str(verb.morph)
    assert (word(doc, "tersangka").dep_, word(doc, "tersangka").head) == ("nsubj:pass", verb)
    assert word(doc, "polisi").head == verb and word(doc, "polisi").dep_ in {"obl", "obl:agent"}
    assert (word(doc, "oleh").dep_, word(doc, "oleh").head.text) == ("case", "polisi")


def test_raw_text_goes_through_the_indonesian_tokenizer(nlp):
    doc = nlp("Polisi menangkap dua tersangka di Jakarta.")
    assert [t.text for t in doc] == ["Polisi", "menangkap", "dua", "tersangka", "di", "Jakarta", "."]
    assert (word(doc, "Polisi").dep_, word(doc, "Polisi").head.text) == ("nsubj", "menangkap")


def test_shipped_with_scores_licence_and_small():
    scores = json.loads(MODEL.joinpath("scores.json").read_text(encoding="utf-8"))
    for test in ("csui", "gsd"):
        assert scores[test]["las"] > 0.6 and scores[test]["upos"] > 0.85
    assert "CC BY-SA 4.0" in MODEL.joinpath("LICENSE.md").read_text(encoding="utf-8")
    size = sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file())
    assert size < 15_000_000
