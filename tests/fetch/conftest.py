from __future__ import annotations

import pytest

from linimasa.fetch import Guard, Limits

from .server import FixtureServer, Route

ROBOTS = b"User-agent: *\nDisallow: /private/\n"
# Small limits so that each failure shows within a second.
TEST_LIMITS = Limits(connect_timeout_s=2.0, read_timeout_s=0.5, total_timeout_s=1.0, max_bytes=256 * 1024,
                     max_redirects=3, delay_s=0.0)


@pytest.fixture
def server():
    srv = FixtureServer()
    srv.routes["/robots.txt"] = Route(ROBOTS, "text/plain")
    srv.thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def guard(server) -> Guard:
    """Private addresses refused, except the one fixture server (host:port): what a redirect to any other
    internal address meets."""
    return Guard(allow_private=False, allow=frozenset({server.host_port}))
