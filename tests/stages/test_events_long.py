"""The events stage on a long document: trigger sentences are parsed PARSE_BATCH at a time as they are reached, so
no more than PARSE_BATCH parses are alive at once (not all of a 2.5 MB one-line page's), and the mentions are
those of parsing every trigger sentence at once. Made-up sentences; no timing."""

from __future__ import annotations

import copy
import gc
import weakref

import pytest

import linimasa.stages.events as events
from linimasa.model import Document, to_dict
from linimasa.pipeline import Pipeline
from linimasa.settings import Context

BEFORE_EVENTS = ("clean", "language", "sentences", "dating", "timex", "entities")

TEXTS = {
    "en": " ".join([
        "President Joe Biden met Vladimir Putin in Geneva on {day}.",
        "The two leaders discussed arms control and cyber attacks for four hours.",
        "Police arrested three men after the protest in Paris on {day}.",
        "The European Union imposed new sanctions on Russia, officials said.",
        "Germany will support the United Nations resolution if China agrees.",
        "Rebels attacked an army base near the border, killing four soldiers.",
        "The weather was mild and the streets were quiet.",
        "Ursula von der Leyen accused Moscow of blackmail during a speech in Brussels.",
    ]),
    "id": " ".join([
        "Presiden Joko Widodo bertemu Perdana Menteri Anthony Albanese di Jakarta pada hari {day}.",
        "Kedua pemimpin membahas kerja sama perdagangan dan keamanan.",
        "Polisi menangkap dua tersangka di Surabaya pada hari {day}.",
        "Amerika Serikat menjatuhkan sanksi baru terhadap Rusia, kata juru bicara Gedung Putih.",
        "Cuaca di Bandung cerah sepanjang hari.",
        "Menteri Luar Negeri Retno Marsudi akan berbicara dengan Menteri Luar Negeri China Wang Yi.",
    ]),
}
DAYS = {"en": ["Monday", "Tuesday", "Wednesday", "Thursday"], "id": ["Senin", "Selasa", "Rabu", "Kamis"]}


@pytest.fixture(scope="module", params=sorted(TEXTS))
def before_events(request):
    """(a document of ~30 sentences through every stage before events, its context): four paragraphs of made-up
    news, each several trigger sentences."""
    code = request.param
    text = "\n\n".join(TEXTS[code].format(day=day) for day in DAYS[code])
    doc = Document(id=f"long-{code}", source="t", media_type="text/plain", content_sha256="", content=text)
    doc.meta["date"] = "2021-06-15"
    ctx = Context.create({"languages": "en,id"})
    doc = Pipeline(BEFORE_EVENTS)(doc, ctx)
    assert doc.lang == code
    return doc, ctx


def _mentions(doc: Document) -> list[dict]:
    """Every field of every mention, the classifier features included."""
    return [{**to_dict(m), "features": m.features} for m in doc.event_mentions]


def test_at_most_parse_batch_parses_are_alive_at_once(before_events, monkeypatch):
    doc, ctx = before_events
    batch = 3
    monkeypatch.setattr(events, "PARSE_BATCH", batch)
    real = events.parse_sentences
    made: list[weakref.ref] = []  # every parse made (Parse is unhashable: no WeakSet)
    calls: list[int] = []
    most = 0

    def counting(texts, code):
        nonlocal most
        gc.collect()
        out = real(texts, code)
        calls.append(len(texts))
        made.extend(weakref.ref(p) for p in out if p is not None)
        most = max(most, sum(r() is not None for r in made))
        return out

    monkeypatch.setattr(events, "parse_sentences", counting)
    done = events.extract_events(copy.deepcopy(doc), ctx)
    assert done.event_mentions
    assert most > 0, "no parser for the language: nothing was measured"
    assert len(calls) >= 4, calls  # several batches, not one call for the whole document
    assert max(calls) <= batch
    assert most <= batch


def test_batched_parses_give_the_mentions_of_parsing_all_at_once(before_events, monkeypatch):
    doc, ctx = before_events
    monkeypatch.setattr(events, "PARSE_BATCH", 10**9)  # every trigger sentence in one call
    whole = _mentions(events.extract_events(copy.deepcopy(doc), ctx))
    assert len({m["sentence"] for m in whole}) >= 8
    for batch in (1, 2, 5, events.PARSE_BATCH):
        monkeypatch.setattr(events, "PARSE_BATCH", batch)
        assert _mentions(events.extract_events(copy.deepcopy(doc), ctx)) == whole, batch
