"""`linimasa serve`: the newsroom interface, a web timeline and a JSON API over a database of `linimasa run`.

HTTP is FastAPI's (on Starlette), serving uvicorn's, pages Jinja2's (autoescaped: article text is hostile input),
the embedded timeline Knight Lab's TimelineJS (vendored under static/vendor, MPL-2.0). Nothing is fetched from
outside the server, so it works offline.
"""

from .app import TOKEN_VARIABLE, create_app, serve

__all__ = ["TOKEN_VARIABLE", "create_app", "serve"]
