"""`linimasa sources`: per site (the domain of a fetched page; the folder of a local file), how many articles,
how many of them copy another document (so how many are independent), and how many carry each quality flag."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Iterable
from urllib.parse import urlsplit

from .flags import FLAGS, Flag


def site_of(source: str, url: str = "") -> str:
    """The site a document came from: the host of its URL without "www.", else the folder of its file.

    >>> site_of("https://www.Example.org/news/1")
    'example.org'
    >>> site_of("/data/t17/H1N1_bbc/articles.jsonl.gz:12")
    'H1N1_bbc'
    """
    for candidate in (url, source):
        if candidate.lower().startswith(("http://", "https://")):
            return (urlsplit(candidate).hostname or "").removeprefix("www.") or "(unknown)"
    path = re.sub(r":\d+$", "", source)  # a JSON Lines file's line number
    return PurePath(path).parent.name or "(local files)"


@dataclass
class Site:
    site: str
    articles: int = 0
    copies: int = 0
    flags: Counter = field(default_factory=Counter)

    @property
    def independent(self) -> int:
        return self.articles - self.copies

    def to_dict(self) -> dict[str, Any]:
        return {"site": self.site, "articles": self.articles, "independent": self.independent,
                "copies": self.copies, "flags": {name: self.flags[name] for name in FLAGS}}


def site_summary(documents: Iterable[tuple[str, str, str]], flags: dict[str, list[Flag]]) -> list[Site]:
    """Sites from (doc id, source, URL) triples and each document's flags; most articles first, then by name."""
    sites: dict[str, Site] = defaultdict(lambda: Site(""))
    for doc_id, source, url in documents:
        name = site_of(source, url)
        site = sites[name]
        site.site = name
        site.articles += 1
        names = {f.name for f in flags.get(doc_id, [])}
        site.copies += "copy" in names
        site.flags.update(names)
    return sorted(sites.values(), key=lambda s: (-s.articles, s.site))


def summary_table(sites: list[Site]) -> str:
    """The summary as an aligned text table, with a total line."""
    head = ["site", "articles", "independent", "copies"] + [f for f in FLAGS if f != "copy"]
    total = Site("(all)")
    for s in sites:
        total.articles += s.articles
        total.copies += s.copies
        total.flags.update(s.flags)
    rows = [[s.site, s.articles, s.independent, s.copies] + [s.flags[f] for f in FLAGS if f != "copy"]
            for s in sites + ([total] if len(sites) > 1 else [])]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    lines = ["  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w) for i, (x, w) in enumerate(zip(r, widths)))
             for r in [head] + rows]
    return "\n".join(lines)
