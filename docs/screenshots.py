"""Screenshots of `linimasa serve` for the README: the seeds' timeline filtered to Joe Biden and Vladimir Putin, the
30 December 2021 call, a document and the embedded TimelineJS view, taken in Debian's chromium through Playwright.

    .venv/bin/python docs/screenshots.py [--db seeds.db]   # without --db, the seeds are processed into a temp file

Writes docs/screenshots/*.png. Needs `chromium` (apt-get install chromium) and `pip install playwright` (its own
browser download is not needed: the system chromium is used).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "shared" / "seeds"
CHROMIUM = os.environ.get("LINIMASA_CHROMIUM", "/usr/bin/chromium")
VIEWPORT = {"width": 1280, "height": 860}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: str, port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "linimasa", "serve", "--db", db, "--port", str(port)])
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/documents?per_page=1", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database of the seeds (default: process them now)")
    parser.add_argument("--out", default=str(HERE / "screenshots"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if not db:
            import linimasa

            db = str(Path(tmp) / "seeds.db")
            linimasa.process([SEEDS], db=db).store.close()
        port = free_port()
        server = start(db, port)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        base = f"http://127.0.0.1:{port}"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM)
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(f"{base}/?entity=Joe+Biden&entity=Vladimir+Putin")
                page.screenshot(path=out / "timeline.png", full_page=True)
                page.click("tr[data-event-id] >> text=2021-12-30")
                page.screenshot(path=out / "event.png", full_page=True)
                page.click("ol.history a >> nth=1")  # the report that says the call took place
                page.screenshot(path=out / "document.png", full_page=True)
                page.goto(f"{base}/embed?entity=Joe+Biden&entity=Vladimir+Putin")
                page.wait_for_selector(".tl-timemarker", state="attached", timeout=15000)
                page.wait_for_timeout(1000)
                page.screenshot(path=out / "timelinejs.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(10)
    for path in sorted(out.glob("*.png")):
        print(path)


if __name__ == "__main__":
    main()
