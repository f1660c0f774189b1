"""Does linimasa's TimelineJS export load in TimelineJS as is? Render it in TimelineJS itself, in a real browser.

Runs the seeds through linimasa, exports `--format timelinejs` (the whole timeline and the Biden–Putin query), and
opens each in TimelineJS (the npm package `@knight-lab/timelinejs`, the library the Knight Lab embed serves)
in headless Chromium; reads back the rendered page and checks: no exception on load, one slide per event plus the
title slide, one time-marker per event, and each event's headline on a slide.

Needs Node's npm (to fetch TimelineJS from the npm registry once, into --cache) and a Chromium
(`apt-get install chromium`); not part of the test suite, which checks the JSON against TimelineJS's documented
format (`tests/export/test_timeline_formats.py`).

    python bench/timelinejs_render.py            # writes bench/timelinejs.json
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
TIMELINEJS = "@knight-lab/timelinejs@3.9.11"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{dist}/css/timeline.css"><script src="{dist}/js/timeline.js"></script>
</head><body><div id="timeline-embed" style="width:1000px;height:600px"></div><script>
try {{ new TL.Timeline('timeline-embed', {data}); document.title = 'loaded'; }}
catch (e) {{ document.title = 'error: ' + e; }}
</script></body></html>"""
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--virtual-time-budget=10000"]


def timelinejs(cache: Path) -> Path:
    """The TimelineJS distribution folder, fetched from the npm registry into `cache` the first time."""
    dist = cache / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    if not dist.exists():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(cache), TIMELINEJS], check=True)
    return dist


def render(data: dict, dist: Path, browser: str, work: Path) -> dict:
    """Load `data` (TimelineJS JSON) in TimelineJS in headless Chromium and report what the page shows."""
    page = work / "page.html"
    page.write_text(PAGE.format(dist=dist.as_uri(), data=json.dumps(data)), encoding="utf-8")
    dom = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={work / 'profile'}", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    title = re.search(r"<title>([^<]*)", dom)
    headlines = [html.unescape(h).strip() for h in re.findall(r'<h2 class="tl-headline">([^<]*)', dom)]
    wanted = [html.unescape(re.sub(r"<[^>]+>", "", e["text"]["headline"])).strip() for e in data["events"]]
    return {
        "events": len(data["events"]),
        "loaded": bool(title and title.group(1) == "loaded"),
        "page_title": title.group(1) if title else "",
        "slides": len(re.findall(r'class="tl-slide[ "]', dom)),
        "time_markers": len(re.findall(r'class="tl-timemarker[ "]', dom)),
        "headlines_on_slides": sum(1 for h in set(wanted) if h in headlines),
        "distinct_headlines": len(set(wanted)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "linimasa-timelinejs")
    parser.add_argument("--browser", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "timelinejs.json")
    args = parser.parse_args()
    dist = timelinejs(args.cache)
    linimasa = [sys.executable, "-m", "linimasa"]
    report = {"timelinejs": TIMELINEJS, "browser": subprocess.run([args.browser, "--version"], capture_output=True,
                                                                   text=True).stdout.strip()}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = work / "seeds.db"
        subprocess.run([*linimasa, "run", str(SEEDS), "--db", str(db)], check=True, capture_output=True)
        queries = {"whole timeline": [], "Joe Biden + Vladimir Putin": ["--entity", "Joe Biden", "--entity",
                                                                       "Vladimir Putin"]}
        for name, extra in queries.items():
            out = subprocess.run([*linimasa, "timeline", "--db", str(db), *extra, "--format", "timelinejs"],
                                 check=True, capture_output=True, text=True).stdout
            report[name] = render(json.loads(out), dist, args.browser, work)
            print(name, json.dumps(report[name]))
    args.out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
