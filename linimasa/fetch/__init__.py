"""Sources on the web: pages, RSS/Atom feeds, sitemaps and WARC archives, fetched safely into the pipeline.

`fetch_sources` (`linimasa fetch`) and `watch` (`linimasa watch`) are the entry points; the HTTP is httpx's,
feeds are feedparser's, archives warcio's. See `client` for the limits, `guard` for the SSRF guard, `robots`
for robots.txt, `state` for what is kept between rounds.
"""

from .client import USER_AGENT, Client, Limits
from .errors import FetchError, FetchRefused
from .guard import Guard
from .run import FetchReport, fetch_sources
from .watch import parse_interval, watch

__all__ = ["USER_AGENT", "Client", "FetchError", "FetchRefused", "FetchReport", "Guard", "Limits", "fetch_sources",
           "parse_interval", "watch"]
