"""`linimasa watch`: fetch the same feeds again every interval; each round stores only what is new or changed
(see `linimasa.fetch.run`), so the timeline grows as the feeds do."""

from __future__ import annotations

import logging
import re
import time
from typing import Any, Callable, Iterable

from .run import FetchReport, fetch_sources

log = logging.getLogger(__name__)

MIN_INTERVAL_S = 60  # polling a feed more often than once a minute burdens its site and finds nothing more
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in an interval written as "90s", "15m", "1h30m" or a bare number of seconds.

    >>> parse_interval("1h30m")
    5400.0
    """
    text = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    parts = re.findall(r"(\d+(?:\.\d+)?)([smhd])", text)
    if not parts or "".join(n + u for n, u in parts) != text:
        raise ValueError(f"{text!r}: write an interval such as 90s, 15m, 1h or 1h30m")
    return float(sum(float(n) * _UNITS[u] for n, u in parts))


def watch(feeds: Iterable[str], db: str, every_s: float = 900, rounds: int = 0,
          on_round: Callable[[int, FetchReport], None] | None = None, sleep: Callable[[float], None] = time.sleep,
          **options: Any) -> None:
    """Fetch `feeds` into `db` now and then every `every_s` seconds, `rounds` times (0: until interrupted);
    `options` go to `fetch_sources`. `on_round(n, report)` sees each round's report."""
    feeds = list(feeds)
    n = 0
    while True:
        report = fetch_sources(feeds, db, **options)
        if report.corpus is not None:
            report.corpus.store.close()
        log.info("round %d: %s", n, report.lines()[0])
        if on_round is not None:
            on_round(n, report)
        n += 1
        if rounds and n >= rounds:
            return
        sleep(every_s)
