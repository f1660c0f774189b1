"""Sharper dates from other reports of the same event: on the seeds, and the rules one by one."""

from linimasa.corpus.refine import SharpIndex, sharpen
from linimasa.model import EventMention, Span


def _mention(doc, date, source="timex", actors=("United States", "Russia"), targets=(), mode="", status="planned",
             text=""):
    return EventMention(doc_id=doc, sentence=0, span=Span(0, 1, "x"), type="CONSULT", trigger="bertemu", date=date,
                        date_source=source, status=status, actors=list(actors), targets=list(targets), mode=mode,
                        date_text=text)


PUBLISHED = {"a": "2021-12-31", "b": "2021-12-30"}


def _sharpen(loose, *sharp, published=PUBLISHED):
    return sharpen([loose], SharpIndex(sharp), published)


def test_a_month_takes_the_day_another_report_gives():
    loose = _mention("a", "2022-01", text="awal Januari")
    assert _sharpen(loose, _mention("b", "2022-01-10", text="10 Januari")) == [loose]
    assert (loose.date, loose.date_source) == ("2022-01-10", "linked")
    assert loose.date_text == "awal Januari = CONSULT Russia / United States on 2022-01-10 in b"


def test_a_day_outside_the_month_or_near_the_writing_day_is_not_taken():
    assert not _sharpen(_mention("a", "2022-01"), _mention("b", "2022-02-10"))
    # "awal bulan ini" written on 31 December is not the call of 28 December
    assert not _sharpen(_mention("a", "2021-12"), _mention("b", "2021-12-28"))


def test_a_third_partys_calls_or_another_channel_are_another_event():
    loose = _mention("a", "2021-12", actors=("Joe Biden", "Vladimir Putin"), mode="video call")
    macron = _mention("b", "2021-12-07", actors=("Emmanuel Macron",), targets=("Joe Biden", "Vladimir Putin"))
    phone = _mention("b", "2021-12-07", actors=("Joe Biden", "Vladimir Putin"), mode="phone call")
    assert not _sharpen(loose, macron, phone)


def test_equally_good_reports_that_disagree_leave_the_date_alone():
    loose = _mention("a", "2022-01")
    assert not _sharpen(loose, _mention("b", "2022-01-10"), _mention("c", "2022-01-20"))
    assert loose.date == "2022-01"


def test_a_plan_dated_only_by_its_writing_day_takes_its_own_articles_date():
    plan = _mention("a", "2021-12-31", source="published", actors=("Antony Blinken", "Sergey Lavrov"),
                    status="conditional")
    elsewhere = _mention("b", "2022-01-24", actors=("Antony Blinken", "Sergey Lavrov"))
    assert not _sharpen(plan, elsewhere)  # another article's meeting may be another meeting
    same_article = _mention("a", "2022-01-24", actors=("Antony Blinken", "Sergey Lavrov"))
    assert _sharpen(plan, same_article) and plan.date == "2022-01-24"
    assert plan.date_text.startswith("day of writing = CONSULT")


def test_on_the_seeds_month_level_reports_take_the_day_of_the_event(seed_docs):
    geneva = [m for m in seed_docs["001_86cd6f01714b256d"].event_mentions
              if m.type == "CONSULT" and {"United States", "Russia"} <= set(m.actors) and m.location == "Geneva"]
    assert geneva and geneva[0].date == "2022-01-10" and geneva[0].date_text.startswith("awal Januari")
    nato = [m for m in seed_docs["001_86cd6f01714b256d"].event_mentions
            if m.type == "CONSULT" and {"Russia", "NATO"} <= set(m.actors)]
    # "Beberapa hari kemudian, konsultasi antara Rusia dan NATO pun terjadi": after the planned Geneva talks
    assert nato and (nato[0].date, nato[0].status) == ("2022-W02", "planned")
    assert nato[0].status_cue.startswith("Beberapa hari kemudian")
