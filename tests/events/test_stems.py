"""Stems that tell two event words for one event (linimasa/events/stems.py)."""

import pytest

from linimasa.events.stems import same_stem, stem


@pytest.mark.parametrize(("a", "b", "code"), [
    ("investigators", "investigation", "en"),
    ("protesters", "protest", "en"),
    ("mengunjungi", "Kunjungan", "id"),  # meN- with k: the stemmer leaves "unjung"
    ("menyerang", "serangan", "id"),
    ("menolak", "Penolakan", "id"),
    ("bekerja sama", "kerja sama", "id"),
])
def test_words_of_one_stem(a, b, code):
    assert same_stem(a, b, code)


@pytest.mark.parametrize(("a", "b", "code"), [
    ("ban", "moratorium", "en"),
    ("meeting", "met", "en"),  # Snowball does not undo an irregular past
    ("bantuan", "bantahan", "id"),
    ("rapat", "membahas", "id"),
])
def test_words_of_other_stems(a, b, code):
    assert not same_stem(a, b, code)


def test_a_language_without_a_stemmer_has_no_stems(monkeypatch):
    import linimasa.events.stems as stems

    monkeypatch.setattr(stems, "_stemmer", lambda code: None)
    stems.stem.cache_clear()
    assert stem("investigators", "en") == "" and not stems.same_stem("ban", "ban", "en")
    stems.stem.cache_clear()
