"""Language identification with py3langid (its model ships in the package), limited to languages we have data for."""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from .. import lang
from ..model import Document
from ..pipeline import stage
from ..settings import Context

_MIN_CONFIDENCE = 0.5


SAMPLE_CHARS = 3000  # the first paragraphs tell the language; classifying more costs time, not accuracy


@functools.cache
def _identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    return identifier


def identify(text: str, languages: tuple[str, ...] | None = None) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of `text` among `languages` (default: every language file).

    >>> identify("Presiden Rusia Vladimir Putin mengadakan pembicaraan dengan Presiden AS Joe Biden.")[0]
    'id'
    """
    code, probability = _identifier(languages or lang.available()).classify(text)
    return code, float(probability)


@stage("language", requires={"clean"}, provides={"language"})
def identify_language(doc: Document, ctx: Context) -> Document:
    """Set `doc.lang` and `doc.lang_confidence` from the title and body."""
    languages = tuple(c.strip() for c in ctx.get("languages").split(",") if c.strip()) or None
    sample = "\n".join(filter(None, [doc.title, doc.text[:SAMPLE_CHARS]]))
    if not sample.strip():
        doc.lang, doc.lang_confidence = ctx.get("default_lang"), 0.0
        return doc
    code, confidence = identify(sample, languages)
    if confidence < _MIN_CONFIDENCE:
        doc.problems.append(f"language unsure ({code} at {confidence:.2f}); using {ctx.get('default_lang')}")
        code = ctx.get("default_lang")
    doc.lang, doc.lang_confidence = code, round(confidence, 4)
    return doc
