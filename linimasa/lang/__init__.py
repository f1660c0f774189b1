"""Language knowledge as data: one TOML file per ISO 639-1 code in this folder (`en.toml` is the reference).

Adding a language means adding a file; no stage branches on a language code.
"""

from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def available() -> tuple[str, ...]:
    """ISO 639-1 codes that have a language file, sorted."""
    return tuple(sorted(p.name[:-5] for p in resources.files(__package__).iterdir() if p.name.endswith(".toml")))


@functools.cache
def load(code: str) -> dict[str, Any]:
    """The parsed language file for `code`; raises KeyError naming the available ones."""
    if code not in available():
        raise KeyError(f"no language file for {code!r}; available: {', '.join(available())}")
    return tomllib.loads(resources.files(__package__).joinpath(f"{code}.toml").read_text(encoding="utf-8"))


def setting(code: str, section: str, key: str, default: Any = None) -> Any:
    """`section.key` of language `code`'s file; `default` when the file or the key is missing (a language with no
    file has no model, no stemmer, no opt-in)."""
    if code not in available():
        return default
    return load(code).get(section, {}).get(key, default)


@functools.cache
def merged_patterns(section: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """`section` (e.g. "boilerplate") of every language, merged by key and compiled.

    Site furniture is in the platform's language, not the article's, so cleaning uses every language's cues.
    """
    merged: dict[str, list[re.Pattern[str]]] = {}
    for code in available():
        for key, patterns in load(code).get(section, {}).items():
            merged.setdefault(key, []).extend(re.compile(p) for p in patterns)
    return {k: tuple(v) for k, v in merged.items()}


@functools.cache
def merged_words(section: str, key: str) -> tuple[str, ...]:
    """A word list (`section.key`) of every language, lower-cased and merged."""
    words: set[str] = set()
    for code in available():
        words.update(w.lower() for w in load(code).get(section, {}).get(key, []))
    return tuple(sorted(words))
