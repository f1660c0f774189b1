"""The event bench's agreement figure: a second reading scored against the bed's gold with the system's scorer."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import events  # noqa: E402
import eventdata  # noqa: E402


def _copy_of_gold(tmp_path: Path, ids: list[str], change=None) -> Path:
    gold = eventdata.annotations()
    with open(tmp_path / "b.jsonl", "w", encoding="utf-8") as f:
        for i in ids:
            row = json.loads(json.dumps(gold[i]))
            if change:
                change(row)
            f.write(json.dumps(row) + "\n")
    return tmp_path


def _with_events(n: int) -> list[str]:
    gold = eventdata.annotations()
    items = [json.loads(line) for line in (ROOT / "bench/events/sentences.jsonl").read_text().splitlines()]
    return [i["id"] for i in items if i["split"] == "test" and gold.get(i["id"], {}).get("events")][:n]


def test_a_reading_identical_to_the_gold_agrees_fully(tmp_path):
    scores = events.agreement(_copy_of_gold(tmp_path, _with_events(6)))["scores"]
    assert scores and all(s["precision"] == 1.0 and s["recall"] == 1.0 for s in scores.values())


def test_another_actor_is_not_fully_right(tmp_path):
    def other_actor(row):
        for e in row["events"]:
            e["actors"] = ["Somebody Else Entirely"]

    scores = events.agreement(_copy_of_gold(tmp_path, _with_events(6), other_actor))["scores"]
    assert all(s["precision"] == 0.0 and s["event_precision"] == 1.0 for s in scores.values())


def test_a_common_noun_phrase_of_a_country_is_that_country_and_an_institute_is_not():
    assert eventdata.same_name("UK government", "United Kingdom")
    assert eventdata.same_name("pakar PBB", "United Nations")
    assert not eventdata.same_name("UK firm", "United States")
    assert not eventdata.same_name("Institut Prancis di Indonesia", "France")


def test_a_courtesy_title_is_no_part_of_a_name_and_does_not_make_two_people_one():
    assert eventdata.same_name("Dr Murray", "Conrad Murray")
    assert eventdata.same_name("Pak Ganjar", "Ganjar Pranowo")
    assert not eventdata.same_name("Dr Murray", "Dr Shafer")
    assert not eventdata.same_name("Dr", "Dr Shafer")  # a title alone names no one


def test_a_sentence_is_found_in_the_cleaned_text_across_folded_white_space():
    # the clean stage folds no-break and repeated spaces; the bench must still score the sentence's mentions
    doc = "Polisi bergerak. Kedua tersangka itu ditangkap petugas, Senin. Rimanews - Seorang pria ditangkap."
    sentence = "Kedua tersangka itu ditangkap \xa0 petugas, Senin."
    where = eventdata.locate(doc, sentence)
    assert doc[where.start:where.end] == "Kedua tersangka itu ditangkap petugas, Senin."
    at = sentence.index("petugas")
    assert doc[where.to_doc(at):where.to_doc(at + len("petugas"))] == "petugas"
    assert eventdata.locate(doc, "Tidak ada di sini.") is None


def test_a_tokenised_ner_sentence_reads_as_news_prints_it():
    tokens = 'kata dia : " mudah - mudahan KPK membayar $ 19 ( DPD ) , " kata Nil .'.split()
    assert eventdata.detokenise(tokens) == 'kata dia: "mudah-mudahan KPK membayar $19 (DPD)," kata Nil.'


def test_a_ner_sentence_that_starts_inside_a_quote_keeps_its_closing_quote_on_the_left():
    assert eventdata.detokenise('berakhir , " kata Nil .'.split()) == 'berakhir," kata Nil.'
    assert eventdata.detokenise('" Sekretaris rapat .'.split()) == '"Sekretaris rapat.'


def test_the_sentence_pool_draws_are_undated_news_sentences_from_dev_only():
    shared = ROOT.parent / "shared"
    if not (shared / "eval-data" / "indonesian-ner").is_dir():
        pytest.skip("../shared/eval-data is not here")
    pool = eventdata.articles(shared)
    keys = [k for k in pool if k.startswith(("nerui/", "nerugm/"))]
    assert len(keys) == 2126 + 2343 and all(pool[k]["date"] == "" and pool[k]["lang"] == "id" for k in keys)
    drawn = eventdata._candidate_draw(5, "dev", 1, "x-", [], shared, eventdata.SENTENCE_SOURCES)
    assert len(drawn) == 5 and all(i["doc"].startswith(("nerui/", "nerugm/")) and i["split"] == "dev"
                                   and i["published"] == "" for i in drawn)


def test_the_indonesian_test_sentences_come_from_the_test_half_and_no_training_draw_shares_one():
    shared = ROOT.parent / "shared"
    if not (shared / "eval-data" / "indonesian-ner").is_dir():
        pytest.skip("../shared/eval-data is not here")
    test = [json.loads(line) for line in (ROOT / "bench/events" / eventdata.TEST_SENTENCE_FILE).read_text().splitlines()]
    train = {json.loads(line)["doc"] for name in eventdata.TRAIN_FILES
             for line in (ROOT / "bench/events" / name).read_text().splitlines()}
    assert test and all(i["split"] == "test" == eventdata.split_of(i["doc"]) for i in test)
    assert not train & {i["doc"] for i in test}
