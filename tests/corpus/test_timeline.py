import pytest

from linimasa.corpus.link import chronological
from linimasa.corpus.timeline import filter_timeline
from linimasa.errors import LinimasaError


def test_timeline_is_ordered_and_every_event_has_sources_and_evidence(corpus):
    events = corpus.timeline.events
    assert [e.date for e in events] == sorted((e.date for e in events), key=chronological)
    for e in events:
        assert e.sources and e.evidence and e.evidence[0]["text"] == e.summary


def test_filter_by_entity_and_dates(corpus):
    both = filter_timeline(corpus.timeline, ["Vladimir Putin", "Joe Biden"])
    assert both.events and all({"Vladimir Putin", "Joe Biden"} <= set(e.participants) for e in both.events)
    assert filter_timeline(corpus.timeline, ["Biden"]).events  # a last name finds the person
    december = filter_timeline(corpus.timeline, date_from="2021-12", date_to="2021-12")
    assert december.events and all(e.date.startswith("2021-12") for e in december.events)


# Timeline summaries (`summary_timeline`, `linimasa timeline --query/--sentences-per-date`) and their date ranker.
from linimasa.corpus.dates import FEATURES, date_features, load_model, rank_dates  # noqa: E402
from linimasa.corpus.summarise import DatedSentence  # noqa: E402
from linimasa.corpus.timeline import _last_day, query_documents, summary_timeline  # noqa: E402
from linimasa.model import Event  # noqa: E402


def test_a_keyword_query_keeps_the_matching_articles_and_their_events(corpus):
    matching = query_documents(corpus.store, "Putin telepon")
    assert matching and matching < {d.id for d in corpus.documents}
    events, summaries = summary_timeline(corpus.store, 3, 2, query="Putin telepon")
    assert events.events and all(set(e.sources) & matching for e in events.events)
    assert 0 < len(summaries) <= 3 and all(0 < len(texts) <= 2 for texts in summaries.values())
    assert {e.date for e in events.events} <= set(summaries) | {e.date for e in events.events if len(e.date) < 10}


def test_a_summary_stays_within_the_dates_asked_for(corpus):
    _, summaries = summary_timeline(corpus.store, 5, 1, date_from="2021-12", date_to="2021-12")
    assert summaries and all(d.startswith("2021-12") for d in summaries)


@pytest.mark.parametrize("bound, last", [("2010", "2010-99-99"), ("2010-05", "2010-05-99"),
                                         ("2010-05-03", "2010-05-03"), ("", "")])
def test_last_day_of_a_bound(bound, last):
    assert _last_day(bound) == last


def _s(doc, day, referenced=True):
    return DatedSentence(doc, f"Something happened in {doc} on that day", day, referenced)


def test_a_day_named_weeks_later_by_many_articles_counts_as_remembered():
    published = {"a": "2010-04-20", "b": "2010-05-20", "c": "2010-06-01", "d": "2010-04-21"}
    sentences = [_s("a", "2010-04-20", False), _s("b", "2010-04-20"), _s("c", "2010-04-20"),
                 _s("d", "2010-04-21", False), _s("d", "2010-04-25")]
    events = [Event("e1", "2010-04-20", "ASSAULT", [], "happened", independent_sources=3),
              Event("e2", "2010-04-25", "CONSULT", [], "planned", independent_sources=1)]
    x = date_features(sentences, published, events)
    assert set(x) == {"2010-04-20", "2010-04-21", "2010-04-25"} and set(x["2010-04-20"]) == set(FEATURES)
    day = x["2010-04-20"]
    assert day["ref_later_docs_share"] == 1.0 and day["events_happened_share"] == 1.0
    assert day["events_multi_source_log"] > 0 and x["2010-04-25"]["events_happened_log"] == 0
    assert date_features(sentences, published, events, "2010-04-21", "2010-04-30").keys() == {"2010-04-21",
                                                                                            "2010-04-25"}
    assert rank_dates(x)[0][0] == "2010-04-20"


def test_the_shipped_ranker_reads_the_features_the_code_computes():
    assert load_model().features == FEATURES


def test_dates_are_bounded_by_the_days_they_cover_not_their_spelling():
    from linimasa.model import Timeline

    def event(value):
        return Event(id=value, date=value, type="CONSULT", participants=["Joe Biden"], status="happened")

    timeline = Timeline([event(v) for v in ("2021-05-20", "2021-W20", "2021-W50", "2021-Q1", "2021-Q4", "2021-12",
                                            "2021", "PAST_REF", "")])
    december = filter_timeline(timeline, date_from="2021-12", date_to="2021-12")
    assert [e.date for e in december.events] == ["2021-W50", "2021-12"]  # week 20 is May; Q4 begins in October
    assert [e.date for e in filter_timeline(timeline, date_to="2021-03").events] == ["2021-Q1"]
    assert [e.date for e in filter_timeline(timeline, date_from="2021-06").events] == ["2021-W50", "2021-Q4", "2021-12"]
    with pytest.raises(LinimasaError, match="--from 'June' is not a date"):
        filter_timeline(timeline, date_from="June")
    with pytest.raises(LinimasaError, match="--from 2021-12 is after --to 2021-11: swap them"):
        filter_timeline(timeline, date_from="2021-12", date_to="2021-11")
    assert filter_timeline(timeline, date_from="2021-12", date_to="2021-12-31").events  # a day within the month


def test_a_timeline_is_in_the_order_of_the_days_its_dates_cover():
    dates = ["2021-W50", "2021-12-31", "", "2021-Q1", "2021-12", "2021-12-06", "PAST_REF", "2022-01-02"]
    assert sorted(dates, key=chronological) == [
        "2021-Q1", "2021-12", "2021-12-06", "2021-W50", "2021-12-31", "2022-01-02", "", "PAST_REF"]
