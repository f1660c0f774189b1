"""Timeline summarisation (TLS) benchmark: Timeline17 (en) and ML-Crisis (es/fr/it) as in news-tls.

After a warm-up that loads the libraries and models once (reported as start-up seconds), for every gold
timeline linimasa reads the topic's articles (clean, language, sentences, dating, timex), picks
as many dates as the gold has, within the gold's first and last date, and as many sentences per date as the gold
has on average (rounded), with `linimasa.corpus.summarise`. Scores are tilse's (Martschat & Markert 2017), written
here after tilse 0.2.1: date-selection F1, and alignment-based ROUGE-1/2 F1 with the many-to-one date-content
alignment ("align+ m:1", news-tls's AR-1/AR-2) and concat ROUGE. ROUGE counts follow tilse's reimplementation
(lower case, Porter stems from NLTK, stop words and punctuation out); the stop words are spaCy's, as the ROUGE
1.5.5 SMART list is not available offline — so figures are close to, not identical with, Perl ROUGE.

    python bench/tls.py                 # T17 (all visible topics) and ML-Crisis es/fr/it
    python bench/tls.py --only t17 --topics H1N1_bbc
    python bench/tls.py --only t17 --jobs 2 --out /tmp/tls-2.json   # two topics at a time (wall-clock per topic)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linimasa.api import process  # noqa: E402
from linimasa.lang import available  # noqa: E402
from linimasa.corpus.summarise import dated_sentences, summarise  # noqa: E402
from tlsmetrics import Scorer  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval-data"
STAGES = ("clean", "language", "sentences", "dating", "timex")
NEWS_TLS_T17 = {"date_f1": 0.544, "ar1_f1": 0.120, "ar2_f1": 0.035, "s_per_topic": 16}  # DATEWISE, ACL 2020 table


def read_timelines(path: Path) -> dict[date, list[str]]:
    """A tilse-format gold timeline: date line, sentences, dashed separator."""
    out: dict[date, list[str]] = {}
    for block in path.read_text(encoding="utf-8", errors="replace").split("--------------------------------"):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        try:
            day = date.fromisoformat(lines[0][:10])
        except ValueError:
            continue
        out.setdefault(day, []).extend(lines[1:])
    return out


def run_topic(articles: Path, golds: list[Path], lang: str, scorer: Scorer) -> list[dict]:
    t0 = time.perf_counter()
    corpus = process([articles], db=":memory:", stages=STAGES, settings={"languages": lang, "default_lang": lang,
                                                                           "dedupe": False})
    documents = corpus.documents
    corpus.store.close()
    prepared = time.perf_counter() - t0
    rows = []
    for gold_path in golds:
        t1 = time.perf_counter()
        sentences = [s for doc in documents for s in dated_sentences(doc)]
        gold = read_timelines(gold_path)
        if not gold:
            continue
        per_date = max(1, round(sum(len(v) for v in gold.values()) / len(gold)))
        start, end = min(gold).isoformat(), max(gold).isoformat()
        predicted = {date.fromisoformat(d): texts for d, texts in
                     summarise(sentences, len(gold), per_date, lang, start, end)}
        scores = scorer.all(predicted, gold)
        rows.append({"timeline": f"{articles.parent.name}/{gold_path.stem}" if articles.name == "articles.jsonl.gz"
                     else f"{lang}/{gold_path.stem}", "articles": len(documents), "gold_dates": len(gold),
                     "per_date": per_date, **scores, "seconds": round(prepared + time.perf_counter() - t1, 1),
                     "seconds_summarising": round(time.perf_counter() - t1, 2)})
    return rows


WARM_UP_TEXT = {"en": "Officials met on Monday, 3 May 2010, and said talks would resume next week.",
                "es": "Los ministros se reunieron el lunes 3 de mayo de 2010.",
                "fr": "Les ministres se sont réunis le lundi 3 mai 2010.",
                "it": "I ministri si sono riuniti lunedì 3 maggio 2010."}


def warm_up(lang: str) -> float:
    """Load what a run loads once (libraries, language models) on a one-line article; seconds taken. A topic's
    seconds then count the work on its own articles, as a running service would spend it."""
    import tempfile

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "warm-up.txt").write_text(f"Warm-up\n\n{WARM_UP_TEXT[lang]}\n", encoding="utf-8")
        process([tmp], db=":memory:", stages=STAGES, settings={"languages": lang, "default_lang": lang,
                                                                "dedupe": False}).store.close()
    return time.perf_counter() - started


def _t17_topic(folder: str, scorer: Scorer | None = None) -> list[dict]:
    path = Path(folder)
    return run_topic(path / "articles.jsonl.gz", sorted((path / "timelines").glob("*.txt")), "en", scorer or Scorer())


def _mean(rows: list[dict], key: str) -> float:
    return round(sum(r[key] for r in rows) / len(rows), 3) if rows else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["t17", "ml-crisis"], default="")
    parser.add_argument("--topics", nargs="*", default=[])
    parser.add_argument("--out", default=str(Path(__file__).with_name("tls.json")))
    parser.add_argument("--jobs", type=int, default=1, help="T17 topics processed side by side")
    args = parser.parse_args()
    scorer = Scorer()
    report: dict = {}
    if args.only in ("", "t17"):
        folders = [str(p) for p in sorted((SHARED / "timeline17").iterdir())
                   if p.is_dir() and (not args.topics or p.name in args.topics)]
        startup = warm_up("en")
        started = time.perf_counter()
        if args.jobs > 1:  # topics side by side, one per process (the machine's cores, as `linimasa run --jobs`)
            with multiprocessing.get_context("spawn").Pool(args.jobs, warm_up, ("en",)) as pool:
                rows = [r for rows_ in pool.map(_t17_topic, folders) for r in rows_]
        else:
            rows = [r for folder in folders for r in _t17_topic(folder, scorer)]
        wall = time.perf_counter() - started
        for row in rows:
            print(json.dumps(row), flush=True)
        topics = {r["timeline"].split("/")[0] for r in rows}
        report["t17"] = {"timelines": rows, "mean": {k: _mean(rows, k) for k in
                                                      ("date_f1", "ar1_f1", "ar2_f1", "concat_r1_f1", "seconds",
                                                       "seconds_summarising")},
                         "seconds_per_topic": round(sum(r["seconds"] for r in rows) / max(1, len(topics)), 1),
                         "jobs": args.jobs, "wall_seconds_per_topic": round(wall / max(1, len(topics)), 1),
                         "startup_seconds": round(startup, 1), "news_tls_datewise": NEWS_TLS_T17}
        print("t17 mean:", json.dumps(report["t17"]["mean"]), "s/topic:", report["t17"]["seconds_per_topic"],
              "wall s/topic:", report["t17"]["wall_seconds_per_topic"], f"({args.jobs} process(es));",
              f"start-up (once per process): {startup:.1f} s")
    if args.only in ("", "ml-crisis"):
        for lang in [code for code in ("es", "fr", "it") if code in available()]:
            warm_up(lang)
            rows = []
            for articles in sorted((SHARED / "ml-crisis" / lang).glob("*.articles.jsonl.gz")):
                topic = articles.name.split(".")[0]
                if args.topics and topic not in args.topics:
                    continue
                gold = SHARED / "ml-crisis" / lang / "reference" / f"{topic}.txt"
                rows += run_topic(articles, [gold], lang, scorer)
                print(json.dumps(rows[-1]), flush=True)
            report[f"ml-crisis-{lang}"] = {"timelines": rows, "mean": {k: _mean(rows, k) for k in
                                                                         ("date_f1", "ar1_f1", "ar2_f1", "seconds")}}
            print(f"ml-crisis {lang} mean:", json.dumps(report[f"ml-crisis-{lang}"]["mean"]))
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
