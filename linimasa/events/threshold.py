"""Which event mentions the timeline shows: those whose confidence reaches a threshold. A user's threshold (the
`min_confidence` setting, `--min-confidence`) applies to every language; by default each language has its own
(`[events] min_confidence` of its language file), chosen on that language's dev data, because the event models'
confidences are not equally reliable in every language (bench/RESULTS.md, issue 14)."""

from __future__ import annotations

import functools

from .. import lang
from ..model import EventMention

# For a language whose file names no threshold of its own (no dev data to choose one on), and for mentions stored
# before mentions carried their language: the threshold first chosen for every language, on Indonesian dev data
# (session 9; each language with dev data has its own since).
FALLBACK = 0.28


@functools.cache
def default_threshold(code: str) -> float:
    """The default confidence threshold of language `code`."""
    if code not in lang.available():
        return FALLBACK
    return float(lang.load(code).get("events", {}).get("min_confidence", FALLBACK))


def threshold(m: EventMention, given: float | None) -> float:
    """The threshold mention `m` is held to: `given`, else its language's default."""
    return given if given is not None else default_threshold(m.lang)


def shown(m: EventMention, given: float | None) -> bool:
    """Whether the timeline shows mention `m` at threshold `given` (None: each language's default)."""
    return m.confidence >= threshold(m, given)


def describe(given: float | None, langs: set[str]) -> str:
    """The threshold in words, for messages: "0.5", or "0.65 (en), 0.5 (id)"."""
    if given is not None:
        return f"{given:g}"
    return ", ".join(f"{default_threshold(c):g} ({c or 'unknown language'})" for c in sorted(langs)) or f"{FALLBACK:g}"
