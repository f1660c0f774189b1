import functools

import pytest
import spacy
from spacy.attrs import IDX, SENT_START

from linimasa.stages.sentences import split
from tests.conftest import SEEDS


def test_sentence_spans_point_into_the_text(seed_docs):
    for doc in seed_docs.values():
        assert doc.sentences
        for s in doc.sentences:
            assert doc.text[s.span.start:s.span.end] == s.span.text


def test_split_keeps_paragraphs_apart():
    text = "Biden menelepon Putin\n\nPutin menjawab. Lalu dia pergi."
    assert [s.text for s in split(text, "id")] == ["Biden menelepon Putin", "Putin menjawab.", "Lalu dia pergi."]


@functools.cache
def _sentencizer(code: str):
    nlp = spacy.blank(code)
    nlp.add_pipe("sentencizer")
    return nlp


def _spacy_split(text: str, code: str) -> list[tuple[int, int]]:
    """Sentence spans as spaCy's own Sentencizer gives them (paragraph by paragraph, pieces stripped)."""
    nlp = _sentencizer(code)
    spans, offset = [], 0
    for paragraph in text.split("\n\n"):
        starts = [int(i) for flag, i in nlp(paragraph).to_array([SENT_START, IDX]) if flag == 1] or [0]
        for a, b in zip(starts, starts[1:] + [len(paragraph)]):
            piece = paragraph[a:b]
            if piece.strip():
                start = offset + a + len(piece) - len(piece.lstrip())
                spans.append((start, start + len(piece.strip())))
        offset += len(paragraph) + 2
    return spans


TRICKY = ['Biden menelepon. Putin menjawab! "Ya." Lalu (kata dia) pergi... ok', "...Hello", ". . .", "", "a.  b",
          'said."  "Next one', "Yes. $5 more.", "x.\nY", "x.\n\n\nY. Z", "End. \u2014 Next", "end.\u00a0Next",
          "U.S. officials met Mr. Putin on Dec. 7. Talks (video) ended?! Yes.", "Wow!!! Really?? ok", "3.5% . Then"]


@pytest.mark.parametrize("code", ["id", "en"])
def test_splits_are_spacys_sentencizer(code):
    """Tokenizing only the stretches around sentence-ending marks gives spaCy's Sentencizer's own sentences."""
    texts = [path.read_text(errors="replace") for path in sorted(SEEDS.iterdir())] + TRICKY
    for text in texts:
        assert [(s.start, s.end) for s in split(text, code)] == _spacy_split(text, code), text[:80]
