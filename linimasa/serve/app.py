"""The application: FastAPI (on Starlette) with the JSON API, the pages, the package's static files, security
headers on every answer, and errors that say what to do (JSON under /api, a page elsewhere); uvicorn serves it."""

from __future__ import annotations

import ipaddress
import logging
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from . import api, pages
from .data import Library

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
TOKEN_VARIABLE = "LINIMASA_TOKEN"

# Defence in depth for hostile article text (which the templates escape anyway): scripts only from this server's
# files, never inline, no plugins, no <base>, forms only back to this server. Styles may be inline: TimelineJS
# positions its slides with style attributes.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'self'")
SECURITY_HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "SAMEORIGIN"}


def create_app(db: str | Path, token: str | None = None, settings: dict[str, Any] | None = None) -> FastAPI:
    """The app serving the database `db`; writes need `token` (default: the LINIMASA_TOKEN variable; none: the
    server is read-only).

    >>> app = create_app("linimasa.db")  # doctest: +SKIP
    """
    app = FastAPI(title="linimasa", version=__version__, docs_url=None, redoc_url=None,
                  description="A dated, source-linked timeline of events from news articles. Lists are paged "
                              "(`page`, `per_page`); a bad parameter is a 400 whose `error` names it; writes need "
                              "`Authorization: Bearer <LINIMASA_TOKEN>`.")
    app.state.library = Library(db, os.environ.get(TOKEN_VARIABLE, "") if token is None else token, settings)
    environment = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
    app.state.templates = Jinja2Templates(env=environment)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        return _error(request, 400, "; ".join(_explain(e) for e in exc.errors()))

    return app


def _explain(error: dict) -> str:
    """One validation error as `name: what is wrong (got 'value')`."""
    where = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body", "header")]
    given = error.get("input")
    got = f" (got {given!r})" if isinstance(given, (str, int, float)) and error.get("type") != "missing" else ""
    return f"{'.'.join(where) or 'request'}: {error.get('msg', 'invalid')}{got}"


def _error(request: Request, status: int, message: str, headers: dict | None = None):
    if request.url.path.startswith("/api/") or request.method != "GET":
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    return pages.render(request, "error.html", status_code=status, status=status, message=message)


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve `db` on http://host:port until interrupted."""
    import uvicorn

    app = create_app(db)
    app.state.library.snapshot()  # a file that is no database fails here, not on the first request; warms the cache
    if not _loopback(host):
        log.warning("serving on %s: anyone who can reach this machine can read the database%s", host,
                    "" if not app.state.library.token else " and, with the token, write to it")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
