"""Sentence splitting with spaCy's rule-based sentencizer on a blank pipeline of the document's language."""

from __future__ import annotations

import functools

import spacy
from spacy.attrs import IDX, SENT_START

from .. import lang
from ..model import Document, Sentence, Span
from ..pipeline import stage
from ..settings import Context


@functools.cache
def _nlp(code: str):
    spacy_code = lang.load(code).get("spacy", "xx") if code in lang.available() else "xx"
    try:
        nlp = spacy.blank(spacy_code)
    except Exception:  # spaCy has no tokenizer for this language: the multilingual one still splits sentences
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return nlp


def split(text: str, code: str) -> list[Span]:
    """Sentence spans of `text`; paragraph breaks (blank lines) always end a sentence.

    >>> [s.text for s in split("Biden menelepon. Putin menjawab.", "id")]
    ['Biden menelepon.', 'Putin menjawab.']
    """
    spans: list[Span] = []
    paragraphs = text.split("\n\n")
    offsets = [0]
    for paragraph in paragraphs[:-1]:
        offsets.append(offsets[-1] + len(paragraph) + 2)
    for offset, parsed in zip(offsets, _nlp(code).pipe(paragraphs, batch_size=256)):
        paragraph = parsed.text
        # Sentence starts read as one array (Doc.sents would build a Python object per token: slow on long texts).
        starts = [int(idx) for flag, idx in parsed.to_array([SENT_START, IDX]) if flag == 1] or [0]
        for a, b in zip(starts, starts[1:] + [len(paragraph)]):
            piece = paragraph[a:b]
            stripped = piece.strip()
            if stripped:
                start = offset + a + (len(piece) - len(piece.lstrip()))
                spans.append(Span(start, start + len(stripped), stripped))
    return spans


@stage("sentences", requires={"clean", "language"}, provides={"sentences"})
def split_sentences(doc: Document, ctx: Context) -> Document:
    doc.sentences = [Sentence(span) for span in split(doc.text, doc.lang or ctx.get("default_lang"))]
    return doc
