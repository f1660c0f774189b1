"""Machine-translation damage in a page: what it is, with the words that show it.

Four kinds of evidence; a calque or a title in another language is a *strong* sign by itself, untranslated
sentences and words are *weak* ones (an English quote, a loan phrase such as "point of sales" in a tech story),
and `MIN_WEAK_CUES` of them together count as one strong sign:
- an **untranslated sentence**: a body sentence of `MIN_SENTENCE_WORDS` words or more that language ID (py3langid,
  through `linimasa.stages.language`) puts in another language than the page's, at `MIN_LANG_PROBABILITY`;
- a **title in another language** than the body, by the same test;
- **untranslated words**: one of the language file's `quality.foreign_function_words` between two lower-case
  words ("panggilan telepon back to back");
- **calques**: the language file's `quality.calques` patterns (a photo credit's "POOL" as "KOLAM RENANG", a
  dateline's "Rehoboth Beach" as "Pantai Rehoboth"), searched in the title, the body and the removed lines.
Words run together ("UkrainaDia") were tried and dropped: in edited news they are brand names ("DailySocial").
The cue words are per-language data (`[quality]` in `linimasa/lang/<code>.toml`); the rest is language-free.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lang
from ..model import Document
from ..stages.language import identify

MIN_SENTENCE_WORDS = 6       # shorter sentences (names, datelines, a quoted slogan) are unreliable to identify
MIN_TITLE_WORDS = 4
MIN_LANG_PROBABILITY = 0.95  # py3langid's normalised probability; below it, mixed or name-heavy text
# Weak signs that make one strong sign: on 400 IndoSum articles (edited news) 2% hold one weak sign, 0.5% two.
MIN_WEAK_CUES = 2


@dataclass(frozen=True)
class Cue:
    """One sign of machine translation: its kind, the words, and where they are (title, body, removed line n)."""

    kind: str
    text: str
    where: str
    strong: bool = False


@functools.cache
def _language_data(code: str) -> tuple[re.Pattern[str] | None, tuple[tuple[str, re.Pattern[str]], ...]]:
    try:
        data = lang.load(code).get("quality", {})
    except KeyError:
        return None, ()
    words = data.get("foreign_function_words", [])
    foreign = (re.compile(r"(?<![\w-])[a-z]+ (?:" + "|".join(map(re.escape, words)) + r") [a-z]+\b")
               if words else None)
    calques = tuple((name, re.compile(p)) for name, patterns in data.get("calques", {}).items() for p in patterns)
    return foreign, calques


def _other_language(text: str, code: str, min_words: int) -> str:
    """The language `text` is in when it is surely not `code`, else ""."""
    if len(text.split()) < min_words:
        return ""
    found, probability = identify(text)
    return found if found != code and probability >= MIN_LANG_PROBABILITY else ""


def translation_cues(doc: Document) -> list[Cue]:
    """The signs of machine translation in `doc` (after the clean, language and sentences stages).

    >>> from linimasa.model import Document
    >>> doc = Document("x", "x", "text/plain", "", lang="id", text="Macron berbicara melalui panggilan telepon back to back dengan Biden.")
    >>> [c.kind for c in translation_cues(doc)]
    ['untranslated words']
    """
    code = doc.lang or ""
    cues: list[Cue] = []
    if doc.title and (other := _other_language(doc.title, code, MIN_TITLE_WORDS)):
        cues.append(Cue(f"title in another language ({other})", doc.title, "title", strong=True))
    for i, sentence in enumerate(doc.sentences):
        if other := _other_language(sentence.span.text, code, MIN_SENTENCE_WORDS):
            cues.append(Cue(f"untranslated sentence ({other})", sentence.span.text, f"sentence {i}"))
    foreign, calques = _language_data(code)
    lines = [("title", doc.title or "")] + [("body", p) for p in doc.text.split("\n") if p.strip()]
    lines += [(f"removed line {r.line}", r.text.strip()) for r in doc.removed]
    for where, line in lines:
        if foreign is not None:
            cues += [Cue("untranslated words", m.group(0), where) for m in foreign.finditer(line)]
        for name, pattern in calques:
            cues += [Cue(f"calque: {name.replace('_', ' ')}", m.group(0).strip() or line[:60], where, strong=True)
                     for m in pattern.finditer(line)]
    seen: set[tuple[str, str]] = set()  # the title again in the removed lines is one sign, not two
    unique = []
    for cue in cues:
        key = (cue.kind, " ".join(cue.text.split()).casefold())
        if key not in seen:
            seen.add(key)
            unique.append(cue)
    return unique


def machine_translated(cues: list[Cue]) -> bool:
    """Whether `cues` show machine translation: one strong sign, or `MIN_WEAK_CUES` weak ones."""
    return any(c.strong for c in cues) or len(cues) >= MIN_WEAK_CUES
