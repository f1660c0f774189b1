"""Sentence splitting with spaCy: its tokenizer for the document's language and its rule-based sentencizer's rule.

spaCy's `Sentencizer` builds a Python object for every token to apply its rule, which made sentence splitting
the slowest stage on long news. Here only the stretches of text around sentence-ending marks are tokenized, and the
sentencizer's rule, with its own punctuation list, is applied to the token arrays spaCy returns (`Doc.to_array`).
`tests/stages/test_sentences.py` checks the sentences are the Sentencizer's.
"""

from __future__ import annotations

import bisect
import functools
import re

import numpy as np

from ..entities.ner import tokenizer
from ..model import Document, Sentence, Span
from ..pipeline import stage
from ..settings import Context


def _nlp(code: str):
    """The pipeline that tokenizes language `code`: the one entities are found with, so each process builds one
    tokenizer per language (see `linimasa.tokenizer`)."""
    return tokenizer(code)


@functools.cache
def _punct_chars() -> tuple[str, ...]:
    """The marks spaCy's Sentencizer ends sentences with (spaCy imported when first needed: see linimasa.tokenizer)."""
    from spacy.pipeline import Sentencizer

    return tuple(Sentencizer.default_punct_chars)


@functools.cache
def _sentence_enders(code: str) -> np.ndarray:
    strings = _nlp(code).vocab.strings
    return np.array([strings.add(c) for c in _punct_chars()], dtype=np.uint64)


def _sentence_starts(doc, code: str) -> list[int]:
    """Character offsets where spaCy's Sentencizer would start sentences in `doc`: at the first token after a
    sentence-ending mark that is not punctuation itself (and at the first token)."""
    if not len(doc):
        return [0]
    from spacy.attrs import IDX, IS_PUNCT, ORTH

    orth, punct, idx = doc.to_array([ORTH, IS_PUNCT, IDX]).T
    ender = np.isin(orth, _sentence_enders(code))
    plain = np.flatnonzero((punct == 0) & ~ender)
    enders_before = np.cumsum(ender)[plain] - ender[plain]  # sentence-ending marks before each plain token
    new = np.diff(np.concatenate(([0], enders_before))) > 0  # one since the previous plain token
    starts = [0] + [int(idx[i]) for i in plain[new] if i > 0]
    return starts


# Only the stretches around sentence-ending marks need tokens: spaCy splits text into tokens within
# white-space-separated chunks, each on its own, so the marks' chunks and those after them up to the first chunk
# with a word and no mark (its first token is where a sentence may start) are tokenized, side by side.
_REST_OF_CHUNK = re.compile(r"\S*")
_NEXT_CHUNK = re.compile(r"\s+(\S+)")
_WORD = re.compile(r"\w")


@functools.cache
def _ender() -> re.Pattern:
    return re.compile(f"[{re.escape(''.join(_punct_chars()))}]")


def _stretches(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of `paragraph` whose tokens decide where its sentences start."""
    out: list[tuple[int, int]] = []
    ender = _ender()
    for m in ender.finditer(paragraph):
        start = m.start()
        if out and start < out[-1][1]:
            continue
        while start > 0 and not paragraph[start - 1].isspace():  # back to the start of the mark's chunk
            start -= 1
        end = _REST_OF_CHUNK.match(paragraph, m.end()).end()
        while (following := _NEXT_CHUNK.match(paragraph, end)) is not None:
            end = following.end()
            chunk = following.group(1)
            if _WORD.search(chunk) and not ender.search(chunk):
                break
        out.append((start, end))
    return out


_BREAK = "x"  # a word: what stands between two paragraphs' stretches, so a mark never reaches the next one


def _starts(paragraphs: list[tuple[int, str]], code: str) -> list[int]:
    """Offsets (in the text of `paragraphs`, given as (offset, paragraph)) where spaCy's Sentencizer, run
    paragraph by paragraph, would start sentences other than at a paragraph's start. The stretches of the whole
    text are tokenized at once."""
    joined: list[str] = []
    where: list[tuple[int, int]] = []  # (offset in the joined text, offset in the text; -1 for a paragraph break)
    at = 0
    for offset, paragraph in paragraphs:
        for a, b in _stretches(paragraph):
            where.append((at, offset + a))
            joined.append(paragraph[a:b])
            at += b - a + 1
        where.append((at, -1))
        joined.append(_BREAK)
        at += len(_BREAK) + 1
    out = []
    for s in _sentence_starts(_nlp(code).tokenizer(" ".join(joined)), code)[1:]:
        at, origin = where[bisect.bisect_right(where, (s, 1 << 62)) - 1]
        if origin >= 0:
            out.append(origin + s - at)
    return out


def split(text: str, code: str) -> list[Span]:
    """Sentence spans of `text`; paragraph breaks (blank lines) always end a sentence.

    >>> [s.text for s in split("Biden menelepon. Putin menjawab.", "id")]
    ['Biden menelepon.', 'Putin menjawab.']
    """
    paragraphs, offset = [], 0
    for paragraph in text.split("\n\n"):
        paragraphs.append((offset, paragraph))
        offset += len(paragraph) + 2
    inner = _starts(paragraphs, code)
    spans: list[Span] = []
    i = 0
    for offset, paragraph in paragraphs:
        starts = [offset]
        while i < len(inner) and inner[i] < offset + len(paragraph):
            starts.append(inner[i])
            i += 1
        for a, b in zip(starts, starts[1:] + [offset + len(paragraph)]):
            piece = text[a:b]
            stripped = piece.strip()
            if stripped:
                start = a + (len(piece) - len(piece.lstrip()))
                spans.append(Span(start, start + len(stripped), stripped))
    return spans


@stage("sentences", requires={"clean", "language"}, provides={"sentences"})
def split_sentences(doc: Document, ctx: Context) -> Document:
    doc.sentences = [Sentence(span) for span in split(doc.text, doc.lang or ctx.get("default_lang"))]
    return doc
