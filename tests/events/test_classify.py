"""Which event models a language uses: its own folder's (`[events] models` of its language file), else the ones
every language shares."""

from importlib import resources

from linimasa import lang
from linimasa.events import classify


def test_a_language_with_its_own_models_uses_them_and_shares_the_rest():
    own = lang.setting("en", "events", "models")
    assert own != classify.SHARED_MODELS
    folder = resources.files("linimasa").joinpath("models", own)
    for name in ("type", "status"):
        assert folder.joinpath(f"{name}.json").is_file()
        assert classify.model(name, "en") is not classify.model(name, "id")
        assert classify.model(name, "en").meta["dev_rows"] != classify.model(name, "id").meta["dev_rows"]
    # a model the language's folder does not hold is the shared one
    assert not folder.joinpath("actor.json").is_file()
    assert classify.model("actor", "en") is classify.model("actor", "id") is classify.model("actor")


def test_a_language_without_a_file_of_its_own_uses_the_shared_models():
    assert classify.model("type", "xx") is classify.model("type")


def test_the_type_decision_reads_the_candidates_language(monkeypatch):
    """The same features, decided by each language's model, may differ: the language chooses the model."""
    seen = []
    shipped = classify.model
    monkeypatch.setattr(classify, "model", lambda name, code="": seen.append((name, code)) or shipped(name, code))
    classify.decide_type({"lang=en": 1.0}, "ACCUSE", "en")
    classify.decide_status({"lang=id": 1.0}, "happened", "id")
    assert seen == [("type", "en"), ("status", "id")]
