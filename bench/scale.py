"""Scale benchmark: a 3,000-article Indonesian run (IndoSum) through the whole pipeline into SQLite, with the
process's memory sampled as it goes (it must stay flat while articles stream through; the cross-document steps at the end hold the event
mentions) and articles per second. Memory is this process's: with `--jobs` the stages run in worker processes
that each hold one batch of documents.

IndoSum stores tokenised paragraphs; they are joined back into text (spaces before punctuation removed) and
written, with the article's URL, to a temporary JSONL file — the form a user would give linimasa.

    python bench/scale.py                   # 3,000 articles
    python bench/scale.py --articles 500 --jobs 2
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linimasa.api import process  # noqa: E402

INDOSUM = Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "indosum" / "indosum_dev_folds1-5.jsonl.gz"
SAMPLE_EVERY = 250


def _rss_mib() -> float:
    """Resident memory of this process now, in MiB (Linux /proc)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 2**20


def _text(paragraphs: list[list[list[str]]]) -> str:
    out = []
    for paragraph in paragraphs:
        sentences = [re.sub(r" ([.,;:!?%)\]])", r"\1", " ".join(tokens)).replace("( ", "(") for tokens in paragraph]
        out.append(" ".join(sentences))
    return "\n\n".join(out)


def write_jsonl(n: int, path: Path) -> int:
    written = 0
    with gzip.open(INDOSUM, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            row = json.loads(line)
            out.write(json.dumps({"id": row["id"], "url": row.get("source_url", ""), "text": _text(row["paragraphs"])},
                                 ensure_ascii=False) + "\n")
            written += 1
            if written == n:
                break
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--out", default=str(Path(__file__).with_name("scale.json")))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "indosum.jsonl"
        n = write_jsonl(args.articles, source)
        samples: list[tuple[int, float]] = [(0, round(_rss_mib(), 1))]
        seen = 0

        def sample(_doc) -> None:
            nonlocal seen
            seen += 1
            if seen % SAMPLE_EVERY == 0:
                samples.append((seen, round(_rss_mib(), 1)))
                print(f"{seen} articles, {samples[-1][1]} MiB", flush=True)

        t0 = time.perf_counter()
        corpus = process([source], db=str(Path(tmp) / "indosum.db"), on_document=sample,
                         settings={"jobs": args.jobs})
        seconds = time.perf_counter() - t0
        streamed = [m for k, m in samples if k >= SAMPLE_EVERY]
        events = len(corpus.timeline.events)
        corpus.store.close()
    report = {
        "articles": n, "stored": corpus.summary.stored, "skipped": len(corpus.summary.skipped),
        "dated_across": corpus.summary.dated_across, "copies": corpus.summary.copies, "events": events,
        "seconds": round(seconds, 1), "articles_per_s": round(n / seconds, 1), "jobs": args.jobs,
        "rss_mib_samples": samples,
        "rss_growth_mib_while_streaming": round(max(streamed) - min(streamed), 1) if streamed else 0.0,
        "rss_mib_after_corpus_steps": round(_rss_mib(), 1),
    }
    print(json.dumps(report))
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
