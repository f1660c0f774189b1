from datetime import date

import pytest

from linimasa.corpus.link import day_range, link
from linimasa.corpus.timeline import filter_timeline
from linimasa.model import EventMention, Span


@pytest.mark.parametrize("value, days", [
    ("2021-12-07", (date(2021, 12, 7), date(2021, 12, 7))),
    ("2021-12", (date(2021, 12, 1), date(2021, 12, 31))),
    ("2022-W02", (date(2022, 1, 10), date(2022, 1, 16))),
    ("2022-Q1", (date(2022, 1, 1), date(2022, 3, 31))),
    ("2014", (date(2014, 1, 1), date(2014, 12, 31))),
    ("PAST_REF", None),
])
def test_day_range(value, days):
    assert day_range(value) == days


def _m(doc, date_, status="happened", type_="CONSULT", actors=("Joe Biden", "Vladimir Putin"), source="timex",
       mode="", absolute=False, sentence=0, targets=()):
    return EventMention(doc_id=doc, sentence=sentence, span=Span(0, 4, "text"), type=type_, trigger="talk",
                        date=date_, date_source=source, status=status, actors=list(actors), mode=mode,
                        date_absolute=absolute, targets=list(targets))


def test_a_plan_and_its_outcome_are_one_event_with_both_in_its_history():
    events = link([_m("a", "2021-12-30", "planned"), _m("b", "2021-12-30", "happened")],
                  {"a": "2021-12-29", "b": "2022-01-01"})
    assert len(events) == 1
    assert events[0].status == "happened"
    assert [(h["doc"], h["status"]) for h in events[0].status_history] == [("a", "planned"), ("b", "happened")]


def test_a_later_cancellation_overrides_a_plan():
    events = link([_m("a", "2021-12-30", "planned"), _m("b", "2021-12-30", "negated")],
                  {"a": "2021-12-29", "b": "2021-12-30"})
    assert [e.status for e in events] == ["negated"]


def test_a_month_level_report_joins_the_day_it_holds_and_the_day_is_kept():
    events = link([_m("a", "2021-12-07", absolute=True), _m("b", "2021-12")], {"a": "2021-12-08", "b": "2021-12-30"})
    assert len(events) == 1 and events[0].date == "2021-12-07"


def test_days_apart_join_only_when_one_is_relative_to_a_publication_day():
    relative = link([_m("a", "2021-12-07", absolute=True), _m("b", "2021-12-08", source="published")], {})
    stated = link([_m("a", "2021-12-07", absolute=True), _m("b", "2021-12-08", absolute=True)], {})
    assert len(relative) == 1 and len(stated) == 2


def test_different_people_different_types_and_different_channels_stay_apart():
    events = link([
        _m("a", "2021-12-07"),
        _m("b", "2021-12-07", actors=("Antony Blinken", "Volodymyr Zelenskyy")),
        _m("c", "2021-12-07", type_="THREATEN"),
    ], {})
    assert len(events) == 3
    calls = link([_m("a", "2021-12-07", mode="phone call"), _m("b", "2021-12-07", mode="video call")], {})
    assert len(calls) == 2


def test_a_meeting_only_agreed_to_is_part_of_the_agreement():
    events = link([_m("a", "2022-02-20", "conditional", "AGREE", source="published"),
                   _m("a", "2022-02-20", "conditional", source="published", sentence=1)], {"a": "2022-02-20"})
    assert [(e.type, e.status, len(e.mentions)) for e in events] == [("AGREE", "conditional", 2)]


def test_what_was_said_without_a_date_joins_the_talks_reported_just_before():
    events = link([_m("a", "2021-12-30", sentence=0),
                   _m("a", "2022-01-01", type_="THREATEN", actors=("Joe Biden",), targets=("Vladimir Putin",),
                      source="published", sentence=1)], {"a": "2022-01-01"})
    assert [(e.type, e.date, len(e.mentions)) for e in events] == [("CONSULT", "2021-12-30", 2)]


def test_conflicting_days_and_channels_are_kept_on_the_event():
    events = link([_m("a", "2021-12-07", absolute=True, mode="video call"), _m("b", "2021-12-08", source="published"),
                   _m("c", "2021-12", mode="call")], {})
    assert len(events) == 1
    assert events[0].conflicts == ["date: 2021-12-07 (a) / 2021-12-08 (b)"]
    assert events[0].mode == "video call"


def test_seeds_the_call_of_30_december_is_one_event_planned_then_happened(corpus):
    calls = [e for e in corpus.timeline.events if e.date == "2021-12-30" and e.type == "CONSULT"
             and {"Joe Biden", "Vladimir Putin"} <= set(e.participants)]
    assert len(calls) == 1
    call = calls[0]
    assert call.status == "happened"
    assert [(h["doc"][:3], h["status"]) for h in call.status_history] == [("004", "planned"), ("001", "happened")]
    assert {"004_6ec3a7005892a893", "001_86cd6f01714b256d"} <= set(call.sources)
    assert all(ev["text"] for ev in call.evidence)


