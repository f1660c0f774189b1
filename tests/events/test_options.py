"""Who takes part where the rules found no one: the options, their parse path features and the learned choice."""

from __future__ import annotations

import pytest

from linimasa.events import classify
from linimasa.events.options import option_features, options_for, role_options, rule_features
from linimasa.model import Document
from linimasa.pipeline import Pipeline
from linimasa.settings import Context
from linimasa.syntax import Parse, Token

STAGES = ("clean", "language", "sentences", "dating", "timex", "entities", "events")


def _parse(rows: list[tuple[str, str, str, int]]) -> Parse:
    tokens, at = [], 0
    for i, (text, pos, dep, head) in enumerate(rows):
        tokens.append(Token(i, at, at + len(text), text, text.lower(), pos, dep, head, ""))
        at += len(text) + 1
    return Parse(tokens)


def test_a_names_features_spell_its_path_and_case_word_to_the_trigger():
    # "Partai memberikan dukungan kepada Budi": Budi hangs on the noun "dukungan" with "kepada"
    p = _parse([("Partai", "PROPN", "nsubj", 1), ("memberikan", "VERB", "ROOT", 1), ("dukungan", "NOUN", "obj", 1),
                ("kepada", "ADP", "case", 4), ("Budi", "PROPN", "nmod", 2)])
    x = option_features(p, p.tokens[2], p.tokens[4], "PER", "SUPPORT", "id", False, 2)
    assert {"path=nmod^|", "case=id:kepada", "side=after", "child|dep=nmod", "ent=PER"} <= set(x)
    # the subject of the verb whose object the trigger is: up to the verb, down to the trigger
    y = option_features(p, p.tokens[2], p.tokens[0], "ORG", "SUPPORT", "id", False, 2)
    assert {"path=nsubj^|vobj", "side=before", "case=id:"} <= set(y)


def _targets(text: str) -> list[list[str]]:
    doc = Document(id="t", source="t", media_type="text/plain", content_sha256="", content=text)
    doc.meta["date"] = "2017-10-10"
    return [m.targets for m in Pipeline(STAGES)(doc, Context.create({"languages": "id"})).event_mentions
            if m.type == "SUPPORT"]


def test_the_target_model_names_the_one_who_receives_support_where_the_rules_found_no_one(monkeypatch):
    text = ("Budi Santoso yang notabene kader Golkar tidak akan keluar dari partai meski tidak mendapat tiket dukungan "
            "di Pilkada Jateng.")
    assert _targets(text) == [["Budi Santoso"]]
    shipped = classify.model
    monkeypatch.setattr(classify, "model", lambda name: None if name in ("actor", "target") else shipped(name))
    assert _targets(text) == [[]]  # the rules alone name no one


def test_the_options_are_the_names_and_the_nouns_near_the_trigger_each_once():
    # "Polisi menangkap Budi di rumah Budi": the noun that acts, the name (nearest), a noun one step further on
    p = _parse([("Polisi", "NOUN", "nsubj", 1), ("menangkap", "VERB", "ROOT", 1), ("Budi", "PROPN", "obj", 1),
                ("di", "ADP", "case", 4), ("rumah", "NOUN", "obl", 1), ("Budi", "PROPN", "nmod", 4)])
    names = [("Budi Santoso", 17, 21, "PER"), ("Budi Santoso", 31, 35, "PER")]
    found = options_for(p, p.tokens[1], names, "COERCE", "id")
    assert [n for n, _ in found] == ["polisi", "Budi Santoso", "rumah"]
    budi = dict(found)["Budi Santoso"]
    assert "path=obj^|" in budi and "ent=PER" in budi
    assert "ent=NOUN:party" in dict(found)["polisi"] and "ent=NOUN:other" in dict(found)["rumah"]
    assert options_for(None, None, names, "COERCE", "id") == []


def test_an_option_carries_what_the_rules_made_of_it_crossed_with_its_place():
    x = {"bias": 1.0, "path=nsubj^|": 1.0, "ent=LOC": 1.0, "path=nsubj^||active": 1.0}
    y = rule_features(x, "this", True)
    assert {"rule=this", "rule=this|found=True", "rule=this|found=True|path=nsubj^|",
            "rule=this|found=True|ent=LOC"} <= set(y)
    assert "rule=this|found=True|path=nsubj^||active" not in y  # conjunctions are crossed no further
    options = role_options([("Jakarta", x), ("polisi", x), ("Budi", x)], ["Jakarta"], ["Budi"])
    assert [next(k for k in o if k in ("rule=this", "rule=other", "rule=no")) for _, o in options] == [
        "rule=this", "rule=no", "rule=other"]
    with pytest.raises(ValueError, match="rule state"):
        rule_features(x, "maybe", True)


def test_the_model_drops_a_name_the_rules_took_and_adds_one_they_missed():
    cuts = {"none": 0.55, "keep": 0.25, "add": 0.7}
    # the rules took Jakarta (an option the model rejects) and Aris (no option: a name from the sentence before)
    scored = [("Jakarta", 0.2, True), ("polisi", 0.9, False), ("Budi", 0.6, False)]
    assert classify.choose_names(["Jakarta", "Aris"], scored, cuts) == ["Aris", "polisi"]
    # a name the rules took is kept at or over the keep threshold, once
    assert classify.choose_names(["polisi"], [("polisi", 0.3, True)], cuts) == ["polisi"]
    # where the rules found no one, the options at or over the first threshold
    assert classify.choose_names([], scored, cuts) == ["polisi", "Budi"]
    assert classify.choose_names([], [], cuts) == []


def test_a_role_model_of_one_threshold_never_touches_the_rules_names():
    assert classify.role_cuts({"threshold": 0.55}) == {"none": 0.55, "keep": 0.0, "add": 1.01}
    assert classify.role_cuts({"threshold": 0.6, "thresholds": {"keep": 0.1, "add": 0.8}}) == {
        "none": 0.6, "keep": 0.1, "add": 0.8}
