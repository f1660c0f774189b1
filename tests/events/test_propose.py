"""Event candidates from the parse (`linimasa.events.propose`): words the lexicon misses, weighed by the proposal
model, in the languages whose file opts in."""

from __future__ import annotations

import pytest

from linimasa.events import propose as proposal
from linimasa.events.lexicon import lexicon, matches
from linimasa.stages import events as stage
from linimasa.syntax import parse
from tests.events.test_arguments import events_of


def _parsed(text: str, code: str):
    return parse([(0, text)], code)[0]


def test_a_word_is_read_by_its_place_in_the_parse():
    p = _parsed("Activists lobbied Congress and met with Putin.", "en")
    met = next(t for t in p.tokens if t.text == "met")
    x = proposal.token_features(p, met, "en")
    assert {"lang=en", "w=en:meet", "pos=VERB", "pp=en:with|PROPN"} <= set(x)
    p = _parsed("Presiden bertemu dengan Putin di Jakarta.", "id")
    bertemu = next(t for t in p.tokens if t.text == "bertemu")
    assert {"lang=id", "pp=id:dengan|PROPN", "a=subj|NOUN"} <= set(proposal.token_features(p, bertemu, "id"))


def test_only_open_verbs_and_nouns_are_weighed():
    text = "Israel melakukan serangan udara di Gaza pada 2014."
    p = _parsed(text, "id")
    taken = [(m.start(), m.end()) for _, m in matches(text, lexicon("id"))]
    words = [t.text for t in proposal.open_words(p, taken)]
    assert "serangan" not in words  # the lexicon's trigger
    assert "udara" not in words  # it says which attack: "serangan udara" is the lexicon trigger's event
    assert "melakukan" in words and "2014" not in words and "Israel" not in words


def test_an_indonesian_word_the_lexicon_misses_is_a_candidate():
    text = "Menteri Luar Negeri Retno Marsudi menyesalkan serangan terhadap kapal nelayan Indonesia."
    assert "menyesalkan" not in {m.group(0) for _, m in matches(text, lexicon("id"))}
    found = [m for m in events_of(text) if m.trigger == "menyesalkan"]
    assert [m.type for m in found] == ["ACCUSE"]
    assert found[0].actors == ["Retno Marsudi"]
    # its confidence is the proposal model's calibrated probability, as the stage weighed it
    p = _parsed(text, "id")
    taken = [(m.start(), m.end()) for _, m in matches(text, lexicon("id"))]
    given = {x.text: x.probability for _, x in proposal.propose(p, taken, 0, "id")}
    assert found[0].confidence == given["menyesalkan"] >= proposal.PROPOSE_FLOOR


def test_without_parse_candidates_only_the_lexicon_proposes(monkeypatch):
    text = "Menteri Luar Negeri Retno Marsudi menyesalkan serangan terhadap kapal nelayan Indonesia."
    monkeypatch.setattr(stage, "proposes", lambda code: False)
    assert [m.trigger for m in events_of(text)] == ["serangan"]


def test_a_lexicon_trigger_stays_the_mention_a_proposal_of_its_type_joins():
    # "Pelaku bom bunuh diri menyerang ...": "bunuh" may be proposed; the attack is the lexicon's "menyerang"
    text = "Pelaku bom bunuh diri menyerang sebuah pembangkit listrik milik negara pada Sabtu."
    assert [m.trigger for m in events_of(text) if m.type == "ASSAULT"] == ["menyerang"]


@pytest.mark.parametrize("code, on", [("id", True), ("en", False), ("es", False)])
def test_which_languages_take_candidates_from_the_parse(code, on):
    assert proposal.enabled(code) is on


def test_a_proposal_under_the_floor_is_not_kept(monkeypatch):
    p = _parsed("The city quarantined 200 people.", "en")
    kept = proposal.propose(p, [], 0, "en")
    assert kept and all(x.probability >= proposal.PROPOSE_FLOOR for _, x in kept)
    monkeypatch.setattr(proposal, "PROPOSE_FLOOR", 1.01)
    assert proposal.propose(p, [], 0, "en") == []
