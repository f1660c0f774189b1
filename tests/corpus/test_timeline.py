from linimasa.corpus.timeline import filter_timeline


def test_timeline_is_ordered_and_every_event_has_sources_and_evidence(corpus):
    events = corpus.timeline.events
    assert [e.date for e in events] == sorted(e.date for e in events)
    for e in events:
        assert e.sources and e.evidence and e.evidence[0]["text"] == e.summary


def test_filter_by_entity_and_dates(corpus):
    both = filter_timeline(corpus.timeline, ["Vladimir Putin", "Joe Biden"])
    assert both.events and all({"Vladimir Putin", "Joe Biden"} <= set(e.participants) for e in both.events)
    assert filter_timeline(corpus.timeline, ["Biden"]).events  # a last name finds the person
    december = filter_timeline(corpus.timeline, date_from="2021-12", date_to="2021-12")
    assert december.events and all(e.date.startswith("2021-12") for e in december.events)
