"""Language identification with py3langid (its model ships in the package), limited to languages we have data for."""

from __future__ import annotations

import functools
from array import array
from importlib.metadata import version

import numpy as np

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from .. import cache, lang
from ..model import Document
from ..pipeline import stage
from ..settings import Context

_MIN_CONFIDENCE = 0.5


SAMPLE_CHARS = 3000  # the first paragraphs tell the language; classifying more costs time, not accuracy


@functools.cache
def _identifier(languages: tuple[str, ...]) -> LanguageIdentifier:
    """py3langid's identifier restricted to `languages`; the restricted model comes from the cache (see
    `linimasa.cache`) after the first run, which saves decompressing the full model (~0.4 s) at every start."""

    def build() -> dict[str, np.ndarray]:
        full = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
        full.set_languages(list(languages))
        return {"ptc": np.asarray(full.nb_ptc), "pc": np.asarray(full.nb_pc), "classes": np.array(full.nb_classes),
                "nextmove": np.frombuffer(full.tk_nextmove, dtype=_unsigned(full.tk_nextmove)),
                "row": np.frombuffer(full.tk_row, dtype=_unsigned(full.tk_row)),
                "output": np.asarray(full.tk_output, dtype=np.int32)}

    name = f"py3langid-{version('py3langid')}-{'-'.join(languages)}"
    data = cache.arrays(name, build)
    return LanguageIdentifier(data["ptc"], data["pc"], data["classes"].tolist(), _array(data["nextmove"]),
                              data["output"].tolist(), norm_probs=True, tk_row=_array(data["row"]))


def _unsigned(values: array) -> np.dtype:
    return np.dtype(f"u{values.itemsize}")


def _array(values: np.ndarray) -> array:
    """The stdlib array py3langid's automaton walks (it indexes faster than a NumPy array)."""
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(values.tobytes())
    return out


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
