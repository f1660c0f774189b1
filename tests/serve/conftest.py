"""Fixtures for the server's tests: the app on the session's seeds database, the real server (`linimasa serve` in
a subprocess on a free local port) and Debian's chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from linimasa.serve import create_app

CHROMIUM = os.environ.get("LINIMASA_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SERVER_START_S = 30  # importing the web stack and opening the database takes a second or two; room for a slow CI


@pytest.fixture(scope="session")
def seeds_db(corpus) -> str:
    """The session's seeds database (read only here: the tests that write use their own file)."""
    return corpus.store.path


@pytest.fixture(scope="session")
def client(seeds_db) -> TestClient:
    with TestClient(create_app(seeds_db, token="")) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`linimasa serve` running in a subprocess; `url` is where it answers."""

    def __init__(self, db: str, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "linimasa", "serve", "--db", db, "--port", str(self.port)],
            env={**os.environ, **(env or {})}, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + SERVER_START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"linimasa serve exited: {self.process.stderr.read()}")
            try:
                httpx.get(self.url + "/api/documents?per_page=1", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"linimasa serve did not answer on {self.url} within {SERVER_START_S} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def server(seeds_db):
    running = Server(seeds_db)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium (not a Playwright download), headless."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no chromium at {CHROMIUM}: install it (apt-get install chromium; .ci/run does) or set "
                    "LINIMASA_CHROMIUM")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (the [test] extra)")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True)
    opened = context.new_page()
    yield opened
    context.close()
