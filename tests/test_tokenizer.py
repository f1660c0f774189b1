"""linimasa's tokenizer gives spaCy's tokens, built once per language and process."""

import spacy

from linimasa import tokenizer
from linimasa.entities.ner import tokenizer as language_tokenizer
from linimasa.stages.sentences import _nlp

from .conftest import SEEDS

TRICKY = {
    "id": "Anak-anak (kapal-kapal) Rusia-Ukraina, dr. H. Joko a.n. Sdr. 12-13 Jan. ANAK-ANAK abu-abunya "
          "yg gak :) (Kompas):  http://x.co/a-b 5km/jam",
    "en": "Don't they'll U.S. e.g. Mr. O'Neill's co-operation (rock'n'roll) 10km 3pm vs. gonna cannot :-)",
}


def _tokens(nlp, text):
    return [(t.text, t.whitespace_, t.norm_) for t in nlp(text)]


def test_tokens_equal_spacys_own_tokenizer_on_the_seeds_and_tricky_text():
    for code, extra in TRICKY.items():
        ours, theirs = tokenizer.blank(code), spacy.blank(code)
        texts = [extra] + ([p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if code == "id" else [])
        for text in texts:
            assert _tokens(ours, text) == _tokens(theirs, text)


def test_one_tokenizer_per_language_is_shared_by_the_stages():
    assert _nlp("id") is language_tokenizer("id")
    assert tokenizer.blank("id") is tokenizer.blank("id")


def test_a_language_spacy_lacks_gets_the_multilingual_tokenizer():
    assert tokenizer.blank("zz-unknown").lang == "xx"
