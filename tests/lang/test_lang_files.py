import pytest

from linimasa import lang


def _keys(data, prefix=""):
    out = set()
    for k, v in data.items():
        out.add(prefix + k)
        if isinstance(v, dict) and k not in ("numbers", "units", "parts", "days", "times_of_day", "vague_durations", "sets"):
            out |= _keys(v, prefix + k + ".")
    return out


@pytest.mark.parametrize("code", lang.available())
def test_every_language_file_defines_the_reference_keys(code):
    missing = _keys(lang.load("en")) - _keys(lang.load(code))
    assert not missing, f"{code}.toml lacks {sorted(missing)}"


def test_unknown_language_says_which_exist():
    with pytest.raises(KeyError, match="available"):
        lang.load("xx")
