"""Spelling variants matched to knowledge-base names with rapidfuzz ("Larov" -> Sergey Lavrov,
"Istana lysée" -> Élysée Palace), accents and case folded away first."""

from __future__ import annotations

import functools
import unicodedata

from rapidfuzz import fuzz, process

from ..kb import KnowledgeBase, demonyms

FUZZY_CUTOFF = 88  # rapidfuzz ratio: "Larov" ~ "Lavrov" (91), "Iran" !~ "Iraq" (75)
FUZZY_MIN_CHARS = 5


def fold(text: str) -> str:
    """Accents and case folded away: 'Istana Élysée' -> 'istana elysee'."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@functools.cache
def _buckets(kb: KnowledgeBase) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """(type or "", first letter) -> folded names and the record id of each. Demonyms are matched only as written:
    a word one letter off one is most often another word ("Polres", a police precinct, is not "Poles")."""
    out: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    adjectives = {fold(form) for forms in demonyms().values() for form in forms}
    for record in kb.records.values():
        for name in record.names():
            folded = fold(name)
            if len(folded) < FUZZY_MIN_CHARS or folded in adjectives:
                continue
            for key in ((record.type, folded[0]), ("", folded[0])):
                names, ids = out.setdefault(key, ([], []))
                names.append(folded)
                ids.append(record.id)
    return out


def fuzzy_record(kb: KnowledgeBase, text: str, etype: str = "", cutoff: float = FUZZY_CUTOFF) -> str:
    """Id of the record (of type `etype`, any when "") whose name is spelled most like `text`, or "".

    Names are compared within the same first letter, which keeps this fast and loses only first-letter typos.
    """
    folded = fold(text)
    if len(folded) < FUZZY_MIN_CHARS:
        return ""
    bucket = _buckets(kb).get((etype, folded[0]))
    if not bucket:
        return ""
    best = process.extractOne(folded, bucket[0], scorer=fuzz.ratio, score_cutoff=cutoff)
    if not best:
        return ""
    record_id = bucket[1][best[2]]
    if " " not in folded and any(n != folded and (n.startswith(folded) or folded.startswith(n))
                                 for n in map(fold, kb[record_id].names())):
        return ""  # one word that cuts a name short or runs past it is another word: "Parish" is not Paris
    return record_id
