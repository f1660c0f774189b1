"""Source-quality flags on the seeds, checked against the gold's boilerplate lines, and a repost marked as a copy."""

from __future__ import annotations

import pytest

import linimasa
from linimasa.sources import site_summary, stored_flags
from linimasa.sources.flags import FLAGS
from linimasa.sources.translation import translation_cues

from ..conftest import GOLD, SEEDS, seed_path


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The seeds as `linimasa run` stores them, plus a repost of 002 on another blog (other furniture)."""
    folder = tmp_path_factory.mktemp("reposts")
    lines = seed_path("002_bf116a187980ad6a").read_text(encoding="utf-8").splitlines()
    (folder / "repost-of-002.txt").write_text("\n".join(["KABAR DUNIA", ""] + lines[4:74] + ["", "Bagikan artikel ini"]),
                                              encoding="utf-8")
    corpus = linimasa.process([SEEDS, folder], db=str(folder / "seeds.db"))
    flags = stored_flags(corpus.store)
    docs = {d.id: d for d in corpus.store.documents()}
    yield flags, docs
    corpus.store.close()


def _names(flags, doc_id) -> set[str]:
    return {f.name for f in flags[doc_id]}


def _lines(flags, doc_id, name) -> set[int]:
    return {int(e.split(":")[0].removeprefix("line ")) for f in flags[doc_id] if f.name == name for e in f.evidence}


@pytest.mark.parametrize("doc_id", sorted(GOLD["docs"]))
def test_furniture_and_spam_lines_are_the_gold_boilerplate(flagged, doc_id):
    flags, _ = flagged
    found = _lines(flags, doc_id, "furniture_removed") | _lines(flags, doc_id, "spam_removed")
    assert found == set(GOLD["docs"][doc_id]["boilerplate_lines"])


@pytest.mark.parametrize("doc_id, expected", [
    ("000_3d91c75fc923eec8", {"furniture_removed"}),
    ("001_86cd6f01714b256d", {"furniture_removed"}),
    ("003_044cb8c118862d94", {"furniture_removed"}),
    ("004_6ec3a7005892a893", {"spam_removed"}),
])
def test_content_farm_seeds_carry_their_flag(flagged, doc_id, expected):
    flags, _ = flagged
    names = _names(flags, doc_id)
    assert expected <= names and not ({"spam_removed", "furniture_removed"} - expected) & names


@pytest.mark.parametrize("doc_id, sign", [
    ("000_3d91c75fc923eec8", "calque: troubled waters"),        # "membuat perairan di Gedung Putih bermasalah"
    ("001_86cd6f01714b256d", "calque: inside section"),         # "| bagian dalam"
    ("002_bf116a187980ad6a", "calque: pool credit"),            # "©Mikhail Metzel/KOLAM RENANG/TASS"
    ("004_6ec3a7005892a893", "calque: translated dateline"),    # "Pantai Rehoboth, Del. —"
])
def test_machine_translated_seeds_show_a_strong_sign(flagged, doc_id, sign):
    """The gold calls the seeds machine-translated; four show a calque that flags them on its own."""
    flags, _ = flagged
    mt = next(f for f in flags[doc_id] if f.name == "machine_translation")
    assert any(sign in e for e in mt.evidence)


def test_one_weak_sign_does_not_flag(flagged):
    """003's only sign is "panggilan telepon back to back": a loan phrase as often as a lapse, so not a flag."""
    flags, docs = flagged
    assert [c.text for c in translation_cues(docs["003_044cb8c118862d94"])] == ["back to back"]
    assert "machine_translation" not in _names(flags, "003_044cb8c118862d94")


@pytest.mark.parametrize("doc_id", sorted(GOLD["docs"]))
def test_date_flags_follow_how_the_date_was_found(flagged, doc_id):
    flags, docs = flagged
    names = _names(flags, doc_id)
    if GOLD["docs"][doc_id]["published"]["explicit"]:
        assert not names & {"no_date", "date_inferred"}
    else:
        assert names & {"no_date", "date_inferred"}
        assert ("date_inferred" in names) == (docs[doc_id].published is not None)


def test_repost_is_marked_as_a_copy_of_the_original(flagged):
    flags, _ = flagged
    copy = next(f for f in flags["repost-of-002"] if f.name == "copy")
    assert copy.evidence == ["002_bf116a187980ad6a"]
    assert not any(f.name == "copy" for doc_id in GOLD["docs"] for f in flags[doc_id])


def test_site_summary_counts_independent_articles(flagged):
    flags, docs = flagged
    sites = {s.site: s for s in site_summary([(d.id, d.source, d.meta.get("url", "")) for d in docs.values()], flags)}
    assert (sites["seeds"].articles, sites["seeds"].copies) == (5, 0)
    reposts = next(s for name, s in sites.items() if name != "seeds")
    assert (reposts.articles, reposts.independent, reposts.copies) == (1, 0, 1)
    assert sites["seeds"].flags["spam_removed"] == 1 and sites["seeds"].flags["machine_translation"] == 4
    assert set(sites["seeds"].to_dict()["flags"]) == set(FLAGS)
