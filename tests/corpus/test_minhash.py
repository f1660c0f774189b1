"""MinHash signatures estimate Jaccard similarity; a database filed under another scheme is filed again."""

import random

import numpy as np

from linimasa.corpus import minhash
from linimasa.corpus.dedupe import Deduper, Fingerprinter
from linimasa.model import Document, Published
from linimasa.store import SQLiteStore


def test_the_estimate_is_close_to_the_true_jaccard_similarity():
    rng = random.Random(3)
    words = [f"w{i}".encode() for i in range(600)]
    errors = []
    for _ in range(40):
        a, b = set(rng.sample(words, 300)), set(rng.sample(words, 300))
        exact = len(a & b) / len(a | b)
        errors.append(abs(minhash.similarity(minhash.signature(a, 128), minhash.signature(b, 128)) - exact))
    assert np.mean(errors) < 0.05 and max(errors) < 0.15
    same = minhash.signature(set(words[:50]), 128)
    assert minhash.similarity(same, minhash.signature(list(reversed(words[:50])), 128)) == 1.0


def test_the_band_split_separates_pairs_at_the_threshold():
    bands, rows = minhash.band_split(0.6, 128)
    assert bands * rows <= 128
    proposed = lambda s: 1 - (1 - s ** rows) ** bands  # noqa: E731
    assert proposed(0.8) > 0.95 and proposed(0.3) < 0.05


def _doc(doc_id, text):
    return Document(id=doc_id, source=doc_id, media_type="text/plain", content_sha256=doc_id, text=text,
                    published=Published("2021-12-30", "field", 1.0))


def test_signatures_stored_under_another_scheme_are_recomputed_once(seed_docs):
    text = seed_docs["004_6ec3a7005892a893"].text
    store = SQLiteStore(":memory:")
    original = _doc("original", text)
    store.put(original)
    store.put_fingerprint("original", "2021-12-30", np.zeros(128, dtype=np.uint64).tobytes(), None, [], [(0, 1)])
    dedupe = Deduper(store, embeddings=False)  # no scheme recorded: the signature above is refiled from the text
    assert store.meta("minhash_scheme").startswith(minhash.SCHEME)
    repost = _doc("repost", "Baca juga: berita lain.\n" + text)
    store.put(repost)
    copy = dedupe.add(Fingerprinter()(repost))
    assert copy is not None and copy.original_id == "original" and copy.method == "minhash"
