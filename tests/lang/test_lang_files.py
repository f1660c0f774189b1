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
