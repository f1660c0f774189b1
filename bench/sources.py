"""Source-quality flag rates on IndoSum (Indonesian news sites) and T17 (English outlets): the share of articles
that carry each flag of `linimasa.sources` (copies, spam or site furniture removed, machine-translation damage, no
date, date inferred), per corpus and per site, through the public API (`linimasa.process`, then
`linimasa.sources.stored_flags`, what `linimasa sources` prints).

These corpora are edited newspaper text, not content farms: their machine-translation rate is the detector's
false-alarm rate on clean prose, and their furniture and spam rates show what the line cleaner removes from
articles that have none. IndoSum comes tokenised and is joined back into text with its URL; T17 is read
from its JSON Lines files, one per topic and outlet, each with its date.

    python bench/sources.py                                  # every article of both corpora
    python bench/sources.py --articles 300 --t17-articles 550  # the first 300 of IndoSum, 50 per T17 folder
    python bench/sources.py --incremental --jobs 2             # add 20 articles to 3,000 vs build the 3,000
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linimasa.api import process  # noqa: E402
from eventdata import indosum_text  # noqa: E402
from linimasa.sources import FLAGS, site_summary, stored_flags  # noqa: E402

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval-data"
INDOSUM = EVAL / "indosum" / "indosum_dev_folds1-5.jsonl.gz"
T17 = EVAL / "timeline17"
# The stages the flags and copy detection need (copies compare the entities two articles name); the event stages
# add nothing to a flag and most of the time.
STAGES = ("clean", "language", "sentences", "dating", "timex", "entities")


def write_jsonl(n: int, path: Path) -> int:
    """The first `n` IndoSum articles as the JSON Lines a user would give: id, URL, text."""
    written = 0
    with gzip.open(INDOSUM, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            row = json.loads(line)
            out.write(json.dumps({"id": row["id"], "url": row.get("source_url", ""), "text": indosum_text(row["paragraphs"])},
                                 ensure_ascii=False) + "\n")
            written += 1
            if written == n:
                break
    return written


def _t17_files(limit: int, tmp: Path) -> list[Path]:
    """T17's per-folder files; with a limit, the first `limit` articles spread over the folders in turn."""
    files = sorted(T17.glob("*/articles.jsonl.gz"))
    if not limit:
        return files
    per = max(1, limit // len(files))
    out = []
    for f in files:
        target = tmp / f.parent.name / "articles.jsonl"
        target.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(f, "rt", encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i == per:
                    break
                dst.write(line)
        out.append(target)
    return out


def measure(name: str, paths: list[Path], db: Path, jobs: int) -> dict:
    t0 = time.perf_counter()
    corpus = process(paths, db=str(db), stages=STAGES, settings={"jobs": jobs})
    flags = stored_flags(corpus.store)
    docs = [(d.id, d.source, d.meta.get("url", "")) for d in corpus.store.documents()]
    seconds = time.perf_counter() - t0
    corpus.store.close()
    counts = Counter(f.name for fs in flags.values() for f in fs)
    cues = Counter(f.detail.split(": ", 1)[1] for fs in flags.values() for f in fs if f.name == "machine_translation")
    n = len(docs)
    sites = site_summary(docs, flags)
    return {
        "corpus": name, "articles": n, "seconds": round(seconds, 1),
        "rates": {f: round(counts[f] / n, 4) if n else 0.0 for f in FLAGS},
        "counts": {f: counts[f] for f in FLAGS},
        "machine_translation_cues": dict(cues.most_common(10)),
        "sites": [s.to_dict() for s in sites[:15]],
    }


def incremental(base: int, new: int, jobs: int) -> dict:
    """Seconds to build a `base`-article IndoSum database with the whole pipeline, then to add `new` more articles
    to it (what a watch round does: the per-document stages for the new ones, then cross-document dating, copies
    and event-date sharpening, which read the stored index, not the articles again)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        every = tmp_path / "all.jsonl"
        write_jsonl(base + new, every)
        lines = every.read_text(encoding="utf-8").splitlines(keepends=True)
        (tmp_path / "base.jsonl").write_text("".join(lines[:base]), encoding="utf-8")
        (tmp_path / "new.jsonl").write_text("".join(lines[base:]), encoding="utf-8")
        db = str(tmp_path / "inc.db")
        t0 = time.perf_counter()
        built = process([tmp_path / "base.jsonl"], db=db, settings={"jobs": jobs})
        build_s = time.perf_counter() - t0
        built.store.close()
        t0 = time.perf_counter()
        added = process([tmp_path / "new.jsonl"], db=db, settings={"jobs": 1})
        add_s = time.perf_counter() - t0
        stored = added.summary.stored
        added.store.close()
    return {"base_articles": base, "build_s": round(build_s, 1), "build_jobs": jobs, "new_articles": new,
            "new_stored": stored, "add_s": round(add_s, 1), "add_jobs": 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0, help="IndoSum articles (0: all).")
    parser.add_argument("--t17-articles", type=int, default=0,
                        help="T17 articles, spread over its 11 folders (0: all; English entities take ~0.35 s each here).")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--out", default=str(Path(__file__).with_name("sources.json")))
    parser.add_argument("--incremental", action="store_true",
                        help="Instead: time adding 20 articles to a 3,000-article database against building it.")
    args = parser.parse_args()
    if args.incremental:
        result = incremental(args.articles or 3000, 20, args.jobs)
        print(json.dumps(result))
        Path(args.out).with_name("sources-incremental.json").write_text(json.dumps(result, indent=1) + "\n")
        return
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        indosum = tmp_path / "indosum.jsonl"
        write_jsonl(args.articles or 10**9, indosum)
        results.append(measure("IndoSum", [indosum], tmp_path / "indosum.db", args.jobs))
        results.append(measure("T17", _t17_files(args.t17_articles, tmp_path), tmp_path / "t17.db", args.jobs))
    for r in results:
        rates = ", ".join(f"{k} {v:.1%}" for k, v in r["rates"].items())
        print(f"{r['corpus']}: {r['articles']} articles in {r['seconds']} s; {rates}")
        print(f"  machine-translation cues: {r['machine_translation_cues']}")
    Path(args.out).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