def test_seeds_the_video_call_joins_its_month_level_report(corpus):
    video = [e for e in corpus.timeline.events if e.date == "2021-12-07" and e.type == "CONSULT"]
    assert len(video) == 1 and set(video[0].sources) == {"002_bf116a187980ad6a", "004_6ec3a7005892a893"}
    assert video[0].mode == "video call"


def test_seeds_biden_putin_query_finds_every_gold_contact_with_its_status(corpus, gold):
    wanted = {e["id"]: e for e in gold["timeline"]["events"] if e["id"] in gold["timeline"]["query_biden_putin"]}
    found = filter_timeline(corpus.timeline, ["Joe Biden", "Vladimir Putin"]).events
    for key, g in wanted.items():
        match = [e for e in found if (e.date.startswith(g["date"]) or g["date"].startswith(e.date))
                 and e.status == g["status"] and e.type == g["type"]]
        assert match, f"{key} ({g['date']}, {g['status']}) missing"
    # One more than the gold (bench/RESULTS.md): "Keduanya terakhir berbicara melalui telepon Sabtu lalu", a real
    # Biden-Putin call of February 2022 that the gold does not list.
    assert len(found) <= len(wanted) + 1
    macron = [e for e in found if any(m.trigger == "panggilan telepon" and "Élysée Palace" in m.actors
                                      for m in e.mentions)]
    assert not macron  # Macron's back-to-back calls with each of them are not a Biden-Putin contact


def test_sources_that_swap_who_acted_on_whom_are_shown():
    events = link([_m("a", "2021-12-07", type_="ACCUSE", actors=("Russia",), targets=("Ukraine",)),
                   _m("b", "2021-12-07", type_="ACCUSE", actors=("Ukraine",), targets=("Russia",))], {})
    assert len(events) == 1 and events[0].conflicts == ["roles: Russia → Ukraine / Ukraine → Russia"]


def test_people_decide_whether_two_parties_are_the_same():
    """Macron meeting Putin is not Biden meeting Putin, though both name Russia."""
    mentions = [_m("a", "2022-02-20", actors=("Joe Biden", "Vladimir Putin", "Russia")),
                _m("a", "2022-02-20", actors=("Emmanuel Macron", "Vladimir Putin", "Russia"), sentence=1)]
    assert len(link(mentions, {}, persons={"Joe Biden", "Vladimir Putin", "Emmanuel Macron"})) == 2
    assert len(link(mentions, {})) == 1  # without knowing who is a person, two shared names are enough


def test_a_weekday_and_the_next_day_are_two_events_but_today_may_be_yesterday():
    named = link([_m("a", "2022-02-19"), _m("a", "2022-02-20", sentence=1)], {})
    assert len(named) == 2
    deictic = _m("a", "2021-12-08", sentence=1)
    deictic.date_deictic = True
    assert len(link([_m("a", "2021-12-07", absolute=True), deictic], {})) == 1


def test_one_article_saying_it_happened_and_that_it_did_not_speaks_of_two_events():
    met = _m("a", "2022-10-11", actors=("G7", "Volodymyr Zelenskyy"), sentence=10)
    no_talks = _m("a", "2022-10-11", "negated", actors=("Volodymyr Zelenskyy", "G7"), sentence=4)
    assert len(link([met, no_talks], {"a": "2022-10-12"})) == 2
    # across articles a denial is part of the event's history (a later cancellation, a contradiction)
    assert len(link([met, _m("b", "2022-10-11", "negated", actors=("G7", "Volodymyr Zelenskyy"))],
                    {"a": "2022-10-12", "b": "2022-10-12"})) == 1


def test_background_told_without_a_date_joins_no_other_articles_undated_mention():
    background = _m("a", "", source="background")
    events = link([background, _m("b", "", "planned", source="")], {"a": "2021-12-29", "b": ""})
    assert len(events) == 2  # nothing says they are one occurrence
    events = link([background, _m("a", "", source="background", sentence=3)], {"a": "2021-12-29"})
    assert len(events) == 1  # one article telling it twice
    events = link([_m("a", "", source=""), _m("b", "", source="")], {"a": "", "b": ""})
    assert len(events) == 1  # two undated articles' reports still join, as before


def test_an_article_tells_as_done_nothing_after_its_own_day():
    # "Chan told the Assembly meeting" (done, dated by the report's day) and "Chan is due to hold meetings on
    # Tuesday", the day after: one article, two meetings
    told = _m("a", "2009-05-18", actors=("Margaret Chan", "World Health Assembly"), source="published")
    due = _m("a", "2009-05-19", "planned", actors=("Margaret Chan",), sentence=9)
    assert len(link([told, due], {"a": "2009-05-18"})) == 2
    # a later article may tell the planned meeting as done: one event, planned then happened
    held = _m("b", "2009-05-19", actors=("Margaret Chan",), source="published")
    assert len(link([due, held], {"a": "2009-05-18", "b": "2009-05-19"})) == 1
