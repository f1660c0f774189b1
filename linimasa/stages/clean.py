"""Clean: the article body and title without site furniture; every dropped line is kept with its reason.

HTML extraction is trafilatura's (`bare_extraction`); the lines it leaves, and plain-text pages, then go through
the same line cleaner, whose cues (comment widgets, "READ …" links, spam bylines, taglines) are per-language data
in `linimasa/lang/*.toml`. Structural cues (a repeated title, the header above it, photo captions beside credits,
a date-only header line, short footer lines) are language-free and live here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lang
from ..model import Document, RemovedLine
from ..pipeline import stage
from ..settings import Context
from .dating import parse_date_line

_SPACES = re.compile(r"[\s\u00a0\u200b\ufeff]+")
_SENTENCE_END = re.compile(r"[.!?…\"”’')\]]\s*$")
_HEADER_LINES = 8  # the title is looked for among the first few non-empty lines
_MAX_TITLE_WORDS = 30


def normalise(line: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space and strip the ends."""
    return _SPACES.sub(" ", line).strip()


@dataclass
class _Line:
    number: int
    text: str
    reason: str = ""


def _words(text: str) -> int:
    return len(text.split())


def _is_headline(text: str) -> bool:
    return 3 <= _words(text) <= _MAX_TITLE_WORDS and not re.search(r"[.:;,]\s*$", text)


def _is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and _words(text) >= 4


def strip_section_suffix(title: str) -> str:
    """Drop a trailing section name ("… | bagian dalam") known to the language files."""
    for pattern in lang.merged_patterns("title").get("section_suffix", ()):
        title = pattern.sub("", title)
    return title.strip()


def _title_key(text: str) -> str:
    return strip_section_suffix(text).casefold()


def _mark_cues(lines: list[_Line]) -> None:
    """Reasons from the language files: comment widgets, read-more links, spam, bylines, credits."""
    patterns = lang.merged_patterns("boilerplate")
    gambling = lang.merged_words("spam", "gambling")
    for line in lines:
        lowered = line.text.casefold()
        if _words(line.text) <= 25 and any(w in lowered for w in gambling):
            line.reason = "spam (gambling/SEO words)"
            continue
        for reason, compiled in patterns.items():
            if any(p.search(line.text) for p in compiled):
                line.reason = reason.replace("_", " ")
                break


def _mark_date_lines(head: list[_Line]) -> None:
    """A header line that is only a date ("Wednesday, 8 December 2021") is page metadata, not body."""
    for line in head:
        if not line.reason and parse_date_line(line.text):
            line.reason = "date line"


def _find_title(lines: list[_Line], head: list[_Line]) -> _Line | None:
    """The first header line repeated later in the page, else a headline-like first line."""
    candidates = [ln for ln in head if not ln.reason and _is_headline(ln.text)]
    keys = [_title_key(ln.text) for ln in lines]
    for cand in candidates:
        key = _title_key(cand.text)
        if sum(1 for k in keys if k == key) > 1:
            return cand
    first = next((ln for ln in head if not ln.reason), None)
    if first is not None and first in candidates:
        return first
    return None


def _mark_captions(lines: list[_Line]) -> None:
    """A short non-sentence line beside a photo credit is its caption."""
    for i, line in enumerate(lines):
        if line.reason != "photo credit":
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and not lines[j].reason:
                neighbour = lines[j].text
                if _words(neighbour) <= 20 and not re.search(r"[.!?]\s*$", neighbour):
                    lines[j].reason = "photo caption"


def _mark_footer(lines: list[_Line]) -> None:
    """Short non-sentence lines after the last real paragraph are page footer."""
    for line in reversed(lines):
        if line.reason:
            continue
        if _is_sentence(line.text) or _words(line.text) > 8:
            break
        line.reason = "page footer"


def clean_lines(raw_lines: list[str]) -> tuple[str | None, list[str], list[RemovedLine]]:
    """Split page lines into (title, body paragraphs, removed lines with reasons).

    >>> clean_lines(["SITE", "", "Putin ingin bertemu Biden", "Isi berita panjang di sini.", "Post a Comment"])[0]
    'Putin ingin bertemu Biden'
    """
    lines = [_Line(i, normalise(t)) for i, t in enumerate(raw_lines) if normalise(t)]
    _mark_cues(lines)
    head = lines[:_HEADER_LINES]
    _mark_date_lines(head)
    title_line = _find_title(lines, head)
    title = None
    if title_line is not None:
        title = strip_section_suffix(title_line.text)
        key = _title_key(title_line.text)
        seen_title = False
        for line in lines:
            if line is title_line:
                line.reason = "title"
                seen_title = True
            elif not seen_title and not line.reason:
                line.reason = "site header (above the title)"
            elif not line.reason and _title_key(line.text) == key:
                line.reason = "repeated title"
    _mark_captions(lines)
    _mark_footer(lines)
    body = [ln.text for ln in lines if not ln.reason]
    removed = [RemovedLine(ln.number, raw_lines[ln.number], ln.reason) for ln in lines if ln.reason]
    return title, body, removed


def _extract_html(doc: Document) -> tuple[str | None, list[str], list[RemovedLine]]:
    """trafilatura finds the article; lines of the page text it did not keep are recorded as removed."""
    import trafilatura

    result = trafilatura.bare_extraction(
        doc.content,
        url=doc.meta.get("url"),
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    page_lines = [normalise(t) for t in (trafilatura.html2txt(doc.content) or "").splitlines() if normalise(t)]
    if result is None or not (result.text or "").strip():
        return None, [], [RemovedLine(i, t, "not article text (trafilatura)") for i, t in enumerate(page_lines)]
    if result.date:
        doc.meta.setdefault("html_date", result.date)
    lines = ([result.title] if result.title else []) + (result.text or "").splitlines()
    title, body, removed = clean_lines(lines)
    kept = {normalise(t) for t in body} | {normalise(result.title or "")}
    removed += [
        RemovedLine(i, t, "not article text (trafilatura)") for i, t in enumerate(page_lines) if t not in kept
    ]
    if result.title and title is None:
        title = strip_section_suffix(normalise(result.title))
    return title, body, removed


@stage("clean", provides={"clean"})
def clean(doc: Document, ctx: Context) -> Document:
    """Set `doc.title`, `doc.text` (paragraphs joined by blank lines) and `doc.removed`."""
    if doc.media_type == "text/html":
        title, body, removed = _extract_html(doc)
    else:
        title, body, removed = clean_lines(doc.content.splitlines())
    doc.title = title or doc.meta.get("title") or None
    doc.text = "\n\n".join(body)
    doc.removed = removed
    if len(doc.text) < ctx.get("min_chars"):
        doc.problems.append(
            f"no article text: {len(doc.text)} characters left after cleaning "
            f"(min_chars={ctx.get('min_chars')}); check the input is an article"
        )
    return doc
