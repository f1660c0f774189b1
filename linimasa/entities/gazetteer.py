"""Knowledge-base names found in text with spaCy's PhraseMatcher (case-sensitive, on the language's tokens)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..kb import KnowledgeBase

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Hit:
    """A knowledge-base name in the text: token and character offsets, and the records it may name."""

    start: int  # token index
    end: int
    start_char: int
    end_char: int
    ids: tuple[str, ...]
    context_only: bool  # a generic name ("Departemen Luar Negeri") that needs its country named in the document


class Gazetteer:
    """Every name of a knowledge base, compiled for one tokenizer."""

    def __init__(self, kb: KnowledgeBase, nlp):
        from spacy.matcher import PhraseMatcher  # spaCy imported when first needed (see linimasa.tokenizer)

        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.names: list[tuple[str, tuple[str, ...], bool]] = []
        rules = nlp.tokenizer.rules or {}
        for index, (names, context_only) in enumerate(((kb.by_name, False), (kb.by_context_name, True))):
            for name, ids in names.items():
                key = f"{index}:{name}"
                self.names.append((key, tuple(ids), context_only))
                self.matcher.add(key, [_pattern(nlp, name, rules)])
        self.lookup = {key: (ids, ctx) for key, ids, ctx in self.names}

    def find(self, doc: Doc) -> list[Hit]:
        """Longest non-overlapping hits, left to right; a plain name beats a context-only one of the same length."""
        hits = []
        for match_id, start, end in self.matcher(doc):
            ids, context_only = self.lookup[doc.vocab.strings[match_id]]
            span = doc[start:end]
            hits.append(Hit(start, end, span.start_char, span.end_char, ids, context_only))
        hits.sort(key=lambda h: (-(h.end - h.start), h.context_only, h.start))
        taken: set[int] = set()
        kept = []
        for hit in hits:
            if taken.isdisjoint(range(hit.start, hit.end)):
                kept.append(hit)
                taken.update(range(hit.start, hit.end))
        return sorted(kept, key=lambda h: h.start)


def _pattern(nlp, name: str, rules: dict) -> Doc:
    """The tokens of `name`: a name of letters-only words that are no tokenizer exception is split on its spaces (as
    the tokenizer would split it, at half the cost of running it over the ~5,000 names at start-up)."""
    from spacy.tokens import Doc  # noqa: F811 (the class itself, at run time)

    words = name.split(" ")
    if all(w.isalpha() and w not in rules for w in words):
        return Doc(nlp.vocab, words=words)
    return nlp.make_doc(name)


@functools.cache
def gazetteer(kb: KnowledgeBase, nlp) -> Gazetteer:
    return Gazetteer(kb, nlp)
