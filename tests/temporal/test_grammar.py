"""The tense cue nearest to a time expression (linimasa.temporal.grammar.nearest_cue)."""

import random

import pytest

from linimasa.temporal.grammar import CLAUSE_BREAK, CUE_WINDOW_CHARS, find, grammar, nearest_cue, tense_direction


def full_scan(sentence: str, start: int, end: int, code: str, window: int = CUE_WINDOW_CHARS):
    """The definition nearest_cue must keep: every cue of the whole sentence looked at, for every expression."""
    g = grammar(code)
    best = None
    for sign, pattern in ((1, g.future_cues), (-1, g.past_cues), (-1, g.past_suffix)):
        if pattern is None:
            continue
        for m in pattern.finditer(sentence):
            if start <= m.start() < end:
                continue
            if m.start() >= end and CLAUSE_BREAK.search(sentence, end, m.start()):
                continue
            distance = start - m.end() if m.end() <= start else (m.start() - end) * 2
            if distance <= window and (best is None or distance < best[0]):
                best = (distance, sign, m.group(0))
    return (best[1], best[2]) if best else None


def test_the_cue_before_the_expression_points_it():
    assert nearest_cue("Biden akan menelepon Putin Kamis.", 27, 32, "id") == (1, "akan")


def test_a_cue_after_a_comma_belongs_to_another_clause():
    sentence = "Obama, who is due to visit Haiti on Sunday, said aid was coming."
    start = sentence.index("Sunday")
    assert tense_direction(sentence, start, start + len("Sunday"), "en") == 1  # "is due", not "said"


def test_a_cue_further_than_the_window_is_not_read():
    sentence = "Putin akan " + "x " * CUE_WINDOW_CHARS + "Kamis."
    start = sentence.index("Kamis")
    assert nearest_cue(sentence, start, start + 5, "id") is None


def test_a_cue_after_counts_at_twice_its_distance():
    # "telah" is 6 characters before; "akan" 5 after counts 10: the past cue wins
    sentence = "Menteri telah tiba Kamis dan akan pergi."
    start = sentence.index("Kamis")
    assert nearest_cue(sentence, start, start + 5, "id") == (-1, "telah")


WORDS = {
    "id": ["akan", "telah", "sudah", "lalu", "kata", "nanti", "Kamis", "Sabtu (15/10)", "pukul 10.00 WIB", "menteri",
           "bertemu", ",", "-", "di", "Jakarta", "pada", "hari", "Minggu", "segera", "mendatang"],
    "en": ["will", "said", "was", "reported", "agreed", "is due", "on", "Sunday", "March 3", "last week", ",", "-",
           "the", "minister", "met", "expected", "next", "Monday", "until", "visited", "talks"],
}


@pytest.mark.parametrize("code", ["id", "en"])
def test_the_nearest_cue_is_the_one_a_scan_of_the_whole_sentence_finds(code):
    rng = random.Random(7)
    compared = 0
    for _ in range(300):
        sentence = " ".join(rng.choice(WORDS[code]) for _ in range(rng.randint(3, 60)))
        for m in find(sentence, code):
            assert nearest_cue(sentence, m.start, m.end, code) == full_scan(sentence, m.start, m.end, code), sentence
            compared += 1
        for _ in range(3):  # spans that are no expression, cues inside and straddling them included
            a = rng.randrange(len(sentence) + 1)
            b = rng.randrange(a, len(sentence) + 1)
            window = rng.choice([0, 7, CUE_WINDOW_CHARS])
            assert nearest_cue(sentence, a, b, code, window) == full_scan(sentence, a, b, code, window), sentence
    assert compared > 500


def test_a_page_of_thousands_of_time_stamps_gets_the_same_cues():
    sentence = "Polisi telah menangkap dua tersangka " + "(15/10) pukul 10.00 WIB akan " * 400 + "kata dia."
    found = find(sentence, "id")
    assert len(found) >= 400
    for m in found[::37] + found[-3:]:
        assert nearest_cue(sentence, m.start, m.end, "id") == full_scan(sentence, m.start, m.end, "id")
