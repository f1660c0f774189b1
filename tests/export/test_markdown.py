"""Markdown export: HTML and Markdown links from article text render as that text, never as markup."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from linimasa.export import timeline_markdown
from tests.export.hostile import hostile_flags, hostile_timeline

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>click</a>",
    "[x](javascript:alert(1))",
    "![x](http://evil.example/track.png)",
    "[x][1] and [1]: javascript:alert(1)",
    "<http://evil.example>",
    "**bold** _it_ `code` \\[escaped\\]",
    "&lt;script&gt; is &amp; stays text",
]


def _render(text: str) -> str:
    md = timeline_markdown(hostile_timeline(text), title=text, summaries={"2022-01-10": [text]},
                           flags=hostile_flags(text))
    return MarkdownIt("commonmark").render(md)


def _tags(rendered: str) -> list[str]:
    return re.findall(r"<(/?[a-z][a-z0-9]*)", rendered)


@pytest.mark.parametrize("text", HOSTILE)
def test_article_text_renders_as_text(text):
    rendered = _render(text)
    assert _tags(rendered) == _tags(_render("Putin spoke."))  # the export's own markup, nothing more
    # title, date summary, participant, evidence, source and the document it copies (its flag), history document,
    # conflict: all there, as text
    assert rendered.count(html.escape(text, quote=False).replace('"', "&quot;")) == 8


def test_a_line_break_in_article_text_cannot_start_a_heading_or_list():
    rendered = _render("Putin spoke.\n# Injected\n- [x](javascript:alert(1))\r\n\n<script>")
    assert _tags(rendered) == _tags(_render("Putin spoke."))
    assert "Putin spoke. # Injected - [x](javascript:alert(1)) &lt;script&gt;" in rendered


def test_events_no_article_dates_come_under_an_undated_heading():
    from dataclasses import replace

    from linimasa.model import Timeline

    dated, undated = hostile_timeline("Putin spoke.").events[0], hostile_timeline("Biden spoke.").events[0]
    md = timeline_markdown(Timeline(events=[dated, replace(undated, id="e2", date="")]))
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [f"## {dated.date}", "## Undated (told without a date of its own)"]
