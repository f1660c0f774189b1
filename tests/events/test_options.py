"""Who takes part where the rules found no one: the options, their parse path features and the learned choice."""

from __future__ import annotations

from linimasa.events import classify
from linimasa.events.options import option_features, options_for
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
    monkeypatch.setattr(classify, "model",
                        lambda name, code="": None if name in ("actor", "target") else shipped(name, code))
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
