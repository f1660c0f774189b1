import pytest

from linimasa.stages.language import identify


def test_seeds_are_indonesian(seed_docs, gold):
    for doc_id, doc in seed_docs.items():
        assert doc.lang == gold["docs"][doc_id]["lang"]
        assert doc.lang_confidence > 0.9


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russian President Vladimir Putin and US President Joe Biden held a video call on Tuesday.", "en"),
        ("Presiden Rusia Vladimir Putin dan Presiden AS Joe Biden memulai pembicaraan bilateral mereka.", "id"),
    ],
)
def test_identify(text, code):
    assert identify(text)[0] == code
