"""Cross-document dating and linking need evidence that two articles tell one story: an unrelated two-paragraph page
about Biden and Putin meeting "next month in Vienna" after talks begun in Geneva shares the two leaders, Geneva and
their offices with the seeds, but is neither dated from the seeds' Geneva summit (or their December video call) nor
merged into those events; the seeds keep their dates."""

from __future__ import annotations

from datetime import date

import pytest

import linimasa
from linimasa.corpus.link import places_differ
from linimasa.model import EventMention, Span

from ..conftest import SEEDS

VIENNA = """Pertemuan Jenewa dilanjutkan di Wina

Presiden Joe Biden dan Presiden Vladimir Putin akan bertemu bulan depan di Wina untuk melanjutkan pembicaraan yang dimulai di Jenewa, kata Gedung Putih.

Kremlin mengatakan kedua pemimpin akan membahas pengendalian senjata nuklir dan keamanan siber.
"""


@pytest.fixture(scope="module")
def with_vienna(tmp_path_factory):
    folder = tmp_path_factory.mktemp("vienna")
    (folder / "vienna.txt").write_text(VIENNA, encoding="utf-8")
    corpus = linimasa.process([SEEDS, folder], db=str(folder / "v.db"))
    yield corpus
    corpus.store.close()


def test_the_vienna_page_is_not_dated_from_the_seeds(with_vienna):
    vienna = with_vienna.store.document("vienna")
    assert vienna is not None and vienna.published is None


def test_the_vienna_plan_is_not_merged_into_a_seed_event(with_vienna):
    merged = [e for e in with_vienna.timeline.events if "vienna" in e.sources and len(e.sources) > 1]
    assert merged == []


def test_the_seeds_keep_their_dates(with_vienna, gold):
    """The seeds' 5/5: each publication date within the gold's tolerance, the page beside them or not."""
    for doc_id, truth in gold["docs"].items():
        doc = with_vienna.store.document(doc_id)
        assert doc is not None and doc.published is not None, doc_id
        gap = abs((date.fromisoformat(doc.published.date) - date.fromisoformat(truth["published"]["date"])).days)
        assert gap <= truth["published"].get("tolerance_days", 0), (doc_id, doc.published)


@pytest.mark.parametrize(("a", "b", "differ"), [("Vienna", "Geneva", True), ("Geneva", "Geneva", False),
                                                ("Vienna", "", False), ("", "", False)])
def test_places_differ_only_when_both_are_known(a, b, differ):
    def mention(place: str) -> EventMention:
        return EventMention(doc_id="d", sentence=0, span=Span(0, 1, "x"), type="CONSULT", trigger="x", date="",
                            date_source="", status="happened", location=place)

    assert places_differ(mention(a), mention(b)) is differ
