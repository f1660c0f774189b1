"""Word stems, to tell that two event words name the same event ("the investigation" after "investigators",
"Kunjungan itu" after "mengunjungi Ahok").

The language file names its stemmer (`[events] stemmer`): "snowball:<language>" is a Snowball stemmer from the
`snowballstemmer` package (English, Spanish, French, Italian); "sastrawi" is PySastrawi's dictionary-based Indonesian
stemmer, which undoes meN-/peN- prefixes with their nasal changes where Snowball's Indonesian rules cut words short
("bertemu" -> "berte"). An empty name: no stems, so no two words are taken for one event.
"""

from __future__ import annotations

import functools
from typing import Callable

from .. import lang


@functools.cache
def _stemmer(code: str) -> Callable[[str], str] | None:
    name = lang.setting(code, "events", "stemmer", "")
    if name.startswith("snowball:"):
        import snowballstemmer

        return snowballstemmer.stemmer(name.split(":", 1)[1]).stemWord
    if name == "sastrawi":
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        return StemmerFactory().create_stemmer().stem
    if name:
        raise ValueError(f"lang/{code}.toml: unknown stemmer {name!r}; use 'snowball:<language>' or 'sastrawi'")
    return None


@functools.lru_cache(maxsize=4096)
def stem(phrase: str, code: str) -> str:
    """The stems of the words of `phrase`, lower-cased and space-joined ('' when the language has no stemmer)."""
    stemmer = _stemmer(code)
    return "" if stemmer is None else " ".join(stemmer(w) for w in phrase.lower().split())


def same_stem(a: str, b: str, code: str) -> bool:
    """Whether words `a` and `b` share their stem. A stem one letter longer than the other and ending in it counts
    too: a prefix's nasal change the stemmer did not undo ("mengunjungi" -> "unjung", "kunjungan" -> "kunjung")."""
    sa, sb = stem(a, code), stem(b, code)
    if not sa or not sb:
        return False
    short, long_ = sorted((sa, sb), key=len)
    return sa == sb or (len(long_) == len(short) + 1 and long_[1:] == short)
