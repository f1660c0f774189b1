"""Role cues around a person's name: "Presiden AS Joe Biden", "penasihat Kremlin Yuri Ushakov",
"John Kirby, juru bicara Gedung Putih," -> the role phrase, kept as an attribute of the mention."""

from __future__ import annotations

import functools
import re

from .. import lang

# A role phrase: the role word, then up to five words that qualify it (names, "Luar Negeri", "AS", an acronym in
# brackets: "Ketua nonaktif Dewan Perwakilan Rakyat (DPR)"), ending right before the name (optionally with a comma
# between: "Juru bicara Gedung Putih, John Kirby").
_QUALIFIER = (r"(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|\([A-ZÀ-Þ][\w.'’-]*\)|of|the|for|dari|untuk|urusan|luar|negeri|dalam|"
              r"pertahanan|nasional|keamanan|nonaktif|de|del))")


def role_words(code: str) -> list[str]:
    """The language's words for offices and roles, its ranks among them ("presiden", "juru bicara", "akbp")."""
    data = lang.load(code).get("entities", {}) if code in lang.available() else {}
    return [*data.get("roles", []), *data.get("ranks", [])]


@functools.cache
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    words = role_words(code)
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    before = re.compile(rf"(?i:(?<!\w)(?:{alternation}))(?-i:{_QUALIFIER}{{0,6}})\s*,?\s*$")
    after = re.compile(rf"^\s*,\s*(?:(?:the|a|an|sang|seorang|si|el|la)\s+)?(?:[A-ZÀ-Þ][\w.'’-]*\s+){{0,3}}"
                       rf"(?i:(?:{alternation}))(?-i:{_QUALIFIER}{{0,6}})(?=\s*[,.;)])")
    return before, after


def role_of(text: str, start: int, end: int, code: str, window: int = 80) -> str:
    """The role phrase right before `text[start:end]` or right after it between commas, else ""."""
    patterns = _patterns(code)
    if patterns is None:
        return ""
    before, after = patterns
    left = text[max(0, start - window):start]
    # Only look back within the same line and sentence.
    left = re.split(r"[.!?\n\"“”]\s", left)[-1]
    m = before.search(left)
    if m:
        return m.group(0).strip(" ,")
    m = after.match(text[end:end + window])
    if m:
        return m.group(0).strip(" ,")
    return ""
