"""The per-user cache saves time and never changes a result."""

import numpy as np

from linimasa import cache


def test_arrays_are_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"x": np.arange(5)}

    first, second = cache.arrays("thing-1", build), cache.arrays("thing-1", build)
    assert calls == [1] and np.array_equal(first["x"], second["x"])
    assert (tmp_path / "thing-1.npz").is_file()


def test_a_damaged_or_unwritable_cache_only_costs_a_rebuild(tmp_path, monkeypatch):
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(tmp_path))
    (tmp_path / "thing-2.npz").write_bytes(b"not a zip file")
    assert cache.arrays("thing-2", lambda: {"x": np.ones(2)})["x"].tolist() == [1.0, 1.0]
    blocked = tmp_path / "file"
    blocked.write_text("a file where a folder should be")
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(blocked / "sub"))
    assert cache.arrays("thing-3", lambda: {"x": np.zeros(1)})["x"].tolist() == [0.0]


def test_an_empty_setting_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("LINIMASA_CACHE_DIR", "")
    assert cache.cache_dir() is None
    assert cache.arrays("thing-4", lambda: {"x": np.zeros(1)})["x"].tolist() == [0.0]


def test_the_cached_language_identifier_classifies_as_py3langid_does(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from linimasa.stages import language

    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(tmp_path))
    language._identifier.cache_clear()
    reference = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    reference.set_languages(["en", "id"])
    texts = ["Presiden Joko Widodo bertemu Perdana Menteri Malaysia.", "The president met the prime minister."]
    for _ in range(2):  # built, then read from the cache
        ours = language._identifier(("en", "id"))
        assert [ours.classify(t) for t in texts] == [reference.classify(t) for t in texts]
        language._identifier.cache_clear()


def test_json_values_are_built_once_and_the_cached_knowledge_base_equals_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv("LINIMASA_CACHE_DIR", str(tmp_path))
    calls = []
    assert cache.json_value("v-1", lambda: calls.append(1) or {"a": [1, "b"]}) == {"a": [1, "b"]}
    assert cache.json_value("v-1", lambda: calls.append(1) or {}) == {"a": [1, "b"]} and calls == [1]

    from linimasa.kb import _build_bundled, _bundled

    _bundled.cache_clear()
    built = _bundled()  # written to the cache
    _bundled.cache_clear()
    assert _bundled() == built == tuple(_build_bundled())
    assert any(p.name.startswith("kb-") for p in tmp_path.iterdir())
    _bundled.cache_clear()
