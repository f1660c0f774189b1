"""Cross-document dating on the seeds: the undated articles are dated from the events they share with dated ones
and from the schedule of meetings, within the gold tolerance."""

from datetime import date

import linimasa
from linimasa.kb.schedule import meetings, named_in, reports

from ..conftest import SEEDS, seed_path


def test_every_seed_is_dated_within_the_gold_tolerance(seed_docs, gold):
    for doc_id, want in gold["docs"].items():
        found = seed_docs[doc_id].published
        assert found is not None, doc_id
        gap = abs((date.fromisoformat(found.date) - date.fromisoformat(want["published"]["date"])).days)
        assert gap <= want["published"]["tolerance_days"], (doc_id, found)
        assert found.source == ("page" if want["published"]["explicit"] else "inferred")


def test_dates_found_across_documents_name_their_evidence(seed_docs):
    assert "002_bf116a187980ad6a" in seed_docs["004_6ec3a7005892a893"].published.evidence  # the 7 Dec video call
    assert "004_6ec3a7005892a893" in seed_docs["001_86cd6f01714b256d"].published.evidence  # the 30 Dec call
    assert "G20 Bali summit 2022" in seed_docs["000_3d91c75fc923eec8"].published.evidence


def test_relative_expressions_are_resolved_again_on_the_new_date(seed_docs):
    timexes = {t.span.text: t.value for t in seed_docs["004_6ec3a7005892a893"].timexes}
    assert timexes["10 Januari"] == "2022-01-10"
    assert timexes["tahun 2014"] == "2014"
    calls = [m for m in seed_docs["004_6ec3a7005892a893"].event_mentions
             if m.type == "CONSULT" and m.trigger == "berbicara" and m.status == "planned"
             and {"Joe Biden", "Vladimir Putin"} <= set(m.actors)]
    assert calls and calls[0].date == "2021-12-30"


def test_a_mention_that_reports_a_dated_event_takes_its_date(seed_docs):
    g7 = [m for m in seed_docs["000_3d91c75fc923eec8"].event_mentions if m.type == "CONSULT" and "G7" in m.actors]
    assert g7 and g7[0].date == "2022-10-11" and g7[0].date_source == "linked"


def test_an_article_alone_is_not_dated_from_nothing(tmp_path):
    corpus = linimasa.process([seed_path("004_6ec3a7005892a893")], db=str(tmp_path / "one.db"))
    assert corpus.documents[0].published is None
    assert corpus.summary.dated_across == 0
    corpus.store.close()


def test_the_schedule_names_meetings_by_organiser_and_place(seed_docs):
    assert len(meetings()) > 50 and all(m.start <= m.end for m in meetings())
    doc = seed_docs["000_3d91c75fc923eec8"]
    g20 = next(m for m in named_in(doc) if m.name == "G20 Bali summit 2022")
    rome = next(m for m in named_in(doc) if m.name == "G20 Rome summit 2021")
    mention = next(m for m in doc.event_mentions if "G20" in m.span.text and m.type == "CONSULT")
    assert reports(g20, mention.span.text, {"G20"}, mention)
    assert not reports(rome, mention.span.text, {"G20"}, mention)  # Rome is not named


def test_pair_words_mean_the_two_people_named_together(seed_docs):
    video = [m for m in seed_docs["004_6ec3a7005892a893"].event_mentions if m.mode == "video call"]
    assert video and {"Joe Biden", "Vladimir Putin"} <= set(video[0].actors)
    # "awal bulan ini", resolved on the date found from 002 (December 2021), then sharpened to 002's day
    assert video[0].date == "2021-12-07" and video[0].date_source == "linked"
    assert video[0].date_text.startswith("awal bulan ini = CONSULT") and "002_bf116a187980ad6a" in video[0].date_text


def test_an_expression_off_the_calendar_is_dropped_not_fatal(tmp_path):
    """IndoSum has '3335 tahun lalu' (3,335 years ago): year -1318 is no date; the run goes on."""
    (tmp_path / "a.txt").write_text("Candi kuno\n\nArkeolog mengatakan candi itu dibangun 3335 tahun lalu. Presiden "
                                    "Joko Widodo mengunjungi candi itu pada hari Senin bersama menteri.")
    corpus = linimasa.process([tmp_path], db=str(tmp_path / "x.db"))
    assert corpus.summary.stored == 1 and not corpus.documents[0].published
    assert all(not t.value.startswith("-") for t in corpus.documents[0].timexes)


def test_years_ago_beyond_the_calendar_give_no_value():
    from linimasa.stages.timex import tag_text

    assert [t.span.text for t in tag_text("dibangun 3335 tahun lalu", "id", date(2017, 6, 1))] == []


def test_documents_read_again_each_round_are_dated_as_those_held(tmp_path, monkeypatch, seed_docs):
    """Undated documents past HELD_CHARS are read again from the store each round instead of held in memory."""
    from linimasa.corpus import dating

    monkeypatch.setattr(dating, "HELD_CHARS", 0)
    corpus = linimasa.process([SEEDS], db=str(tmp_path / "reread.db"))
    assert corpus.summary.dated_across == 3
    assert {d.id: d.published for d in corpus.documents} == {i: d.published for i, d in seed_docs.items()}


def test_a_text_too_long_to_be_one_report_is_not_dated_from_the_others(tmp_path, monkeypatch):
    from linimasa.corpus import dating

    monkeypatch.setattr(dating, "MAX_DATED_CHARS", 100)  # every seed is longer
    corpus = linimasa.process([SEEDS], db=str(tmp_path / "long.db"))
    assert corpus.summary.dated_across == 0
    assert sum(d.published is None for d in corpus.documents) == 3
