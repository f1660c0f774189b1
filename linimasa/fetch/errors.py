"""Why a fetch did not give a page: each error names the URL, the reason and, where there is one, what to do."""

from __future__ import annotations

from ..errors import LinimasaError


class FetchError(LinimasaError):
    """A request that failed: timeout, HTTP error, too large, wrong content type, too many redirects.
    `status` is the HTTP status when the server answered one."""

    def __init__(self, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.status = status


class FetchRefused(FetchError):
    """A request the fetcher will not make: scheme, an internal address (SSRF), robots.txt."""
