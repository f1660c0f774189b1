from __future__ import annotations

import pytest

from linimasa.stages.clean import clean_lines
from tests.conftest import GOLD, seed_path

SEED_IDS = sorted(GOLD["docs"])


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_every_gold_boilerplate_line_is_removed(seed_docs, doc_id):
    removed = {r.line for r in seed_docs[doc_id].removed}
    assert set(GOLD["docs"][doc_id]["boilerplate_lines"]) <= removed


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_every_body_line_is_kept(seed_docs, doc_id):
    doc = seed_docs[doc_id]
    lines = seed_path(doc_id).read_text(encoding="utf-8").split("\n")
    boilerplate = set(GOLD["docs"][doc_id]["boilerplate_lines"])
    not_body = {r.line for r in doc.removed if r.reason in ("title", "date line")}
    for number, line in enumerate(lines):
        if line.strip() and number not in boilerplate and number not in not_body:
            assert " ".join(line.split()) in doc.text, f"line {number} lost: {line[:60]}"


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_title_is_the_gold_title(seed_docs, doc_id):
    assert seed_docs[doc_id].title == GOLD["docs"][doc_id]["title"]


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_title_is_not_repeated_in_the_body(seed_docs, doc_id):
    title = seed_docs[doc_id].title
    if title:
        assert title not in seed_docs[doc_id].text.split("\n\n")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Posted By : keluaran hongkong malam ini", "spam (gambling/SEO words)"),
        ("Tinggalkan Balasan", "comment widget"),
        ("Post a Comment", "comment widget"),
        ("READ\u00a0 Pertempuran Donbass: berita lain", "read more"),
        ("Baca juga: Harga minyak turun", "read more"),
        ("©Mikhail Metzel/KOLAM RENANG/TASS", "photo credit"),
    ],
)
def test_cue_lines_are_removed_with_their_reason(line, reason):
    body = ["Judul berita yang cukup panjang", "", "Paragraf pertama berita ini cukup panjang untuk dihitung.", line,
            "Paragraf kedua berita ini juga cukup panjang untuk dihitung."]
    _, kept, removed = clean_lines(body)
    assert line not in kept
    assert [r.reason for r in removed if r.text == line] == [reason]


def test_every_removed_line_keeps_its_text_and_reason(seed_docs):
    for doc in seed_docs.values():
        lines = seed_path(doc.id).read_text(encoding="utf-8").split("\n")
        for r in doc.removed:
            assert r.reason and r.text == lines[r.line]
