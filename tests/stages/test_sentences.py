from linimasa.stages.sentences import split


def test_sentence_spans_point_into_the_text(seed_docs):
    for doc in seed_docs.values():
        assert doc.sentences
        for s in doc.sentences:
            assert doc.text[s.span.start:s.span.end] == s.span.text


def test_split_keeps_paragraphs_apart():
    text = "Biden menelepon Putin\n\nPutin menjawab. Lalu dia pergi."
    assert [s.text for s in split(text, "id")] == ["Biden menelepon Putin", "Putin menjawab.", "Lalu dia pergi."]
