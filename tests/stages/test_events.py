"""First-version events: calendar-dated sentences with a status and the cue that set it."""


def test_event_mentions_keep_their_evidence(seed_docs):
    mentions = [m for doc in seed_docs.values() for m in doc.event_mentions]
    assert mentions
    for m in mentions:
        doc = seed_docs[m.doc_id]
        assert doc.sentences[m.sentence].span == m.span
        assert m.trigger in m.span.text
        assert any(t.value.split("T")[0] == m.date for t in doc.timexes if m.span.start <= t.span.start < m.span.end)


def test_status_follows_the_nearest_tense_cue(seed_docs):
    by_text = {m.span.text: m for doc in seed_docs.values() for m in doc.event_mentions}
    video = next(m for t, m in by_text.items() if t.startswith("Presiden Rusia Vladimir Putin mengadakan pembicaraan"))
    assert (video.date, video.status) == ("2021-12-07", "happened")
    planned = next(m for t, m in by_text.items() if "24 Februari 2022" in t)
    assert (planned.date, planned.status, planned.status_cue) == ("2022-02-24", "planned", "akan")
